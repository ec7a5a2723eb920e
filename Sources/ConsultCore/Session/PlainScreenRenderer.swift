/// Turns a session's messages and prompts into plain screen lines, exactly as `consult run` shows
/// them when its input is piped: no colour, word-wrapped, answers echoed after `> `.
///
/// The terminal front end lays out its screen with the same lines and adds colour by their
/// emphasis, so a replay shows exactly what `consult run` shows.
public struct PlainScreenRenderer: Sendable {
    /// The screen width in columns; text wraps one column short of it, like the terminal.
    public var width: Int
    /// The program's words in the patient's language (the words put before an FAQ answer).
    public var catalog: MessageCatalog

    public init(width: Int = 80, catalog: MessageCatalog = .english) {
        self.width = width
        self.catalog = catalog
    }

    /// The lines that show `messages`.
    public func lines(for messages: [Message]) -> [String] {
        screenLines(for: messages).map(\.text)
    }

    /// The lines that ask `prompt`: its text, numbered options and instructions after a blank line.
    public func lines(for prompt: Prompt) -> [String] {
        screenLines(for: prompt).map(\.text)
    }

    /// The lines that show `messages`, each with the emphasis a terminal may give it.
    public func screenLines(for messages: [Message]) -> [ScreenLine] {
        var lines: [ScreenLine] = []
        if let first = messages.first, [.say, .outcome].contains(first.kind) {
            // Dialog text after the patient's answer reads better as a new paragraph.
            lines.append(ScreenLine(""))
        }
        for message in messages {
            let text = message.kind == .faqAnswer ? catalog.text(.aboutYourQuestion) + " " + message.text : message.text
            let emphasis: ScreenLine.Emphasis
            switch message.kind {
            case .say, .topicText, .faqAnswer: emphasis = .none
            case .topicTitle:
                lines.append(ScreenLine(""))
                emphasis = .heading
            case .hint: emphasis = .warning
            case .unanswered, .outcome: emphasis = .strong
            case .why, .help, .notice: emphasis = .quiet
            }
            lines += wrapped(text, emphasis)
        }
        return lines
    }

    /// The lines that ask `prompt`, with an optional staff header above the question (rehearsal).
    public func screenLines(for prompt: Prompt, header: String? = nil) -> [ScreenLine] {
        var lines = [ScreenLine("")]
        if let header { lines += wrapped(header, .quiet) }
        if !prompt.text.isEmpty { lines += wrapped(prompt.text, .strong) }
        for (number, option) in prompt.options.enumerated() {
            lines += wrapped("  \(number + 1)) \(option)", .none)
        }
        lines += wrapped(prompt.instructions, .quiet)
        return lines
    }

    /// The echo of a piped answer (a terminal would have echoed the typing itself).
    public func echo(_ answer: String) -> String {
        "> " + TerminalSanitizer.clean(answer)
    }

    private func wrapped(_ text: String, _ emphasis: ScreenLine.Emphasis) -> [ScreenLine] {
        TextWrapping.lines(text, width: max(20, width - 1)).map { ScreenLine($0, emphasis) }
    }
}

/// One line of a session's screen and how a terminal may emphasise it.
public struct ScreenLine: Sendable, Hashable {
    public enum Emphasis: Sendable, Hashable {
        case none
        /// A topic's title.
        case heading
        /// A hint after an answer that could not be read.
        case warning
        /// The question, and what staff will follow up.
        case strong
        /// Instructions, notices, `why` and `help`.
        case quiet
    }

    public var text: String
    public var emphasis: Emphasis

    public init(_ text: String, _ emphasis: Emphasis = .none) {
        self.text = text
        self.emphasis = emphasis
    }
}
