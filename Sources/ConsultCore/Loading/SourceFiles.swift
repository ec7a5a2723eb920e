/// The text of the files being loaded, so a position inside a YAML scalar's value can be traced back
/// to the line and column where it was written.
///
/// The value of a scalar is not its text in the file: block scalars (`|`, `>`) start on the next line
/// and drop indentation, folding turns line breaks into spaces, and quoted scalars have escapes
/// (`\"`, `''`). Diagnostics inside conditions and text would drift without this.
struct SourceFiles: Sendable {
    private var files: [String: FileLines] = [:]

    /// Remembers the text of the file at `path` (the path as given, as in diagnostics).
    mutating func add(_ text: String, path: String) {
        files[path] = FileLines(text)
    }

    /// A file's text, split into lines only when a location in it is first asked for: splitting every file into
    /// characters up front was an eighth of loading the bundled dialogs.
    private struct FileLines: Sendable {
        let text: String
        /// The lines as characters, for locations inside a scalar's value (errors).
        let lines: LazyValue<[[Character]]>
        /// Where each line starts (after each line feed), found on the bytes.
        let starts: LazyValue<[String.Index]>

        init(_ text: String) {
            self.text = text
            lines = LazyValue { text.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init) }
            starts = LazyValue {
                var found = [text.startIndex]
                let utf8 = text.utf8
                var index = utf8.startIndex
                while let newline = utf8[index...].firstIndex(of: UInt8(ascii: "\n")) {
                    index = utf8.index(after: newline)
                    found.append(index)
                }
                return found
            }
        }

        /// The first character that is not blank on line `line` (0-based) or a later one: its line and column
        /// (0-based, in characters). Looks only at those lines, so block scalars (every `|` text) cost no split.
        func firstNonBlank(fromLine line: Int) -> (line: Int, column: Int)? {
            let starts = starts.value
            for current in line..<max(line, starts.count) {
                let start = starts[current]
                let end = current + 1 < starts.count ? starts[current + 1] : text.endIndex
                if let column = text[start..<end].firstIndex(where: { !$0.isWhitespace }) {
                    return (current, text.distance(from: start, to: column))
                }
            }
            return nil
        }
    }

    /// Where the content of a block scalar begins, given where its `|` or `>` indicator is.
    ///
    /// That is the first non-blank character on a line after the indicator's line; without the
    /// file's text, the indicator itself.
    func blockContentStart(after indicator: SourceLocation) -> SourceLocation {
        guard let file = files[indicator.file], let found = file.firstNonBlank(fromLine: indicator.line) else { return indicator }
        return SourceLocation(file: indicator.file, line: found.line + 1, column: found.column + 1)
    }

    /// The file location of the character at `offset` in `value`, the value of a scalar whose
    /// content starts at `start`.
    ///
    /// It walks the file's text and the value side by side, skipping what the value does not hold
    /// (indentation, line breaks folded away, quotes and escapes). Without the file's text it
    /// follows the value's own newlines, which is exact for single-line scalars.
    func location(ofOffset offset: Int, in value: String, from start: SourceLocation) -> SourceLocation {
        guard let lines = files[start.file]?.lines.value, start.line >= 1, start.line <= lines.count else {
            return Self.followingNewlines(offset, in: value, from: start)
        }
        var cursor = Cursor(lines: lines, line: start.line - 1, column: max(0, start.column - 1))
        let opening = cursor.previous
        let characters = Array(value)
        for character in characters.prefix(offset) {
            if opening == "\"" { cursor.skipEscapedLineBreaks() }
            if opening == "\"", cursor.current == "\\" {
                cursor.skipEscape()
            } else if opening == "'", character == "'", cursor.current == "'" {
                cursor.advance(by: 2)
            } else if cursor.seek(character) {
                cursor.advance(by: 1)
            } else {
                cursor.advance(by: 1)
            }
        }
        if offset < characters.count { _ = cursor.seek(characters[offset]) }
        return SourceLocation(file: start.file, line: cursor.line + 1, column: cursor.column + 1)
    }

    /// The location `offset` characters into `value`, counting the value's newlines as the file's.
    static func followingNewlines(_ offset: Int, in value: String, from start: SourceLocation) -> SourceLocation {
        var line = start.line
        var column = start.column
        for character in value.prefix(offset) {
            if character == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return SourceLocation(file: start.file, line: line, column: column)
    }

    /// A position in a file's text; a column one past a line's last character is its line break.
    private struct Cursor {
        /// Most characters other than blanks skipped while looking for the next character of the value.
        static let searchLimit = 10

        let lines: [[Character]]
        var line: Int
        var column: Int

        var current: Character? { character(atLine: line, column: column) }

        var previous: Character? { column > 0 ? character(atLine: line, column: column - 1) : nil }

        func character(atLine line: Int, column: Int) -> Character? {
            guard line < lines.count else { return nil }
            if column < lines[line].count { return lines[line][column] }
            return line + 1 < lines.count ? "\n" : nil
        }

        mutating func advance(by count: Int) {
            for _ in 0..<count {
                guard line < lines.count else { return }
                if column < lines[line].count {
                    column += 1
                } else {
                    line += 1
                    column = 0
                }
            }
        }

        /// Moves to the next occurrence of `target` if it comes after only blanks and a few other characters.
        mutating func seek(_ target: Character) -> Bool {
            var probe = self
            var others = 0
            while let found = probe.current {
                if found == target {
                    self = probe
                    return true
                }
                if !found.isWhitespace {
                    others += 1
                    if others > Self.searchLimit { return false }
                }
                probe.advance(by: 1)
            }
            return false
        }

        /// Skips escaped line breaks of a double-quoted scalar (a `\` at the end of a line) and the
        /// indentation after them: they stand for nothing in the value.
        mutating func skipEscapedLineBreaks() {
            while current == "\\", character(atLine: line, column: column + 1) == "\n" {
                advance(by: 2)
                while let next = current, next == " " || next == "\t" { advance(by: 1) }
            }
        }

        /// Skips one escape of a double-quoted scalar, which stands for one character of the value
        /// (`\"`, `\n`, `\x41`, `\u00e9`, `\U0001F600`).
        mutating func skipEscape() {
            switch character(atLine: line, column: column + 1) {
            case "x"?: advance(by: 4)
            case "u"?: advance(by: 6)
            case "U"?: advance(by: 10)
            default: advance(by: 2)
            }
        }
    }
}
