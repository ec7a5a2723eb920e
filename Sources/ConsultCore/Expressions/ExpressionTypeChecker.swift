/// Type-checks expressions against the names a dialog defines, when the dialog loads.
///
/// Checking is what makes run-time evaluation total: an expression that passes
/// here can only ever evaluate to a value or to "unknown".
public struct ExpressionTypeChecker: Sendable {
    /// A type error at a character offset of the expression's source.
    public struct Problem: Sendable, Hashable {
        public var message: String
        public var offset: Int
    }

    /// What the expression is used for.
    public enum Use: Sendable {
        /// `if`/`when`: must be a condition.
        case condition
        /// Computed values and `{…}` in text: any single value.
        case value
    }

    public var names: [String: NameBinding]

    public init(names: [String: NameBinding]) {
        self.names = names
    }

    /// The expression's type and every problem found.
    public func check(_ expression: Expression, as use: Use) -> (type: ValueType?, problems: [Problem]) {
        var problems: [Problem] = []
        let type = infer(expression, &problems)
        if let type, problems.isEmpty, case .condition = use, !type.isConditionLike {
            problems.append(Problem(message: "expected a condition (true or false) but this is \(type)", offset: expression.offset))
        }
        return (problems.isEmpty ? type : nil, problems)
    }

    // MARK: - Inference

    private func infer(_ expression: Expression, _ problems: inout [Problem]) -> ValueType? {
        switch expression.kind {
        case .number:
            return .number
        case .text:
            return .text
        case .boolean:
            return .boolean
        case let .answerWord(word):
            problems.append(Problem(message: "'\(word.rawValue)' can only be compared with a yes/no answer, as in 'pregnant == \(word.rawValue)'", offset: expression.offset))
            return nil
        case let .name(name):
            guard let binding = names[name] else {
                problems.append(Problem(message: "unknown name '\(name)'\(Suggestion.didYouMean(name, in: names.keys))", offset: expression.offset))
                return nil
            }
            return binding.type
        case .list:
            problems.append(Problem(message: "a list can only stand on the right of 'in', as in 'concern in [acne_scars, wrinkles]'", offset: expression.offset))
            return nil
        case let .negate(operand):
            return expect(operand, .number, "'-'", &problems).map { _ in .number }
        case let .not(operand):
            return condition(operand, "'not'", &problems).map { _ in .boolean }
        case let .binary(op, left, right):
            return inferBinary(op, left, right, at: expression.offset, &problems)
        case let .call(function, arguments):
            return inferCall(function, arguments, at: expression.offset, &problems)
        case let .conditional(test, then, otherwise):
            let testType = condition(test, "'if'", &problems)
            let thenType = infer(then, &problems)
            let elseType = infer(otherwise, &problems)
            guard testType != nil, let thenType, let elseType else { return nil }
            guard thenType.isComparable(with: elseType) else {
                problems.append(Problem(message: "'then' gives \(thenType) but 'else' gives \(elseType); both must be the same kind", offset: otherwise.offset))
                return nil
            }
            return thenType
        }
    }

    private func inferBinary(_ op: BinaryOperator, _ left: Expression, _ right: Expression, at offset: Int, _ problems: inout [Problem]) -> ValueType? {
        switch op {
        case .and, .or:
            let l = condition(left, "'\(op.rawValue)'", &problems)
            let r = condition(right, "'\(op.rawValue)'", &problems)
            return l != nil && r != nil ? .boolean : nil
        case .equal, .notEqual:
            return inferEquality(left, right, at: offset, &problems)
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            guard let l = infer(left, &problems), let r = infer(right, &problems) else { return nil }
            switch (l, r) {
            case (.number, .number), (.date, .date):
                return .boolean
            default:
                problems.append(Problem(message: "'\(op.rawValue)' compares two numbers or two dates, not \(l) and \(r)", offset: offset))
                return nil
            }
        case .in:
            return inferMembership(left, right, at: offset, &problems)
        case .add:
            guard let l = infer(left, &problems), let r = infer(right, &problems) else { return nil }
            switch (l, r) {
            case (.number, .number): return .number
            case (.text, .text): return .text
            default:
                problems.append(Problem(message: "'+' adds two numbers or joins two texts, not \(l) and \(r)", offset: offset))
                return nil
            }
        case .subtract, .multiply, .divide:
            let l = expect(left, .number, "'\(op.rawValue)'", &problems)
            let r = expect(right, .number, "'\(op.rawValue)'", &problems)
            return l != nil && r != nil ? .number : nil
        }
    }

    private func inferEquality(_ left: Expression, _ right: Expression, at offset: Int, _ problems: inout [Problem]) -> ValueType? {
        if let symbol = literalSymbol(right) {
            guard let l = infer(left, &problems) else { return nil }
            return checkSymbol(symbol.name, at: symbol.offset, against: l, &problems) ? .boolean : nil
        }
        if let symbol = literalSymbol(left) {
            guard let r = infer(right, &problems) else { return nil }
            return checkSymbol(symbol.name, at: symbol.offset, against: r, &problems) ? .boolean : nil
        }
        guard let l = infer(left, &problems), let r = infer(right, &problems) else { return nil }
        if case let .choices(question, _) = l {
            problems.append(Problem(message: "'\(question)' holds several answers; test one with 'OPTION in \(question)'", offset: offset))
            return nil
        }
        guard l.isComparable(with: r) else {
            problems.append(Problem(message: "cannot compare \(l) with \(r)", offset: offset))
            return nil
        }
        return .boolean
    }

    private func inferMembership(_ left: Expression, _ right: Expression, at offset: Int, _ problems: inout [Problem]) -> ValueType? {
        if case let .list(items) = right.kind {
            guard literalSymbol(left) == nil, let l = infer(left, &problems) else {
                if let symbol = literalSymbol(left) {
                    problems.append(Problem(message: "unknown name '\(symbol.name)'\(Suggestion.didYouMean(symbol.name, in: names.keys))", offset: symbol.offset))
                }
                return nil
            }
            var valid = true
            for item in items {
                if let symbol = literalSymbol(item) {
                    valid = checkSymbol(symbol.name, at: symbol.offset, against: l, &problems) && valid
                } else if let itemType = infer(item, &problems) {
                    if !l.isComparable(with: itemType) {
                        problems.append(Problem(message: "cannot compare \(l) with \(itemType)", offset: item.offset))
                        valid = false
                    }
                } else {
                    valid = false
                }
            }
            return valid ? .boolean : nil
        }
        guard let r = infer(right, &problems) else { return nil }
        guard case let .choices(question, options) = r else {
            problems.append(Problem(message: "'in' needs a list like [a, b] or a multiple-choice answer on its right, not \(r)", offset: offset))
            return nil
        }
        guard let symbol = literalSymbol(left) else {
            problems.append(Problem(message: "write one of the options of '\(question)' before 'in' (\(options.joined(separator: ", ")))", offset: left.offset))
            return nil
        }
        guard options.contains(symbol.name) else {
            problems.append(Problem(message: "'\(symbol.name)' is not an option of '\(question)'\(Suggestion.didYouMean(symbol.name, in: options))", offset: symbol.offset))
            return nil
        }
        return .boolean
    }

    private func inferCall(_ function: String, _ arguments: [Expression], at offset: Int, _ problems: inout [Problem]) -> ValueType? {
        func arity(_ count: Int) -> Bool {
            guard arguments.count == count else {
                problems.append(Problem(message: "'\(function)' takes \(count) argument\(count == 1 ? "" : "s"), not \(arguments.count)", offset: offset))
                return false
            }
            return true
        }
        switch function {
        case "min", "max":
            guard arguments.count >= 2 else {
                problems.append(Problem(message: "'\(function)' takes two or more numbers", offset: offset))
                return nil
            }
            let types = arguments.map { expect($0, .number, "'\(function)'", &problems) }
            return types.contains(nil) ? nil : .number
        case "round":
            guard arity(1) else { return nil }
            return expect(arguments[0], .number, "'round'", &problems).map { _ in .number }
        case "count":
            guard arity(1), let type = infer(arguments[0], &problems) else { return nil }
            guard case .choices = type else {
                problems.append(Problem(message: "'count' counts the answers of a multiple choice, not \(type)", offset: arguments[0].offset))
                return nil
            }
            return .number
        case "answered":
            guard arity(1) else { return nil }
            guard case let .name(name) = arguments[0].kind, names[name]?.origin == .answer else {
                problems.append(Problem(message: "'answered' takes the id of a question", offset: arguments[0].offset))
                return nil
            }
            return .boolean
        case "days_since", "months_since", "years_since":
            guard arity(1) else { return nil }
            return expect(arguments[0], .date, "'\(function)'", &problems).map { _ in .number }
        default:
            problems.append(Problem(message: "unknown function '\(function)'\(Suggestion.didYouMean(function, in: Self.functions))", offset: offset))
            return nil
        }
    }

    static let functions = ["min", "max", "round", "count", "answered", "days_since", "months_since", "years_since"]

    // MARK: - Helpers

    /// A bare word standing for a value of a symbolic answer: `yes`, or a name that is not defined (an option id).
    private func literalSymbol(_ expression: Expression) -> (name: String, offset: Int)? {
        switch expression.kind {
        case let .answerWord(word): (word.rawValue, expression.offset)
        case let .name(name) where names[name] == nil: (name, expression.offset)
        default: nil
        }
    }

    private func checkSymbol(_ symbol: String, at offset: Int, against type: ValueType, _ problems: inout [Problem]) -> Bool {
        switch type {
        case let .yesNo(question, allowsUnsure):
            let allowed = allowsUnsure ? ["yes", "no", "unsure"] : ["yes", "no"]
            guard allowed.contains(symbol) else {
                let detail = symbol == "unsure" ? "'\(question)' is a yes/no question without 'not sure'" : "'\(question)' is answered \(allowed.joined(separator: ", "))"
                problems.append(Problem(message: "'\(symbol)' is not a possible answer: \(detail)\(Suggestion.didYouMean(symbol, in: allowed))", offset: offset))
                return false
            }
            return true
        case let .choice(question, options):
            guard options.contains(symbol) else {
                problems.append(Problem(message: "'\(symbol)' is not an option of '\(question)'\(Suggestion.didYouMean(symbol, in: options))", offset: offset))
                return false
            }
            return true
        case let .choices(question, options):
            let hint = options.contains(symbol) ? "; write '\(symbol) in \(question)'" : ""
            problems.append(Problem(message: "'\(question)' holds several answers and cannot equal one\(hint)", offset: offset))
            return false
        case .boolean, .number, .text, .date:
            if YesNoUnsure(rawValue: symbol) != nil {
                problems.append(Problem(message: "cannot compare \(type) with '\(symbol)', an answer of a yes/no question", offset: offset))
            } else {
                problems.append(Problem(message: "unknown name '\(symbol)'\(Suggestion.didYouMean(symbol, in: names.keys))", offset: offset))
            }
            return false
        }
    }

    private func expect(_ expression: Expression, _ expected: ValueType, _ context: String, _ problems: inout [Problem]) -> ValueType? {
        guard let type = infer(expression, &problems) else { return nil }
        guard type == expected else {
            problems.append(Problem(message: "\(context) needs \(expected) but this is \(type)", offset: expression.offset))
            return nil
        }
        return type
    }

    private func condition(_ expression: Expression, _ context: String, _ problems: inout [Problem]) -> ValueType? {
        guard let type = infer(expression, &problems) else { return nil }
        guard type.isConditionLike else {
            problems.append(Problem(message: "\(context) needs a condition but this is \(type)", offset: expression.offset))
            return nil
        }
        return type
    }
}
