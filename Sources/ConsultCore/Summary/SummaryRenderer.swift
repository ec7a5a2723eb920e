import Foundation

/// Turns a ``ConsultationRecord`` into the three summary files' contents, with no I/O.
///
/// The three files share one name (``fileStem(for:)``) and differ in extension:
/// `.md` for staff, `.json` for programs, `.fhir.json` for health records.
/// `docs/summary-format.md` describes all three.
public enum SummaryRenderer {
    /// The staff summary: one Markdown page, outcome and reasons first.
    public static func markdown(_ record: ConsultationRecord) -> String {
        MarkdownSummary(record: record).render()
    }

    /// The machine-readable summary, as described by `docs/summary.schema.json`.
    ///
    /// - Returns: UTF-8 JSON with sorted keys and a final newline, the same bytes for the same record.
    /// - Throws: `EncodingError` when a number is not finite (JSON cannot hold it).
    public static func json(_ record: ConsultationRecord) throws -> Data {
        try SummaryDocument(record).encoded()
    }

    /// The answers as an HL7 FHIR R4 `QuestionnaireResponse`.
    ///
    /// - Returns: UTF-8 JSON with sorted keys and a final newline, the same bytes for the same record.
    /// - Throws: `EncodingError` when a number is not finite (JSON cannot hold it).
    public static func fhirQuestionnaireResponse(_ record: ConsultationRecord) throws -> Data {
        try FHIRQuestionnaireResponse(record).encoded()
    }

    /// `20261126-053127-K7M-4QX-3f9a1c2e`: the UTC time the consultation finished, the reference code (when the
    /// session has one), then the session id.
    ///
    /// Characters of the id other than ASCII letters, digits, `-` and `_` become `_`,
    /// so the name is always a single, portable path component.
    public static func fileStem(for record: ConsultationRecord) -> String {
        fileStem(id: record.id, reference: record.reference, at: record.finished)
    }

    /// `20261126-053127-K7M-4QX-3f9a1c2e` for a session id, its code and a time; session journals are named the
    /// same way (with their start time), so a code in use by a session in progress is seen in the folder too.
    static func fileStem(id: String, reference: ReferenceCode? = nil, at time: Date) -> String {
        let safeID = String(id.unicodeScalars.prefix(64).map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_")
                ? Character(scalar) : "_"
        })
        let code = reference.map { $0.description + "-" } ?? ""
        return SummaryTimestamp.compact(time) + "-" + code + (safeID.isEmpty ? "session" : safeID)
    }

    /// The extensions of the three files, in the order ``SummaryWriter`` writes them.
    public static let fileExtensions = ["md", "json", "fhir.json"]
}
