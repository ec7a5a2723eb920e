import Foundation

/// Reads a free-text answer, optionally checked against the question's regular expression.
enum TextAnswerReader {
    /// The text is cleaned with `TerminalSanitizer` first: it is shown back and written into the staff summary,
    /// and the pattern should judge what will be stored, not stray control characters.
    static func read(_ input: String, pattern: String?) -> AnswerInterpretation {
        let text = TerminalSanitizer.clean(input)
        guard !text.isEmpty else { return .unreadable(.empty(.text(pattern: pattern))) }
        guard let pattern else { return .answer(.text(text)) }
        switch wholeMatch(text, pattern: pattern) {
        case .some(true): return .answer(.text(text))
        case .some(false): return .unreadable(.textDoesNotMatch)
        case .none: return .unreadable(.patternUnusable)
        }
    }

    /// Whether the pattern matches all of `text`; `nil` when the pattern is not a valid regular expression.
    static func wholeMatch(_ text: String, pattern: String) -> Bool? {
        // Checked alone first: wrapping an invalid pattern could make it valid (`a)(b` → `\A(?:a)(b)\z`).
        guard (try? NSRegularExpression(pattern: pattern)) != nil,
              let anchored = try? NSRegularExpression(pattern: "\\A(?:\(pattern))\\z") else { return nil }
        let range = NSRange(text.startIndex..., in: text)
        return anchored.firstMatch(in: text, range: range) != nil
    }
}
