/// Word-wrapping of plain text for a screen of a given width.
///
/// Used by the terminal and by plain renderings of a session (replays), so both break lines the same way.
public enum TextWrapping {
    /// Word-wraps `text` to `width` columns.
    ///
    /// Blank lines separate paragraphs and are kept; the lines of a paragraph are joined and re-flowed.
    /// A line starting with a list marker (`1.`, `2)`, `-`, `*`, `•`) starts a new item whose
    /// continuation lines are indented under its text. A word longer than the line is split.
    /// Widths count characters, so wide (East Asian) characters and emoji may overflow.
    ///
    /// - Returns: The wrapped text, without a trailing newline.
    public static func wrap(_ text: String, width: Int) -> String {
        (asciiLines(text, width: width) ?? characterLines(text, width: width)).joined(separator: "\n")
    }

    /// The lines of ``wrap(_:width:)``: the wrapped text split at its line breaks, as a screen shows them.
    static func lines(_ text: String, width: Int) -> [String] {
        // An ASCII text has no line that ends in a carriage return, so its lines are those that `wrap` joins.
        if let lines = asciiLines(text, width: width) { return lines }
        return wrap(text, width: width).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The wrapped lines of a text of ASCII characters without carriage returns, read byte by byte; `nil` for any
    /// other text.
    ///
    /// In such a text each byte is a character (only a carriage return before a line feed makes one character of two),
    /// so the bytes wrap exactly as the characters do, and walking characters (grapheme breaking) was most of the time
    /// of rendering a turn. Almost all text is such: the bundled dialogs', the program's English, what patients type.
    static func asciiLines(_ text: String, width: Int) -> [String]? {
        guard text.utf8.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: "\r") }) else { return nil }
        return wrap(text[...].utf8, width: width, alphabet: .bytes)
    }

    /// The wrapped lines of any text, read character by character (joined, they are ``wrap(_:width:)``).
    static func characterLines(_ text: String, width: Int) -> [String] {
        wrap(text[...], width: width, alphabet: .characters)
    }

    // MARK: - Details

    /// What the wrapping needs to know of a text's elements: characters, or the bytes of an ASCII text.
    fileprivate struct Alphabet<Text: BidirectionalCollection> where Text.SubSequence == Text, Text.Element: Equatable {
        let newline: Text.Element
        let space: Text.Element
        let tab: Text.Element
        let isDigit: (Text.Element) -> Bool
        /// Whether a token ends with `.` or `)`, as a number's list marker does.
        let endsNumberMarker: (Text.Element) -> Bool
        /// A line without the carriage return of a CRLF line break.
        let withoutCarriageReturn: (Text) -> Text
        let string: (Text) -> String
    }

    private static func wrap<Text>(_ text: Text, width: Int, alphabet: Alphabet<Text>) -> [String] {
        let width = max(width, 8)
        var output: [String] = []
        var item: (indent: String, firstPrefix: String, words: [Text])?

        func flushItem() {
            guard let current = item else { return }
            output.append(contentsOf: wrapItem(current.words, firstPrefix: current.firstPrefix, indent: current.indent, width: width,
                                               alphabet: alphabet))
            item = nil
        }

        for rawLine in text.split(separator: alphabet.newline, omittingEmptySubsequences: false) {
            let line = alphabet.withoutCarriageReturn(rawLine)
            let words = line.split(whereSeparator: { $0 == alphabet.space || $0 == alphabet.tab })
            if words.isEmpty {
                flushItem()
                output.append("")
                continue
            }
            if let marker = listMarker(in: line, alphabet: alphabet) {
                flushItem()
                let prefix = String(repeating: " ", count: marker.leadingSpaces) + marker.marker + " "
                let indent = String(repeating: " ", count: prefix.count)
                item = (indent, prefix, Array(words.dropFirst()))
            } else if item != nil {
                item!.words.append(contentsOf: words)
            } else {
                let leadingSpaces = line.prefix(while: { $0 == alphabet.space }).count
                let indent = String(repeating: " ", count: leadingSpaces)
                item = (indent, indent, words)
            }
        }
        flushItem()
        return output
    }

    private static func listMarker<Text>(in line: Text, alphabet: Alphabet<Text>) -> (leadingSpaces: Int, marker: String)? {
        let leadingSpaces = line.prefix(while: { $0 == alphabet.space }).count
        let rest = line.dropFirst(leadingSpaces)
        guard let token = rest.split(separator: alphabet.space, maxSplits: 1, omittingEmptySubsequences: false).first,
              token.endIndex < rest.endIndex  // the marker must be followed by a space (ends compared: counting walks the line)
        else { return nil }
        let marker = alphabet.string(token)
        if ["-", "*", "•"].contains(marker) {
            return (leadingSpaces, marker)
        }
        if let last = token.last, alphabet.endsNumberMarker(last) {
            let number = token.dropLast()
            if !number.isEmpty && number.count <= 3 && number.allSatisfy(alphabet.isDigit) {
                return (leadingSpaces, marker)
            }
        }
        return nil
    }

    private static func wrapItem<Text>(_ words: [Text], firstPrefix: String, indent: String, width: Int,
                                       alphabet: Alphabet<Text>) -> [String] {
        // Keep at least half the width for text, however deep the indent.
        let indent = indent.count <= width / 2 ? indent : String(repeating: " ", count: width / 2)
        var lines: [String] = []
        var current = firstPrefix
        var currentHasWord = false
        var currentCount = firstPrefix.count

        func startLine() {
            lines.append(current)
            current = indent
            currentCount = indent.count
            currentHasWord = false
        }

        for word in words {
            var word = word
            // Counted once: counting a word's characters walks it.
            var wordCount = word.count
            if currentHasWord && currentCount + 1 + wordCount > width {
                startLine()
            }
            // A word that cannot fit on a line of its own is split.
            while !currentHasWord && currentCount + wordCount > width {
                let room = max(width - currentCount, 1)
                current += alphabet.string(word.prefix(room))
                word = word.dropFirst(room)
                wordCount = max(wordCount - room, 0)
                currentHasWord = true
                startLine()
            }
            guard !word.isEmpty else { continue }
            if currentHasWord {
                current += " "
                currentCount += 1
            }
            current += alphabet.string(word)
            currentCount += wordCount
            currentHasWord = true
        }
        if currentHasWord || lines.isEmpty {
            lines.append(current)
        }
        return lines.map { line in
            var line = Substring(line)
            while line.last == " " { line = line.dropLast() }
            return String(line)
        }
    }

    // MARK: - Alphabets
}

extension TextWrapping.Alphabet where Text == Substring {
    /// Characters: any text.
    static var characters: Self {
        Self(newline: "\n", space: " ", tab: "\t", isDigit: { ("0"..."9").contains($0) },
             endsNumberMarker: { $0 == "." || $0 == ")" },
             withoutCarriageReturn: { $0.hasSuffix("\r") ? $0.dropLast() : $0 }, string: { String($0) })
    }
}

extension TextWrapping.Alphabet where Text == Substring.UTF8View {
    /// Bytes: a text of ASCII characters without carriage returns, where each byte is a character.
    static var bytes: Self {
        Self(newline: UInt8(ascii: "\n"), space: UInt8(ascii: " "), tab: UInt8(ascii: "\t"),
             isDigit: { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) },
             endsNumberMarker: { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ")") },
             withoutCarriageReturn: { $0 }, string: { String(Substring($0)) })
    }
}
