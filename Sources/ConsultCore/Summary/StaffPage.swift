/// The staff page (`.md`) read back into blocks, to draw it for a terminal or print it as HTML.
///
/// Reads exactly the Markdown that ``SummaryRenderer/markdown(_:)`` writes: headings, paragraphs, `>` banners,
/// ordered and bulleted lists (nested by indentation), pipe tables, `---`, and inline `**strong**`, `` `code` ``
/// and backslash escapes. Escaped characters come back as themselves, so text a patient typed is shown as typed
/// and never as formatting; every renderer escapes it again for its own output.
public struct StaffPage: Sendable, Hashable {
    public var blocks: [Block]

    /// One block of the page.
    public enum Block: Sendable, Hashable {
        case heading(level: Int, [Inline])
        case paragraph([Inline])
        case banner([Inline])
        /// Items of a list, with their depth (0 for the outer list) and whether the list is numbered.
        case list([ListItem])
        case table(header: [[Inline]], rows: [[[Inline]]])
        case rule
    }

    public struct ListItem: Sendable, Hashable {
        public var depth: Int
        /// `1.`, `2.` for numbered items; `nil` for bullets.
        public var number: String?
        public var text: [Inline]
    }

    /// A run of text with one emphasis.
    public struct Inline: Sendable, Hashable {
        public var text: String
        public var strong: Bool
        public var code: Bool
    }

    /// Reads a staff page.
    public init(markdown: String) {
        var blocks: [Block] = []
        let chunks = markdown.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
        for chunk in chunks {
            let lines = chunk.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            guard let first = lines.first else { continue }
            if first.hasPrefix("#") {
                let level = first.prefix { $0 == "#" }.count
                blocks.append(.heading(level: level, Self.inlines(String(first.dropFirst(level)).trimmingLeadingSpaces)))
                if lines.count > 1 { blocks.append(.paragraph(Self.inlines(lines.dropFirst().joined(separator: " ")))) }
            } else if first == "---" {
                blocks.append(.rule)
            } else if first.hasPrefix(">") {
                blocks.append(.banner(Self.inlines(lines.map { String($0.dropFirst()).trimmingLeadingSpaces }.joined(separator: " "))))
            } else if first.hasPrefix("|") {
                let rows = lines.filter { !$0.hasPrefix("|---") && !$0.hasPrefix("| ---") }.map(Self.cells)
                blocks.append(.table(header: rows.first ?? [], rows: Array(rows.dropFirst())))
            } else if Self.listMarker(first) != nil {
                blocks.append(.list(lines.compactMap(Self.listItem)))
            } else {
                blocks.append(.paragraph(Self.inlines(lines.joined(separator: " "))))
            }
        }
        self.blocks = blocks
    }

    // MARK: - Reading

    private static func listMarker(_ line: String) -> (indent: Int, number: String?, rest: Substring)? {
        let indent = line.prefix { $0 == " " }.count
        let body = line.dropFirst(indent)
        if body.hasPrefix("- ") { return (indent, nil, body.dropFirst(2)) }
        let digits = body.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, body.dropFirst(digits.count).hasPrefix(". ") {
            return (indent, digits + ".", body.dropFirst(digits.count + 2))
        }
        return nil
    }

    private static func listItem(_ line: String) -> ListItem? {
        guard let (indent, number, rest) = listMarker(line) else { return nil }
        return ListItem(depth: indent == 0 ? 0 : 1, number: number, text: inlines(String(rest)))
    }

    /// The cells of `| a | b |`, split at pipes that are not escaped.
    private static func cells(_ line: String) -> [[Inline]] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for character in line.dropFirst() {
            if escaped {
                current += "\\" + String(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                cells.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        return cells.map { inlines($0.trimmingCharacters(in: " ")) }
    }

    /// Inline runs: `**` toggles strong, a backtick toggles code, a backslash makes the next character literal.
    static func inlines(_ text: String) -> [Inline] {
        var runs: [Inline] = []
        var current = ""
        var strong = false
        var code = false
        func flush() {
            if !current.isEmpty { runs.append(Inline(text: current, strong: strong, code: code)) }
            current = ""
        }
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if code {
                if character == "`" { flush(); code = false } else { current.append(character) }
            } else if character == "\\", let next = characters.popFirst() {
                current.append(next)
            } else if character == "*", characters.first == "*" {
                characters = characters.dropFirst()
                flush()
                strong.toggle()
            } else if character == "`" {
                flush()
                code = true
            } else {
                current.append(character)
            }
        }
        flush()
        return runs
    }
}

extension String {
    fileprivate var trimmingLeadingSpaces: String { String(drop { $0 == " " }) }

    fileprivate func trimmingCharacters(in set: Character) -> String {
        String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
    }
}

extension [StaffPage.Inline] {
    /// The runs' text without emphasis.
    public var plainText: String { map(\.text).joined() }
}
