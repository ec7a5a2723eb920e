/// Explains screening rules for staff: which answers feed them, and what values their conditions saw.
public struct RuleExplainer: Sendable {
    public let consultation: Consultation
    /// Rule ids by the answer ids their conditions read, directly or through computed values.
    private let rulesByAnswer: [String: [String]]

    public init(consultation: Consultation) {
        self.consultation = consultation
        var byAnswer: [String: [String]] = [:]
        for rule in consultation.rules {
            for answer in consultation.dependencies(of: rule.condition.expression).answers {
                byAnswer[answer, default: []].append(rule.id)
            }
        }
        rulesByAnswer = byAnswer
    }

    /// The rules whose conditions read answer `id`, in dialog order.
    public func rulesFed(by id: String) -> [RuleSummary] {
        let ids = Set(rulesByAnswer[id] ?? [])
        return consultation.rules.filter { ids.contains($0.id) }.map(RuleSummary.init)
    }

    /// A rule's condition as written, whether it holds, and the value of every name it reads.
    ///
    /// Names read through computed values are listed after the names the condition reads itself.
    public func explain(_ rule: ScreeningRule, answers: [String: AnswerValue?], today: CalendarDay) -> RuleExplanation {
        let evaluator = consultation.evaluator(answers: answers, today: today)
        let names = consultation.dependencies(of: rule.condition.expression).names
        let values = names.map { name -> SeenValue in
            if consultation.questions[name] != nil {
                switch answers[name] {
                case .none: return SeenValue(name: name, text: RehearsalText.notAsked)
                case .some(.none): return SeenValue(name: name, text: RehearsalText.skipped)
                case .some(.some): break
                }
            }
            let value = evaluator.evaluate(Expression(.name(name), at: 0))
            return SeenValue(name: name, text: value.map(Self.describe) ?? RehearsalText.unknown)
        }
        return RuleExplanation(rule: RuleSummary(rule), condition: rule.condition.source,
                               holds: evaluator.holds(rule.condition.expression), values: values)
    }

    /// A value in the notation of the condition language: `unsure`, `34`, `[filler, botox]`, `2026-03-01`.
    public static func describe(_ value: Value) -> String {
        switch value {
        case let .boolean(flag): flag ? "true" : "false"
        case let .number(number): NumberFormatting.plain(number)
        case let .text(text): "'\(text)'"
        case let .date(day): day.description
        case let .symbol(symbol): symbol
        case let .set(ids): "[\(ids.joined(separator: ", "))]"
        case let .list(items): "[\(items.map(describe).joined(separator: ", "))]"
        }
    }

}

/// A rule's id and effect.
public struct RuleSummary: Sendable, Hashable {
    public var id: String
    public var effect: RuleEffect

    init(_ rule: ScreeningRule) {
        id = rule.id
        effect = rule.effect
    }
}

/// A name a condition reads and its value then, as text (`pregnant` = `unsure`).
public struct SeenValue: Sendable, Hashable {
    public var name: String
    public var text: String
}

/// Why a rule holds or not: its condition as written and the values it saw.
public struct RuleExplanation: Sendable, Hashable {
    public var rule: RuleSummary
    /// The condition as written in the dialog (`pregnant != no`).
    public var condition: String
    public var holds: Bool
    public var values: [SeenValue]
}
