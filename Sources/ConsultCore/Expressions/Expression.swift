/// A parsed expression of the dialog language: conditions, computed values, `{…}` in text.
///
/// Every node keeps the character offset where it starts in its source text,
/// so type errors point at the exact column of the dialog file.
public struct Expression: Sendable, Hashable {
    public indirect enum Kind: Sendable, Hashable {
        case number(Double)
        case text(String)
        case boolean(Bool)
        /// `yes`, `no` or `unsure`.
        case answerWord(YesNoUnsure)
        /// An answer, computed value, setting, or (next to a choice answer) an option id.
        case name(String)
        case list([Expression])
        case negate(Expression)
        case not(Expression)
        case binary(BinaryOperator, Expression, Expression)
        case call(String, [Expression])
        case conditional(Expression, then: Expression, else: Expression)
    }

    public var kind: Kind
    /// Character offset of this node in its source text (0-based).
    public var offset: Int

    public init(_ kind: Kind, at offset: Int) {
        self.kind = kind
        self.offset = offset
    }

    /// The expressions directly inside this one.
    public var children: [Expression] {
        switch kind {
        case .number, .text, .boolean, .answerWord, .name: []
        case let .list(items): items
        case let .negate(operand), let .not(operand): [operand]
        case let .binary(_, left, right): [left, right]
        case let .call(_, arguments): arguments
        case let .conditional(condition, then, otherwise): [condition, then, otherwise]
        }
    }

    /// This expression and every one inside it, depth first.
    public var allNodes: [Expression] {
        [self] + children.flatMap(\.allNodes)
    }

    /// Every name the expression reads, in order of first appearance.
    public var names: [String] {
        var seen: [String] = []
        for case let .name(name) in allNodes.map(\.kind) where !seen.contains(name) { seen.append(name) }
        return seen
    }

    /// Every number literal, used to pick representative answers when exploring paths.
    public var numberLiterals: [Double] {
        allNodes.compactMap { node in
            if case let .number(value) = node.kind { return value }
            return nil
        }
    }
}

/// The binary operators of the expression language, loosest first.
public enum BinaryOperator: String, Sendable, Hashable, CaseIterable {
    case or
    case and
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case `in`
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"

    var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .in: true
        case .or, .and, .add, .subtract, .multiply, .divide: false
        }
    }
}

/// A syntax error in an expression, at a character offset of its source.
public struct ExpressionSyntaxError: Error, Sendable, Hashable {
    public var message: String
    public var offset: Int

    public init(_ message: String, at offset: Int) {
        self.message = message
        self.offset = offset
    }
}

// MARK: - Printing

extension Expression: CustomStringConvertible {
    /// The expression fully parenthesized, so its grouping shows: `(age < 18) or pregnant` prints `((age < 18) or pregnant)`.
    public var description: String {
        switch kind {
        case let .number(value): NumberFormatting.plain(value)
        case let .text(text): "'\(text)'"
        case let .boolean(value): value ? "true" : "false"
        case let .answerWord(word): word.rawValue
        case let .name(name): name
        case let .list(items): "[\(items.map(\.description).joined(separator: ", "))]"
        case let .negate(operand): "(-\(operand))"
        case let .not(operand): "(not \(operand))"
        case let .binary(op, left, right): "(\(left) \(op.rawValue) \(right))"
        case let .call(function, arguments): "\(function)(\(arguments.map(\.description).joined(separator: ", ")))"
        case let .conditional(test, then, otherwise): "(if \(test) then \(then) else \(otherwise))"
        }
    }
}
