import Testing
@testable import ConsultCore

/// Where a block scalar's text starts is found from the file's lines without splitting the whole file into
/// characters; it must be what the character lines say.
@Suite struct SourceFilesTests {
    /// The answer from the file split into lines of characters, as locations are found elsewhere.
    static func expected(_ text: String, after indicator: ConsultCore.SourceLocation) -> ConsultCore.SourceLocation {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
        var line = indicator.line
        while line < lines.count {
            if let column = lines[line].firstIndex(where: { !$0.isWhitespace }) {
                return ConsultCore.SourceLocation(file: indicator.file, line: line + 1, column: column + 1)
            }
            line += 1
        }
        return indicator
    }

    @Test func blockContentStartMatchesTheCharacterLines() {
        let texts = [
            "a: |\n  hello\n",
            "a: |-\n\n   \n    é and ü\nb: x",
            "x:\n  - say: >\n      Folded\n      text\n  - end: |\n\n\n",
            "só: |\n\t\n  🙂 emoji\n",
            "",
            "no newline at the end: |",
        ]
        for text in texts {
            var sources = SourceFiles()
            sources.add(text, path: "f.yaml")
            let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
            for line in 1...(lineCount + 1) {
                for column in [1, 4] {
                    let indicator = ConsultCore.SourceLocation(file: "f.yaml", line: line, column: column)
                    #expect(sources.blockContentStart(after: indicator) == Self.expected(text, after: indicator),
                            "\(text.debugDescription) line \(line)")
                }
            }
        }
        // A file it was not given: the indicator itself.
        let elsewhere = ConsultCore.SourceLocation(file: "other.yaml", line: 2, column: 3)
        #expect(SourceFiles().blockContentStart(after: elsewhere) == elsewhere)
    }
}
