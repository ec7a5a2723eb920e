import Foundation

/// Which summaries `consult summaries` shows.
public struct SummaryFilter: Sendable, Hashable {
    /// Only summaries finished at or after this time.
    public var since: Date?
    /// Only these outcomes; empty for all.
    public var statuses: Set<OutcomeStatus>
    /// Only the summary with this code.
    public var reference: ReferenceCode?

    public init(since: Date? = nil, statuses: Set<OutcomeStatus> = [], reference: ReferenceCode? = nil) {
        self.since = since
        self.statuses = statuses
        self.reference = reference
    }

    public func accepts(_ listing: SummaryListing) -> Bool {
        if let since, listing.finished < since { return false }
        if !statuses.isEmpty, !statuses.contains(listing.status) { return false }
        if let reference, listing.reference != reference { return false }
        return true
    }
}

/// The listing of summaries as a table for staff, and as JSON for programs.
public enum SummaryListingReport {
    /// A table, newest first: finished (in `timeZone`), code, outcome, reasons in short, unanswered questions.
    ///
    /// Incomplete sessions are flagged in capitals and recovered ones marked; reasons are cut to fit `width`.
    public static func table(_ listings: [SummaryListing], width: Int, timeZone: TimeZone) -> String {
        // The patient column only for folders whose dialog identifies patients.
        let showsPatient = listings.contains { $0.patient != nil }
        let header = ["FINISHED", "CODE"] + (showsPatient ? ["PATIENT"] : []) + ["OUTCOME", "QUESTIONS", "REASONS"]
        let rows = listings.map { listing -> [String] in
            [
                localTime(listing.finished, in: timeZone),
                listing.reference?.description ?? "-",
            ] + (showsPatient ? [listing.patient.map { StaffPage.safe($0) } ?? "-"] : []) + [
                outcomeWord(listing),
                listing.unansweredQuestions.isEmpty ? "-" : "\(listing.unansweredQuestions.count) unanswered",
                listing.reasons.map { StaffPage.safe($0) }.joined(separator: "; "),
            ]
        }
        var widths = header.map(\.count)
        for row in rows { for (index, cell) in row.enumerated().dropLast() { widths[index] = max(widths[index], cell.count) } }
        let fixed = widths.dropLast().reduce(0, +) + 2 * (header.count - 1)
        let reasonsWidth = max(width - fixed, 12)
        let lines = ([header] + rows).map { row -> String in
            var cells = row
            cells[cells.count - 1] = shortened(cells[cells.count - 1], to: reasonsWidth)
            let padded = cells.enumerated().map { index, cell in
                index == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }
            var line = padded.joined(separator: "  ")
            while line.hasSuffix(" ") { line.removeLast() }
            return line
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `proceed`, `review`, `defer`, `decline`, `INCOMPLETE`; `, recovered` and `, rehearsal` when so.
    static func outcomeWord(_ listing: SummaryListing) -> String {
        var word = listing.status == .incomplete ? "INCOMPLETE" : listing.status.rawValue
        if listing.recovered { word += ", recovered" }
        if listing.mode == .rehearsal { word += ", rehearsal" }
        return word
    }

    /// The listings as a JSON array, for programs: every field, times in ISO 8601 UTC, the three file names.
    public static func json(_ listings: [SummaryListing]) throws -> Data {
        struct Entry: Encodable {
            var finished: String
            var reference: String?
            var id: String
            var mode: String
            var outcome: String
            var recovered: Bool
            var reasons: [String]
            var unansweredQuestions: [String]
            var patient: String?
            var files: [String]
            enum CodingKeys: String, CodingKey {
                case finished, reference, id, mode, outcome, recovered, reasons, files, patient
                case unansweredQuestions = "unanswered_questions"
            }
        }
        let entries = listings.map {
            Entry(finished: SummaryTimestamp.iso8601($0.finished), reference: $0.reference?.description, id: $0.id,
                  mode: $0.mode.rawValue, outcome: $0.status.rawValue, recovered: $0.recovered, reasons: $0.reasons,
                  unansweredQuestions: $0.unansweredQuestions, patient: $0.patient,
                  files: SummaryRenderer.fileExtensions.map { [stem = $0.stem] in "\(stem).\($0)" })
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(entries)
        data.append(0x0A)
        return data
    }

    /// `2026-11-26 06:31` in the given time zone.
    static func localTime(_ date: Date, in timeZone: TimeZone) -> String {
        let shifted = date.addingTimeInterval(Double(timeZone.secondsFromGMT(for: date)))
        return String(SummaryTimestamp.iso8601(shifted).prefix(16)).replacingOccurrences(of: "T", with: " ")
    }

    private static func shortened(_ text: String, to width: Int) -> String {
        text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    }
}
