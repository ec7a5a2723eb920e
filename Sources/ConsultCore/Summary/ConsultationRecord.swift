import Foundation

/// Everything a finished (or abandoned) consultation leaves for the clinic's staff.
///
/// The summary renderers (Markdown, JSON, FHIR) read only this value, so the
/// three files always agree.
public struct ConsultationRecord: Sendable, Hashable, Codable {
    /// Short random id, also part of the summary file names (`3f9a1c2e`).
    public var id: String
    /// The code the patient quotes at the front desk (`K7M-4QX`), unique in the summary folder; `nil` for sessions
    /// that are not a patient's at a kiosk or terminal (rehearsals, replays) and for summaries written before codes.
    public var reference: ReferenceCode?
    /// Who the consultation was for, from the questions that identify the patient; `nil` when the dialog asks none.
    public var patient: PatientIdentification?
    public var dialog: DialogIdentity
    /// Language code of the session (`en`).
    public var language: String
    public var mode: SessionMode
    public var started: Date
    public var finished: Date
    public var outcome: OutcomeSummary
    /// Every answer on the path taken, in the order asked.
    public var answers: [AnsweredQuestion]
    /// Ids of the answers the dialog marks as the patient's main concern and area, shown first.
    public var highlights: [String]
    public var topics: [TopicRecord]
    public var faq: [FAQRecord]
    public var estimate: CostEstimate?
    /// Set when the consultation was cut short (a crash, a kill, a power cut) and this record was rebuilt from
    /// its journal; `nil` for a consultation that ended normally.
    public var recovered: RecoveryNote?
    /// The clinic's FHIR canonical base (its `fhir_base` setting), so the `.fhir.json` names the same
    /// Questionnaire, code systems and extensions as `consult export-questionnaire`; `nil` for the default.
    public var fhirBase: String?
    /// The version of Consult that ran the consultation (``ConsultVersion/current``), written into every summary.
    public var consultVersion: String

    public init(
        id: String, dialog: DialogIdentity, language: String, mode: SessionMode,
        started: Date, finished: Date, outcome: OutcomeSummary, answers: [AnsweredQuestion],
        highlights: [String] = [], topics: [TopicRecord] = [], faq: [FAQRecord] = [], estimate: CostEstimate? = nil,
        recovered: RecoveryNote? = nil, reference: ReferenceCode? = nil, patient: PatientIdentification? = nil,
        fhirBase: String? = nil, consultVersion: String = ConsultVersion.current
    ) {
        self.id = id
        self.reference = reference
        self.patient = patient
        self.dialog = dialog
        self.language = language
        self.mode = mode
        self.started = started
        self.finished = finished
        self.outcome = outcome
        self.answers = answers
        self.highlights = highlights
        self.topics = topics
        self.faq = faq
        self.estimate = estimate
        self.recovered = recovered
        self.fhirBase = fhirBase
        self.consultVersion = consultVersion
    }
}

/// How a consultation that was cut short was recovered from its journal.
///
/// Only what the journal itself says, so recovering the same journal twice gives the same summary files.
public struct RecoveryNote: Sendable, Hashable, Codable {
    /// The last moment the session was known to be alive: the time of its last saved event.
    public var lastActivity: Date
    /// How many answers were saved before it stopped.
    public var answerCount: Int

    public init(lastActivity: Date, answerCount: Int) {
        self.lastActivity = lastActivity
        self.answerCount = answerCount
    }
}

/// Which consultation script produced a record.
public struct DialogIdentity: Sendable, Hashable, Codable {
    public var id: String
    public var version: String
    public var title: String

    public init(id: String, version: String, title: String) {
        self.id = id
        self.version = version
        self.title = title
    }
}

/// Whether a real patient or a staff member rehearsing produced a record.
public enum SessionMode: String, Sendable, Hashable, Codable {
    case patient
    case rehearsal
}

/// The screening result with the reasons behind it.
public struct OutcomeSummary: Sendable, Hashable, Codable {
    public var status: OutcomeStatus
    /// Fired rules that set a status (`review`, `defer`, `decline`), most severe first.
    public var reasons: [FiredRule]
    /// Fired rules that only add a note for the clinician.
    public var precautions: [FiredRule]
    /// Fired rules that only record information.
    public var notes: [FiredRule]

    public init(status: OutcomeStatus, reasons: [FiredRule] = [], precautions: [FiredRule] = [], notes: [FiredRule] = []) {
        self.status = status
        self.reasons = reasons
        self.precautions = precautions
        self.notes = notes
    }
}

/// A screening rule whose condition held, with the answers that made it hold.
public struct FiredRule: Sendable, Hashable, Codable {
    /// The rule's id in the dialog.
    public var rule: String
    /// What the rule does: a status, or `precaution` / `info`.
    public var effect: RuleEffect
    /// Plain-language reason for staff.
    public var message: String
    /// Kind words for the patient, in the session's language.
    public var patientMessage: String?
    /// Ids of the answers the rule's condition read.
    public var answers: [String]

    public init(rule: String, effect: RuleEffect, message: String, patientMessage: String? = nil, answers: [String]) {
        self.rule = rule
        self.effect = effect
        self.message = message
        self.patientMessage = patientMessage
        self.answers = answers
    }
}

/// One question and the patient's answer, as shown and as typed.
public struct AnsweredQuestion: Sendable, Hashable, Codable {
    /// The question's answer id (`pregnant`).
    public var id: String
    /// The question as it was asked, in the session's language.
    public var question: String
    public var kind: AnswerKind
    /// The answer as understood; `nil` when the patient skipped an optional question.
    public var value: AnswerValue?
    /// The answer as the patient typed it, with control characters removed.
    public var text: String
    /// Set when the reading was said back and the patient agreed to it; `nil` when the answer was clear.
    public var confirmation: AnswerConfirmation?

    public init(id: String, question: String, kind: AnswerKind, value: AnswerValue?, text: String,
                confirmation: AnswerConfirmation? = nil) {
        self.id = id
        self.question = question
        self.kind = kind
        self.value = value
        self.text = text
        self.confirmation = confirmation
    }

    /// The answer in words for staff: option labels, `yes`/`no`/`not sure`, numbers with units.
    public var displayValue: String {
        guard let value else { return "(skipped)" }
        switch (value, kind) {
        case let (.yesNo(answer), _):
            return answer == .unsure ? "not sure" : answer.rawValue
        case let (.choice(id), .singleChoice(options)):
            return options.first { $0.id == id }?.label ?? id
        case let (.choices(ids), .multipleChoice(options, none)):
            if ids.isEmpty { return none?.label ?? "none" }
            return ids.map { id in options.first { $0.id == id }?.label ?? id }.joined(separator: ", ")
        case let (.number(number), .number(range)):
            let text = NumberFormatting.plain(number)
            return range.unit.map { "\(text) \($0)" } ?? text
        case let (.number(number), _):
            return NumberFormatting.plain(number)
        case let (.date(day), _):
            return day.description
        case let (.dateRange(range), _):
            return range.spoken
        case let (.text(text), _):
            return text
        case (.acknowledged, _):
            return "continued"
        case let (.choice(id), _):
            return id
        case let (.choices(ids), _):
            return ids.joined(separator: ", ")
        }
    }
}

/// How an answer that needed confirming was confirmed.
public struct AnswerConfirmation: Sendable, Hashable, Codable {
    /// Why it was said back.
    public var doubt: ReadingDoubt
    /// What was said back, which the patient accepted.
    public var readBack: String
    /// The answer id the words were typed at, when they came from an earlier answer.
    public var from: String?

    public init(doubt: ReadingDoubt, readBack: String, from: String? = nil) {
        self.doubt = doubt
        self.readBack = readBack
        self.from = from
    }
}

/// A topic section of the consultation and whether the patient read it.
public struct TopicRecord: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    /// `true` when the patient chose to skip the section.
    public var skipped: Bool

    public init(id: String, title: String, skipped: Bool) {
        self.id = id
        self.title = title
        self.skipped = skipped
    }
}

/// A question the patient asked in their own words.
public struct FAQRecord: Sendable, Hashable, Codable {
    /// What the patient typed, with control characters removed.
    public var asked: String
    /// Whether the FAQ had an answer.
    public var answered: Bool
    /// The id of the FAQ entry that answered it.
    public var entry: String?

    public init(asked: String, answered: Bool, entry: String? = nil) {
        self.asked = asked
        self.answered = answered
        self.entry = entry
    }
}

/// A cost estimate for the patient's course of sessions.
public struct CostEstimate: Sendable, Hashable, Codable {
    public var sessionsMinimum: Int
    public var sessionsMaximum: Int
    public var low: Double
    public var high: Double
    /// ISO 4217 code (`USD`).
    public var currency: String
    /// How the estimate reads to a person (`about $900–$1,800 for 3–6 sessions`).
    public var text: String

    public init(sessionsMinimum: Int, sessionsMaximum: Int, low: Double, high: Double, currency: String, text: String) {
        self.sessionsMinimum = sessionsMinimum
        self.sessionsMaximum = sessionsMaximum
        self.low = low
        self.high = high
        self.currency = currency
        self.text = text
    }
}
