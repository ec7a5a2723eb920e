import Foundation

/// A Markdown page as a real CommonMark renderer (Python's `markdown-it-py`, with GFM tables) reads it.
///
/// Runs `Tests/Support/render-commonmark.py`, which accepts every link target, so a link that any viewer
/// would draw shows up here.
struct RenderedMarkdown: Decodable {
    /// The page as HTML.
    var html: String
    /// Block tokens (`heading_open h2`) and inline tokens other than plain text (`strong_open`, `link_open`).
    var shape: [String]
    /// The text of each table row's cells, header rows included.
    var rows: [[String]]

    /// The inline tokens that patient text must never produce.
    static let forbiddenTokens: Set<String> = ["link_open", "image", "html_inline", "html_block"]

    /// The tokens this page has that `other` lacks (`+`) and lacks that `other` has (`-`), in page order.
    func changes(from other: RenderedMarkdown, ignoring ignored: Set<String> = []) -> [String] {
        let mine = shape.filter { !ignored.contains($0) }
        let theirs = other.shape.filter { !ignored.contains($0) }
        return mine.difference(from: theirs).map { change in
            switch change {
            case let .insert(offset, token, _): "+\(token) at \(offset)"
            case let .remove(offset, token, _): "-\(token) at \(offset)"
            }
        }
    }

    /// Renders `page`.
    ///
    /// - Throws: ``RendererUnavailable`` when python3 or markdown-it-py is missing.
    static func render(_ page: String) throws -> RenderedMarkdown {
        let run = try PythonScript.run([PythonScript.support("render-commonmark.py")], input: Data(page.utf8), mergingErrors: true)
        guard run.status == 0 else { throw RendererUnavailable(status: run.status, output: run.text) }
        return try JSONDecoder().decode(RenderedMarkdown.self, from: run.output)
    }

    /// The renderer script failed: usually `python3 -m pip install markdown-it-py` is needed (`.ci/run` does it).
    struct RendererUnavailable: Error, CustomStringConvertible {
        var status: Int32
        var output: String
        var description: String { "the CommonMark renderer could not run (exit \(status)): \(output)" }
    }
}
