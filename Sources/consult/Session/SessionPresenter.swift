import ConsultCore

/// Writes the state machine's messages and prompts on the screen: the lines laid out by
/// ``PlainScreenRenderer`` (so replays show the same), coloured by their emphasis when allowed.
struct SessionPresenter {
    let screen: TerminalScreen
    /// Whether styling may be used (a person at a terminal, colour allowed).
    let styled: Bool
    /// The program's words in the patient's language.
    var catalog: MessageCatalog = .english

    private var renderer: PlainScreenRenderer { PlainScreenRenderer(width: screen.width, catalog: catalog) }

    func show(_ messages: [Message]) {
        write(renderer.screenLines(for: messages))
    }

    /// - Parameter header: A line shown above the question (the staff view in rehearsal); `nil` for patients.
    func show(_ prompt: Prompt, header: String? = nil) {
        write(renderer.screenLines(for: prompt, header: header))
    }

    private func write(_ lines: [ScreenLine]) {
        for line in lines {
            switch line.emphasis {
            case .none: screen.writeLine(line.text)
            case .heading: screen.writeLine(style(line.text, .heading))
            case .warning: screen.writeLine(style(line.text, .warning))
            case .strong: screen.writeLine(style(line.text, .bold))
            case .quiet: screen.writeLine(style(line.text, .dim))
            }
        }
    }

    private func style(_ text: String, _ style: TerminalScreen.Style) -> String {
        styled && !text.isEmpty ? screen.styled(text, style) : text
    }
}
