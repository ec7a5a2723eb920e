import Foundation

/// Writes the dialog's conditions as FHIR conditions over a response's answers, for `enableWhen`.
///
/// Settings are written in as their values and computed values as their expressions (or, when they read only
/// settings, their values), so a condition reads answers only. A comparison of one answer with a value becomes an
/// `enableWhen` entry; anything else becomes FHIRPath. The dialog's logic has three values (a skipped optional
/// answer is unknown, and a branch case is taken only when its condition is *true*); FHIRPath's empty collection
/// plays unknown, and answers of required questions (asked on every path to a condition that reads them, so always
/// there) need no care. Conditions that read the outcome or dates (`days_since` depends on the day of the
/// session) cannot be written and throw ``Untranslatable``.
struct FHIRConditionTranslator {
    let consultation: Consultation
    let canonical: FHIRCanonical
    /// Where each branch node comes in the consultation (``QuestionReachability/rank``), to list conditions in the
    /// order a patient meets them.
    var rank: [Int: Int] = [:]

    /// Why a condition cannot be written in FHIR.
    struct Untranslatable: Error, Hashable {
        var reason: String
    }

    /// What a condition is asked to be.
    enum Polarity {
        case isTrue, isFalse, notTrue, notFalse

        var negated: Polarity {
            switch self {
            case .isTrue: .isFalse
            case .isFalse: .isTrue
            case .notTrue: .notFalse
            case .notFalse: .notTrue
            }
        }
    }

    // MARK: - Reachability

    /// The condition under which the question is reached, from its terms of branch decisions.
    func condition(of terms: [QuestionReachability.Term]) throws(Untranslatable) -> FHIRAnswerCondition {
        var alternatives: [FHIRAnswerCondition] = []
        for term in terms {
            var parts: [FHIRAnswerCondition] = []
            for (branch, choices) in term.sorted(by: { (rank[$0.key] ?? $0.key, $0.key) < (rank[$1.key] ?? $1.key, $1.key) }) {
                var options: [FHIRAnswerCondition] = []
                for choice in choices.sorted() { options.append(try decision(of: branch, choice)) }
                parts.append(.any(options))
            }
            alternatives.append(.all(parts))
        }
        return FHIRAnswerCondition.any(alternatives).simplified
    }

    /// The condition under which branch node `branch` makes `choice`: every earlier case not true, and the case true.
    private func decision(of branch: Int, _ choice: QuestionReachability.Choice) throws(Untranslatable) -> FHIRAnswerCondition {
        let control = consultation.control
        guard case let .branch(cases, _)? = consultation.node(at: control.addresses[branch])?.kind else {
            throw Untranslatable(reason: "cannot be worked out (a branch was expected)")
        }
        let resolved = control.possibleSteps(branch).compactMap { step -> Int? in
            if case let .go(_, link) = step { return link.caseIndex }
            return nil
        }
        var parts: [FHIRAnswerCondition] = []
        for index in resolved {
            if case let .branchCase(taken) = choice, taken == index {
                parts.append(try translate(cases[index].condition.expression, .isTrue))
                return .all(parts)
            }
            parts.append(try translate(cases[index].condition.expression, .notTrue))
        }
        return .all(parts)
    }

    // MARK: - Conditions

    /// `expression` being true, false, not true (false or unknown) or not false.
    func translate(_ expression: Expression, _ polarity: Polarity) throws(Untranslatable) -> FHIRAnswerCondition {
        let expression = try inlined(expression)
        return try logic(expression, polarity)
    }

    private func logic(_ expression: Expression, _ polarity: Polarity) throws(Untranslatable) -> FHIRAnswerCondition {
        switch expression.kind {
        case let .boolean(value):
            return .constant(polarity == .isTrue || polarity == .notFalse ? value : !value)
        case let .not(operand):
            return try logic(operand, polarity.negated)
        case let .binary(op, left, right) where op == .and || op == .or:
            // Kleene logic: `a and b` is true when both are, false when either is; so "not true" is either not true.
            let l = try logic(left, polarity)
            let r = try logic(right, polarity)
            let conjunctive = (op == .and) == (polarity == .isTrue || polarity == .notFalse)
            return conjunctive ? .all([l, r]) : .any([l, r])
        default:
            if let constant = constant(expression, polarity) { return constant }
            if let atom = try comparison(expression, polarity) { return atom }
            return .path(try FHIRPathCondition(answers: self).truth(of: expression, polarity))
        }
    }

    /// The truth of an expression that reads no answer (a branch on a setting, `identification == 'appointment'`):
    /// the same for every patient of this clinic, so the export decides it; `nil` when it reads an answer.
    private func constant(_ expression: Expression, _ polarity: Polarity) -> FHIRAnswerCondition? {
        guard !expression.names.contains(where: { consultation.questions[$0] != nil }),
              let day = CalendarDay(year: 2000, month: 1, day: 1) else { return nil }
        let truth = consultation.evaluator(answers: [:], today: day).evaluate(expression)?.truth
        switch polarity {
        case .isTrue: return .constant(truth == true)
        case .isFalse: return .constant(truth == false)
        case .notTrue: return .constant(truth != true)
        case .notFalse: return .constant(truth != false)
        }
    }

    /// A comparison of one answer with a value, as `enableWhen` entries; `nil` when it is not one.
    private func comparison(_ expression: Expression, _ polarity: Polarity) throws(Untranslatable) -> FHIRAnswerCondition? {
        var op: BinaryOperator
        var answer: Question
        var literal: Expression
        switch expression.kind {
        case let .name(name):
            // A yes/no answer alone means `== yes`.
            guard let question = consultation.question(name), question.type == .yesNo || question.type == .yesNoUnsure else { return nil }
            (op, answer, literal) = (.equal, question, Expression(.answerWord(.yes), at: expression.offset))
        case let .call("answered", arguments):
            guard case let .name(name)? = arguments.first?.kind, consultation.question(name) != nil else { return nil }
            let exists = polarity == .isTrue || polarity == .notFalse
            return .when(.exists(name, exists))
        case let .binary(.in, left, right):
            if case let .name(option) = left.kind, case let .name(name) = right.kind, let question = consultation.question(name),
               question.type == .multipleChoice || question.type == .choice, question.options.contains(where: { $0.id == option }) {
                (op, answer, literal) = (.equal, question, left)
            } else if case let .name(name) = left.kind, consultation.question(name) != nil, case let .list(items) = right.kind {
                // `x in [a, b]`: `x == a or x == b`.
                let equal = items.map { Expression(.binary(.equal, left, $0), at: expression.offset) }
                guard let first = equal.first else { return .constant(polarity == .notTrue || polarity == .isFalse) }
                let any = equal.dropFirst().reduce(first) { Expression(.binary(.or, $0, $1), at: expression.offset) }
                return try logic(any, polarity)
            } else {
                return nil
            }
        case let .binary(comparison, left, right) where comparison.isComparison && comparison != .in:
            if case let .name(name) = left.kind, let question = consultation.question(name), right.isLiteral {
                (op, answer, literal) = (comparison, question, right)
            } else if case let .name(name) = right.kind, let question = consultation.question(name), left.isLiteral {
                (op, answer, literal) = (comparison.mirrored, question, left)
            } else {
                return nil
            }
        default:
            return nil
        }
        guard let value = try enableWhenValue(literal, for: answer) else { return nil }
        return entries(answer, op, value, polarity)
    }

    /// `answer op value` with the polarity asked: a false comparison needs an answer (the `enableWhen` operators
    /// other than `!=` are false without one), and "not true" also holds without one.
    private func entries(_ question: Question, _ op: BinaryOperator, _ value: FHIREnableWhen, _ polarity: Polarity) -> FHIRAnswerCondition {
        let definite = question.required
        let wantTrue = polarity == .isTrue || polarity == .notFalse
        let effective = wantTrue ? op : op.complement
        var entry = value
        entry.operator = effective.fhirOperator
        if definite, effective == .notEqual, let flag = entry.answerBoolean {
            // A required yes/no is answered whenever the condition is read: `!= false` says `= true`.
            entry.operator = "="
            entry.answerBoolean = !flag
            return .when(entry)
        }
        // Every operator but `!=` is false without an answer; `!=` ("no answer equals") is true without one.
        let test = FHIRAnswerCondition.when(entry)
        switch (polarity, effective == .notEqual) {
        case (.isTrue, false), (.isFalse, false):
            return test
        case (.isTrue, true), (.isFalse, true):
            return definite ? test : .all([.when(.exists(question.id, true)), test])
        case (.notTrue, true), (.notFalse, true):
            return test
        case (.notTrue, false), (.notFalse, false):
            return definite ? test : .any([test, .when(.exists(question.id, false))])
        }
    }

    /// The `answer[x]` of an entry comparing `question` with `literal` (operator left blank); `nil` when the value
    /// does not fit the question's item type.
    private func enableWhenValue(_ literal: Expression, for question: Question) throws(Untranslatable) -> FHIREnableWhen? {
        let id = question.id
        switch (question.type, literal.kind) {
        case let (.yesNo, .answerWord(word)) where word != .unsure:
            return FHIREnableWhen(id, "", boolean: word == .yes)
        case let (.yesNo, .boolean(value)):
            return FHIREnableWhen(id, "", boolean: value)
        case let (.yesNoUnsure, .answerWord(word)):
            return FHIREnableWhen(id, "", coding: FHIRQuestionnaireResponse.coding(for: word).withoutDisplay)
        case let (.choice, .name(option)), let (.multipleChoice, .name(option)):
            guard question.options.contains(where: { $0.id == option }) else { return nil }
            return FHIREnableWhen(id, "", coding: .init(system: canonical.optionSystem(dialog: consultation.identity.id, answer: id), code: option))
        case let (.number, .number(value)):
            if question.integer {
                // An integer item takes `answerInteger` only; a fraction is left to FHIRPath.
                guard value.rounded() == value, abs(value) < 2e9 else { return nil }
                return FHIREnableWhen(id, "", integer: Int(value))
            }
            return FHIREnableWhen(id, "", decimal: value)
        case let (.text, .text(text)):
            return FHIREnableWhen(id, "", string: text)
        case (.date, _):
            throw Untranslatable(reason: "compares a date, which depends on the day of the session")
        default:
            return nil
        }
    }

    // MARK: - Inlining

    /// The expression with settings replaced by their values and computed values by their expressions (or by
    /// their values, when they read only settings).
    func inlined(_ expression: Expression, depth: Int = 0) throws(Untranslatable) -> Expression {
        guard depth < 64 else { throw Untranslatable(reason: "reads computed values nested too deeply") }
        let at = expression.offset
        func inline(_ child: Expression) throws(Untranslatable) -> Expression { try inlined(child, depth: depth + 1) }
        switch expression.kind {
        case .number, .text, .boolean, .answerWord:
            return expression
        case let .name(name):
            if consultation.questions[name] != nil { return expression }
            if let setting = consultation.settings[name] { return try Self.literal(setting, at: at, name: name) }
            if let computed = consultation.computed[name] {
                let dependencies = consultation.dependencies(of: computed.expression)
                // A value of settings alone is the same in every session (no date function reads the day: any will do).
                if dependencies.answers.isEmpty, !dependencies.readsOutcome, let day = CalendarDay(year: 2000, month: 1, day: 1) {
                    let evaluator = consultation.evaluator(answers: [:], today: day)
                    if !computed.expression.allNodes.contains(where: \.readsToday), let value = evaluator.evaluate(computed.expression) {
                        return try Self.literal(value, at: at, name: name)
                    }
                }
                return try inlined(computed.expression, depth: depth + 1)
            }
            if name == ConsultationLinker.outcomeName {
                throw Untranslatable(reason: "reads the outcome so far, which the screening rules decide")
            }
            return expression // an option id
        case let .list(items):
            var inlinedItems: [Expression] = []
            for item in items { inlinedItems.append(try inline(item)) }
            return Expression(.list(inlinedItems), at: at)
        case let .negate(operand):
            return Expression(.negate(try inline(operand)), at: at)
        case let .not(operand):
            return Expression(.not(try inline(operand)), at: at)
        case let .binary(op, left, right):
            return Expression(.binary(op, try inline(left), try inline(right)), at: at)
        case let .call(function, arguments):
            if ["days_since", "months_since", "years_since"].contains(function) {
                throw Untranslatable(reason: "reads \(function)(…), which depends on the day of the session")
            }
            var inlinedArguments: [Expression] = []
            for argument in arguments { inlinedArguments.append(try inline(argument)) }
            return Expression(.call(function, inlinedArguments), at: at)
        case let .conditional(test, then, otherwise):
            return Expression(.conditional(try inline(test), then: try inline(then), else: try inline(otherwise)), at: at)
        }
    }

    private static func literal(_ value: Value, at offset: Int, name: String) throws(Untranslatable) -> Expression {
        switch value {
        case let .number(number): return Expression(.number(number), at: offset)
        case let .text(text): return Expression(.text(text), at: offset)
        case let .boolean(flag): return Expression(.boolean(flag), at: offset)
        case let .symbol(symbol):
            if let word = YesNoUnsure(rawValue: symbol) { return Expression(.answerWord(word), at: offset) }
            return Expression(.name(symbol), at: offset)
        case .date, .set, .list:
            throw Untranslatable(reason: "reads '\(name)', a value FHIRPath cannot be given")
        }
    }
}

// MARK: - Helpers

extension Expression {
    /// A number, text, boolean, yes/no word, or a name that is an option id (after inlining, other names are answers).
    fileprivate var isLiteral: Bool {
        switch kind {
        case .number, .text, .boolean, .answerWord, .name: true
        case .list, .negate, .not, .binary, .call, .conditional: false
        }
    }

    /// Whether this node reads the day of the session.
    fileprivate var readsToday: Bool {
        if case let .call(function, _) = kind { return function.hasSuffix("_since") }
        return false
    }
}

extension BinaryOperator {
    /// The operator with its operands swapped: `18 > age` is `age < 18`.
    var mirrored: BinaryOperator {
        switch self {
        case .less: .greater
        case .lessOrEqual: .greaterOrEqual
        case .greater: .less
        case .greaterOrEqual: .lessOrEqual
        default: self
        }
    }

    /// The comparison that holds exactly when this one is false (both sides known).
    var complement: BinaryOperator {
        switch self {
        case .equal: .notEqual
        case .notEqual: .equal
        case .less: .greaterOrEqual
        case .lessOrEqual: .greater
        case .greater: .lessOrEqual
        case .greaterOrEqual: .less
        default: self
        }
    }

    /// The `enableWhen` operator code.
    var fhirOperator: String {
        switch self {
        case .equal: "="
        default: rawValue
        }
    }
}

extension FHIRQuestionnaireResponse.Coding {
    /// An `enableWhen` answer names a code by system and code; the display is not compared.
    var withoutDisplay: FHIRQuestionnaireResponse.Coding { .init(system: system, code: code) }
}
