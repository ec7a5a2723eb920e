import Foundation

/// Runs a journal's events again through a fresh ``ConsultationStateMachine``, with no I/O.
public enum JournalReplay {
    /// Replays `contents` against the loaded consultation.
    ///
    /// - Throws: ``JournalReplayError`` when the journal belongs to another dialog version, or when an
    ///   event does not lead to the state the live session recorded (the program or dialog changed).
    public static func replay(_ contents: JournalContents, consultation: Consultation) throws(JournalReplayError) -> ReplayedJournal {
        let header = contents.header
        guard header.dialogID == consultation.identity.id, header.dialogVersion == consultation.identity.version else {
            throw .differentDialog(journal: "\(header.dialogID) \(header.dialogVersion)",
                                   loaded: "\(consultation.identity.id) \(consultation.identity.version)")
        }
        var machine = ConsultationStateMachine(consultation: consultation, language: header.language, mode: header.mode,
                                               id: header.sessionID, started: header.started)
        var action = machine.start(at: header.started)
        var lastActivity = header.started
        var finished: ConsultationRecord?
        var written: [String]?
        var events = 0
        for (index, record) in contents.records.enumerated() {
            let number = index + 2 // the header is record 1
            switch record {
            case .header:
                throw .diverged(record: number)
            case let .event(event, at, state):
                guard !machine.isFinished else { throw .diverged(record: number) }
                action = apply(event, to: &machine, at: at).withReference(header.reference)
                guard fingerprint(machine.state) == state else { throw .diverged(record: number) }
                lastActivity = at
                events += 1
                if case let .finish(_, record) = action { finished = record }
            case let .summaryWritten(files, _):
                written = files
            }
        }
        return ReplayedJournal(contents: contents, machine: machine, events: events, lastActivity: lastActivity,
                               finishedRecord: finished, writtenFiles: written)
    }

    /// Gives one event to the state machine, as the live session did.
    static func apply(_ event: JournalEvent, to machine: inout ConsultationStateMachine, at time: Date) -> ConsultationAction {
        switch event {
        case let .line(line): machine.lineReceived(line, at: time)
        case .endOfInput: machine.endOfInput(at: time)
        case .interrupted: machine.interrupted(at: time)
        case .idleTimedOut: machine.idleTimedOut(at: time)
        }
    }

    /// A CRC-32 of what the summary and the next events depend on: where the session stands, its answers, topics,
    /// questions and carried words (not the `back` history, which follows from them).
    static func fingerprint(_ state: SessionState) -> UInt32 {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let essentials = Essentials(language: state.language, phase: state.phase, answers: state.answers, topics: state.topics,
                                    faq: state.faq, callStack: state.callStack, carried: state.carried, checkpoints: state.history.count)
        guard let data = try? encoder.encode(essentials) else { return 0 }
        return CRC32.checksum(data)
    }

    private struct Essentials: Encodable {
        var language: String
        var phase: SessionState.Phase
        /// Encoded as the plain list of answers, as it was when journals already written were fingerprinted.
        var answers: SessionState.AnswerList
        var topics: [TopicRecord]
        var faq: [FAQRecord]
        var callStack: [NodeAddress]
        var carried: SessionState.CarriedWords?
        var checkpoints: Int
    }
}

extension ConsultationAction {
    /// The action with the session's code set on the record of a `.finish`: the state machine knows nothing of
    /// codes (they are the summary folder's), so the journaled session and its replay add it.
    func withReference(_ reference: ReferenceCode?) -> ConsultationAction {
        guard let reference, case .finish(let messages, var record) = self else { return self }
        record.reference = reference
        return .finish(messages, record)
    }
}

/// A journal replayed: the session as it stood at its last saved event.
public struct ReplayedJournal: Sendable {
    public var contents: JournalContents
    /// The state machine after the last saved event.
    public var machine: ConsultationStateMachine
    /// How many events were replayed.
    public var events: Int
    /// The time of the last saved event (the start, when there is none).
    public var lastActivity: Date
    /// The summary record, when the last event finished the session (its summary was due but may not be written).
    public var finishedRecord: ConsultationRecord?
    /// The summary file names, when the journal says all three were written.
    public var writtenFiles: [String]?

    /// Whether the session reached its end before the journal stopped.
    public var finished: Bool { finishedRecord != nil }

    /// The summary to write for this journal.
    ///
    /// A finished session gives the record the live session had to write, unchanged: its summary was pending, not
    /// its consultation. A session that was cut short ends as `incomplete` at its last saved event — exactly what
    /// the live session would have written had input ended then — and is marked ``ConsultationRecord/recovered``.
    public var summaryRecord: ConsultationRecord {
        if let finishedRecord { return finishedRecord }
        var ended = machine
        guard case var .finish(_, record) = ended.endOfInput(at: lastActivity) else {
            preconditionFailure("end of input did not finish the session")
        }
        record.recovered = RecoveryNote(lastActivity: lastActivity, answerCount: record.answers.count)
        record.reference = contents.header.reference
        return record
    }
}

/// Why a readable journal cannot be turned into a summary; the journal is then moved to quarantine.
public enum JournalReplayError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The journal was written with another version of the dialog than the one loaded.
    case differentDialog(journal: String, loaded: String)
    /// Replaying record `record` (the header is record 1) did not lead to the state the live session saved.
    case diverged(record: Int)

    public var description: String {
        switch self {
        case let .differentDialog(journal, loaded):
            "it was written with dialog \(journal), but \(loaded) is loaded: recover it with the dialog version it "
                + "started with"
        case let .diverged(record):
            "replaying it gives a different session from record \(record) on, so the dialog or Consult itself changed "
                + "since it was written: recover it with the version of Consult and of the dialog that wrote it"
        }
    }
}
