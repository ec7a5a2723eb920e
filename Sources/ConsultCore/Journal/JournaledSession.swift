import Foundation

/// A consultation session whose every change is in a journal on disk before the patient sees what follows.
///
/// Wraps ``ConsultationStateMachine`` with the same events. Each event goes to the state machine first;
/// when it changed the session, it is appended to the session's journal (`DIR/.journal/…`) and synced
/// *before* the event's action is returned — so nothing the patient has seen acknowledged can be lost to a
/// crash, a kill or a power cut. Events that change nothing (`help`, `why`, `repeat`, a line that was not
/// understood, Ctrl-C) are not journaled. The journal file is created at the first event that changes the
/// session: a consultation nobody answered leaves none.
///
/// How the driver uses it:
///
/// ```swift
/// let writer = SummaryWriter(directory: out)
/// let check = try writer.prepare()                 // at program start, before any question; exit 1 on error
/// if let message = check.message { log(message) }
/// for line in JournalRecovery(consultation: consultation, writer: writer).recover().messages { log(line) }
///
/// var session = JournaledSession(consultation: consultation, language: language, mode: .patient, writer: writer)
/// var action = session.start()
/// loop:
///     let step = session.lineReceived(line)        // or endOfInput(), interrupted(), idleTimedOut()
///     if let error = step.journalError { log(error.description) }  // staff only; the session goes on
///     action = step.action
/// on .finish(messages, record):
///     do {
///         let saved = try session.saveSummary(record)          // the summary, then the journal is removed
///         if let note = saved.journalError { log(note.description) }
///     } catch {
///         // The journal stays: it is the pending summary. JournalRecovery writes it at the next chance
///         // (after the next patient, or at the next start). Only when `session.isDurable` is false must
///         // the driver keep `record` in memory and retry it itself.
///     }
/// ```
///
/// A session dropped without ``saveSummary(_:at:)`` keeps its journal for recovery — exactly what a crash does.
public struct JournaledSession {
    /// The state machine, for the driver's read-only needs (prompts, rehearsal views).
    public private(set) var machine: ConsultationStateMachine
    private let journal: SessionJournal

    /// A new session, journaled in `writer`'s folder.
    ///
    /// - Parameters:
    ///   - language: the patient's language; a language the dialog lacks falls back to English.
    ///   - id: the session id, used in the journal's and the summary's file names.
    ///   - started: when the session starts (kept to the millisecond); its UTC day is the reference for relative dates.
    ///   - reference: the code the patient is given for the front desk (``SummaryWriter/newReference(using:)``);
    ///     it is in the journal's header and name, and in the summary, also when the summary is recovered.
    ///   - writer: the summary writer whose folder holds the journal and receives the summary.
    public init(consultation: Consultation, language: String = "en", mode: SessionMode = .patient,
                id: String, started: Date, reference: ReferenceCode? = nil, writer: SummaryWriter) {
        machine = ConsultationStateMachine(consultation: consultation, language: language, mode: mode, id: id,
                                           started: JournalTime.normalized(started))
        self.reference = reference
        journal = SessionJournal(writer: writer, header: JournalHeader(machine.state, reference: reference))
    }

    /// The session's code for the front desk, set on the record of every `.finish` action.
    public let reference: ReferenceCode?

    /// The session's state, as the state machine holds it.
    public var state: SessionState { machine.state }

    /// Whether every change of the session so far is durably in its journal.
    ///
    /// `false` before the first change (there is no journal yet) and while the journal cannot be written.
    public var isDurable: Bool { journal.isDurable }

    /// The journal's path once it exists, for staff messages.
    public var journalPath: String? { journal.name == nil ? nil : journal.path }

    // MARK: - Events

    /// Starts the session: shows the opening text and asks the first question. Not journaled (nothing was typed);
    /// recovery starts the session again from the journal's header.
    public mutating func start() -> ConsultationAction {
        machine.start(at: machine.state.started)
    }

    /// The patient typed a line and pressed Enter.
    public mutating func lineReceived(_ line: String, at now: Date) -> JournaledStep {
        receive(.line(line), at: now)
    }

    /// Input ended (Ctrl-D, the end of a pipe, SIGTERM): the session finishes, incomplete if questions remained.
    public mutating func endOfInput(at now: Date) -> JournaledStep {
        receive(.endOfInput, at: now)
    }

    /// Ctrl-C at a prompt: the line is cancelled and the session goes on.
    public mutating func interrupted(at now: Date) -> JournaledStep {
        receive(.interrupted, at: now)
    }

    /// Nobody answered for the kiosk's idle time: the session ends incomplete.
    public mutating func idleTimedOut(at now: Date) -> JournaledStep {
        receive(.idleTimedOut, at: now)
    }

    /// Gives the event to the state machine and, when it changed the session, journals it before returning.
    private mutating func receive(_ event: JournalEvent, at now: Date) -> JournaledStep {
        let time = JournalTime.normalized(now)
        let before = machine.state
        let action = JournalReplay.apply(event, to: &machine, at: time).withReference(reference)
        guard machine.state != before else {
            // Nothing changed, so nothing to journal; a journal that failed earlier gets another chance.
            return JournaledStep(action: action, journalError: journal.isDurable ? nil : journal.flush())
        }
        let error = journal.append(.event(event, at: time, state: JournalReplay.fingerprint(machine.state)))
        return JournaledStep(action: action, journalError: error)
    }

    // MARK: - The end

    /// Writes the summary of the finished session, then removes its journal.
    ///
    /// The journal goes only after all three files are durably in place and the folder synced: first a last
    /// record saying which files were written, then the journal's name, then a sync of `.journal`.
    ///
    /// - Parameter record: the record of the session's `.finish` action.
    /// - Returns: the summary files, and why the journal could not be removed, if so (recovery then finds the
    ///   summary written and removes the journal).
    /// - Throws: ``SummaryWriteError`` when the summary could not be written; the journal then stays in place
    ///   as the pending summary (see ``isDurable``), and this session's lock on it is released.
    public mutating func saveSummary(_ record: ConsultationRecord, at now: Date) throws(SummaryWriteError) -> SavedSummary {
        let files: [URL]
        do throws(SummaryWriteError) {
            files = try journal.writer.write(record)
        } catch {
            if !journal.isDurable { _ = journal.flush() } // a last try, so the journal holds the pending summary
            journal.close()
            throw error
        }
        let journalError = journal.remove(afterWriting: files.map(\.lastPathComponent), at: JournalTime.normalized(now))
        return SavedSummary(files: files, journalError: journalError)
    }
}

/// What an event led to: the action for the driver, and whether the journal kept up.
public struct JournaledStep: Sendable {
    /// What the driver must do, as ``ConsultationStateMachine`` returns it.
    public var action: ConsultationAction
    /// Set when this event (or an earlier one) could not be written to the journal. For staff (standard error);
    /// the patient goes on, and the journal is written again at the next event.
    public var journalError: JournalWriteError?
}

/// A summary written by ``JournaledSession/saveSummary(_:at:)``.
public struct SavedSummary: Sendable {
    /// The three files, `.md`, `.json`, `.fhir.json`.
    public var files: [URL]
    /// Set when the journal could not be removed afterwards; recovery removes it later without writing anything.
    public var journalError: JournalWriteError?
}

extension JournaledSession: CustomStringConvertible {
    /// The session id and journal only: a session's description never shows the patient's answers.
    public var description: String {
        "JournaledSession \(machine.state.id) (journal \(journalPath ?? "not created"), \(isDurable ? "durable" : "not durable"))"
    }
}
