import Foundation
import Testing
@testable import ConsultCore

/// The 22 items of the clinical notes' screening table, each asked in the bundled dialogs and each with
/// a rule of an outcome the notes allow.
@Suite struct ScreeningCoverageTests {
    struct Item: Sendable, CustomTestStringConvertible {
        let number: Int
        let what: String
        /// The answers that ask this item (the first is the main question; the rest are follow-ups).
        let answers: [String]
        /// The outcomes the notes give; each inner set lists alternatives ("decline or review"), and each
        /// inner set needs a rule reading one of `answers` with one of its outcomes.
        let outcomes: [Set<RuleEffect>]

        var testDescription: String { "item \(number): \(what)" }
    }

    /// The notes' table (shared/clinical-notes.md, "Screening"), item by item.
    static let items: [Item] = [
        Item(number: 1, what: "age", answers: ["age"], outcomes: [[.decline], [.review]]),
        Item(number: 2, what: "what to improve", answers: ["concern", "area"], outcomes: [[.info], [.review]]),
        Item(number: 3, what: "pregnant or breastfeeding", answers: ["pregnant", "breastfeeding"], outcomes: [[.defer]]),
        Item(number: 4, what: "active acne now", answers: ["active_acne"], outcomes: [[.defer]]),
        Item(number: 5, what: "cold sore, cut, wound or infection now", answers: ["open_skin"], outcomes: [[.defer]]),
        Item(number: 6, what: "unstable skin now", answers: ["unstable_skin"], outcomes: [[.defer]]),
        Item(number: 7, what: "keloid", answers: ["keloid"], outcomes: [[.decline, .review]]),
        Item(number: 8, what: "cold sores or shingles", answers: ["cold_sores_history"], outcomes: [[.precaution]]),
        Item(number: 9, what: "isotretinoin", answers: ["isotretinoin", "isotretinoin_status", "isotretinoin_stopped"],
             outcomes: [[.defer, .review]]),
        Item(number: 10, what: "blood thinners", answers: ["blood_thinners", "blood_thinner_name"], outcomes: [[.review]]),
        Item(number: 11, what: "bleeding disorder", answers: ["bleeding_disorder"], outcomes: [[.decline, .review]]),
        Item(number: 12, what: "diabetes", answers: ["diabetes"], outcomes: [[.precaution], [.review]]),
        Item(number: 13, what: "immune system", answers: ["immune"], outcomes: [[.review]]),
        Item(number: 14, what: "chemotherapy or radiotherapy", answers: ["chemo", "chemo_status", "chemo_ended"], outcomes: [[.defer]]),
        Item(number: 15, what: "growths or skin cancer", answers: ["growths", "skin_cancer"], outcomes: [[.review]]),
        Item(number: 16, what: "allergies", answers: ["allergies", "allergy_details"], outcomes: [[.review]]),
        Item(number: 17, what: "recent treatments",
             answers: ["recent_treatments", "filler_date", "botox_date", "surgery_date", "peel_laser_healed"], outcomes: [[.defer]]),
        Item(number: 18, what: "sunburn or fresh tan", answers: ["sunburn"], outcomes: [[.defer]]),
        Item(number: 19, what: "skin type", answers: ["skin_type"], outcomes: [[.precaution]]),
        Item(number: 20, what: "dark marks or melasma", answers: ["dark_marks", "melasma"], outcomes: [[.precaution]]),
        Item(number: 21, what: "retinoids, acids, scrubs", answers: ["skin_actives"], outcomes: [[.precaution]]),
        Item(number: 22, what: "understands the course", answers: ["understands_course"], outcomes: [[.info]]),
    ]

    /// Every yes/no question of the screening offers "not sure", and "not sure" is never a plain go-ahead: some rule
    /// reading the answer fires with review or stronger (its own `<answer>_unsure` rule, or a stricter rule such as
    /// `pregnant != no`). Other answers are unknown, except multiple choices, which hold every option, so that a rule
    /// on a follow-up (`peel_laser in recent_treatments and peel_laser_healed != yes`) sees its parent chosen.
    /// (`consult paths --check` cannot prove this as one property: a condition over twenty answers at the end of
    /// every path keeps all of them alive and the exploration stops.)
    @Test func notSureLeadsToAClinicianInEveryScreeningYesNoQuestion() throws {
        let consultation = try BundledConsultation.consultation()
        let screening = consultation.questions.filter { $0.value.dialog == "screening" }.keys.sorted()
        let yesNo = screening.filter { [.yesNo, .yesNoUnsure].contains(consultation.question($0)?.type) }
        #expect(yesNo.count >= 20)
        for id in yesNo {
            #expect(consultation.question(id)?.type == .yesNoUnsure, "'\(id)' does not offer 'not sure'")
            let evaluator = ExpressionEvaluator(today: CalendarDay(Date())) { name in
                if name == id { return .value(.symbol("unsure")) }
                if let setting = consultation.settings[name] { return .value(setting) }
                if let question = consultation.question(name) {
                    return question.type == .multipleChoice ? .value(.set(question.options.map(\.id))) : .unknown
                }
                return consultation.computed[name] == nil ? .notAName : .unknown
            }
            let fired = consultation.rules.filter { rule in
                rule.condition.expression.names.contains(id) && evaluator.holds(rule.condition.expression)
            }
            #expect(fired.contains { [.review, .defer, .decline].contains($0.effect) },
                    "'not sure' to '\(id)' fires no rule of review or stronger; fired: \(fired.map(\.id))")
        }
    }

    @Test func theTableHasEveryItem() {
        #expect(Self.items.map(\.number) == Array(1...22))
    }

    @Test("each item is asked", arguments: items)
    func itemIsAsked(_ item: Item) throws {
        let consultation = try BundledConsultation.consultation()
        for id in item.answers {
            #expect(consultation.question(id) != nil, "no question '\(id)'")
        }
    }

    @Test("each item has a rule with an outcome the notes allow", arguments: items)
    func itemHasItsRules(_ item: Item) throws {
        let consultation = try BundledConsultation.consultation()
        let rules = consultation.rules.filter { rule in
            rule.condition.expression.names.contains { item.answers.contains($0) }
        }
        for allowed in item.outcomes {
            #expect(rules.contains { allowed.contains($0.effect) },
                    "no rule reading \(item.answers) with outcome \(allowed.map(\.rawValue).sorted().joined(separator: " or ")); rules: \(rules.map(\.id))")
        }
    }
}
