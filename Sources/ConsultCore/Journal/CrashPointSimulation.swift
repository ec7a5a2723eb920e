import Foundation

/// Kills a scripted consultation after each of its lines, and checks what recovery gives back.
///
/// For every `k` from 0 to the number of lines, in a fresh folder: a ``JournaledSession`` is given the first `k`
/// lines and then dropped without saving its summary — its process is gone, as after `kill -9` or a power cut —
/// and ``JournalRecovery`` runs on the folder. Recovery must give back exactly what was answered before the
/// kill: the record a live session given the same `k` lines would have written, had input ended at its last
/// change (or, when the `k` lines finished the session, its own record). With ``tornWrite``, the kill also
/// leaves half of the next line's record in the journal, as a kill in the middle of a write does.
///
/// Usable from any test target: the CLI tests can check a real `kill -9` against
/// ``expectedRecord(afterLines:)``.
public struct CrashPointSimulation: Sendable {
    public let consultation: Consultation
    /// The patient's lines, as typed.
    public let lines: [String]
    public let language: String
    public let sessionID: String
    /// When the session starts; line `i` (from 0) is typed `i + 1` seconds later.
    public let started: Date
    /// Whether each kill also leaves a torn half-record of the next line.
    public let tornWrite: Bool

    public init(consultation: Consultation, lines: [String], language: String = "en", sessionID: String = "c4a5h000",
                started: Date = Date(timeIntervalSince1970: 1_795_670_400), tornWrite: Bool = false) {
        self.consultation = consultation
        self.lines = lines
        self.language = language
        self.sessionID = sessionID
        self.started = started
        self.tornWrite = tornWrite
    }

    /// When line `index` (from 0) is typed.
    public func time(ofLine index: Int) -> Date {
        started.addingTimeInterval(Double(index + 1))
    }

    /// What recovery must write after a kill that follows the first `k` lines; `nil` when none of them changed the
    /// session (there is no journal, so nothing to recover).
    ///
    /// Computed with a plain ``ConsultationStateMachine``, without any journal.
    public func expectedRecord(afterLines k: Int) -> ConsultationRecord? {
        var machine = plainMachine()
        var lastChange: Date?
        for index in 0..<k {
            let before = machine.state
            let action = machine.lineReceived(lines[index], at: time(ofLine: index))
            if machine.state != before { lastChange = time(ofLine: index) }
            if case let .finish(_, record) = action { return record }
        }
        return lastChange.flatMap { incomplete(machine, at: $0) }
    }

    /// Runs every kill point, each in its own new folder inside `scratch` (left for the caller to remove).
    ///
    /// One journaled session is given the lines one by one; after each, its journal file is copied as it stands —
    /// every record in it was synced before the line's action returned, so the copy is what a kill at that moment
    /// leaves on the disk. Each copy is then recovered in a folder of its own.
    ///
    /// - Returns: one result per kill point, `k` = 0, 1, …, `lines.count`.
    public func run(in scratch: URL) -> [CrashPointResult] {
        let writer = SummaryWriter(directory: scratch.appendingPathComponent("live"))
        var session = JournaledSession(consultation: consultation, language: language, mode: .patient, id: sessionID,
                                       started: started, writer: writer)
        _ = session.start()
        var machine = plainMachine()
        var lastChange: Date?
        var finished: ConsultationRecord?
        var results: [CrashPointResult] = []
        for k in 0...lines.count {
            if k > 0, finished == nil {
                let time = time(ofLine: k - 1)
                _ = session.lineReceived(lines[k - 1], at: time)
                let before = machine.state
                if case let .finish(_, record) = machine.lineReceived(lines[k - 1], at: time) { finished = record }
                if machine.state != before { lastChange = time }
            }
            let journal = session.journalPath.flatMap { try? Data(contentsOf: URL(fileURLWithPath: $0)) }
            let name = session.journalPath.map { URL(fileURLWithPath: $0).lastPathComponent }
            let expected = finished ?? lastChange.flatMap { incomplete(machine, at: $0) }
            let folder = scratch.appendingPathComponent("kill-after-\(k)")
            results.append(recover(k, journal: journal.map { (name ?? "session.journal", $0) }, expected: expected, in: folder))
        }
        return results
    }

    /// Kills the session after `k` lines in `folder`, recovers it, and compares.
    public func run(killingAfter k: Int, in folder: URL) -> CrashPointResult {
        let writer = SummaryWriter(directory: folder)
        do {
            var session = JournaledSession(consultation: consultation, language: language, mode: .patient, id: sessionID,
                                           started: started, writer: writer)
            _ = session.start()
            for index in 0..<k {
                if case .finish = session.lineReceived(lines[index], at: time(ofLine: index)).action { break }
            }
            if tornWrite, k < lines.count, let path = session.journalPath { Self.appendHalfRecord(of: lines[k], at: time(ofLine: k), to: path) }
        } // the session is dropped here without its summary: the process is gone
        return compare(k, report: JournalRecovery(consultation: consultation, writer: writer).recover(),
                       expected: expectedRecord(afterLines: k), in: folder)
    }

    /// Recovers a copy of a journal as a kill after `k` lines left it, in a new folder.
    private func recover(_ k: Int, journal: (name: String, data: Data)?, expected: ConsultationRecord?, in folder: URL) -> CrashPointResult {
        let writer = SummaryWriter(directory: folder)
        if let journal, (try? writer.prepare(now: started)) != nil {
            var data = journal.data
            if tornWrite, k < lines.count, let frame = JournalFormat.frame(.event(.line(lines[k]), at: time(ofLine: k), state: 0)) {
                data += frame.prefix(frame.count / 2)
            }
            let url = folder.appendingPathComponent(SummaryWriter.journalFolderName).appendingPathComponent(journal.name)
            _ = FileManager.default.createFile(atPath: url.path, contents: data, attributes: [.posixPermissions: 0o600])
        }
        return compare(k, report: JournalRecovery(consultation: consultation, writer: writer).recover(), expected: expected, in: folder)
    }

    private func compare(_ k: Int, report: JournalRecoveryReport, expected: ConsultationRecord?, in folder: URL) -> CrashPointResult {
        let written = report.outcomes.flatMap { outcome -> [String] in
            switch outcome.result {
            case let .recovered(files, _, _), let .pendingSummaryWritten(files, _): files
            default: []
            }
        }
        var recovered: RecordComparison?
        if let json = written.first(where: { $0.hasSuffix(".json") && !$0.hasSuffix(".fhir.json") }),
           let data = try? Data(contentsOf: folder.appendingPathComponent(json)) {
            recovered = RecordComparison(json: data)
        }
        return CrashPointResult(linesBeforeKill: k, expected: expected.flatMap { try? SummaryRenderer.json($0) }.flatMap(RecordComparison.init(json:)),
                                recovered: recovered, messages: report.messages,
                                leftOver: Self.leftOverJournals(in: folder))
    }

    private func plainMachine() -> ConsultationStateMachine {
        var machine = ConsultationStateMachine(consultation: consultation, language: language, mode: .patient, id: sessionID,
                                               started: started)
        _ = machine.start(at: started)
        return machine
    }

    /// The session cut short at `time`, as recovery must write it.
    private func incomplete(_ machine: ConsultationStateMachine, at time: Date) -> ConsultationRecord? {
        var ended = machine
        guard case var .finish(_, record) = ended.endOfInput(at: time) else { return nil }
        record.recovered = RecoveryNote(lastActivity: time, answerCount: record.answers.count)
        return record
    }

    /// Half of a record for `line`, as a kill in the middle of its write leaves it.
    private static func appendHalfRecord(of line: String, at time: Date, to path: String) {
        guard let frame = JournalFormat.frame(.event(.line(line), at: time, state: 0)),
              let handle = FileHandle(forWritingAtPath: path) else { return }
        defer { try? handle.close() }
        _ = try? handle.seekToEnd()
        try? handle.write(contentsOf: frame.prefix(frame.count / 2))
    }

    private static func leftOverJournals(in folder: URL) -> [String] {
        let journals = folder.appendingPathComponent(SummaryWriter.journalFolderName)
        return ((try? FileManager.default.contentsOfDirectory(atPath: journals.path)) ?? []).sorted()
    }
}

/// One kill point of a ``CrashPointSimulation``.
public struct CrashPointResult: Sendable, Hashable {
    /// How many lines were typed before the kill.
    public var linesBeforeKill: Int
    /// The summary recovery must write, as its JSON document reads it back; `nil` when nothing is to be recovered.
    public var expected: RecordComparison?
    /// The summary recovery wrote, read back from its `.json` file; `nil` when it wrote none.
    public var recovered: RecordComparison?
    /// What recovery told staff.
    public var messages: [String]
    /// What is left in `.journal` afterwards (nothing, when recovery finished its work).
    public var leftOver: [String]

    /// Whether recovery gave back exactly the answers given before the kill, and left no journal behind.
    public var holds: Bool { expected == recovered && leftOver.isEmpty }

    /// How many answers were lost: given before the kill but missing from the recovered summary.
    public var answersLost: Int {
        let given = expected?.answers ?? []
        let kept = Set(recovered?.answers ?? [])
        return given.filter { !kept.contains($0) }.count
    }
}

/// A summary as its JSON file says it: what a comparison of an expected and a recovered summary looks at.
public struct RecordComparison: Sendable, Hashable {
    /// Each answer as `id = answer in words (typed: text)`.
    public var answers: [String]
    public var status: String
    public var finished: String
    /// `last_activity, N answers`, when marked recovered.
    public var recovered: String?
    /// The whole file, for an exact comparison.
    public var json: String

    /// Reads a summary's `.json` file; `nil` when it is not one.
    public init?(json data: Data) {
        guard let document = try? JSONDecoder().decode(SummaryDocument.self, from: data) else { return nil }
        answers = document.answers.map { "\($0.id) = \($0.display) (typed: \($0.text))" }
        status = document.outcome.status.rawValue
        finished = document.finished
        recovered = document.recovered.map { "\($0.lastActivity), \($0.answers) answers" }
        json = String(decoding: data, as: UTF8.self)
    }
}
