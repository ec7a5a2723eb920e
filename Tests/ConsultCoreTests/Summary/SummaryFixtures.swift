import Foundation
import Testing
@testable import ConsultCore

/// Sample consultation records, one per situation the summaries must show, with fixed times and ids.
enum SummaryFixtures {
    /// 2026-11-26T05:20:00Z.
    static let started = Date(timeIntervalSince1970: 1_795_670_400)
    /// 2026-11-26T05:31:27Z.
    static let finished = Date(timeIntervalSince1970: 1_795_671_087)

    static let dialog = DialogIdentity(id: "microneedling", version: "1.2.0", title: "Micro-needling consultation")

    static let concernKind = AnswerKind.multipleChoice(
        [ChoiceOption(id: "acne_scars", label: "Acne scars"), ChoiceOption(id: "wrinkles", label: "Wrinkles or fine lines")],
        none: ChoiceOption(id: "none", label: "None of these")
    )
    static let areaKind = AnswerKind.singleChoice([ChoiceOption(id: "face", label: "Face"), ChoiceOption(id: "neck", label: "Neck")])
    static let ageKind = AnswerKind.number(NumberRange(minimum: 0, maximum: 120, unit: "years", integer: true))

    static func day(_ text: String) -> CalendarDay { CalendarDay(iso: text)! }

    /// A patient who can book: every answer type, highlights, topics, an answered FAQ question and an estimate.
    static let proceedPatient = ConsultationRecord(
        id: "3f9a1c2e", dialog: dialog, language: "en", mode: .patient, started: started, finished: finished,
        outcome: OutcomeSummary(status: .proceed),
        answers: [
            AnsweredQuestion(id: "welcome", question: "Press Enter to start.", kind: .acknowledgement, value: .acknowledged, text: ""),
            AnsweredQuestion(id: "concern", question: "What would you like to improve?", kind: concernKind,
                             value: .choices(["acne_scars", "wrinkles"]), text: "acne, lines"),
            AnsweredQuestion(id: "area", question: "Which area?", kind: areaKind, value: .choice("face"), text: "face"),
            AnsweredQuestion(id: "age", question: "How old are you?", kind: ageKind, value: .number(34), text: "34"),
            AnsweredQuestion(id: "weight", question: "What do you weigh?",
                             kind: .number(NumberRange(minimum: 30, maximum: 300, unit: "kg", integer: false)),
                             value: .number(72.5), text: "72.5 kg"),
            AnsweredQuestion(id: "smoker", question: "Do you smoke?", kind: .yesNo, value: .yesNo(.no), text: "nope"),
            AnsweredQuestion(id: "last_peel", question: "When was your last chemical peel?", kind: .date,
                             value: .date(day("2026-08-26")), text: "3 months ago"),
            AnsweredQuestion(id: "goal", question: "Anything else we should know?", kind: .text(pattern: nil),
                             value: .text("Wedding in March"), text: "Wedding in March"),
        ],
        highlights: ["concern", "area"],
        topics: [TopicRecord(id: "costs", title: "Costs", skipped: false),
                 TopicRecord(id: "side_effects", title: "Side effects", skipped: true)],
        faq: [FAQRecord(asked: "Does it hurt?", answered: true, entry: "pain")],
        estimate: CostEstimate(sessionsMinimum: 3, sessionsMaximum: 6, low: 900, high: 1800, currency: "USD",
                               text: "about $900–$1,800 for 3–6 sessions")
    )

    /// Not suitable for two reasons, with a precaution and a note; "none of these" for the concern.
    static let declineTwoReasons = ConsultationRecord(
        id: "b7e4d001", dialog: dialog, language: "en", mode: .patient, started: started, finished: finished,
        outcome: OutcomeSummary(
            status: .decline,
            reasons: [
                FiredRule(rule: "under_18", effect: .decline, message: "Under 18.",
                          patientMessage: "We can only treat adults.", answers: ["age"]),
                FiredRule(rule: "pregnancy", effect: .defer, message: "Pregnant, possibly pregnant, or breastfeeding.",
                          patientMessage: "We wait until after pregnancy and breastfeeding.", answers: ["pregnant"]),
            ],
            precautions: [FiredRule(rule: "keloids", effect: .precaution, message: "History of keloid scars: test patch first.",
                                    answers: ["keloids"])],
            notes: [FiredRule(rule: "referred", effect: .info, message: "Came through a referral.", answers: ["referral"])]
        ),
        answers: [
            AnsweredQuestion(id: "concern", question: "What would you like to improve?", kind: concernKind,
                             value: .choices([]), text: "none"),
            AnsweredQuestion(id: "age", question: "How old are you?", kind: ageKind, value: .number(16), text: "sixteen"),
            AnsweredQuestion(id: "pregnant", question: "Are you pregnant or breastfeeding?", kind: .yesNoUnsure,
                             value: .yesNo(.yes), text: "yes"),
            AnsweredQuestion(id: "keloids", question: "Have you ever had keloid scars?", kind: .yesNoUnsure,
                             value: .yesNo(.yes), text: "y"),
        ],
        highlights: ["concern"]
    )

    /// Patient text that is Markdown: `|`, `*`, `_`, `#`, backticks and `<` must read as themselves.
    static let trickyText = "a|b *bold* _it_ #1 `code` <script>"

    /// A rehearsal that stopped: a skipped question, a "not sure", an unanswered FAQ question, tricky text.
    static let incompleteRehearsal = ConsultationRecord(
        id: "r3h34rs1", dialog: dialog, language: "es", mode: .rehearsal, started: started, finished: finished,
        outcome: OutcomeSummary(status: .incomplete),
        answers: [
            AnsweredQuestion(id: "goal", question: "Anything else we should know?", kind: .text(pattern: nil),
                             value: .text(trickyText), text: trickyText),
            AnsweredQuestion(id: "allergies", question: "Any allergies?", kind: .text(pattern: nil), value: nil, text: "skip"),
            AnsweredQuestion(id: "pregnant", question: "Are you pregnant or breastfeeding?", kind: .yesNoUnsure,
                             value: .yesNo(.unsure), text: "not sure"),
        ],
        highlights: ["concern"],
        faq: [FAQRecord(asked: "Can I wear make-up | after? *really*", answered: false),
              FAQRecord(asked: "Does it hurt?", answered: true, entry: "pain")]
    )

    /// A patient consultation cut short by a crash after two answers, rebuilt from its journal.
    static let recoveredAfterACrash = ConsultationRecord(
        id: "c7a5h001", dialog: dialog, language: "en", mode: .patient, started: started, finished: finished,
        outcome: OutcomeSummary(status: .incomplete),
        answers: [
            AnsweredQuestion(id: "concern", question: "What would you like to improve?", kind: concernKind,
                             value: .choices(["acne_scars"]), text: "acne"),
            AnsweredQuestion(id: "age", question: "How old are you?", kind: ageKind, value: .number(41), text: "41"),
        ],
        highlights: ["concern"],
        recovered: RecoveryNote(lastActivity: finished, answerCount: 2)
    )

    static let all: [ConsultationRecord] = [proceedPatient, declineTwoReasons, incompleteRehearsal, recoveredAfterACrash]

    /// The package's root folder, for `docs/`.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A JSON document as plain Foundation values.
    static func object(_ data: Data) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}

extension ConsultationRecord: CustomTestStringConvertible {
    /// Test cases name a sample record by its session id and outcome.
    public var testDescription: String { "\(id) (\(outcome.status.rawValue))" }
}
