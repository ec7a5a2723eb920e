import Foundation
import Testing
@testable import ConsultCore

/// A broken random source that always gives the same number.
struct StuckRandom: RandomNumberGenerator {
    mutating func next() -> UInt64 { 42 }
}

@Suite struct ReferenceCodeTests {
    @Test func theAlphabetHasNoCharactersReadAlike() {
        #expect(ReferenceCode.alphabet.count == 30)
        for ambiguous in "01OILU" { #expect(!ReferenceCode.alphabet.contains(ambiguous)) }
        #expect(Set(ReferenceCode.alphabet).count == ReferenceCode.alphabet.count)
    }

    @Test func codesAreReadAsStaffTypeThem() throws {
        let code = try #require(ReferenceCode("K7M-4QX"))
        #expect(code.description == "K7M-4QX")
        #expect(ReferenceCode("k7m4qx") == code)
        #expect(ReferenceCode(" k7m 4qx ") == code)
        #expect(ReferenceCode("K7M-4Q") == nil, "too short")
        #expect(ReferenceCode("K7M-4QXX") == nil, "too long")
        #expect(ReferenceCode("K7M-4Q0") == nil, "0 is not in the alphabet")
        #expect(ReferenceCode("I7M-4QX") == nil, "I is not in the alphabet")
    }

    @Test func aSeededSourceGivesTheSameCodesAndCodesSpreadOverTheAlphabet() {
        var a = SplitMix64(seed: 7)
        var b = SplitMix64(seed: 7)
        let codes = (0..<20).map { _ in ReferenceCode.random(using: &a) }
        #expect(codes == (0..<20).map { _ in ReferenceCode.random(using: &b) })
        #expect(Set(codes).count == 20)
        var many = SplitMix64(seed: 11)
        let drawn = (0..<2_000).map { _ in ReferenceCode.random(using: &many) }
        #expect(Set(drawn.flatMap(\.characters)) == Set(ReferenceCode.alphabet), "2,000 codes use every character")
        #expect(drawn.allSatisfy { ReferenceCode($0.description) == $0 })
    }

    @Test func aCodeAlreadyUsedIsDrawnAgain() {
        var copy = SplitMix64(seed: 3)
        let first = ReferenceCode.random(using: &copy)
        let second = ReferenceCode.random(using: &copy)
        var random = SplitMix64(seed: 3)
        #expect(ReferenceCode.random(avoiding: [first], using: &random) == second)
    }

    @Test func aBrokenRandomSourceDoesNotHang() {
        var stuck = StuckRandom()
        let only = ReferenceCode.random(using: &stuck)
        #expect(ReferenceCode.random(avoiding: [only], using: &stuck) == only, "gives up after a bounded number of draws")
    }

    @Test func theCodeIsFoundInFileNamesWithOrWithoutIt() {
        #expect(ReferenceCode.inFileName("20261126-053127-K7M-4QX-3f9a1c2e.md")?.description == "K7M-4QX")
        #expect(ReferenceCode.inFileName(".journal") == nil)
        #expect(ReferenceCode.inFileName("20261126-053127-3f9a1c2e.md") == nil, "summaries written before codes")
        #expect(ReferenceCode.inFileName("20261126-053127-ABC-DE1-x.md") == nil)
    }

    @Test func theWriterAvoidsTheCodesOfItsSummariesAndOfSessionsInProgress() throws {
        let writer = JournalTesting.writer()
        defer { Scratch.remove(writer.directory.path) }
        _ = try writer.prepare(now: Date())
        var copy = SplitMix64(seed: 5)
        let summarised = ReferenceCode.random(using: &copy)
        let inProgress = ReferenceCode.random(using: &copy)
        let third = ReferenceCode.random(using: &copy)
        let folder = writer.directory
        try Data().write(to: folder.appendingPathComponent("20261126-053127-\(summarised)-3f9a1c2e.json"))
        try Data().write(to: folder.appendingPathComponent(".journal/20261126-053000-\(inProgress)-0badcafe.journal"))
        #expect(writer.usedReferences() == [summarised, inProgress])
        var random = SplitMix64(seed: 5)
        #expect(writer.newReference(using: &random) == third)
        // The check before the first question lists the same codes, so a start lists the folder only once (a
        // temporary file, whose session's journal holds its code, changes nothing).
        try Data().write(to: folder.appendingPathComponent(".20261126-053127-\(third)-3f9a1c2e.md.0123456789abcdef.tmp"))
        #expect(try writer.prepare(now: Date()).usedReferences == writer.usedReferences())
        #expect(try writer.prepare(now: Date()).usedReferences == [summarised, inProgress])
    }
}

@Suite struct ReferenceCodeSessionTests {
    private static let code = ReferenceCode("K7M-4QX")!

    @Test func theCodeIsInTheJournalTheSummaryAndAllThreeFileNames() throws {
        let consultation = try SessionTestDialog.load()
        let writer = JournalTesting.writer()
        defer { Scratch.remove(writer.directory.path) }
        var session = JournaledSession(consultation: consultation, id: "0000abcd", started: SessionTestDialog.started,
                                       reference: Self.code, writer: writer)
        _ = session.start()
        var action: ConsultationAction?
        for (index, line) in JournalTesting.lines.enumerated() {
            action = session.lineReceived(line, at: JournalTesting.time(index)).action
            if index == 0 {
                #expect(JournalTesting.journals(writer) == ["20260528-202640-K7M-4QX-0000abcd.journal"])
                #expect(try JournalTesting.readJournal(writer).header.reference == Self.code)
            }
        }
        let record = try #require(action?.record)
        #expect(record.reference == Self.code)
        let saved = try session.saveSummary(record, at: JournalTesting.time(20))
        #expect(saved.files.map(\.lastPathComponent) == ["md", "json", "fhir.json"].map { "20260528-202757-K7M-4QX-0000abcd.\($0)" })
        let markdown = try String(contentsOf: saved.files[0], encoding: .utf8)
        #expect(markdown.hasPrefix("# K7M-4QX · "))
        #expect(markdown.contains("Reference K7M-4QX · Session"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: saved.files[1])) as? [String: Any])
        #expect(json["reference"] as? String == "K7M-4QX")
        let fhir = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: saved.files[2])) as? [String: Any])
        let identifier = try #require(fhir["identifier"] as? [String: Any])
        #expect(identifier["value"] as? String == "K7M-4QX")
    }

    @Test func aRecoveredSessionKeepsTheCodeThePatientWasGiven() throws {
        let consultation = try SessionTestDialog.load()
        let writer = JournalTesting.writer()
        defer { Scratch.remove(writer.directory.path) }
        do {
            var session = JournaledSession(consultation: consultation, id: "0000abcd", started: SessionTestDialog.started,
                                           reference: Self.code, writer: writer)
            _ = session.start()
            for (index, line) in JournalTesting.lines.prefix(4).enumerated() {
                _ = session.lineReceived(line, at: JournalTesting.time(index))
            }
        } // dropped without saving: what a crash leaves
        let report = JournalRecovery(consultation: consultation, writer: writer).recover()
        guard case let .recovered(files, _, _)? = report.outcomes.first?.result else {
            Issue.record("not recovered: \(report.messages)")
            return
        }
        #expect(files.allSatisfy { $0.contains("-K7M-4QX-0000abcd.") }, "\(files)")
        let json = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: writer.directory.appendingPathComponent(files[1]))) as? [String: Any])
        #expect(json["reference"] as? String == "K7M-4QX")
        #expect(json["recovered"] != nil)
    }
}
