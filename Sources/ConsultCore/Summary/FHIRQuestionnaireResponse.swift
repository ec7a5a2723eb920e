import Foundation

/// The interoperable summary (`.fhir.json`): an HL7 FHIR R4 `QuestionnaireResponse`.
///
/// Only what R4 allows: no empty strings, arrays or objects anywhere (absent
/// values are left out), codes without surrounding spaces, and an `id` within
/// FHIR's `[A-Za-z0-9\-\.]{1,64}`. `docs/summary-format.md` explains each choice.
struct FHIRQuestionnaireResponse: Encodable {
    /// HL7's code for test data, used to tag rehearsals.
    static let rehearsalTag = Coding(
        system: "http://terminology.hl7.org/CodeSystem/v3-ActReason", code: "HTEST", display: "test health data"
    )
    /// HL7's "unknown" null flavor, the answer to a yes/no question answered "not sure".
    static let unsureCoding = Coding(
        system: "http://terminology.hl7.org/CodeSystem/v3-NullFlavor", code: "UNK", display: "unknown"
    )

    /// HL7 v2 table 0136 (yes/no indicator), the codes of a yes/no/not sure answer.
    static let yesCoding = Coding(system: "http://terminology.hl7.org/CodeSystem/v2-0136", code: "Y", display: "Yes")
    static let noCoding = Coding(system: "http://terminology.hl7.org/CodeSystem/v2-0136", code: "N", display: "No")

    static func coding(for word: YesNoUnsure) -> Coding {
        switch word {
        case .yes: yesCoding
        case .no: noCoding
        case .unsure: unsureCoding
        }
    }

    let resourceType = "QuestionnaireResponse"
    var id: String
    /// The session's reference code, when it has one: what the front desk is told.
    var identifier: Identifier?
    /// Who the answers are about, as the patient gave it (a display only: the kiosk does not look the patient up).
    var subject: Reference?
    var meta: Meta?
    var language: String?
    var `extension`: [Extension]
    var questionnaire: String
    /// `completed`, or `stopped` when the consultation ended before its last question: FHIR R4's status for a form
    /// abandoned before completion (`in-progress` would promise that more answers may come).
    var status: String
    var authored: String
    var item: [Item]?

    struct Reference: Encodable {
        var display: String
    }

    struct Identifier: Encodable {
        var system: String
        var value: String
    }

    struct Meta: Encodable {
        var tag: [Coding]
    }

    /// A response extension: the outcome (`valueCode`) or the Consult version (`valueString`).
    struct Extension: Encodable {
        var url: String
        var valueCode: String?
        var valueString: String?
    }

    struct TextExtension: Encodable {
        var url: String
        var valueString: String
    }

    struct Coding: Encodable, Hashable {
        var system: String
        var code: String
        var display: String?
    }

    struct Item: Encodable {
        /// What the patient typed (`{base}/StructureDefinition/typed`) and, when the reading was said back and
        /// accepted, what was said (`…/confirmed`).
        var `extension`: [TextExtension]?
        var linkId: String
        var text: String?
        /// Left out for a skipped question (FHIR forbids an empty array).
        var answer: [Answer]?
    }

    /// One answer with exactly one `value[x]` set.
    struct Answer: Encodable {
        var valueBoolean: Bool?
        var valueCoding: Coding?
        var valueDecimal: Double?
        var valueInteger: Int?
        var valueDate: String?
        var valueString: String?
    }
}

// MARK: - From a record

extension FHIRQuestionnaireResponse {
    init(_ record: ConsultationRecord) {
        let canonical = FHIRCanonical(base: record.fhirBase)
        id = Self.resourceID(record.id)
        identifier = record.reference.map { Identifier(system: canonical.referenceSystem, value: $0.description) }
        subject = record.patient.map { Reference(display: $0.display) }
        meta = record.mode == .rehearsal ? Meta(tag: [Self.rehearsalTag]) : nil
        language = record.language.nonEmptyCode
        `extension` = [
            Extension(url: canonical.outcomeExtension, valueCode: record.outcome.status.rawValue),
            Extension(url: canonical.consultVersionExtension, valueString: record.consultVersion.nonEmpty),
        ].filter { $0.valueCode != nil || $0.valueString != nil }
        questionnaire = canonical.questionnaireReference(record.dialog)
        status = record.outcome.status == .incomplete ? "stopped" : "completed"
        authored = SummaryTimestamp.iso8601(record.finished)
        // A question skipped (or a text left empty) has no answer, and FHIR wants no item without one: a
        // response item says what was answered. What was typed at a skipped question is in the `.json`.
        let items = record.answers.compactMap { Item($0, dialog: record.dialog.id, canonical: canonical) }.filter { $0.answer != nil }
        item = items.isEmpty ? nil : items
    }

    /// The session id within FHIR's id alphabet and length: other characters become `-`.
    static func resourceID(_ id: String) -> String {
        let allowed = id.unicodeScalars.prefix(64).map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == ".")
                ? Character(scalar) : "-"
        }
        return allowed.isEmpty ? "unknown" : String(allowed)
    }

    /// Deterministic UTF-8 JSON: sorted keys, two-space indentation, a final newline.
    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }
}

extension FHIRQuestionnaireResponse.Item {
    /// The item for one answered question, or `nil` for a "press Enter to continue" step.
    init?(_ answered: AnsweredQuestion, dialog: String, canonical: FHIRCanonical) {
        if case .acknowledgement = answered.kind { return nil }
        linkId = answered.id
        text = answered.question.isEmpty ? nil : answered.question
        var extensions: [FHIRQuestionnaireResponse.TextExtension] = []
        if !answered.text.isEmpty {
            extensions.append(.init(url: canonical.typedExtension, valueString: answered.text))
        }
        if let confirmation = answered.confirmation {
            extensions.append(.init(url: canonical.confirmedExtension, valueString: confirmation.readBack))
        }
        `extension` = extensions.isEmpty ? nil : extensions
        let system = canonical.optionSystem(dialog: dialog, answer: answered.id)
        let answers = answered.value.map { Self.answers($0, of: answered, system: system) } ?? []
        answer = answers.isEmpty ? nil : answers
    }

    private static func answers(
        _ value: AnswerValue, of answered: AnsweredQuestion, system: String
    ) -> [FHIRQuestionnaireResponse.Answer] {
        typealias Answer = FHIRQuestionnaireResponse.Answer
        typealias Coding = FHIRQuestionnaireResponse.Coding
        switch value {
        case let .yesNo(word):
            // A yes/no/not sure question is a `choice` item in the Questionnaire (a `boolean` item
            // cannot say "unknown"), so all three of its answers are codings.
            if case .yesNoUnsure = answered.kind { return [Answer(valueCoding: FHIRQuestionnaireResponse.coding(for: word))] }
            switch word {
            case .yes: return [Answer(valueBoolean: true)]
            case .no: return [Answer(valueBoolean: false)]
            case .unsure: return [Answer(valueCoding: FHIRQuestionnaireResponse.unsureCoding)]
            }
        case let .choice(id):
            return id.isEmpty ? [] : [Answer(valueCoding: Coding(system: system, code: id, display: label(of: id, in: answered.kind)))]
        case let .choices(ids) where ids.isEmpty:
            // "None of these" is an answer, not a skip: send the dialog's none option when it has one.
            guard case let .multipleChoice(_, none?) = answered.kind else { return [] }
            return [Answer(valueCoding: Coding(system: system, code: none.id, display: none.label.nonEmpty))]
        case let .choices(ids):
            return ids.filter { !$0.isEmpty }.map {
                Answer(valueCoding: Coding(system: system, code: $0, display: label(of: $0, in: answered.kind)))
            }
        case let .number(number):
            if case let .number(range) = answered.kind, range.integer,
               number.rounded() == number, let whole = Int32(exactly: number) {
                return [Answer(valueInteger: Int(whole))]
            }
            return [Answer(valueDecimal: number)]
        case let .date(day):
            return [Answer(valueDate: day.description)]
        case let .dateRange(range):
            // FHIR dates may be a year or a month: "last year" is `2025`, "in March" `2026-03`. Other
            // ranges are said in words, since a date answer cannot hold a range.
            if let partial = range.partialDate { return [Answer(valueDate: partial)] }
            return [Answer(valueString: range.spoken)]
        case let .text(text):
            return text.isEmpty ? [] : [Answer(valueString: text)]
        case .acknowledged:
            return []
        }
    }

    private static func label(of id: String, in kind: AnswerKind) -> String? {
        switch kind {
        case let .singleChoice(options), let .multipleChoice(options, _):
            options.first { $0.id == id }?.label.nonEmpty
        case .yesNo, .yesNoUnsure, .number, .date, .text, .acknowledgement:
            nil
        }
    }
}

extension String {
    /// `nil` for the empty string, which FHIR forbids.
    fileprivate var nonEmpty: String? { isEmpty ? nil : self }

    /// A FHIR `code`: `nil` when empty or when it has spaces at either end.
    fileprivate var nonEmptyCode: String? {
        isEmpty || first?.isWhitespace == true || last?.isWhitespace == true ? nil : self
    }
}
