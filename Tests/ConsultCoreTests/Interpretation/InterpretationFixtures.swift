@testable import ConsultCore

/// Shared questions for the interpretation tests.
enum InterpretationFixtures {
    /// The session's reference day: a Tuesday in mid-September.
    static let today = CalendarDay(year: 2026, month: 9, day: 15)!
    static let interpreter = AnswerInterpreter(today: today)

    static let concerns = [
        ChoiceOption(id: "acne_scars", label: "Acne scars"),
        ChoiceOption(id: "acne_active", label: "Acne (active)"),
        ChoiceOption(id: "wrinkles", label: "Wrinkles or fine lines", synonyms: ["lines", "ageing", "aging"]),
        ChoiceOption(id: "pores", label: "Large pores"),
    ]
    static let noneOfThese = ChoiceOption(id: "none", label: "None of these")

    static let age = NumberRange(minimum: 0, maximum: 120, unit: "years", integer: true)

    static func day(_ iso: String) -> CalendarDay { CalendarDay(iso: iso)! }
}
