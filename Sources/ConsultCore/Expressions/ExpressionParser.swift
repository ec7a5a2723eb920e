/// Parses the expression language by recursive descent.
///
/// Grammar, loosest first:
/// `if c then a else b` · `or` · `and` · `not` · comparisons and `in` · `+ -` · `* /` · unary `-` · atoms.
public struct ExpressionParser {
    /// Longest expression accepted; dialogs never need more, hostile files could send megabytes.
    public static let maximumLength = 4_000
    /// Deepest nesting accepted, so a hostile file cannot exhaust the stack.
    public static let maximumDepth = 64

    private var tokens: [Token]
    private var position = 0
    private var depth = 0

    /// Parses `source` as one whole expression.
    public static func parse(_ source: String) throws(ExpressionSyntaxError) -> Expression {
        guard source.count <= maximumLength else {
            throw ExpressionSyntaxError("expression is longer than \(maximumLength) characters", at: 0)
        }
        var parser = ExpressionParser(tokens: try ExpressionLexer.tokens(of: source))
        let expression = try parser.parseExpression()
        guard case .end = parser.current.kind else {
            throw ExpressionSyntaxError("unexpected \(parser.current.kind.describedForError) after the end of the expression", at: parser.current.offset)
        }
        return expression
    }

    private init(tokens: [Token]) {
        self.tokens = tokens
    }

    private var current: Token { tokens[position] }

    private mutating func advance() { if position < tokens.count - 1 { position += 1 } }

    private mutating func accept(_ keyword: String) -> Bool {
        if case let .word(word) = current.kind, word == keyword {
            advance()
            return true
        }
        return false
    }

    private mutating func accept(symbol: String) -> Bool {
        if case let .symbol(found) = current.kind, found == symbol {
            advance()
            return true
        }
        return false
    }

    private mutating func expect(symbol: String, _ what: String) throws(ExpressionSyntaxError) {
        guard accept(symbol: symbol) else {
            throw ExpressionSyntaxError("expected \(what) but found \(current.kind.describedForError)", at: current.offset)
        }
    }

    private mutating func nested<T>(_ body: (inout ExpressionParser) throws(ExpressionSyntaxError) -> T) throws(ExpressionSyntaxError) -> T {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else {
            throw ExpressionSyntaxError("expression is nested more than \(Self.maximumDepth) levels deep", at: current.offset)
        }
        return try body(&self)
    }

    private mutating func parseExpression() throws(ExpressionSyntaxError) -> Expression {
        try nested { (parser: inout ExpressionParser) throws(ExpressionSyntaxError) -> Expression in
            let start = parser.current.offset
            guard parser.accept("if") else { return try parser.parseOr() }
            let condition = try parser.parseExpression()
            guard parser.accept("then") else {
                throw ExpressionSyntaxError("expected 'then' but found \(parser.current.kind.describedForError)", at: parser.current.offset)
            }
            let then = try parser.parseExpression()
            guard parser.accept("else") else {
                throw ExpressionSyntaxError("expected 'else' but found \(parser.current.kind.describedForError)", at: parser.current.offset)
            }
            let otherwise = try parser.parseExpression()
            return Expression(.conditional(condition, then: then, else: otherwise), at: start)
        }
    }

    private mutating func parseOr() throws(ExpressionSyntaxError) -> Expression {
        var left = try parseAnd()
        while true {
            let offset = current.offset
            guard accept("or") else { return left }
            left = Expression(.binary(.or, left, try parseAnd()), at: offset)
        }
    }

    private mutating func parseAnd() throws(ExpressionSyntaxError) -> Expression {
        var left = try parseNot()
        while true {
            let offset = current.offset
            guard accept("and") else { return left }
            left = Expression(.binary(.and, left, try parseNot()), at: offset)
        }
    }

    private mutating func parseNot() throws(ExpressionSyntaxError) -> Expression {
        let offset = current.offset
        if accept("not") {
            return try nested { (parser: inout ExpressionParser) throws(ExpressionSyntaxError) -> Expression in
                Expression(.not(try parser.parseNot()), at: offset)
            }
        }
        return try parseComparison()
    }

    private mutating func parseComparison() throws(ExpressionSyntaxError) -> Expression {
        let left = try parseAdditive()
        let offset = current.offset
        let comparison: BinaryOperator?
        switch current.kind {
        case let .symbol(symbol):
            comparison = BinaryOperator(rawValue: symbol).flatMap { $0.isComparison ? $0 : nil }
        case .word("in"):
            comparison = .in
        case .word("not"):
            // `x not in [...]`
            advance()
            guard accept("in") else {
                throw ExpressionSyntaxError("expected 'in' after 'not' but found \(current.kind.describedForError)", at: current.offset)
            }
            let right = try parseAdditive()
            return Expression(.not(Expression(.binary(.in, left, right), at: offset)), at: offset)
        default:
            comparison = nil
        }
        guard let comparison else { return left }
        advance()
        let right = try parseAdditive()
        if case let .symbol(symbol) = current.kind, let next = BinaryOperator(rawValue: symbol), next.isComparison {
            throw ExpressionSyntaxError("comparisons cannot be chained; use 'and' between them", at: current.offset)
        }
        return Expression(.binary(comparison, left, right), at: offset)
    }

    private mutating func parseAdditive() throws(ExpressionSyntaxError) -> Expression {
        var left = try parseMultiplicative()
        while true {
            let offset = current.offset
            if accept(symbol: "+") {
                left = Expression(.binary(.add, left, try parseMultiplicative()), at: offset)
            } else if accept(symbol: "-") {
                left = Expression(.binary(.subtract, left, try parseMultiplicative()), at: offset)
            } else {
                return left
            }
        }
    }

    private mutating func parseMultiplicative() throws(ExpressionSyntaxError) -> Expression {
        var left = try parseUnary()
        while true {
            let offset = current.offset
            if accept(symbol: "*") {
                left = Expression(.binary(.multiply, left, try parseUnary()), at: offset)
            } else if accept(symbol: "/") {
                left = Expression(.binary(.divide, left, try parseUnary()), at: offset)
            } else {
                return left
            }
        }
    }

    private mutating func parseUnary() throws(ExpressionSyntaxError) -> Expression {
        let offset = current.offset
        if accept(symbol: "-") {
            return try nested { (parser: inout ExpressionParser) throws(ExpressionSyntaxError) -> Expression in
                Expression(.negate(try parser.parseUnary()), at: offset)
            }
        }
        return try parseAtom()
    }

    private mutating func parseAtom() throws(ExpressionSyntaxError) -> Expression {
        let token = current
        switch token.kind {
        case let .number(value):
            advance()
            return Expression(.number(value), at: token.offset)
        case let .string(text):
            advance()
            return Expression(.text(text), at: token.offset)
        case let .word(word):
            if let reserved = Self.reservedWords[word] {
                advance()
                switch reserved {
                case let .some(kind): return Expression(kind, at: token.offset)
                case .none:
                    throw ExpressionSyntaxError("expected a value but found '\(word)'", at: token.offset)
                }
            }
            advance()
            guard accept(symbol: "(") else { return Expression(.name(word), at: token.offset) }
            var arguments: [Expression] = []
            if !accept(symbol: ")") {
                repeat {
                    arguments.append(try parseExpression())
                } while accept(symbol: ",")
                try expect(symbol: ")", "')' to close the call of '\(word)'")
            }
            return Expression(.call(word, arguments), at: token.offset)
        case .symbol("("):
            advance()
            let inner = try parseExpression()
            try expect(symbol: ")", "')'")
            return inner
        case .symbol("["):
            advance()
            var items: [Expression] = []
            if !accept(symbol: "]") {
                repeat {
                    items.append(try parseExpression())
                } while accept(symbol: ",")
                try expect(symbol: "]", "']' to close the list")
            }
            return Expression(.list(items), at: token.offset)
        case .symbol, .end:
            throw ExpressionSyntaxError("expected a value but found \(token.kind.describedForError)", at: token.offset)
        }
    }

    /// Words that are not names: literals map to their value, operators to `nil`.
    private static let reservedWords: [String: Expression.Kind?] = [
        "true": .boolean(true), "false": .boolean(false),
        "yes": .answerWord(.yes), "no": .answerWord(.no), "unsure": .answerWord(.unsure),
        "and": nil, "or": nil, "not": nil, "in": nil, "if": nil, "then": nil, "else": nil,
    ]
}

// MARK: - Lexer

struct Token: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case number(Double)
        case string(String)
        case word(String)
        case symbol(String)
        case end

        var describedForError: String {
            switch self {
            case let .number(value): "the number \(NumberFormatting.plain(value))"
            case let .string(text): "the text '\(text)'"
            case let .word(word): "'\(word)'"
            case let .symbol(symbol): "'\(symbol)'"
            case .end: "the end of the expression"
            }
        }
    }

    var kind: Kind
    var offset: Int
}

enum ExpressionLexer {
    static func tokens(of source: String) throws(ExpressionSyntaxError) -> [Token] {
        let characters = Array(source)
        var tokens: [Token] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let start = index
            if character.isWhitespace {
                index += 1
            } else if character.isASCII, character.isNumber {
                while index < characters.count, characters[index].isASCII,
                      characters[index].isNumber || characters[index] == "." || characters[index] == "_" {
                    index += 1
                }
                let text = String(characters[start..<index]).replacingOccurrences(of: "_", with: "")
                guard let value = Double(text), value.isFinite else {
                    throw ExpressionSyntaxError("'\(text)' is not a number", at: start)
                }
                tokens.append(Token(kind: .number(value), offset: start))
            } else if character == "_" || (character.isASCII && character.isLetter) {
                while index < characters.count, characters[index] == "_" ||
                        (characters[index].isASCII && (characters[index].isLetter || characters[index].isNumber)) {
                    index += 1
                }
                tokens.append(Token(kind: .word(String(characters[start..<index])), offset: start))
            } else if character == "'" || character == "\"" {
                index += 1
                var text = ""
                while index < characters.count, characters[index] != character {
                    text.append(characters[index])
                    index += 1
                }
                guard index < characters.count else {
                    throw ExpressionSyntaxError("text starting here is never closed with \(character)", at: start)
                }
                index += 1
                tokens.append(Token(kind: .string(text), offset: start))
            } else {
                let pair = index + 1 < characters.count ? String([character, characters[index + 1]]) : ""
                if ["==", "!=", "<=", ">="].contains(pair) {
                    tokens.append(Token(kind: .symbol(pair), offset: start))
                    index += 2
                } else if "<>+-*/()[],".contains(character) {
                    tokens.append(Token(kind: .symbol(String(character)), offset: start))
                    index += 1
                } else if character == "=" {
                    throw ExpressionSyntaxError("'=' is not an operator; write '==' to compare", at: start)
                } else {
                    throw ExpressionSyntaxError("unexpected character '\(character)'", at: start)
                }
            }
        }
        tokens.append(Token(kind: .end, offset: characters.count))
        return tokens
    }
}
