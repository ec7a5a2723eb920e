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

    /// Writes the lines with one system call: a line each made the terminal wake its reader for every line (the
    /// first screen has two dozen), and a screen drawn in pieces can flicker.
    private func write(_ lines: [ScreenLine]) {
        var text = ""
        for line in lines {
            switch line.emphasis {
            case .none: text += line.text
            case .heading: text += style(line.text, .heading)
            case .warning: text += style(line.text, .warning)
            case .strong: text += style(line.text, .bold)
            case .quiet: text += style(line.text, .dim)
            }
            text += "\n"
        }
        if !text.isEmpty { screen.write(text) }
    }

    private func style(_ text: String, _ style: TerminalScreen.Style) -> String {
        styled && !text.isEmpty ? screen.styled(text, style) : text
    }
}
