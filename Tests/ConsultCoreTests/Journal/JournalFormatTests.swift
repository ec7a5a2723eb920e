import Foundation
import Testing
@testable import ConsultCore

@Suite struct JournalFormatTests {
    static let header = JournalHeader(sessionID: "3f9a1c2e", dialogID: "microneedling", dialogVersion: "1.2.0", language: "en",
                                      mode: .patient, started: Date(milliseconds: 1_795_670_400_000))
    static let records: [JournalRecord] = [
        .event(.line("yes"), at: Date(milliseconds: 1_795_670_401_234), state: 0x0012_abcd),
        .event(.line("34 years, \"really\" / ünïcödé"), at: Date(milliseconds: 1_795_670_402_000), state: 0xffff_ffff),
        .event(.interrupted, at: Date(milliseconds: 1_795_670_403_000), state: 1),
        .event(.idleTimedOut, at: Date(milliseconds: 1_795_670_404_000), state: 2),
        .event(.endOfInput, at: Date(milliseconds: 1_795_670_405_000), state: 3),
        .summaryWritten(files: ["a.md", "a.json", "a.fhir.json"], at: Date(milliseconds: 1_795_670_406_000)),
    ]

    /// A journal file: preamble, header, records.
    static func file(_ records: [JournalRecord] = records, version: UInt32 = JournalFormat.version) -> Data {
        ([.header(header)] + records).reduce(JournalFormat.preamble(version: version)) { $0 + JournalFormat.frame($1)! }
    }

    /// Where each record (the header first) starts in `file()`.
    static func offsets(_ records: [JournalRecord] = records) -> [Int] {
        var offset = JournalFormat.preambleSize
        return ([.header(header)] + records).map { record in
            defer { offset += JournalFormat.frame(record)!.count }
            return offset
        }
    }

    @Test func crc32IsZlibs() {
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([UInt8]()) == 0)
    }

    @Test func aJournalReadsBackAsWritten() throws {
        let contents = try JournalFormat.read(Self.file())
        #expect(contents == JournalContents(version: 1, header: Self.header, records: Self.records, tornTail: nil))
    }

    @Test func theFileStartsWithItsMagicAndVersionAndEachRecordWithItsLengthAndChecksum() throws {
        let data = Self.file([Self.records[0]])
        #expect(Array(data.prefix(12)) == Array("CONSULTJ".utf8) + [1, 0, 0, 0])
        let payload = #"{"at":1795670401234,"kind":"line","state":"0012abcd","text":"yes"}"#
        let last = data.suffix(payload.utf8.count + 8)
        #expect(Array(last.prefix(4)) == [UInt8(payload.utf8.count), 0, 0, 0])
        let checksum = CRC32.checksum(Array(payload.utf8))
        #expect(Array(last.dropFirst(4).prefix(4)) == (0..<4).map { UInt8(truncatingIfNeeded: checksum >> (8 * $0)) })
        #expect(String(decoding: last.dropFirst(8), as: UTF8.self) == payload)
    }

    @Test func theHeaderSaysWhichSessionAndHowToStartItAgain() throws {
        let header = try #require(JournalFormat.frame(.header(Self.header)))
        #expect(String(decoding: header.dropFirst(8), as: UTF8.self) == #"{"dialog":"microneedling","dialog_version":"1.2.0","kind":"header","#
                + #""language":"en","mode":"patient","session":"3f9a1c2e","started":1795670400000}"#)
    }

    // MARK: - A torn tail

    /// A crash during the last append leaves any prefix of its record: every one is dropped, and everything before kept.
    @Test func aTornLastRecordIsDroppedAtEveryByteOffset() throws {
        let data = Self.file()
        let lastStart = try #require(Self.offsets().last)
        for cut in lastStart..<data.count {
            let contents = try JournalFormat.read(data.prefix(cut))
            #expect(contents.records == Array(Self.records.dropLast()), "cut at \(cut)")
            if cut == lastStart {
                #expect(contents.tornTail == nil, "a file that ends between records is whole")
            } else {
                #expect(contents.tornTail == JournalContents.TornTail(offset: lastStart, length: cut - lastStart,
                                                                     record: Self.records.count + 1), "cut at \(cut)")
            }
        }
    }

    @Test func zerosAfterTheLastRecordAreATornTail() throws {
        // Some file systems extend a file before its data reaches the disk: a crash leaves zeros.
        let data = Self.file() + Data(count: 100)
        let contents = try JournalFormat.read(data)
        #expect(contents.records == Self.records)
        #expect(contents.tornTail?.length == 100)
    }

    @Test func aDamagedLastRecordIsATornTail() throws {
        var data = Self.file()
        data[data.count - 3] ^= 0x20
        let contents = try JournalFormat.read(data)
        #expect(contents.records == Array(Self.records.dropLast()))
        #expect(contents.tornTail?.offset == Self.offsets().last)
    }

    // MARK: - Damage

    @Test(arguments: 1...5)
    func aDamagedRecordBeforeTheLastIsCorruption(index: Int) throws {
        var data = Self.file()
        let start = Self.offsets()[index]
        data[start + 12] ^= 0x01 // inside its payload
        #expect(throws: JournalReadError.corruptRecord(number: index + 1, offset: start)) { try JournalFormat.read(data) }
    }

    @Test func anImpossibleLengthBeforeTheEndIsCorruption() throws {
        var data = Self.file()
        let start = Self.offsets()[2]
        data.replaceSubrange(start..<(start + 4), with: [0xff, 0xff, 0xff, 0x7f])
        #expect(throws: JournalReadError.corruptRecord(number: 3, offset: start)) { try JournalFormat.read(data) }
    }

    @Test func aJournalFromANewerConsultIsRefusedSayingSo() throws {
        let error = #expect(throws: JournalReadError.newerFormat(found: 2, understood: 1)) {
            try JournalFormat.read(Self.file(version: 2))
        }
        #expect(error?.description.contains("written by a newer version of Consult (journal format 2; this version reads "
                                            + "format 1 and earlier)") == true)
    }

    @Test(arguments: [Data(), Data("CONSULTJ".utf8), Data("hello, this is not a journal at all".utf8),
                      JournalFormat.preamble(version: 0)])
    func somethingElseIsNotAJournal(data: Data) {
        #expect(throws: JournalReadError.notAJournal) { try JournalFormat.read(data) }
    }

    @Test func aJournalWithoutItsHeaderIsRefused() throws {
        #expect(throws: JournalReadError.missingHeader) { try JournalFormat.read(JournalFormat.preamble()) }
        #expect(throws: JournalReadError.missingHeader) { try JournalFormat.read(Self.file().prefix(Self.offsets()[1] - 1)) }
        let eventFirst = JournalFormat.preamble() + JournalFormat.frame(Self.records[0])!
        #expect(throws: JournalReadError.missingHeader) { try JournalFormat.read(eventFirst) }
    }

    @Test func anIntactRecordThatCannotBeUnderstoodIsRefused() throws {
        let second = Self.file([.header(Self.header)])
        let error = #expect(throws: JournalReadError.self) { try JournalFormat.read(second) }
        #expect(error == .unreadableRecord(number: 2, offset: Self.offsets()[1], reason: "a second header"))
        let payload = Data(#"{"kind":"teleport","at":1}"#.utf8)
        let unknown = Self.file([]) + withUnsafeBytes(of: UInt32(payload.count).littleEndian) { Data($0) }
            + withUnsafeBytes(of: CRC32.checksum(payload).littleEndian) { Data($0) } + payload
        guard case .unreadableRecord(number: 2, offset: _, reason: _) = #expect(throws: JournalReadError.self, performing: {
            try JournalFormat.read(unknown)
        }) else {
            Issue.record("an unknown kind of record is unreadable")
            return
        }
    }

    @Test func aRecordLargerThan16MiBIsNotWritten() {
        #expect(JournalFormat.frame(.event(.line(String(repeating: "a", count: 16 << 20)), at: Date(), state: 0)) == nil)
        #expect(JournalFormat.frame(.event(.line(String(repeating: "a", count: 1 << 20)), at: Date(), state: 0)) != nil)
    }

    @Test func timesAreWholeMillisecondsThatReadBackExactly() throws {
        let now = Date(timeIntervalSince1970: 1_795_670_400.123_456_7)
        let normalized = JournalTime.normalized(now)
        #expect(JournalTime.milliseconds(normalized) == 1_795_670_400_123)
        let record = JournalRecord.event(.endOfInput, at: normalized, state: 7)
        let read = try JournalFormat.read(Self.file([record]))
        #expect(read.records == [record], "the time read back is the very Date the live session used")
    }
}
