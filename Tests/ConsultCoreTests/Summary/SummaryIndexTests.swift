import Foundation
import Testing
@testable import ConsultCore

@Suite struct SummaryIndexTests {
    private static func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("consult-index-tests-\(UUID().uuidString)")
    }

    private static func record(_ base: ConsultationRecord, id: String, code: String, minutes: Double) -> ConsultationRecord {
        var record = base
        record.id = id
        record.reference = ReferenceCode(code)
        record.finished = base.finished.addingTimeInterval(minutes * 60)
        return record
    }

    @Test func theWriterIndexesEachSummaryAndTheListingIsNewestFirst() throws {
        let out = Self.folder()
        defer { try? FileManager.default.removeItem(at: out) }
        let writer = SummaryWriter(directory: out)
        _ = try writer.write(Self.record(SummaryFixtures.proceedPatient, id: "00000001", code: "AAA-AAA", minutes: 0))
        _ = try writer.write(Self.record(SummaryFixtures.declineTwoReasons, id: "00000002", code: "BBB-BBB", minutes: 5))
        _ = try writer.write(Self.record(SummaryFixtures.incompleteRehearsal, id: "00000003", code: "CCC-CCC", minutes: 2))
        let index = try String(contentsOf: out.appendingPathComponent(SummaryIndex.fileName), encoding: .utf8)
        #expect(index.split(separator: "\n").count == 4, "a header and one line per summary")
        #expect(index.hasPrefix("#consult-summary-index 1\n"))

        let listing = try SummaryIndex.list(directory: out)
        #expect(listing.readInFull == 0, "everything came from the index")
        #expect(listing.summaries.map { $0.reference?.description } == ["BBB-BBB", "CCC-CCC", "AAA-AAA"])
        let declined = listing.summaries[0]
        #expect(declined.status == .decline)
        #expect(declined.reasons == ["Under 18.", "Pregnant, possibly pregnant, or breastfeeding."])
        #expect(declined.stem == "20261126-053627-BBB-BBB-00000002")
        #expect(listing.summaries[1].unansweredQuestions == SummaryFixtures.incompleteRehearsal.faq.filter { !$0.answered }.map(\.asked))
        #expect(listing.summaries[1].mode == .rehearsal)
    }

    @Test func summariesTheIndexLacksAreReadInFullAndLinesOfRemovedOrRepeatedSummariesCountOnce() throws {
        let out = Self.folder()
        defer { try? FileManager.default.removeItem(at: out) }
        let writer = SummaryWriter(directory: out)
        let first = Self.record(SummaryFixtures.proceedPatient, id: "00000001", code: "AAA-AAA", minutes: 0)
        _ = try writer.write(first)
        _ = try writer.write(first, acceptingIdenticalFiles: true) // recovery writing it again: a second index line
        let removed = try writer.write(Self.record(SummaryFixtures.proceedPatient, id: "00000009", code: "ZZZ-ZZZ", minutes: 1))
        for file in removed { try FileManager.default.removeItem(at: file) }
        let indexFile = out.appendingPathComponent(SummaryIndex.fileName)
        let before = try Data(contentsOf: indexFile)
        _ = try writer.write(Self.record(SummaryFixtures.declineTwoReasons, id: "00000002", code: "BBB-BBB", minutes: 5))
        try before.write(to: indexFile) // its line lost, as when appending failed
        let listing = try SummaryIndex.list(directory: out)
        #expect(listing.summaries.map { $0.reference?.description } == ["BBB-BBB", "AAA-AAA"])
        #expect(listing.readInFull == 1)
        #expect(listing.summaries[0].reasons.count == 2)
        #expect(listing.summaries[0].finished == SummaryFixtures.finished.addingTimeInterval(300))

        try FileManager.default.removeItem(at: indexFile)
        let noIndex = try SummaryIndex.list(directory: out)
        #expect(noIndex.summaries == listing.summaries, "the same listing without any index")
        #expect(noIndex.readInFull == 2)
    }

    @Test func fieldsWithTabsNewlinesAndBackslashesComeBackAsTheyWere() throws {
        let tricky = "a\tb\nc\\d\u{1F}e\rf"
        let listing = SummaryListing(stem: "20261126-053127-3f9a1c2e", finished: SummaryFixtures.finished, reference: nil,
                                     id: "3f9a1c2e", mode: .patient, status: .review, reasons: [tricky, "", "plain"],
                                     unansweredQuestions: [tricky], recovered: true)
        let line = SummaryIndex.line(listing)
        #expect(line.filter { $0 == "\n" }.count == 1 && line.hasSuffix("\n"))
        #expect(SummaryIndex.parseLine(String(line.dropLast())) == listing)
        #expect(SummaryIndex.parseLine("not\ta\tline") == nil)
    }

    @Test func aFolderThatCannotBeReadIsATypedErrorSayingWhatToDo() {
        #expect(throws: SummaryListingError.self) { try SummaryIndex.list(directory: URL(fileURLWithPath: "/nonexistent/summaries")) }
        let error = SummaryListingError.unreadableFolder(path: "/x", reason: "Permission denied (errno 13)")
        #expect(error.description.contains("--group"))
    }
}
