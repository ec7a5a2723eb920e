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
        let width = max(width, 8)
        var output: [String] = []
        var item: (indent: String, firstPrefix: String, words: [Substring])?

        func flushItem() {
            guard let current = item else { return }
            output.append(contentsOf: wrapItem(current.words, firstPrefix: current.firstPrefix, indent: current.indent, width: width))
            item = nil
        }

        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if words.isEmpty {
                flushItem()
                output.append("")
                continue
            }
            if let marker = listMarker(in: line) {
                flushItem()
                let prefix = String(repeating: " ", count: marker.leadingSpaces) + marker.marker + " "
                let indent = String(repeating: " ", count: prefix.count)
                item = (indent, prefix, Array(words.dropFirst()))
            } else if item != nil {
                item!.words.append(contentsOf: words)
            } else {
                let leadingSpaces = line.prefix(while: { $0 == " " }).count
                let indent = String(repeating: " ", count: leadingSpaces)
                item = (indent, indent, words)
            }
        }
        flushItem()
        return output.joined(separator: "\n")
    }

    // MARK: - Details

    private static func listMarker(in line: Substring) -> (leadingSpaces: Int, marker: String)? {
        let leadingSpaces = line.prefix(while: { $0 == " " }).count
        let rest = line.dropFirst(leadingSpaces)
        guard let token = rest.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false).first,
              token.endIndex < rest.endIndex  // the marker must be followed by a space (ends compared: counting walks the line)
        else { return nil }
        if ["-", "*", "•"].contains(token) {
            return (leadingSpaces, String(token))
        }
        if let last = token.last, last == "." || last == ")" {
            let number = token.dropLast()
            if !number.isEmpty && number.count <= 3 && number.allSatisfy({ ("0"..."9").contains($0) }) {
                return (leadingSpaces, String(token))
            }
        }
        return nil
    }

    private static func wrapItem(_ words: [Substring], firstPrefix: String, indent: String, width: Int) -> [String] {
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
            var word = Substring(word)
            // Counted once: counting a word's characters walks it.
            var wordCount = word.count
            if currentHasWord && currentCount + 1 + wordCount > width {
                startLine()
            }
            // A word that cannot fit on a line of its own is split.
            while !currentHasWord && currentCount + wordCount > width {
                let room = max(width - currentCount, 1)
                current += word.prefix(room)
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
            current += word
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
}
