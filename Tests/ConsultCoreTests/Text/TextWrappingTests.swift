import Foundation
import Testing
@testable import ConsultCore

/// Wrapping an ASCII text byte by byte gives exactly the lines wrapping it character by character does, and the
/// lines a screen shows are those of the wrapped text split at its line breaks.
@Suite struct TextWrappingTests {
    static let widths = [8, 20, 33, 79]

    /// Paragraphs of the scripted patients' transcripts: dialog text, options, instructions, answers.
    static func transcriptTexts() throws -> [String] {
        let folder = BundledConsultation.packageRoot.appendingPathComponent("tests/transcripts")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        return try names.flatMap { name in
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            return [text] + text.components(separatedBy: "\n\n")
        }
    }

    /// Texts of words, spaces, tabs, line breaks, list markers, indents and words too long for a line.
    static func randomTexts(count: Int) -> [String] {
        var random = SplitMix64(seed: 0x7E47_2026)
        let pieces = ["word", "a", "longer-word", "x", "- ", "* ", "1. ", "12) ", "1234. ", "3.", "-", "*", "  ", " ", "\t", "\n",
                      "\n\n", "   - ", "  2) ", String(repeating: "m", count: 45), String(repeating: "z", count: 90), "?", "(b)",
                      "0)", "•", ".", ")"]
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...40, using: &random)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &random)] }
                .joined(separator: Int.random(in: 0..<3, using: &random) == 0 ? "" : " ")
        }
    }

    @Test func asciiTextWrapsByteByByteAsCharacterByCharacter() throws {
        var compared = 0
        for text in try Self.transcriptTexts() + Self.randomTexts(count: 3_000) {
            for width in Self.widths {
                guard let bytes = TextWrapping.asciiLines(text, width: width) else { continue }
                #expect(bytes == TextWrapping.characterLines(text, width: width), "\(text.debugDescription) at \(width)")
                compared += 1
            }
        }
        #expect(compared > 5_000)
    }

    @Test func screenLinesAreTheWrappedTextSplitAtLineBreaks() throws {
        let others = ["Tenés que esperar\n- un mes\n- o dos", "a\r\nb", "line\r\n\r\n- item one\r\n", "café\tcrème brûlée", "👋🏽 hi",
                      "e\u{301} - x", "\r", ""]
        for text in try Self.transcriptTexts() + Self.randomTexts(count: 500) + others {
            for width in Self.widths {
                let wrapped = TextWrapping.wrap(text, width: width)
                #expect(TextWrapping.lines(text, width: width)
                        == wrapped.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), "\(text.debugDescription)")
            }
        }
        #expect(TextWrapping.asciiLines("a\r\nb", width: 20) == nil)
        #expect(TextWrapping.asciiLines("café", width: 20) == nil)
        #expect(TextWrapping.wrap("- one two three four\n12) five six seven", width: 12) == "- one two\n  three four\n12) five six\n    seven")
    }
}
