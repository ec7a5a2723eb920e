/// A run-time value of the expression language.
public enum Value: Sendable, Hashable {
    case boolean(Bool)
    case number(Double)
    case text(String)
    case date(CalendarDay)
    /// `yes`, `no`, `unsure`, or an option id.
    case symbol(String)
    /// The option ids of a multiple-choice answer.
    case set([String])
    case list([Value])

    /// The value of a stored answer; `nil` for answers that hold no value (continue prompts).
    public init?(_ answer: AnswerValue) {
        switch answer {
        case let .yesNo(word): self = .symbol(word.rawValue)
        case let .choice(id): self = .symbol(id)
        case let .choices(ids): self = .set(ids)
        case let .number(number): self = .number(number)
        case let .date(day): self = .date(day)
        // The most recent day a vague date may be: a waiting period never looks over too early. Rules look
        // at both ends of the range (Consultation.firedRules).
        case let .dateRange(range): self = .date(range.latest)
        case let .text(text): self = .text(text)
        case .acknowledged: return nil
        }
    }

    /// Truth as a condition: booleans, and a yes/no answer meaning `== yes`.
    var truth: Bool? {
        switch self {
        case let .boolean(value): value
        case let .symbol(symbol): symbol == "yes"
        case .number, .text, .date, .set, .list: nil
        }
    }
}

/// What a name means when an expression is evaluated.
public enum NameValue: Sendable, Hashable {
    case value(Value)
    /// A name with no value now: a skipped optional question, or one not asked yet.
    case unknown
    /// Not a name the dialog defines: it is an option id, a symbol.
    case notAName
}

/// Evaluates checked expressions with three-valued logic: a value, or unknown (`nil`).
///
/// Unknown spreads through comparisons and arithmetic; `unknown or true` is true and
/// `unknown and false` is false, so a rule reading a follow-up question that was never
/// asked neither fires nor blocks the rules around it.
public struct ExpressionEvaluator {
    public var today: CalendarDay
    public var lookup: (String) -> NameValue

    public init(today: CalendarDay, lookup: @escaping (String) -> NameValue) {
        self.today = today
        self.lookup = lookup
    }

    /// Whether a condition definitely holds (unknown does not).
    public func holds(_ expression: Expression) -> Bool {
        evaluate(expression)?.truth == true
    }

    /// The value of an expression, or `nil` when it is unknown.
    public func evaluate(_ expression: Expression) -> Value? {
        switch expression.kind {
        case let .number(value):
            return .number(value)
        case let .text(text):
            return .text(text)
        case let .boolean(value):
            return .boolean(value)
        case let .answerWord(word):
            return .symbol(word.rawValue)
        case let .name(name):
            switch lookup(name) {
            case let .value(value): return value
            case .unknown: return nil
            case .notAName: return .symbol(name)
            }
        case let .list(items):
            var values: [Value] = []
            for item in items {
                guard let value = evaluate(item) else { return nil }
                values.append(value)
            }
            return .list(values)
        case let .negate(operand):
            guard case let .number(value)? = evaluate(operand) else { return nil }
            return .number(-value)
        case let .not(operand):
            return evaluate(operand)?.truth.map { .boolean(!$0) }
        case let .binary(op, left, right):
            return evaluateBinary(op, left, right)
        case let .call(function, arguments):
            return evaluateCall(function, arguments)
        case let .conditional(test, then, otherwise):
            guard let truth = evaluate(test)?.truth else { return nil }
            return evaluate(truth ? then : otherwise)
        }
    }

    private func evaluateBinary(_ op: BinaryOperator, _ left: Expression, _ right: Expression) -> Value? {
        switch op {
        case .and:
            let l = evaluate(left)?.truth
            if l == false { return .boolean(false) }
            let r = evaluate(right)?.truth
            if r == false { return .boolean(false) }
            return l == true && r == true ? .boolean(true) : nil
        case .or:
            let l = evaluate(left)?.truth
            if l == true { return .boolean(true) }
            let r = evaluate(right)?.truth
            if r == true { return .boolean(true) }
            return l == false && r == false ? .boolean(false) : nil
        case .equal, .notEqual:
            guard let l = evaluate(left), let r = evaluate(right) else { return nil }
            return .boolean((l == r) == (op == .equal))
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            guard let l = evaluate(left), let r = evaluate(right) else { return nil }
            let order: Int
            switch (l, r) {
            case let (.number(a), .number(b)): order = a < b ? -1 : (a > b ? 1 : 0)
            case let (.date(a), .date(b)): order = a < b ? -1 : (a > b ? 1 : 0)
            default: return nil
            }
            switch op {
            case .less: return .boolean(order < 0)
            case .lessOrEqual: return .boolean(order <= 0)
            case .greater: return .boolean(order > 0)
            default: return .boolean(order >= 0)
            }
        case .in:
            guard let l = evaluate(left), let r = evaluate(right) else { return nil }
            switch (l, r) {
            case let (_, .list(items)): return .boolean(items.contains(l))
            case let (.symbol(symbol), .set(ids)): return .boolean(ids.contains(symbol))
            default: return nil
            }
        case .add:
            switch (evaluate(left), evaluate(right)) {
            case let (.number(a)?, .number(b)?): return .number(a + b)
            case let (.text(a)?, .text(b)?): return .text(a + b)
            default: return nil
            }
        case .subtract, .multiply, .divide:
            guard case let .number(a)? = evaluate(left), case let .number(b)? = evaluate(right) else { return nil }
            switch op {
            case .subtract: return .number(a - b)
            case .multiply: return finite(a * b)
            default: return b == 0 ? nil : finite(a / b)
            }
        }
    }

    private func evaluateCall(_ function: String, _ arguments: [Expression]) -> Value? {
        switch function {
        case "min", "max":
            var numbers: [Double] = []
            for argument in arguments {
                guard case let .number(value)? = evaluate(argument) else { return nil }
                numbers.append(value)
            }
            return (function == "min" ? numbers.min() : numbers.max()).map(Value.number)
        case "round":
            guard case let .number(value)? = arguments.first.flatMap(evaluate) else { return nil }
            return .number(value.rounded())
        case "count":
            guard case let .set(ids)? = arguments.first.flatMap(evaluate) else { return nil }
            return .number(Double(ids.count))
        case "answered":
            guard case let .name(name)? = arguments.first?.kind else { return nil }
            if case .value = lookup(name) { return .boolean(true) }
            return .boolean(false)
        case "days_since", "months_since", "years_since":
            guard case let .date(day)? = arguments.first.flatMap(evaluate) else { return nil }
            switch function {
            case "days_since": return .number(Double(day.days(until: today)))
            case "months_since": return .number(Double(day.months(until: today)))
            default: return .number(Double(day.months(until: today) / 12))
            }
        default:
            return nil
        }
    }

    private func finite(_ value: Double) -> Value? { value.isFinite ? .number(value) : nil }
}
