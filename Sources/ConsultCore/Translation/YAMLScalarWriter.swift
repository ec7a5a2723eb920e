import Foundation

/// Writes a translation as YAML that reads back exactly as given: plain when nothing in it means anything
/// to YAML (as the dialogs are mostly written), double-quoted with escapes otherwise, and a literal block
/// (`|-`) for several lines where a block may stand.
enum YAMLScalarWriter {
    /// Where the value goes, which decides what plain text may hold.
    enum Context {
        /// A value of a block mapping (`key: value` on its own line), with the indentation its block
        /// lines would take.
        case block(indent: Int)
        /// Inside `{…}` or `[…]`, where `,` `[` `]` `{` `}` end a plain value.
        case flow
    }

    /// `value` written for `context`.
    static func scalar(_ value: String, in context: Context) -> String {
        if isPlainSafe(value, inFlow: context.isFlow) { return value }
        if case let .block(indent) = context, let block = literalBlock(value, indent: indent) { return block }
        return doubleQuoted(value)
    }

    /// A list as `[a, b]`.
    static func flowList(_ items: [String]) -> String {
        "[" + items.map { scalar($0, in: .flow) }.joined(separator: ", ") + "]"
    }

    /// A list as block lines `- a`, the first without indentation (it goes where the old value started).
    static func blockList(_ items: [String], indent: Int, quoted: Bool) -> String {
        items.map { quoted ? doubleQuoted($0) : scalar($0, in: .flow) }
            .joined(separator: "\n" + String(repeating: " ", count: indent) + "- ")
            .prefixed(by: "- ")
    }

    /// Whether `value` reads back as itself unquoted.
    static func isPlainSafe(_ value: String, inFlow: Bool) -> Bool {
        guard let first = value.unicodeScalars.first, let last = value.unicodeScalars.last else { return false }
        if first == " " || last == " " || last == ":" { return false }
        if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) { return false }
        if value.contains(": ") || value.contains(" #") { return false }
        if inFlow, value.unicodeScalars.contains(where: { ",[]{}".unicodeScalars.contains($0) }) { return false }
        if value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0.properties.generalCategory == .lineSeparator
            || $0.properties.generalCategory == .paragraphSeparator || $0 == "\u{85}" || $0 == "\u{FEFF}" }) { return false }
        // Words YAML would read as something other than text; the loader takes the text as written, but a
        // reader of the file should not have to know that.
        let lowered = value.lowercased()
        if ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"].contains(lowered) { return false }
        if Double(value) != nil || value.first?.isNumber == true && value.allSatisfy({ $0.isNumber || "-:._ ".contains($0) }) { return false }
        return true
    }

    /// `"…"` with every character YAML would not keep escaped.
    static func doubleQuoted(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case "\u{85}": result += "\\N"
            case "\u{2028}": result += "\\L"
            case "\u{2029}": result += "\\P"
            case "\u{FEFF}": result += "\\uFEFF"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += String(format: "\\x%02X", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// `|-` and the lines indented by `indent`, when the text is several plain lines a block keeps exactly
    /// (no leading blank that would fix the indentation, no tabs or other control characters).
    static func literalBlock(_ value: String, indent: Int) -> String? {
        guard value.contains("\n"), let first = value.first, first != " ", first != "\n",
              !value.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F || $0 == "\u{85}"
                  || $0 == "\u{2028}" || $0 == "\u{2029}" || $0 == "\u{FEFF}" }) else { return nil }
        // Chomping: `-` drops the final line break, none keeps one, `+` keeps them all.
        var body = value
        var chomping = "-"
        if body.hasSuffix("\n") {
            body.removeLast()
            chomping = body.hasSuffix("\n") ? "+" : ""
            if chomping == "+" { body = value }
        }
        // Trailing blanks on the last line would survive, but a line of only blanks before the end would not
        // be told from the indentation; keep it simple and quote such text.
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        if chomping == "+" { return nil }
        if lines.contains(where: { !$0.isEmpty && $0.allSatisfy { $0 == " " } }) { return nil }
        let padding = String(repeating: " ", count: indent)
        return "|" + chomping + lines.map { $0.isEmpty ? "\n" : "\n" + padding + $0 }.joined()
    }
}

extension YAMLScalarWriter.Context {
    var isFlow: Bool {
        if case .flow = self { return true }
        return false
    }
}

private extension String {
    func prefixed(by prefix: String) -> String { prefix + self }
}
