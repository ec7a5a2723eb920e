import ArgumentParser

/// `consult terminal-check` (hidden): exercises the terminal layer on its own, for tests and by hand.
///
/// Asks one fixed question in a loop and prints what the line reader returned, one event per line,
/// until end of input, `quit`, or a termination signal. The line `clear-history` also clears the
/// reader's history, as the driver does between patients.
struct TerminalCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terminal-check",
        abstract: "Exercise the line reader and print each event it returns (developer tool).",
        shouldDisplay: false
    )

    @Option(help: "Seconds to wait for each line before reporting a timeout.")
    var timeout: Double?

    @Option(help: ArgumentHelp("Load and keep line history in this file, as staff rehearsal does.", visibility: .hidden))
    var historyFile: String?

    func validate() throws {
        if let timeout, !(timeout > 0 && timeout <= 86_400) {
            throw ValidationError("--timeout must be a number of seconds between 0 and 86400.")
        }
    }

    func run() throws {
        let reader = LineReaderFactory.make(historyFile: historyFile)
        let screen = TerminalScreen()
        let limit = timeout.map { Duration.milliseconds(Int(($0 * 1000).rounded(.up))) }
        while true {
            screen.writeLine(Messages.question)
            let event = reader.readLine(prompt: Messages.prompt, completions: Messages.completions, timeout: limit)
            switch event {
            case .line(let text):
                screen.writeLine("got line: \(TerminalScreen.sanitized(text))")
                if text == "quit" { return }
                if text == "clear-history" { reader.clearHistory() }
            case .interrupted:
                screen.writeLine("got interrupt")
            case .timedOut:
                screen.writeLine("got timeout")
            case .endOfInput:
                screen.writeLine("got eof")
                return
            case .terminated(let signal):
                screen.writeLine("got signal \(signal)")
                return
            }
        }
    }

    // MARK: - Messages

    private enum Messages {
        static let question = "Question? (options: Apple pie, Apple crumble, Banana)"
        static let prompt = "> "
        static let completions = ["Apple pie", "Apple crumble", "Banana", "back", "help", "quit"]
    }
}
