import ConsultCore

/// Turns the state machine's messages and prompts into text on the screen.
struct SessionPresenter {
    let screen: TerminalScreen
    /// Whether styling may be used (a person at a terminal, colour allowed).
    let styled: Bool

    private func style(_ text: String, _ style: TerminalScreen.Style) -> String {
        styled ? screen.styled(text, style) : text
    }

    private func wrap(_ text: String) -> String {
        TerminalScreen.wrap(text, width: max(20, screen.width - 1))
    }

    func show(_ messages: [Message]) {
        if let first = messages.first, [.say, .outcome].contains(first.kind) {
            // Dialog text after the patient's answer reads better as a new paragraph.
            screen.writeLine()
        }
        for message in messages {
            let text = wrap(message.kind == .faqAnswer ? SessionScreenText.aboutYourQuestion + message.text : message.text)
            switch message.kind {
            case .say, .topicText:
                screen.writeLine(text)
            case .topicTitle:
                screen.writeLine()
                screen.writeLine(style(text, .heading))
            case .hint:
                screen.writeLine(style(text, .warning))
            case .faqAnswer:
                screen.writeLine(text)
            case .unanswered, .outcome:
                screen.writeLine(style(text, .bold))
            case .why, .help, .notice:
                screen.writeLine(style(text, .dim))
            }
        }
    }

    /// - Parameter header: A line shown above the question (the staff view in rehearsal); `nil` for patients.
    func show(_ prompt: Prompt, header: String? = nil) {
        screen.writeLine()
        if let header { screen.writeLine(style(wrap(header), .dim)) }
        if !prompt.text.isEmpty { screen.writeLine(style(wrap(prompt.text), .bold)) }
        for (number, option) in prompt.options.enumerated() {
            screen.writeLine(TerminalScreen.wrap("  \(number + 1)) \(option)", width: max(20, screen.width - 1)))
        }
        screen.writeLine(style(wrap(prompt.instructions), .dim))
    }
}
