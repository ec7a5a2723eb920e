/// The lines `consult` writes to standard error about itself, each starting the same way so that staff and scripts
/// can tell them apart: `consult: error: …` (the command failed or lost something), `consult: warning: …` (it went
/// on, but something needs a look), and `consult: …` for a plain note (a summary written, a journal kept).
///
/// A dialog's own diagnostics keep the compiler form `file:line:column: error: …`; usage errors that
/// swift-argument-parser reports (`Error: Missing expected argument…`) are rewritten to the same prefix.
enum CommandMessages {
    static let errorPrefix = "consult: error: "
    static let warningPrefix = "consult: warning: "
    static let notePrefix = "consult: "

    /// Writes `consult: error: MESSAGE`.
    static func error(_ message: String) { StandardStreams.writeError(lines(message, errorPrefix)) }

    /// Writes `consult: warning: MESSAGE`.
    static func warning(_ message: String) { StandardStreams.writeError(lines(message, warningPrefix)) }

    /// Writes `consult: MESSAGE`.
    static func note(_ message: String) { StandardStreams.writeError(lines(message, notePrefix)) }

    /// The message with the prefix on its first line, later lines indented under it, and a final newline.
    static func lines(_ message: String, _ prefix: String) -> String {
        var text = message
        while text.hasSuffix("\n") { text.removeLast() }
        let parts = text.split(separator: "\n", omittingEmptySubsequences: false)
        let indent = String(repeating: " ", count: notePrefix.count)
        return parts.enumerated().map { index, line in (index == 0 ? prefix : indent) + line }.joined(separator: "\n") + "\n"
    }

    /// swift-argument-parser's error text with `Error: ` made `consult: error: ` (its usage lines follow unchanged).
    static func parserError(_ message: String) -> String {
        let stripped = message.hasPrefix("Error: ") ? String(message.dropFirst("Error: ".count)) : message
        return errorPrefix + stripped
    }
}
