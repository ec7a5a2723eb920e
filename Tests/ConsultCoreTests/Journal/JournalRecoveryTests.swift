import Foundation
import Testing
@testable import ConsultCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct JournalRecoveryTests {
    /// A session given the first `count` lines, then dropped without its summary: its process is gone.
    static func interruptedSession(_ consultation: Consultation, writer: SummaryWriter, lines count: Int, id: String = "0000abcd") {
        var session = JournalTesting.session(consultation, writer: writer, id: id)
        _ = session.start()
        for (index, line) in JournalTesting.lines.prefix(count).enumerated() {
            _ = session.lineReceived(line, at: JournalTesting.time(index))
        }
    }

    static func journalPath(_ writer: SummaryWriter) throws -> URL {
        let names = JournalTesting.journals(writer)
        try #require(names.count == 1)
        return JournalTesting.journalFolder(writer).appendingPathComponent(names[0])
    }

    // MARK: - Recovered as the live session would have written it

    @Test func anInterruptedSessionIsWrittenAsTheLiveSessionWouldHaveWrittenItAsIncomplete() throws {
        let consultation = try SessionTestDialog.load()
        let writer = JournalTesting.writer()
        defer { Scratch.remove(writer.directory.path) }
        Self.interruptedSession(consultation, writer: writer, lines: 6) // "acne" … "yes": 4 answers and a question

        let report = JournalRecovery(consultation: consultation, writer: writer).recover()

        // The live session, had input ended at its last change (line 5, "yes"):
        var (live, _) = JournalTesting.liveMachine(consultation, lines: JournalTesting.lines.prefix(6))
        var expected = try #require(live.endOfInput(at: JournalTesting.time(5)).record)
        #expect(expected.outcome.status == .incomplete)
        expected.recovered = RecoveryNote(lastActivity: JournalTesting.time(5), answerCount: 4)
        let stem = SummaryRenderer.fileStem(for: expected)
        #expect(report.outcomes.map(\.result) == [.recovered(files: ["\(stem).md", "\(stem).json", "\(stem).fhir.json"], answers: 4,
                                                             lastActivity: JournalTesting.time(5))])
        #expect(try Data(contentsOf: writer.directory.appendingPathComponent("\(stem).md")) == Data(SummaryRenderer.markdown(expected).utf8))
        #expect(try Data(contentsOf: writer.directory.appendingPathComponent("\(stem).json")) == SummaryRenderer.json(expected))
        #expect(try Data(contentsOf: writer.directory.appendingPathComponent("\(stem).fhir.json"))
                == SummaryRenderer.fhirQuestionnaireResponse(expected))
        #expect(JournalTesting.names(in: JournalTesting.journalFolder(writer)).isEmpty, "the journal is removed")
        #expect(report.messages == ["recovered an interrupted consultation (session 0000abcd, 4 answers saved, last activity "
                                    + "2026-05-28T20:27:22Z) from its journal .journal/20260528-202640-0000abcd.journal: written as "
                                    + "incomplete and marked recovered in \(writer.directory.path): \(stem).md, \(stem).json, \(stem).fhir.json"])
    }

    @Test func aFinishedSessionWhoseSummaryWasNotWrittenGetsExactlyItsOwnSummary() throws {
        let consultation = try SessionTestDialog.load()
        let writer = JournalTesting.writer()
        defer { Scratch.remove(writer.directory.path) }
        Self.interruptedSession(consultation, writer: writer, lines: JournalTesting.lines.count) // killed before saving

        let report = JournalRecovery(consultation: consultation, writer: writer).recover()

        let record = try #require(JournalTesting.liveMachine(consultation, lines: JournalTesting.lines[...]).1.record)
        guard case .pendingSummaryWritten(_, status: .defer) = report.outcomes.first?.result else {
            Issue.record("expected the pending summary, got \(report.outcomes)")
            return
        }
        #expect(try JournalTesting.summaryJSON(writer) == SummaryRenderer.json(record))
        #expect(JournalTesting.journals(writer).isEmpty)
    }

    @Test func recoveryCutShortAndRunAgainLeavesOneCopy() throws {
        let consultation = try SessionTestDialog.load()
        let writer = JournalTesting.writer()
        defer { Scratch.remove(writer.directory.path) }
        Self.interruptedSession(consultation, writer: writer, lines: 4)
        let journal = try Self.journalPath(writer)
        let saved = try Data(contentsOf: journal)
        _ = JournalRecovery(consultation: consultation, writer: writer).recover()
        let summaries = JournalTesting.summaries(writer)
        #expect(summaries.count == 3)
        // Consult stopped after the summary was placed and before the journal was removed:
        try saved.write(to: journal)
        let again = JournalRecovery(consultation: consultation, writer: writer).recover()
        guard case let .recovered(files, _, _) = again.outcomes.first?.result else {
            Issue.record("expected recovered, got \(again.outcomes)")
            return
        }
        #expect(files.sorted() == summaries, "the same three files, found already written")
        #expect(JournalTesting.summaries(writer) == summaries)
        #expect(JournalTesting.journals(writer).isEmpty)
    }

    @Test func aJournalThatSaysItsSummaryWasWrittenIsOnlyRemoved() throws {
        let consultation = try SessionTestDialog.load()
        let writer = JournalTesting.writer()
        defer { Scratch.remove(writer.directory.path) }
        Self.interruptedSession(consultation, writer: writer, lines: 3)
        let journal = try Self.journalPath(writer)
        let handle = try FileHandle(forWritingTo: journal)
        _ = try handle.seekToEnd()
        try handle.write(contentsOf: JournalFormat.frame(.summaryWritten(files: ["x.md", "x.json", "x.fhir.json"], at: Date()))!)
        try handle.close()

        let report = JournalRecovery(consultation: consultation, writer: writer).recover()

        #expect(report.outcomes.map(\.result) == [.alreadyWritten(files: ["x.md", "x.json", "x.fhir.json"])])
        #expect(JournalTesting.summaries(writer).isEmpty)
        #expect(JournalTesting.journals(writer).isEmpty)
    }

    @Test func aTornLastRecordIsDroppedAndReported() throws {
        let consultation = try SessionTestDialog.load()
        let writer = JournalTesting.writer()
        defer { Scratch.remove(writer.directory.path) }
        Self.interruptedSession(consultation, writer: writer, lines: 3) // acne, help, 40: two answers
        let journal = try Self.journalPath(writer)
        let handle = try FileHandle(forWritingTo: journal)
        _ = try handle.seekToEnd()
        try handle.write(contentsOf: JournalFormat.frame(.event(.line("does it hurt?"), at: Date(), state: 9))!.prefix(20))
        try handle.close()

        let report = JournalRecovery(consultation: consultation, writer: writer).recover()

        let outcome = try #require(report.outcomes.first)
        guard case .recovered(_, answers: 2, _) = outcome.result else {
            Issue.record("expected two answers recovered, got \(outcome.result)")
            return
        }
        #expect(outcome.tornTail?.length == 20)
        #expect(report.messages.first?.hasSuffix("(its last record, 20 bytes written as Consult stopped and never confirmed "
                                                 + "to the patient, was incomplete and dropped)") == true)
    }

    // MARK: - Quarantine

    static func quarantineFolder(_ writer: SummaryWriter) -> URL {
        JournalTesting.journalFolder(writer).appendingPathComponent("quarantine")
    }

    /// Recovers a journal made unreadable by `damage`: it must be moved to quarantine intact, named in the message.
    static func expectQuarantined(_ writer: SummaryWriter, consultation: Consultation, damage: (inout Data) -> Void)
        throws -> JournalQuarantineReason? {
        let journal = try journalPath(writer)
        var data = try Data(contentsOf: journal)
        damage(&data)
        try data.write(to: journal)

        let report = JournalRecovery(consultation: consultation, writer: writer).recover()

        let outcome = try #require(report.outcomes.first)
        guard case let .quarantined(reason, to) = outcome.result else {
            Issue.record("expected quarantine, got \(outcome.result)")
            return nil
        }
        #expect(to == "quarantine/" + journal.lastPathComponent)
        #expect(try Data(contentsOf: quarantineFolder(writer).appendingPathComponent(journal.lastPathComponent)) == data,
                "moved intact, never deleted")
        #expect(Scratch.permissions(quarantineFolder(writer).path) == 0o700)
        #expect(JournalTesting.journals(writer).isEmpty)
        #expect(JournalTesting.summaries(writer).isEmpty)
        let message = try #require(report.messages.first)
        #expect(message.contains("\(writer.directory.path)/.journal/quarantine/\(journal.lastPathComponent)"))
        #expect(message.contains("holds a patient's answers"))
        // Quarantined journals are not looked at again.
        #expect(JournalRecovery(consultation: consultation, writer: writer).recover().outcomes.isEmpty)
        return reason
    }

    @Test func aJournalDamagedInTheMiddleIsQuarantined() throws {
        let consultation = try SessionTestDialog.load()
        let writer = JournalTesting.writer()
        defer { Scratch.remove(writer.directory.path) }
        Self.interruptedSession(consultation, writer: writer, lines: 6)
        let reason = try Self.expectQuarantined(writer, consultation: consultation) { data in
            data[JournalFormat.preambleSize + 20] ^= 0x04 // inside the header's payload
        }
        #expect(reason == .unreadable(.corruptRecord(number: 1, offset: JournalFormat.preambleSize)))
    }

    @Test func aJournalFromANewerConsultIsQuarantined() throws {
        let consultation = try SessionTestDialog.load()
        let writer = JournalTesting.writer()
        defer { Scratch.remove(writer.directory.path) }
        Self.interruptedSession(consultation, writer: writer, lines: 3)
        let reason = try Self.expectQuarantined(writer, consultation: consultation) { $0[8] = 2 }
        #expect(reason == .unreadable(.newerFormat(found: 2, understood: 1)))
    }

    @Test func aJournalOfAnotherDialogVersionIsQuarantined() throws {
        let consultation = try SessionTestDialog.load()
        let writer = JournalTesting.writer()
        defer { Scratch.remove(writer.directory.path) }
        Self.interruptedSession(consultation, writer: writer, lines: 3)
        var newer = consultation
        newer.identity.version = "2.2.0"
        let reason = try Self.expectQuarantined(writer, consultation: newer) { _ in }
        #expect(reason == .unreplayable(.differentDialog(journal: "clinic 2.1.0", loaded: "clinic 2.2.0")))
    }

    @Test func aJournalWhoseReplayDiffersIsQuarantined() throws {
        let consultation = try SessionTestDialog.load()
        let writer = JournalTesting.writer()
        defer { Scratch.remove(writer.directory.path) }
        Self.interruptedSession(consultation, writer: writer, lines: 3)
        // The program reads "40" differently now: simulated by a journal whose second event says another state.
        let journal = try Self.journalPath(writer)
        var contents = try JournalFormat.read(Data(contentsOf: journal))
        guard case let .event(event, at, _) = contents.records[1] else { return }
        contents.records[1] = .event(event, at: at, state: 0x1234_5678)
        let rewritten = ([.header(contents.header)] + contents.records).reduce(JournalFormat.preamble()) { $0 + JournalFormat.frame($1)! }
        let reason = try Self.expectQuarantined(writer, consultation: consultation) { $0 = rewritten }
        #expect(reason == .unreplayable(.diverged(record: 3)))
    }

    @Test(arguments: [Data(), Data("not a journal".utf8)])
    func somethingElseNamedLikeAJournalIsQuarantinedNotDeleted(content: Data) throws {
        let consultation = try SessionTestDialog.load()
        let writer = JournalTesting.writer()
        defer { Scratch.remove(writer.directory.path) }
        _ = try writer.prepare(now: Date())
        try content.write(to: JournalTesting.journalFolder(writer).appendingPathComponent("stray.journal"))
        let report = JournalRecovery(consultation: consultation, writer: writer).recover()
        #expect(report.outcomes.map(\.result) == [.quarantined(.unreadable(.notAJournal), to: "quarantine/stray.journal")])
        #expect(try Data(contentsOf: Self.quarantineFolder(writer).appendingPathComponent("stray.journal")) == content)
    }

    @Test func aQuarantinedNameIsNeverReplaced() throws {
        let consultation = try SessionTestDialog.load()
        let writer = JournalTesting.writer()
        defer { Scratch.remove(writer.directory.path) }
        _ = try writer.prepare(now: Date())
        for round in 1...3 {
            try Data("broken \(round)".utf8).write(to: JournalTesting.journalFolder(writer).appendingPathComponent("stray.journal"))
            _ = JournalRecovery(consultation: consultation, writer: writer).recover()
        }
        #expect(JournalTesting.names(in: Self.quarantineFolder(writer)) == ["stray-2.journal", "stray-3.journal", "stray.journal"])
        #expect(try String(contentsOf: Self.quarantineFolder(writer).appendingPathComponent("stray.journal"), encoding: .utf8) == "broken 1")
    }

    @Test func aJournalOfAnotherConsultationIsLeftForIt() throws {
        let consultation = try SessionTestDialog.load()
        let writer = JournalTesting.writer()
        defer { Scratch.remove(writer.directory.path) }
        Self.interruptedSession(consultation, writer: writer, lines: 3)
        var other = consultation
        other.identity.id = "another"
        let report = JournalRecovery(consultation: other, writer: writer).recover()
        #expect(report.outcomes.map(\.result) == [.otherDialog(id: "clinic")])
        #expect(JournalTesting.journals(writer).count == 1)
    }

    // MARK: - Locks

    @Test func aLiveSessionsJournalIsNotOrphaned() throws {
        let consultation = try SessionTestDialog.load()
        let writer = JournalTesting.writer()
        defer { Scratch.remove(writer.directory.path) }
        var session = JournalTesting.session(consultation, writer: writer)
        _ = session.start()
        _ = session.lineReceived("acne", at: JournalTesting.time(0))

        let report = JournalRecovery(consultation: consultation, writer: writer).recover()

        #expect(report.outcomes.map(\.result) == [.inUse])
        #expect(report.messages.isEmpty)
        #expect(JournalTesting.journals(writer).count == 1)
        #expect(JournalTesting.summaries(writer).isEmpty)
        _ = session.lineReceived("40", at: JournalTesting.time(1))
        #expect(try JournalTesting.readJournal(writer).records.count == 2, "the live session carries on with its journal")
    }

    @Test func twoRecoverersNeverRecoverTheSameJournalTwice() async throws {
        let consultation = try SessionTestDialog.load()
        for round in 0..<5 {
            let writer = JournalTesting.writer()
            defer { Scratch.remove(writer.directory.path) }
            let sessions = 8
            for index in 0..<sessions {
                Self.interruptedSession(consultation, writer: writer, lines: 2 + index % 8, id: String(format: "%08x", round * 100 + index))
            }
            #expect(JournalTesting.journals(writer).count == sessions)

            let reports = await withTaskGroup(of: JournalRecoveryReport.self) { group in
                for _ in 0..<3 {
                    group.addTask { JournalRecovery(consultation: consultation, writer: writer).recover() }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }

            let recovered = reports.flatMap(\.outcomes).filter { if case .recovered = $0.result { true } else { false } }
            #expect(recovered.count == sessions, "round \(round): each journal recovered exactly once")
            #expect(Set(recovered.map(\.journal)).count == sessions)
            #expect(JournalTesting.summaries(writer).count == 3 * sessions, "no second copy of any summary")
            #expect(JournalTesting.journals(writer).isEmpty)
        }
    }
}
