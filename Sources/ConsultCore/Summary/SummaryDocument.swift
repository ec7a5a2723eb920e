import Foundation

/// The machine-readable summary (`.json`): the record in a stable, documented shape.
///
/// `docs/summary.schema.json` describes this shape and `docs/summary-format.md`
/// explains it; change all three together and raise ``formatVersion`` when a
/// change could break a reader.
struct SummaryDocument: Codable, Hashable {
    /// Raised when a change could break a reader of earlier summaries.
    static let currentFormatVersion = 1

    var formatVersion: Int
    /// The version of Consult that ran the consultation; left out only by summaries written before it was recorded.
    var consultVersion: String?
    var id: String
    /// The code the patient quotes at the front desk (`K7M-4QX`); left out when the session has none.
    var reference: String?
    /// Who the consultation was for; left out when the dialog identifies no one.
    var patient: Patient?
    var dialog: Dialog
    var language: String
    var mode: SessionMode
    /// ISO 8601 in UTC (`2026-11-26T05:31:27Z`).
    var started: String
    var finished: String
    var outcome: Outcome
    var answers: [Answer]
    var highlights: [String]
    var topics: [Topic]
    var faq: [Question]
    var estimate: Estimate?
    /// Only on a summary rebuilt from a journal after an interruption.
    var recovered: Recovered?

    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version"
        case consultVersion = "consult_version"
        case id, reference, patient, dialog, language, mode, started, finished, outcome, answers, highlights, topics, faq, estimate,
             recovered
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(formatVersion, forKey: .formatVersion)
        try container.encodeIfPresent(consultVersion, forKey: .consultVersion)
        try container.encode(id, forKey: .id)
        try container.encodeIfPresent(reference, forKey: .reference) // left out when none: older bytes unchanged
        try container.encodeIfPresent(patient, forKey: .patient) // left out when none, likewise
        try container.encode(dialog, forKey: .dialog)
        try container.encode(language, forKey: .language)
        try container.encode(mode, forKey: .mode)
        try container.encode(started, forKey: .started)
        try container.encode(finished, forKey: .finished)
        try container.encode(outcome, forKey: .outcome)
        try container.encode(answers, forKey: .answers)
        try container.encode(highlights, forKey: .highlights)
        try container.encode(topics, forKey: .topics)
        try container.encode(faq, forKey: .faq)
        try container.encode(estimate, forKey: .estimate) // `null` when there is none, never left out
        try container.encodeIfPresent(recovered, forKey: .recovered) // left out unless recovered: other summaries keep their bytes
    }

    /// The answers that identify the patient.
    struct Patient: Codable, Hashable {
        var name: String?
        /// `YYYY-MM-DD`.
        var birthDate: String?
        var appointment: String?

        enum CodingKeys: String, CodingKey {
            case name
            case birthDate = "birth_date"
            case appointment
        }
    }

    /// A consultation cut short and rebuilt from its journal.
    struct Recovered: Codable, Hashable {
        /// ISO 8601 in UTC: the time of the last saved event.
        var lastActivity: String
        /// How many answers were saved.
        var answers: Int

        enum CodingKeys: String, CodingKey {
            case lastActivity = "last_activity"
            case answers
        }
    }

    struct Dialog: Codable, Hashable {
        var id: String
        var version: String
        var title: String
    }

    struct Outcome: Codable, Hashable {
        var status: OutcomeStatus
        var reasons: [Reason]
        var precautions: [Note]
        var notes: [Note]
    }

    /// A fired rule that set the outcome.
    struct Reason: Codable, Hashable {
        var rule: String
        /// The status the rule sets (`review`, `defer`, `decline`).
        var status: String
        var message: String
        var patientMessage: String?
        var answers: [String]

        enum CodingKeys: String, CodingKey {
            case rule, status, message, answers
            case patientMessage = "patient_message"
        }
    }

    /// A fired rule that only adds a precaution or a note.
    struct Note: Codable, Hashable {
        var rule: String
        var message: String
        var patientMessage: String?
        var answers: [String]

        enum CodingKeys: String, CodingKey {
            case rule, message, answers
            case patientMessage = "patient_message"
        }
    }

    struct Answer: Codable, Hashable {
        var id: String
        var question: String
        /// `yes-no`, `yes-no-unsure`, `choice`, `multiple-choice`, `number`, `date`, `text`, `continue`.
        var type: String
        /// `nil` (written as `null`) when the patient skipped the question.
        var value: Value?
        var display: String
        var text: String
        /// Set when the reading was said back to the patient and they accepted it.
        var confirmation: Confirmation?

        /// How an answer read with a doubt was confirmed.
        struct Confirmation: Codable, Hashable {
            /// Why it was said back: `qualified`, `partial`, `hedged`, `namesSomethingElse`, `mentionsTime`, `typo`,
            /// `indirect`, `partialMatch`, `fromEarlierAnswer`.
            var doubt: String
            /// What was said back, which the patient accepted.
            var readBack: String
            /// The answer id the words were typed at, when they came from an earlier answer.
            var from: String?

            enum CodingKeys: String, CodingKey {
                case doubt
                case readBack = "read_back"
                case from
            }
        }

        enum CodingKeys: String, CodingKey {
            case id, question, type, value, display, text, confirmation
        }

        init(id: String, question: String, type: String, value: Value?, display: String, text: String,
             confirmation: Confirmation? = nil) {
            self.id = id
            self.question = question
            self.type = type
            self.value = value
            self.display = display
            self.text = text
            self.confirmation = confirmation
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            id = try container.decode(String.self, forKey: .id)
            question = try container.decode(String.self, forKey: .question)
            type = try container.decode(String.self, forKey: .type)
            value = try container.decode(Value?.self, forKey: .value)
            display = try container.decode(String.self, forKey: .display)
            text = try container.decode(String.self, forKey: .text)
            // Summaries written before confirmations existed have no such key.
            confirmation = try container.decodeIfPresent(Confirmation.self, forKey: .confirmation)
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(question, forKey: .question)
            try container.encode(type, forKey: .type)
            try container.encode(value, forKey: .value) // `null` when skipped, never left out
            try container.encode(display, forKey: .display)
            try container.encode(text, forKey: .text)
            try container.encode(confirmation, forKey: .confirmation) // `null` when the answer was clear
        }
    }

    /// An answer's value in plain JSON.
    enum Value: Codable, Hashable {
        /// `"yes"`, `"no"`, `"unsure"`, an option id, a `YYYY-MM-DD` day or free text.
        case string(String)
        /// Option ids of a multiple choice; empty for "none of these".
        case strings([String])
        case number(Double)
        /// `true` for a "press Enter to continue" step.
        case bool(Bool)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let flag = try? container.decode(Bool.self) {
                self = .bool(flag)
            } else if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else if let text = try? container.decode(String.self) {
                self = .string(text)
            } else {
                self = .strings(try container.decode([String].self))
            }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case let .string(text): try container.encode(text)
            case let .strings(ids): try container.encode(ids)
            case let .number(number): try container.encode(number)
            case let .bool(flag): try container.encode(flag)
            }
        }
    }

    struct Topic: Codable, Hashable {
        var id: String
        var title: String
        var skipped: Bool
    }

    struct Question: Codable, Hashable {
        var asked: String
        var answered: Bool
        var entry: String?
    }

    struct Estimate: Codable, Hashable {
        var sessions: Sessions
        var low: Double
        var high: Double
        var currency: String
        var text: String

        struct Sessions: Codable, Hashable {
            var min: Int
            var max: Int
        }
    }
}

// MARK: - From a record

extension SummaryDocument {
    init(_ record: ConsultationRecord) {
        formatVersion = Self.currentFormatVersion
        consultVersion = record.consultVersion.isEmpty ? nil : record.consultVersion
        id = record.id
        reference = record.reference?.description
        patient = record.patient.map { Patient(name: $0.name, birthDate: $0.birthDate, appointment: $0.appointment) }
        dialog = Dialog(id: record.dialog.id, version: record.dialog.version, title: record.dialog.title)
        language = record.language
        mode = record.mode
        started = SummaryTimestamp.iso8601(record.started)
        finished = SummaryTimestamp.iso8601(record.finished)
        outcome = Outcome(
            status: record.outcome.status,
            reasons: record.outcome.reasons.map {
                Reason(rule: $0.rule, status: $0.effect.rawValue, message: $0.message,
                       patientMessage: $0.patientMessage, answers: $0.answers)
            },
            precautions: record.outcome.precautions.map(Note.init),
            notes: record.outcome.notes.map(Note.init)
        )
        answers = record.answers.map(Answer.init)
        highlights = record.highlights
        topics = record.topics.map { Topic(id: $0.id, title: $0.title, skipped: $0.skipped) }
        faq = record.faq.map { Question(asked: $0.asked, answered: $0.answered, entry: $0.entry) }
        estimate = record.estimate.map {
            Estimate(sessions: .init(min: $0.sessionsMinimum, max: $0.sessionsMaximum),
                     low: $0.low, high: $0.high, currency: $0.currency, text: $0.text)
        }
        recovered = record.recovered.map {
            Recovered(lastActivity: SummaryTimestamp.iso8601($0.lastActivity), answers: $0.answerCount)
        }
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

extension SummaryDocument.Note {
    init(_ rule: FiredRule) {
        self.init(rule: rule.rule, message: rule.message, patientMessage: rule.patientMessage, answers: rule.answers)
    }
}

extension SummaryDocument.Answer {
    init(_ answer: AnsweredQuestion) {
        self.init(
            id: answer.id, question: answer.question, type: answer.kind.summaryType,
            value: answer.value.map(SummaryDocument.Value.init), display: answer.displayValue, text: answer.text,
            confirmation: answer.confirmation.map {
                Confirmation(doubt: $0.doubt.rawValue, readBack: $0.readBack, from: $0.from)
            }
        )
    }
}

extension SummaryDocument.Value {
    init(_ value: AnswerValue) {
        switch value {
        case let .yesNo(answer): self = .string(answer.rawValue)
        case let .choice(id): self = .string(id)
        case let .choices(ids): self = .strings(ids)
        case let .number(number): self = .number(number)
        case let .date(day): self = .string(day.description)
        case let .dateRange(range): self = .string(range.iso8601Interval)
        case let .text(text): self = .string(text)
        case .acknowledged: self = .bool(true)
        }
    }
}

extension AnswerKind {
    /// The question type as the dialog format and the summaries spell it (`yes-no-unsure`).
    var summaryType: String {
        switch self {
        case .yesNo: "yes-no"
        case .yesNoUnsure: "yes-no-unsure"
        case .singleChoice: "choice"
        case .multipleChoice: "multiple-choice"
        case .number: "number"
        case .date: "date"
        case .text: "text"
        case .acknowledgement: "continue"
        }
    }
}
