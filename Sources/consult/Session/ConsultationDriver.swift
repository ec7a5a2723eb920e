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
        /// - Parameter journaled: The session's journal holds it durably, so recovery writes it at the next
        ///   chance (between patients, or at the next start); the caller need not keep the record.
        /// - Parameter stopping: The program should stop too, as for ``terminated(_:)``: no one may be asked
        ///   to retry, and a kiosk must not serve another patient.
        /// - Parameter walkedAway: As for ``finished(_:walkedAway:)``.
        case summaryNotSaved(ConsultationRecord, stopping: Bool = false, walkedAway: Bool = false, journaled: Bool = false)
    }

    let consultation: Consultation
    let reader: any LineReader
    let screen: TerminalScreen
    let summaryFolder: String
    let language: String
    let mode: SessionMode
    /// In kiosk mode: how long a prompt may wait for a key before "Are you still there?".
    var idleTimeout: Duration?
    /// In kiosk mode: the countdown after "Are you still there?" before the session ends.
    var idleWarning: Duration = .seconds(30)
    /// The code the patient quotes at the front desk, chosen by the caller (``SummaryWriter/newReference(using:)``).
    var reference: ReferenceCode?
    /// Whether the code is shown once the summary is saved; the kiosk shows it on its thank-you screen instead.
    var announcesReference = true

    func run() -> Ending {
        let presenter = SessionPresenter(screen: screen, styled: reader.isInteractive,
                                         catalog: consultation.catalog(for: language))
        // Every change of the session is journaled and synced before the next question shows (docs/reliability.md).
        var session = JournaledSession(consultation: consultation, language: language, mode: mode,
                                       id: ConsultationStateMachine.newSessionID(), started: Date(), reference: reference,
                                       writer: SummaryWriter(path: summaryFolder))
        var action = session.start()
        func take(_ step: JournaledStep) -> ConsultationAction {
            // Staff only: the patient carries on, and the journal is tried again at the next change.
            if let error = step.journalError { CommandMessages.warning(error.description) }
            return step.action
        }
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
                    action = take(session.endOfInput(at: Date()))
                    continue
                }
                let event = readLine(completions: prompt.completions)
                switch event {
                case let .line(line):
                    // Piped input is not echoed by a terminal; writing it back keeps transcripts readable.
                    if !reader.isInteractive { screen.writeLine("> " + TerminalSanitizer.clean(line)) }
                    action = take(session.lineReceived(line, at: Date()))
                case .endOfInput:
                    action = take(session.endOfInput(at: Date()))
                case .interrupted:
                    screen.writeLine()
                    action = take(session.interrupted(at: Date()))
                case .timedOut:
                    walkedAway = true
                    action = take(session.idleTimedOut(at: Date()))
                case .terminated:
                    terminated = true
                    action = take(session.endOfInput(at: Date()))
                }
            case let .finish(messages, record):
                presenter.show(messages)
                guard save(record, presenter: presenter, session: &session) else {
                    return .summaryNotSaved(record, stopping: terminated, walkedAway: walkedAway, journaled: session.isDurable)
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
        screen.writeLine(SessionScreenText(consultation, language: language).stillThere)
        var warning = IdleWarning(seconds: Int(idleWarning.components.seconds))
        var step = warning.first
        while true {
            switch step {
            case let .count(remaining):
                let tick = reader.readLine(prompt: SessionScreenText.countdownPrompt(remaining), completions: [], timeout: .seconds(1))
                switch tick {
                case .timedOut: step = warning.handle(.secondPassed)
                case .line: step = warning.handle(.line)
                // Not the warning's business: handled as at any prompt.
                case .endOfInput, .interrupted, .terminated: return tick
                }
            case .stillThere:
                // The question comes back; the line is not an answer.
                return .interrupted
            case .walkedAway:
                return .timedOut
            }
        }
    }

    /// Writes the summary of a journaled session, then removes its journal; on failure tells the patient to see
    /// the front desk and staff the reason (the journal then stays as the pending summary).
    private func save(_ record: ConsultationRecord, presenter: SessionPresenter, session: inout JournaledSession) -> Bool {
        do {
            let saved = try session.saveSummary(record, at: Date())
            if let note = saved.journalError { CommandMessages.warning(note.description) }
            return announce(saved.files)
        } catch {
            return failed(error, presenter: presenter)
        }
    }

    /// Writes a summary kept in memory again (a staff retry); on failure tells the patient and staff.
    func save(_ record: ConsultationRecord, presenter: SessionPresenter) -> Bool {
        do {
            return announce(try SummaryWriter(path: summaryFolder).write(record))
        } catch {
            return failed(error, presenter: presenter)
        }
    }

    private func announce(_ files: [URL]) -> Bool {
        screen.writeLine()
        screen.writeLine(SessionScreenText(consultation, language: language).saved)
        if announcesReference, let reference {
            showReference(reference, text: SessionScreenText(consultation, language: language), screen: screen, styled: reader.isInteractive)
        }
        let names = files.map(\.lastPathComponent).joined(separator: ", ")
        // At the kiosk, standard error is the patient's screen unless staff send it to a log: the file names are
        // for staff, and in English, so they are written only where staff read them.
        if announcesReference || isatty(STDERR_FILENO) == 0 {
            CommandMessages.note("summary written to \(summaryFolder): \(names)")
        }
        return true
    }

    private func failed(_ error: SummaryWriteError, presenter: SessionPresenter) -> Bool {
        screen.writeLine()
        presenter.show([Message(.hint, error.patientMessage(in: consultation.catalog(for: language)))])
        CommandMessages.error(error.description)
        return false
    }
}

/// Shows the patient's code for the front desk on a line of its own, bold at a terminal, so it stands out.
func showReference(_ reference: ReferenceCode, text: SessionScreenText, screen: TerminalScreen, styled: Bool) {
    screen.writeLine(text.tellYourCode)
    screen.writeLine()
    let code = SessionScreenText.codeLine(reference)
    screen.writeLine(styled ? screen.styled(code, .bold) : code)
    screen.writeLine()
}
