import Foundation

/// One entry of a session journal.
///
/// A journal records the *events* the state machine received, not snapshots of its state: a line
/// typed (with its time), the end of input, an interrupt, an idle timeout, and finally that the
/// summary was written. Replaying the events through a fresh ``ConsultationStateMachine`` built
/// from the ``JournalHeader`` reproduces the session exactly, because the state machine is a pure
/// function of its events and their times.
///
/// Why events rather than encoded ``SessionState`` snapshots:
/// - *Less patient data.* Only events that changed the session are written (a line that was not
///   understood, `help`, `why`, `repeat` or Ctrl-C is not), and each once. A snapshot repeats every
///   earlier answer in every record and carries the `back` history, which holds each answer again
///   per checkpoint — hundreds of copies of the same sensitive answers by the end of a consultation.
/// - *Small, constant-size appends.* One short record per answer keeps each `fsync` small; snapshots
///   grow with the session, and the whole file grows with the square of its length.
/// - *Exactly what the live session would have written.* Recovery feeds the same events to the same
///   code and ends the session as the live one would have at its last event.
///
/// The risk of events is that a different program could read the same lines differently. Each event
/// record therefore carries ``JournalRecord/event(_:at:state:)``'s `state`: a CRC-32 of the session
/// state the event led to. Replay checks it after every event, and a journal whose replay differs
/// (the dialog or the program changed in between) is not turned into a summary but moved to the
/// quarantine folder for staff (``JournalReplayError/diverged(record:)``).
public enum JournalRecord: Sendable, Hashable {
    /// The first record: which session this is, and how to start it again.
    case header(JournalHeader)
    /// An event the state machine received, when, and the checksum of the session state it led to.
    case event(JournalEvent, at: Date, state: UInt32)
    /// All three summary files are durably in place under these names; the journal may go.
    case summaryWritten(files: [String], at: Date)
}

/// Which session a journal belongs to, and everything needed to start it again.
public struct JournalHeader: Sendable, Hashable {
    /// The session id, also in the summary file names.
    public var sessionID: String
    public var dialogID: String
    public var dialogVersion: String
    /// The language the session runs in (chosen at the welcome screen, before the first question).
    public var language: String
    public var mode: SessionMode
    /// When the session started; its UTC day is the reference for relative dates ("3 months ago").
    public var started: Date
    /// The session's code for the front desk, kept here so a recovered summary has the code the patient was given.
    public var reference: ReferenceCode?

    public init(sessionID: String, dialogID: String, dialogVersion: String, language: String, mode: SessionMode, started: Date,
                reference: ReferenceCode? = nil) {
        self.sessionID = sessionID
        self.reference = reference
        self.dialogID = dialogID
        self.dialogVersion = dialogVersion
        self.language = language
        self.mode = mode
        self.started = started
    }

    /// The header of a session as the state machine holds it.
    init(_ state: SessionState, reference: ReferenceCode?) {
        self.init(sessionID: state.id, dialogID: state.dialogID, dialogVersion: state.dialogVersion,
                  language: state.language, mode: state.mode, started: state.started, reference: reference)
    }
}

/// An event of the state machine, as the driver reported it.
public enum JournalEvent: Sendable, Hashable {
    /// The patient typed a line and pressed Enter (the line exactly as read).
    case line(String)
    /// Input ended (Ctrl-D, the end of a pipe, SIGTERM).
    case endOfInput
    /// Ctrl-C at a prompt.
    case interrupted
    /// Nobody answered for the kiosk's idle time.
    case idleTimedOut
}

// MARK: - Times

/// Journal times are whole milliseconds since 1970, and so are the times the journaled session gives the
/// state machine: a time read back from the journal is then exactly the one the live session used.
enum JournalTime {
    /// `date` to the nearest millisecond.
    static func normalized(_ date: Date) -> Date {
        Date(milliseconds: milliseconds(date))
    }

    static func milliseconds(_ date: Date) -> Int64 {
        let value = (date.timeIntervalSince1970 * 1000).rounded()
        return value.isFinite ? Int64(max(min(value, 9e15), -9e15)) : 0
    }
}

extension Date {
    init(milliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}

// MARK: - Coding

/// Each record's payload is a small JSON object with sorted keys; `kind` says which record it is.
///
/// ```json
/// {"dialog":"microneedling","dialog_version":"1.2.0","kind":"header","language":"en","mode":"patient","session":"3f9a1c2e","started":1795670400000}
/// {"at":1795670412345,"kind":"line","state":"9b1f04c2","text":"34"}
/// {"at":1795670999000,"kind":"end-of-input","state":"0c55e1aa"}
/// {"at":1795671000000,"files":["20261126-053000-3f9a1c2e.md","20261126-053000-3f9a1c2e.json","20261126-053000-3f9a1c2e.fhir.json"],"kind":"summary-written"}
/// ```
extension JournalRecord: Codable {
    enum Kind: String, Codable {
        case header
        case line
        case endOfInput = "end-of-input"
        case interrupted
        case idleTimeout = "idle-timeout"
        case summaryWritten = "summary-written"
    }

    enum CodingKeys: String, CodingKey {
        case kind
        case session
        case dialog
        case dialogVersion = "dialog_version"
        case language
        case mode
        case started
        case at
        case text
        case state
        case files
        case reference
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(Kind.self, forKey: .kind)
        switch kind {
        case .header:
            self = .header(JournalHeader(
                sessionID: try container.decode(String.self, forKey: .session),
                dialogID: try container.decode(String.self, forKey: .dialog),
                dialogVersion: try container.decode(String.self, forKey: .dialogVersion),
                language: try container.decode(String.self, forKey: .language),
                mode: try container.decode(SessionMode.self, forKey: .mode),
                started: Date(milliseconds: try container.decode(Int64.self, forKey: .started)),
                // Journals written before codes existed have none; their summaries get none either.
                reference: try container.decodeIfPresent(ReferenceCode.self, forKey: .reference)
            ))
        case .line, .endOfInput, .interrupted, .idleTimeout:
            let at = Date(milliseconds: try container.decode(Int64.self, forKey: .at))
            let hex = try container.decode(String.self, forKey: .state)
            guard hex.count == 8, let state = UInt32(hex, radix: 16) else {
                throw DecodingError.dataCorruptedError(forKey: .state, in: container, debugDescription: "not 8 hex digits")
            }
            let event: JournalEvent = switch kind {
            case .line: .line(try container.decode(String.self, forKey: .text))
            case .endOfInput: .endOfInput
            case .interrupted: .interrupted
            default: .idleTimedOut
            }
            self = .event(event, at: at, state: state)
        case .summaryWritten:
            self = .summaryWritten(files: try container.decode([String].self, forKey: .files),
                                   at: Date(milliseconds: try container.decode(Int64.self, forKey: .at)))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case let .header(header):
            try container.encode(Kind.header, forKey: .kind)
            try container.encode(header.sessionID, forKey: .session)
            try container.encode(header.dialogID, forKey: .dialog)
            try container.encode(header.dialogVersion, forKey: .dialogVersion)
            try container.encode(header.language, forKey: .language)
            try container.encode(header.mode, forKey: .mode)
            try container.encode(JournalTime.milliseconds(header.started), forKey: .started)
            try container.encodeIfPresent(header.reference, forKey: .reference)
        case let .event(event, at, state):
            switch event {
            case let .line(text):
                try container.encode(Kind.line, forKey: .kind)
                try container.encode(text, forKey: .text)
            case .endOfInput: try container.encode(Kind.endOfInput, forKey: .kind)
            case .interrupted: try container.encode(Kind.interrupted, forKey: .kind)
            case .idleTimedOut: try container.encode(Kind.idleTimeout, forKey: .kind)
            }
            try container.encode(JournalTime.milliseconds(at), forKey: .at)
            let hex = String(state, radix: 16)
            try container.encode(String(repeating: "0", count: 8 - hex.count) + hex, forKey: .state)
        case let .summaryWritten(files, at):
            try container.encode(Kind.summaryWritten, forKey: .kind)
            try container.encode(files, forKey: .files)
            try container.encode(JournalTime.milliseconds(at), forKey: .at)
        }
    }
}
