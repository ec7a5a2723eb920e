/// Turns a session's messages and prompts into plain screen lines, exactly as `consult run` shows
/// them when its input is piped: no colour, word-wrapped, answers echoed after `> `.
///
/// The terminal front end has its own styled presenter; this one is for places without a
/// terminal (replays), and a test keeps the two alike by comparing a replay with the golden
/// screen of a piped run.
public struct PlainScreenRenderer: Sendable {
    /// The screen width in columns; text wraps one column short of it, like the terminal.
    public var width: Int

    public init(width: Int = 80) {
        self.width = width
    }

    /// The lines that show `messages`.
    public func lines(for messages: [Message]) -> [String] {
        var lines: [String] = []
        if let first = messages.first, [.say, .outcome].contains(first.kind) {
            // Dialog text after the patient's answer reads better as a new paragraph.
            lines.append("")
        }
        for message in messages {
            let text = message.kind == .faqAnswer ? PlainScreenText.aboutYourQuestion + message.text : message.text
            if message.kind == .topicTitle { lines.append("") }
            lines += wrapped(text)
        }
        return lines
    }

    /// The lines that ask `prompt`: its text, numbered options and instructions after a blank line.
    public func lines(for prompt: Prompt) -> [String] {
        var lines = [""]
        if !prompt.text.isEmpty { lines += wrapped(prompt.text) }
        for (number, option) in prompt.options.enumerated() {
            lines += wrapped("  \(number + 1)) \(option)")
        }
        lines += wrapped(prompt.instructions)
        return lines
    }

    /// The echo of a piped answer (a terminal would have echoed the typing itself).
    public func echo(_ answer: String) -> String {
        "> " + TerminalSanitizer.clean(answer)
    }

    private func wrapped(_ text: String) -> [String] {
        TextWrapping.wrap(text, width: max(20, width - 1)).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}

/// The words a plain screen adds around a session, in one place for review.
public enum PlainScreenText {
    /// Put before the answer to the patient's own question.
    public static let aboutYourQuestion = "About your question: "
    /// Shown after the summary was written.
    public static let saved = "Your answers have been saved for the clinic's staff."
}
