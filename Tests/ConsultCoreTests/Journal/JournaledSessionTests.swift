import Foundation
import Testing
@testable import ConsultCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct JournaledSessionTests {
    @Test func theJournalIsCreatedAtTheFirstChangeNotAtTheStart() throws {
        let consultation = try SessionTestDialog.load()
        let writer = JournalTesting.writer()
        defer { Scratch.remove(writer.directory.path) }
        var session = JournalTesting.session(consultation, writer: writer)
        _ = session.start()
        let help = session.lineReceived("help", at: JournalTesting.time(0))
        #expect(help.journalError == nil)
        #expect(session.journalPath == nil)
        #expect(!FileManager.default.fileExists(atPath: writer.directory.path), "nothing was answered: nothing on disk")
        #expect(session.isDurable == false)

        let step = session.lineReceived("acne", at: JournalTesting.time(1))
        #expect(step.journalError == nil)
        #expect(session.isDurable == true)
        #expect(JournalTesting.journals(writer) == ["20260528-202640-0000abcd.journal"], "named for the session's start")
        let path = try #require(session.journalPath)
        #expect(Scratch.permissions(path) == 0o600)
        #expect(Scratch.permissions(writer.directory.path) == 0o700)
        #expect(Scratch.permissions(JournalTesting.journalFolder(writer).path) == 0o700)
        #expect(JournalTesting.isLocked(path), "the live session holds its journal's lock")
        #expect(JournalTesting.names(in: JournalTesting.journalFolder(writer)) == ["20260528-202640-0000abcd.journal"],
                "no temporary file is left")
    }

    @Test func onlyEventsThatChangeTheSessionAreJournaledEachSyncedBeforeTheActionReturns() throws {
        let consultation = try SessionTestDialog.load()
        let operations = FailingFileOperations(failing: .write, at: .max, errno: EIO)
        let writer = JournalTesting.writer(operations: operations)
        defer { Scratch.remove(writer.directory.path) }
        var session = JournalTesting.session(consultation, writer: writer)
        _ = session.start()
        var journaled: [JournalEvent] = []
        for (index, line) in JournalTesting.lines.enumerated() {
            let before = session.state
            let syncs = operations.count(.fsync)
            let step = session.lineReceived(line, at: JournalTesting.time(index))
            #expect(step.journalError == nil)
            if session.state != before {
                journaled.append(.line(line))
                #expect(operations.count(.fsync) > syncs, "line \(index) was synced before its action returned")
                #expect(try JournalTesting.readJournal(writer).records.count == journaled.count)
            } else {
                #expect(operations.count(.fsync) == syncs, "'\(line)' changed nothing and wrote nothing")
            }
        }
        let interrupted = session.interrupted(at: JournalTesting.time(99))
        #expect(interrupted.journalError == nil)
        #expect(journaled.count == JournalTesting.changingLines)
        let contents = try JournalTesting.readJournal(writer)
        #expect(contents.header == JournalHeader(sessionID: "0000abcd", dialogID: "clinic", dialogVersion: "2.1.0",
                                                 language: "en", mode: .patient, started: SessionTestDialog.started))
        #expect(contents.records.map { record -> JournalEvent? in
            if case let .event(event, _, _) = record { return event }
            return nil
        } == journaled)
    }

    @Test func savingTheSummaryRemovesTheJournalAfterTheFilesAreInPlace() throws {
        let consultation = try SessionTestDialog.load()
        let writer = JournalTesting.writer()
        defer { Scratch.remove(writer.directory.path) }
        var session = JournalTesting.session(consultation, writer: writer)
        _ = session.start()
        var action: ConsultationAction?
        for (index, line) in JournalTesting.lines.enumerated() { action = session.lineReceived(line, at: JournalTesting.time(index)).action }
        let record = try #require(action?.record)
        let saved = try session.saveSummary(record, at: JournalTesting.time(20))
        #expect(saved.journalError == nil)
        #expect(saved.files.map(\.lastPathComponent) == ["20260528-202757-0000abcd.md", "20260528-202757-0000abcd.json",
                                                          "20260528-202757-0000abcd.fhir.json"])
        #expect(JournalTesting.names(in: JournalTesting.journalFolder(writer)).isEmpty)
        #expect(try JournalTesting.summaryJSON(writer) == SummaryRenderer.json(JournalTesting.liveMachine(consultation, lines: JournalTesting.lines[...]).1.record!))
    }

    @Test func aSummaryThatCannotBeWrittenLeavesTheJournalAsThePendingSummary() throws {
        let consultation = try SessionTestDialog.load()
        // The journal gets its name (link 1); then the disk is full: every summary file fails to be placed.
        let operations = FailingFileOperations(failing: .link, at: 2, times: .max, errno: ENOSPC)
        let writer = JournalTesting.writer(operations: operations)
        defer { Scratch.remove(writer.directory.path) }
        var session = JournalTesting.session(consultation, writer: writer)
        _ = session.start()
        var action: ConsultationAction?
        for (index, line) in JournalTesting.lines.enumerated() { action = session.lineReceived(line, at: JournalTesting.time(index)).action }
        let record = try #require(action?.record)
        let path = try #require(session.journalPath)

        #expect(throws: SummaryWriteError.diskFull(path: writer.directory.path, reason: SummaryWriteError.reason(errno: ENOSPC))) {
            try session.saveSummary(record, at: Date())
        }
        let durable = session.isDurable
        #expect(durable, "the driver need not keep the record: the journal holds it")
        #expect(JournalTesting.journals(writer).count == 1)
        #expect(!JournalTesting.isLocked(path), "the session let go of its journal, so recovery may write it")
        #expect(JournalTesting.summaries(writer).isEmpty)

        // At the next chance the pending summary is written, exactly as the live session would have written it.
        let stillFull = JournalRecovery(consultation: consultation, writer: writer).recover()
        #expect(stillFull.pending.count == 1)
        #expect(JournalTesting.journals(writer).count == 1)
        operations.heal()
        let report = JournalRecovery(consultation: consultation, writer: writer).recover()
        #expect(report.outcomes.map(\.result) == [.pendingSummaryWritten(files: ["20260528-202757-0000abcd.md", "20260528-202757-0000abcd.json",
                                                                                  "20260528-202757-0000abcd.fhir.json"], status: .defer)])
        #expect(try JournalTesting.summaryJSON(writer) == SummaryRenderer.json(record), "not marked recovered: only its writing was late")
        #expect(JournalTesting.journals(writer).isEmpty)
    }

    // MARK: - A failing disk

    /// Fails the k-th write of the session (every k up to the last record) with ENOSPC or EIO, torn or not: the journal
    /// keeps every record synced before, the error is typed, and the journal catches up once the disk has room again.
    @Test(arguments: [(ENOSPC, false), (ENOSPC, true), (EIO, false), (EIO, true)])
    func aFailingWriteNeverLosesASyncedRecordAndCatchesUp(code: Int32, torn: Bool) throws {
        let consultation = try SessionTestDialog.load()
        var failuresSeen = 0
        for k in 1...JournalTesting.changingLines {
            let operations = FailingFileOperations(failing: .write, at: k, times: .max, errno: code, tornWrite: torn)
            let writer = JournalTesting.writer(operations: operations)
            defer { Scratch.remove(writer.directory.path) }
            var session = JournalTesting.session(consultation, writer: writer)
            _ = session.start()
            var synced = 0      // records the journal holds for sure
            var failedAt: Int?
            for (index, line) in JournalTesting.lines.enumerated() {
                let before = session.state
                let step = session.lineReceived(line, at: JournalTesting.time(index))
                guard session.state != before else { continue }
                if let error = step.journalError {
                    failedAt = failedAt ?? index
                    guard case let .cannotWrite(_, _, errno) = error else {
                        Issue.record("k=\(k): expected cannotWrite, got \(error)")
                        continue
                    }
                    #expect(errno == code)
                    #expect(session.isDurable == false)
                    if synced > 0 {
                        #expect(try JournalTesting.readJournal(writer).records.count == synced,
                                "k=\(k): every synced record is kept, nothing half-written is left")
                        #expect(try JournalTesting.readJournal(writer).tornTail == nil)
                    }
                } else {
                    synced += 1
                    #expect(session.isDurable == true)
                }
                if let failedAt, index >= failedAt + 2 { operations.heal() } // the disk has room again
            }
            if failedAt != nil { failuresSeen += 1 }
            operations.heal()
            let retry = session.interrupted(at: JournalTesting.time(99)) // changes nothing, but writes what is pending
            #expect(retry.journalError == nil)
            #expect(session.isDurable == true)
            let contents = try JournalTesting.readJournal(writer)
            #expect(contents.records.count == JournalTesting.changingLines, "k=\(k): caught up after the disk healed")
            let replayed = try JournalReplay.replay(contents, consultation: consultation)
            #expect(replayed.machine.state == session.state)
        }
        #expect(failuresSeen == JournalTesting.changingLines, "every k failed once")
    }

    @Test func aJournalWhoseFolderWasRemovedIsWrittenAgain() throws {
        let consultation = try SessionTestDialog.load()
        let writer = JournalTesting.writer()
        defer { Scratch.remove(writer.directory.path) }
        var session = JournalTesting.session(consultation, writer: writer)
        _ = session.start()
        _ = session.lineReceived("acne", at: JournalTesting.time(0))
        try FileManager.default.removeItem(at: writer.directory)
        let step = session.lineReceived("40", at: JournalTesting.time(1))
        #expect(step.journalError == nil)
        #expect(session.isDurable == true)
        let contents = try JournalTesting.readJournal(writer)
        #expect(contents.records.count == 2, "both records, from memory")
        #expect(Scratch.permissions(writer.directory.path) == 0o700)
    }
}
