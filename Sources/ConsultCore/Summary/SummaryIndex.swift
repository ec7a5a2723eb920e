import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One summary as `consult summaries` lists it: what the front desk needs, without the answers.
public struct SummaryListing: Sendable, Hashable {
    /// The files' shared name without extension (`20261126-053127-K7M-4QX-3f9a1c2e`).
    public var stem: String
    public var finished: Date
    public var reference: ReferenceCode?
    public var id: String
    public var mode: SessionMode
    public var status: OutcomeStatus
    /// The staff reasons of the rules that set the outcome, most severe first.
    public var reasons: [String]
    /// The patient's own questions the consultation could not answer, to answer at the visit.
    public var unansweredQuestions: [String]
    /// Whether the summary was rebuilt from its journal after an interruption.
    public var recovered: Bool
    /// Who the consultation was for (`Ana López, born 1985-03-12`), when the dialog identifies the patient.
    public var patient: String?

    public init(stem: String, finished: Date, reference: ReferenceCode?, id: String, mode: SessionMode,
                status: OutcomeStatus, reasons: [String], unansweredQuestions: [String], recovered: Bool,
                patient: String? = nil) {
        self.patient = patient
        self.stem = stem
        self.finished = finished
        self.reference = reference
        self.id = id
        self.mode = mode
        self.status = status
        self.reasons = reasons
        self.unansweredQuestions = unansweredQuestions
        self.recovered = recovered
    }

    /// The listing of a record written under `stem`.
    public init(_ record: ConsultationRecord, stem: String) {
        self.init(stem: stem, finished: record.finished, reference: record.reference, id: record.id, mode: record.mode,
                  status: record.outcome.status, reasons: record.outcome.reasons.map(\.message),
                  unansweredQuestions: record.faq.filter { !$0.answered }.map(\.asked), recovered: record.recovered != nil,
                  patient: record.patient?.display)
    }
}

/// The summary folder's index, `.index.tsv`: one line per summary written, so listing a folder of hundreds of
/// thousands of summaries reads one file instead of every summary.
///
/// The writer appends a line after the three files are in place (``SummaryWriter/write(_:)``), under an
/// exclusive `flock` and synced. The index is a cache, never the truth: ``SummaryIndex/list(directory:)`` lists
/// the `.json` summaries the folder holds, takes what it can from the index, and reads in full only the summaries
/// the index lacks (written before the index existed, or when appending failed). A line of a summary since
/// removed is ignored, and a summary written twice (recovery after a crash between placing and the journal's
/// removal) counts once.
///
/// Format: a first line `#consult-summary-index 1`, then tab-separated fields — stem, finished (seconds since
/// 1970, UTC), reference code or empty, session id, mode, outcome status, `1` when recovered, the reasons and the
/// unanswered questions (each list's items separated by U+001F), and, when the dialog identifies the patient, who
/// it was (a tenth field that older lines lack). In a field, `\` `\t` `\n` `\r` and U+001F are
/// written as `\\` `\t` `\n` `\r` `\u`.
public enum SummaryIndex {
    static let fileName = ".index.tsv"
    private static let jsonSuffix = Array(".json".utf8)
    private static let fhirSuffix = Array(".fhir.json".utf8)
    static let header = "#consult-summary-index 1"

    // MARK: - Writing

    /// The line of one listing, ending with a newline.
    static func line(_ listing: SummaryListing) -> String {
        let fields = [
            escape(listing.stem), String(Int64(listing.finished.timeIntervalSince1970.rounded(.down))),
            listing.reference?.description ?? "", escape(listing.id), listing.mode.rawValue, listing.status.rawValue,
            listing.recovered ? "1" : "0",
            listing.reasons.map(escape).joined(separator: "\u{1F}"),
            listing.unansweredQuestions.map(escape).joined(separator: "\u{1F}"),
        ] + (listing.patient.map { [escape($0)] } ?? [])
        return fields.joined(separator: "\t") + "\n"
    }

    /// Appends the line of `listing` to the index in `folder` and syncs it.
    ///
    static func append(_ listing: SummaryListing, in folder: DurableFolder) throws(SystemCallError) {
        let file = openat(folder.descriptor, fileName, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard file >= 0 else { throw .last(path: folder.path + "/" + fileName) }
        defer { _ = closeDescriptor(file) }
        // Like the summaries: the staff group reads it in a shared folder, nobody else ever.
        if let group = folder.sharedGroup {
            guard fchown(file, uid_t.max, group) == 0, fchmod(file, 0o640) == 0 else { throw .last(path: folder.path + "/" + fileName) }
        }
        // Two kiosks may share a folder: one whole line at a time, and the header only once.
        guard flock(file, LOCK_EX) == 0 else { throw .last(path: folder.path + "/" + fileName) }
        var info = stat()
        guard fstat(file, &info) == 0 else { throw .last(path: folder.path + "/" + fileName) }
        let text = (info.st_size == 0 ? header + "\n" : "") + line(listing)
        try DurableFolder.writeAll(Data(text.utf8), to: file, path: folder.path + "/" + fileName)
        try DurableFolder.retryingInterrupts(path: folder.path + "/" + fileName) { fsync(file) }
    }

    // MARK: - Reading

    /// Parses the index's lines; lines that cannot be read are skipped (the summary is then read in full).
    ///
    /// Works on bytes, not characters: a folder of hundreds of thousands of summaries has as many lines.
    static func parse(_ data: Data) -> [String: SummaryListing] {
        var listings: [String: SummaryListing] = [:]
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            let bytes = buffer.bindMemory(to: UInt8.self)
            listings.reserveCapacity(bytes.count / 120)
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                if end > start, bytes[start] != UInt8(ascii: "#"),
                   let listing = parseLine(UnsafeBufferPointer(rebasing: bytes[start..<end])) {
                    listings[listing.stem] = listing
                }
                start = end + 1
            }
        }
        return listings
    }

    static func parseLine(_ line: String) -> SummaryListing? {
        var copy = line
        return copy.withUTF8 { parseLine($0) }
    }

    private static func parseLine(_ line: UnsafeBufferPointer<UInt8>) -> SummaryListing? {
        var fields: [UnsafeBufferPointer<UInt8>] = []
        fields.reserveCapacity(9)
        var start = 0
        for index in 0...line.count where index == line.count || line[index] == 0x09 {
            fields.append(UnsafeBufferPointer(rebasing: line[start..<index]))
            start = index + 1
        }
        guard fields.count >= 9 else { return nil }
        var seconds: Int64 = 0
        for byte in fields[1] {
            guard byte >= 0x30, byte <= 0x39, seconds < Int64.max / 10 - 10 else { return nil }
            seconds = seconds * 10 + Int64(byte - 0x30)
        }
        guard !fields[1].isEmpty, let mode = SessionMode(rawValue: text(fields[4])),
              let status = OutcomeStatus(rawValue: text(fields[5])) else { return nil }
        let list = { (field: UnsafeBufferPointer<UInt8>) -> [String] in
            field.isEmpty ? [] : field.split(separator: 0x1F, omittingEmptySubsequences: false).map {
                unescape(Substring(text(UnsafeBufferPointer(rebasing: $0))))
            }
        }
        return SummaryListing(stem: unescape(Substring(text(fields[0]))), finished: Date(timeIntervalSince1970: Double(seconds)),
                              reference: fields[2].isEmpty ? nil : ReferenceCode(text(fields[2])),
                              id: unescape(Substring(text(fields[3]))), mode: mode, status: status,
                              reasons: list(fields[7]), unansweredQuestions: list(fields[8]),
                              recovered: fields[6].count == 1 && fields[6][0] == UInt8(ascii: "1"),
                              patient: fields.count > 9 && !fields[9].isEmpty ? unescape(Substring(text(fields[9]))) : nil)
    }

    private static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    static func escape(_ text: String) -> String {
        guard text.contains(where: { $0 == "\\" || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{1F}" }) else { return text }
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\u{1F}": result += "\\u"
            default: result.append(character)
            }
        }
        return result
    }

    static func unescape(_ text: Substring) -> String {
        guard text.utf8.contains(UInt8(ascii: "\\")) else { return String(text) }
        var result = ""
        var escaping = false
        for character in text {
            if escaping {
                switch character {
                case "t": result.append("\t")
                case "n": result.append("\n")
                case "r": result.append("\r")
                case "u": result.append("\u{1F}")
                default: result.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }

    // MARK: - Listing a folder

    /// Every summary of the folder, newest first, from the index where it has them.
    ///
    /// Never creates or changes anything: staff may list a folder they can only read.
    ///
    /// - Throws: ``SummaryListingError`` when the folder cannot be read.
    public static func list(directory: URL) throws(SummaryListingError) -> SummaryFolderListing {
        let path = directory.path
        guard let stream = opendir(path) else {
            throw .unreadableFolder(path: path, reason: SystemCallError.last(path: path).reason)
        }
        var stems: [String] = []
        while let entry = readdir(stream) {
            // `<stem>.json`, not `<stem>.fhir.json`, not hidden (temporary files, the index, `.journal`); checked
            // on the bytes, since only a third of the names are kept.
            let stem: String? = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                let bytes = raw.bindMemory(to: UInt8.self)
                let length = bytes.firstIndex(of: 0) ?? bytes.count
                guard length > 5, bytes[0] != UInt8(ascii: "."),
                      Array(bytes[(length - 5)..<length]) == Self.jsonSuffix,
                      length < 10 || Array(bytes[(length - 10)..<length]) != Self.fhirSuffix else { return nil }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<(length - 5)]), as: UTF8.self)
            }
            if let stem { stems.append(stem) }
        }
        closedir(stream)

        let indexed = (try? Data(contentsOf: directory.appendingPathComponent(fileName))).map(parse) ?? [:]
        var listings: [SummaryListing] = []
        var unreadable: [String] = []
        listings.reserveCapacity(stems.count)
        for stem in stems {
            if let listing = indexed[stem] {
                listings.append(listing)
            } else if let listing = readSummary(directory.appendingPathComponent(stem + ".json"), stem: stem) {
                listings.append(listing)
            } else {
                unreadable.append(stem + ".json")
            }
        }
        // Stems start with the finishing time, so byte order is time order; ties in the same second by code.
        listings.sort { $0.finished != $1.finished ? $0.finished > $1.finished : !$0.stem.utf8.lexicographicallyPrecedes($1.stem.utf8) }
        return SummaryFolderListing(directory: directory, summaries: listings, unreadable: unreadable.sorted(),
                                    readInFull: listings.count - listings.filter { indexed[$0.stem] != nil }.count)
    }

    /// The stems of the summaries whose names carry `code`, newest first: what `show` and `print` need, from the
    /// file names alone (one `readdir`, no index, no summary read).
    ///
    /// - Throws: ``SummaryListingError`` when the folder cannot be read.
    public static func stems(with code: ReferenceCode, in directory: URL) throws(SummaryListingError) -> [String] {
        let path = directory.path
        guard let stream = opendir(path) else {
            throw .unreadableFolder(path: path, reason: SystemCallError.last(path: path).reason)
        }
        defer { closedir(stream) }
        let infix = "-\(code)-"
        var stems: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name.hasSuffix(".md"), !name.hasPrefix("."), name.contains(infix),
                  ReferenceCode.inFileName(name) == code else { continue }
            stems.append(String(name.dropLast(3)))
        }
        return stems.sorted(by: >)
    }

    /// The listing of a summary the index lacks, from its `.json` file.
    static func readSummary(_ file: URL, stem: String) -> SummaryListing? {
        guard let data = try? Data(contentsOf: file),
              let document = try? JSONDecoder().decode(SummaryDocument.self, from: data),
              let finished = SummaryTimestamp.parse(document.finished) else { return nil }
        return SummaryListing(stem: stem, finished: finished, reference: document.reference.flatMap(ReferenceCode.init),
                              id: document.id, mode: document.mode, status: document.outcome.status,
                              reasons: document.outcome.reasons.map(\.message),
                              unansweredQuestions: document.faq.filter { !$0.answered }.map(\.asked),
                              recovered: document.recovered != nil,
                              patient: document.patient.map {
                                  PatientIdentification(name: $0.name, birthDate: $0.birthDate, appointment: $0.appointment).display
                              })
    }
}

/// The summaries of a folder, as ``SummaryIndex/list(directory:)`` found them.
public struct SummaryFolderListing: Sendable {
    public var directory: URL
    /// Newest first.
    public var summaries: [SummaryListing]
    /// `.json` files that could not be read as summaries, for staff.
    public var unreadable: [String]
    /// How many summaries were not in the index and were read in full.
    public var readInFull: Int
}

/// Why a summary folder could not be listed.
public enum SummaryListingError: Error, Sendable, Hashable, CustomStringConvertible {
    case unreadableFolder(path: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadableFolder(path, reason):
            "cannot read the summary folder \(path): \(reason); give --out the kiosk's folder, and run as a member "
                + "of the group the kiosk writes for (consult kiosk --group GROUP) or as its user"
        }
    }
}
