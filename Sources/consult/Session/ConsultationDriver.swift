import ConsultCore
import Foundation

/// Runs one consultation session: feeds line events to the state machine and performs its actions.
///
/// All terminal and file I/O of a session happens here; the state machine only decides.
struct ConsultationDriver {
    /// How a session ended, for the command's exit status.
    enum Ending: Equatable {
        case finished(OutcomeStatus)
        /// SIGTERM or SIGHUP: the session was saved and the program should stop.
        case terminated(OutcomeStatus)
        /// The summary could not be written.
        case summaryNotSaved
    }

    let consultation: Consultation
    let reader: any LineReader
    let screen: TerminalScreen
    let summaryDirectory: URL
    let language: String
    let mode: SessionMode
    /// In kiosk mode: the idle time before the session ends.
    var idleTimeout: Duration?

    func run() -> Ending {
        let presenter = SessionPresenter(screen: screen, styled: reader.isInteractive)
        var machine = ConsultationStateMachine(consultation: consultation, language: language, mode: mode)
        var action = machine.start()
        var terminated = false
        while true {
            switch action {
            case let .prompt(messages, prompt, showQuestion):
                presenter.show(messages)
                if showQuestion { presenter.show(prompt) }
                let event = reader.readLine(prompt: "> ", completions: prompt.completions, timeout: idleTimeout)
                switch event {
                case let .line(line):
                    // Piped input is not echoed by a terminal; writing it back keeps transcripts readable.
                    if !reader.isInteractive { screen.writeLine("> " + TerminalSanitizer.clean(line)) }
                    action = machine.lineReceived(line)
                case .endOfInput:
                    action = machine.endOfInput()
                case .interrupted:
                    screen.writeLine()
                    action = machine.interrupted()
                case .timedOut:
                    action = machine.idleTimedOut()
                case .terminated:
                    terminated = true
                    action = machine.endOfInput()
                }
            case let .finish(messages, record):
                presenter.show(messages)
                guard save(record, presenter: presenter) else { return .summaryNotSaved }
                return terminated ? .terminated(record.outcome.status) : .finished(record.outcome.status)
            }
        }
    }

    /// Writes the summary; on failure tells the patient to see the front desk and staff the reason.
    private func save(_ record: ConsultationRecord, presenter: SessionPresenter) -> Bool {
        do {
            let files = try SummaryWriter(directory: summaryDirectory).write(record)
            screen.writeLine()
            screen.writeLine("Your answers have been saved for the clinic's staff.")
            let names = files.map(\.lastPathComponent).joined(separator: ", ")
            FileHandle.standardError.write(Data("consult: summary written to \(summaryDirectory.path): \(names)\n".utf8))
            return true
        } catch {
            screen.writeLine()
            presenter.show([Message(.hint, error.patientMessage)])
            FileHandle.standardError.write(Data("consult: \(error.description)\n".utf8))
            return false
        }
    }
}
