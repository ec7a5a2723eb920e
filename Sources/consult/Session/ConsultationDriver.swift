import ConsultCore
import Foundation

/// Runs one consultation session: feeds line events to the state machine and performs its actions.
///
/// All terminal and file I/O of a session happens here; the state machine only decides.
struct ConsultationDriver {
    /// How a session ended, for the command's exit status.
    enum Ending: Equatable {
        /// The summary was written.
        ///
        /// - Parameter walkedAway: Nobody answered "Are you still there?": nobody is at the screen.
        case finished(OutcomeStatus, walkedAway: Bool = false)
        /// SIGTERM or SIGHUP, or nobody sees the screen any more (standard output's reader has gone):
        /// the session was saved and the program should stop.
        case terminated(OutcomeStatus)
        /// The summary could not be written; the record is kept so it can be written later.
        ///
        /// - Parameter stopping: The program should stop too, as for ``terminated(_:)``: no one may be asked
        ///   to retry, and a kiosk must not serve another patient.
        /// - Parameter walkedAway: As for ``finished(_:walkedAway:)``.
        case summaryNotSaved(ConsultationRecord, stopping: Bool = false, walkedAway: Bool = false)
    }

    let consultation: Consultation
    let reader: any LineReader
    let screen: TerminalScreen
    let summaryDirectory: URL
    let language: String
    let mode: SessionMode
    /// In kiosk mode: how long a prompt may wait for a key before "Are you still there?".
    var idleTimeout: Duration?
    /// In kiosk mode: the countdown after "Are you still there?" before the session ends.
    var idleWarning: Duration = .seconds(30)

    func run() -> Ending {
        let presenter = SessionPresenter(screen: screen, styled: reader.isInteractive)
        var machine = ConsultationStateMachine(consultation: consultation, language: language, mode: mode)
        var action = machine.start()
        var terminated = false
        var walkedAway = false
        while true {
            switch action {
            case let .prompt(messages, prompt, showQuestion):
                presenter.show(messages)
                if showQuestion { presenter.show(prompt) }
                if screen.isReaderGone {
                    // The patient can no longer see the questions: end as if they had left.
                    terminated = true
                    action = machine.endOfInput()
                    continue
                }
                let event = readLine(completions: prompt.completions)
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
                    walkedAway = true
                    action = machine.idleTimedOut()
                case .terminated:
                    terminated = true
                    action = machine.endOfInput()
                }
            case let .finish(messages, record):
                presenter.show(messages)
                guard save(record, presenter: presenter) else {
                    return .summaryNotSaved(record, stopping: terminated, walkedAway: walkedAway)
                }
                return terminated ? .terminated(record.outcome.status) : .finished(record.outcome.status, walkedAway: walkedAway)
            }
        }
    }

    /// Reads the answer to a prompt; in kiosk mode, a patient who walks away is first asked
    /// "Are you still there?" with a visible countdown, and only then timed out.
    private func readLine(completions: [String]) -> LineEvent {
        let event = reader.readLine(prompt: "> ", completions: completions, timeout: idleTimeout)
        guard event == .timedOut else { return event }
        screen.writeLine()
        screen.writeLine(SessionScreenText.stillThere)
        var remaining = Int(idleWarning.components.seconds)
        while remaining > 0 {
            let tick = reader.readLine(prompt: SessionScreenText.countdownPrompt(remaining), completions: [], timeout: .seconds(1))
            switch tick {
            case .timedOut:
                remaining -= 1
            case .line:
                // Any key and Enter means "still here": the question comes back, the line is not an answer.
                return .interrupted
            case .endOfInput, .interrupted, .terminated:
                return tick
            }
        }
        return .timedOut
    }

    /// Writes the summary; on failure tells the patient to see the front desk and staff the reason.
    func save(_ record: ConsultationRecord, presenter: SessionPresenter) -> Bool {
        do {
            let files = try SummaryWriter(directory: summaryDirectory).write(record)
            screen.writeLine()
            screen.writeLine(SessionScreenText.saved)
            let names = files.map(\.lastPathComponent).joined(separator: ", ")
            StandardStreams.writeError("consult: summary written to \(summaryDirectory.path): \(names)\n")
            return true
        } catch {
            screen.writeLine()
            presenter.show([Message(.hint, error.patientMessage)])
            StandardStreams.writeError("consult: \(error.description)\n")
            return false
        }
    }
}
