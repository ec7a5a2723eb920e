import Foundation
import Testing
@testable import ConsultCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Scratch summary folders, journal files and a scripted patient for the journal tests.
enum JournalTesting {
    /// A patient of the test dialog who types a command, asks a question, goes back and reads a topic, to the end.
    static let lines = ["acne", "help", "40", "does it hurt?", "not sure", "yes", "back", "no", "I bruise easily", "", "more"]
    /// The lines that change the session (`help` does not).
    static let changingLines = lines.count - 1

    /// When line `index` is typed.
    static func time(_ index: Int) -> Date {
        SessionTestDialog.started.addingTimeInterval(Double(index + 1) * 7)
    }

    /// A new summary folder (not created yet) and a writer for it.
    static func writer(operations: any FileOperations = SystemFileOperations()) -> SummaryWriter {
        SummaryWriter(directory: Scratch.folder("journal"), operations: operations, beforePlacing: nil)
    }

    static func session(_ consultation: Consultation, writer: SummaryWriter, id: String = "0000abcd") -> JournaledSession {
        JournaledSession(consultation: consultation, id: id, started: SessionTestDialog.started, writer: writer)
    }

    /// A live state machine given the same lines at the same times.
    static func liveMachine(_ consultation: Consultation, lines: ArraySlice<String>, id: String = "0000abcd") -> (ConsultationStateMachine, ConsultationAction) {
        var machine = ConsultationStateMachine(consultation: consultation, id: id, started: SessionTestDialog.started)
        var action = machine.start(at: SessionTestDialog.started)
        for (index, line) in zip(lines.indices, lines) { action = machine.lineReceived(line, at: time(index)) }
        return (machine, action)
    }

    static func journalFolder(_ writer: SummaryWriter) -> URL {
        writer.directory.appendingPathComponent(".journal")
    }

    /// The journal files (not temporary files, not the quarantine folder).
    static func journals(_ writer: SummaryWriter) -> [String] {
        names(in: journalFolder(writer)).filter { $0.hasSuffix(".journal") && !$0.hasPrefix(".") }
    }

    static func names(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    /// The summary files in the writer's folder.
    static func summaries(_ writer: SummaryWriter) -> [String] {
        names(in: writer.directory).filter { !$0.hasPrefix(".") }
    }

    /// The one journal of the folder, read.
    static func readJournal(_ writer: SummaryWriter) throws -> JournalContents {
        let names = journals(writer)
        try #require(names.count == 1, "journals: \(names)")
        return try JournalFormat.read(Data(contentsOf: journalFolder(writer).appendingPathComponent(names[0])))
    }

    /// Whether another open file description can take the lock of `path` now.
    static func isLocked(_ path: String) -> Bool {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return flock(descriptor, LOCK_EX | LOCK_NB) != 0
    }

    /// The JSON summary written in the writer's folder, decoded.
    static func summaryJSON(_ writer: SummaryWriter) throws -> Data {
        let names = summaries(writer).filter { $0.hasSuffix(".json") && !$0.hasSuffix(".fhir.json") }
        try #require(names.count == 1, "summaries: \(names)")
        return try Data(contentsOf: writer.directory.appendingPathComponent(names[0]))
    }
}
