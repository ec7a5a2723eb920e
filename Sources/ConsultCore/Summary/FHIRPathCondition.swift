import Foundation

/// A dialog condition as FHIRPath over a QuestionnaireResponse (`%resource`), for SDC's `enableWhenExpression`
/// where `enableWhen` entries cannot say it (arithmetic on answers, `if … then … else`, nested `and`/`or`).
///
/// An unknown value is FHIRPath's empty collection: both spread through arithmetic and comparisons, and `and`,
/// `or` and `not()` treat them alike (Kleene's logic), so the expression keeps the dialog's three values. Where
/// FHIRPath would give a value instead (`iif` on an empty test, `in` and `count()` on an empty answer), a test of
/// the answer's presence keeps it empty.
struct FHIRPathCondition {
    let answers: FHIRConditionTranslator
    typealias Untranslatable = FHIRConditionTranslator.Untranslatable

    private var consultation: Consultation { answers.consultation }

    /// A boolean that is never empty: `expression` (already inlined) being true, false, not true or not false.
    func truth(of expression: Expression, _ polarity: FHIRConditionTranslator.Polarity) throws(Untranslatable) -> String {
        let test = try truthValue(expression)
        switch polarity {
        case .isTrue: return "iif(\(test), true, false)"
        case .isFalse: return "iif((\(test)).not(), true, false)"
        case .notTrue: return "iif(\(test), false, true)"
        case .notFalse: return "iif((\(test)).not(), false, true)"
        }
    }

    /// The expression as a condition: a yes/no answer alone means `== yes`.
    private func truthValue(_ expression: Expression) throws(Untranslatable) -> String {
        if case let .name(name) = expression.kind, let question = consultation.question(name) {
            switch question.type {
            case .yesNo: return answer(name) + ".value"
            case .yesNoUnsure: return "(\(answer(name)).value.code = 'Y')"
            default: break
            }
        }
        return try value(expression, like: nil)
    }

    /// `%resource.item.where(linkId = 'age').answer`.
    private func answer(_ id: String) -> String {
        "%resource.item.where(linkId = \(FHIRPathText.string(id))).answer"
    }

    /// The value of an answer as the dialog compares it: codes for coded answers.
    private func answerValue(_ question: Question) throws(Untranslatable) -> String {
        switch question.type {
        case .yesNo, .number, .text: return answer(question.id) + ".value"
        case .yesNoUnsure, .choice, .multipleChoice: return answer(question.id) + ".value.code"
        case .date: throw Untranslatable(reason: "reads a date answer, which depends on the day of the session")
        case .continue: throw Untranslatable(reason: "reads a question that holds no value")
        }
    }

    /// The expression's value; `like` is a question the value is compared with, which says how a yes/no word is
    /// written (`true` for a yes/no item, `'Y'` for a yes/no/not sure one).
    private func value(_ expression: Expression, like: Question?) throws(Untranslatable) -> String {
        switch expression.kind {
        case let .number(number): return FHIRPathText.number(number)
        case let .text(text): return FHIRPathText.string(text)
        case let .boolean(flag): return flag ? "true" : "false"
        case let .answerWord(word):
            if like?.type == .yesNo { return word == .yes ? "true" : word == .no ? "false" : "{}" }
            return FHIRPathText.string(FHIRQuestionnaireResponse.coding(for: word).code)
        case let .name(name):
            if let question = consultation.question(name) { return try answerValue(question) }
            return FHIRPathText.string(name) // an option id
        case let .list(items):
            var written: [String] = []
            for item in items { written.append(try value(item, like: like)) }
            return "(" + written.joined(separator: " | ") + ")"
        case let .negate(operand):
            return "(0 - (\(try value(operand, like: nil))))"
        case let .not(operand):
            return "(\(try truthValue(operand))).not()"
        case let .binary(op, left, right):
            return try binary(op, left, right)
        case let .call(function, arguments):
            return try call(function, arguments)
        case let .conditional(test, then, otherwise):
            let condition = try truthValue(test)
            return "iif((\(condition)).exists(), iif(\(condition), \(try value(then, like: like)), \(try value(otherwise, like: like))), {})"
        }
    }

    private func binary(_ op: BinaryOperator, _ left: Expression, _ right: Expression) throws(Untranslatable) -> String {
        switch op {
        case .and, .or:
            return "(\(try truthValue(left)) \(op.rawValue) \(try truthValue(right)))"
        case .in:
            let member = try value(left, like: question(right))
            let collection = try value(right, like: question(left))
            if let question = question(right), question.type == .multipleChoice {
                // A multiple-choice answer is a collection: empty when skipped, which the dialog calls unknown.
                let test = "(\(member) in \(collection))"
                return question.required ? test : "iif(\(answer(question.id)).exists(), \(test), {})"
            }
            return "(\(member) in \(collection))"
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .add, .subtract, .multiply, .divide:
            if op == .equal || op == .notEqual, [left, right].compactMap(question).contains(where: { $0.type == .multipleChoice }) {
                throw Untranslatable(reason: "compares a multiple-choice answer as a whole")
            }
            let symbol = op == .equal ? "=" : op.rawValue
            return "(\(try value(left, like: question(right))) \(symbol) \(try value(right, like: question(left))))"
        }
    }

    private func call(_ function: String, _ arguments: [Expression]) throws(Untranslatable) -> String {
        var written: [String] = []
        for argument in arguments { written.append(try value(argument, like: nil)) }
        switch function {
        case "min", "max":
            guard var result = written.first else { throw Untranslatable(reason: "calls \(function)() with no arguments") }
            for next in written.dropFirst() {
                let pick = function == "min" ? "<=" : ">="
                result = "iif((\(result)).exists() and (\(next)).exists(), iif(\(result) \(pick) \(next), \(result), \(next)), {})"
            }
            return result
        case "round":
            // Half away from zero, as the dialog rounds (FHIRPath's round() need not).
            guard let x = written.first else { break }
            return "iif(\(x) >= 0, (\(x) + 0.5).floor(), (\(x) - 0.5).ceiling())"
        case "count":
            guard let x = written.first else { break }
            if let question = arguments.first.flatMap(question), !question.required {
                return "iif(\(answer(question.id)).exists(), \(x).count(), {})"
            }
            return "\(x).count()"
        case "answered":
            guard case let .name(name)? = arguments.first?.kind else { break }
            return "\(answer(name)).exists()"
        default:
            break
        }
        throw Untranslatable(reason: "calls \(function)(…)")
    }

    /// The question an expression names, if it is an answer.
    private func question(_ expression: Expression) -> Question? {
        if case let .name(name) = expression.kind { return consultation.question(name) }
        return nil
    }
}
