import Foundation

/// The bytes of a session journal file, written and read with no I/O.
///
/// ```
/// file     = preamble record…          the first record is the header
/// preamble = "CONSULTJ"                8 bytes, ASCII
///            version                   UInt32, little-endian (1)
/// record   = length                    UInt32, little-endian: the payload's size, 1 to 16 MiB
///            checksum                  UInt32, little-endian: CRC-32 of the payload
///            payload                   UTF-8 JSON, one ``JournalRecord``
/// ```
///
/// A record is appended and `fsync`ed whole, so after a crash only the last record can be incomplete
/// (a *torn tail*). Reading drops a torn tail and says so; any other damage makes the whole journal
/// unreadable (``JournalReadError``), because records after a damaged one cannot be trusted to follow it.
public enum JournalFormat {
    /// The format this program writes, and the newest it reads.
    public static let version: UInt32 = 1
    static let magic = Array("CONSULTJ".utf8)
    static let preambleSize = 12
    static let recordHeaderSize = 8
    /// Larger payloads are refused when writing and read as damage.
    static let maximumPayload = 16 << 20

    /// The first 12 bytes of a journal.
    static func preamble(version: UInt32 = version) -> Data {
        Data(magic) + littleEndian(version)
    }

    /// A record as it is appended: length, checksum, payload.
    ///
    /// - Returns: `nil` when the payload would exceed ``maximumPayload``.
    static func frame(_ record: JournalRecord) -> Data? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Records hold strings and integers only, so encoding cannot fail.
        guard let payload = try? encoder.encode(record), payload.count <= maximumPayload else { return nil }
        return littleEndian(UInt32(payload.count)) + littleEndian(CRC32.checksum(payload)) + payload
    }

    private static func littleEndian(_ value: UInt32) -> Data {
        withUnsafeBytes(of: value.littleEndian) { Data($0) }
    }

    // MARK: - Reading

    /// Reads a whole journal file.
    ///
    /// - Returns: the header, the records after it, and the torn tail that was dropped, if any.
    /// - Throws: ``JournalReadError`` when the file is not a journal, is newer than this program,
    ///   has no complete header, or is damaged anywhere but in its last record.
    public static func read(_ data: Data) throws(JournalReadError) -> JournalContents {
        let bytes = [UInt8](data)
        guard bytes.count >= preambleSize, Array(bytes[0..<magic.count]) == magic else { throw .notAJournal }
        let version = uint32(bytes, at: magic.count)
        guard version != 0 else { throw .notAJournal }
        guard version <= Self.version else { throw .newerFormat(found: version, understood: Self.version) }

        var offset = preambleSize
        var header: JournalHeader?
        var records: [JournalRecord] = []
        var torn: JournalContents.TornTail?
        let decoder = JSONDecoder()
        while offset < bytes.count {
            let number = records.count + (header == nil ? 1 : 2)
            let tail = JournalContents.TornTail(offset: offset, length: bytes.count - offset, record: number)
            guard bytes.count - offset >= recordHeaderSize else {
                torn = tail
                break
            }
            let length = Int(uint32(bytes, at: offset))
            let checksum = uint32(bytes, at: offset + 4)
            guard length > 0, length <= maximumPayload else {
                // A length a writer never writes: zeros a crash left at the end, or damage.
                guard bytes[offset...].allSatisfy({ $0 == 0 }) else { throw .corruptRecord(number: number, offset: offset) }
                torn = tail
                break
            }
            let end = offset + recordHeaderSize + length
            guard end <= bytes.count else {
                torn = tail
                break
            }
            let payload = bytes[(offset + recordHeaderSize)..<end]
            guard CRC32.checksum(payload) == checksum else {
                guard end == bytes.count else { throw .corruptRecord(number: number, offset: offset) }
                torn = tail
                break
            }
            let record: JournalRecord
            do {
                record = try decoder.decode(JournalRecord.self, from: Data(payload))
            } catch {
                throw .unreadableRecord(number: number, offset: offset, reason: String(describing: error))
            }
            switch (record, header) {
            case let (.header(found), nil): header = found
            case (_, nil): throw .missingHeader
            case (.header, _): throw .unreadableRecord(number: number, offset: offset, reason: "a second header")
            case (.event, _), (.summaryWritten, _): records.append(record)
            }
            offset = end
        }
        guard let header else { throw .missingHeader }
        return JournalContents(version: version, header: header, records: records, tornTail: torn)
    }

    private static func uint32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * UInt32($1)) }
    }
}

/// A journal file as read: its header and the complete records after it.
public struct JournalContents: Sendable, Hashable {
    /// The format version of the file.
    public var version: UInt32
    public var header: JournalHeader
    /// Every complete record after the header, in order.
    public var records: [JournalRecord]
    /// The incomplete last record that was dropped; `nil` when the file ends with a whole record.
    public var tornTail: TornTail?

    /// An incomplete last record: a write the crash interrupted, never acknowledged to the patient.
    public struct TornTail: Sendable, Hashable {
        /// Where it starts in the file.
        public var offset: Int
        /// How many bytes were dropped.
        public var length: Int
        /// Its number, counting the header as record 1.
        public var record: Int
    }
}

/// Why a journal file cannot be read; the journal is then moved to quarantine, never deleted.
public enum JournalReadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Too short, or not starting with `CONSULTJ`.
    case notAJournal
    /// Written by a newer Consult, in a format this one does not know.
    case newerFormat(found: UInt32, understood: UInt32)
    /// The first record is missing, incomplete or not a header.
    case missingHeader
    /// A record before the last fails its checksum or has an impossible length: the file was damaged.
    case corruptRecord(number: Int, offset: Int)
    /// A record has a good checksum but cannot be understood.
    case unreadableRecord(number: Int, offset: Int, reason: String)

    public var description: String {
        switch self {
        case .notAJournal:
            "it is not a Consult session journal (it does not start with CONSULTJ and a format version)"
        case let .newerFormat(found, understood):
            "it was written by a newer version of Consult (journal format \(found); this version reads format "
                + "\(understood) and earlier): recover it with the newer version"
        case .missingHeader:
            "its first record, which says which session and dialog it belongs to, is missing or damaged"
        case let .corruptRecord(number, offset):
            "record \(number) (at byte \(offset)) is damaged and more records follow it, so the file was changed or "
                + "damaged on the disk rather than cut short by a crash"
        case let .unreadableRecord(number, offset, reason):
            "record \(number) (at byte \(offset)) is intact but cannot be understood: \(reason)"
        }
    }
}
