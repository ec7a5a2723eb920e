import Testing
@testable import ConsultCore

@Suite("expression parser")
struct ExpressionParserTests {
    /// Source → the parse, fully parenthesized.
    static let precedence: [(String, String)] = [
        ("1 + 2 * 3", "(1 + (2 * 3))"),
        ("1 * 2 + 3", "((1 * 2) + 3)"),
        ("1 - 2 - 3", "((1 - 2) - 3)"),
        ("8 / 4 / 2", "((8 / 4) / 2)"),
        ("(1 + 2) * 3", "((1 + 2) * 3)"),
        ("-age + 1", "((-age) + 1)"),
        ("- - 2", "(-(-2))"),
        ("age + 1 < 18", "((age + 1) < 18)"),
        ("age < 18 and pregnant", "((age < 18) and pregnant)"),
        ("a or b and c", "(a or (b and c))"),
        ("a and b or c", "((a and b) or c)"),
        ("not a and b", "((not a) and b)"),
        ("not a == yes", "(not (a == yes))"),
        ("not not a", "(not (not a))"),
        ("acne_scars in concern or x", "((acne_scars in concern) or x)"),
        ("area in [face, neck]", "(area in [face, neck])"),
        ("area not in [face]", "(not (area in [face]))"),
        ("if a then 1 else 2 + 3", "(if a then 1 else (2 + 3))"),
        ("if a or b then 1 else if c then 2 else 3", "(if (a or b) then 1 else (if c then 2 else 3))"),
        ("min(a, b + 1) * 2", "(min(a, (b + 1)) * 2)"),
        ("round(x)", "round(x)"),
        ("name == 'Ann' and true", "((name == 'Ann') and true)"),
        ("2.5 >= 1_000", "(2.5 >= 1000)"),
        ("pregnant != unsure", "(pregnant != unsure)"),
    ]

    @Test("operators bind loosest first: if, or, and, not, comparisons, + -, * /, unary -", arguments: precedence)
    func precedenceTable(_ source: String, _ expected: String) throws {
        #expect(try ExpressionParser.parse(source).description == expected)
    }

    /// Source → message and character offset of the syntax error.
    static let syntaxErrors: [(String, String, Int)] = [
        ("age = 18", "'=' is not an operator; write '==' to compare", 4),
        ("age +", "expected a value but found the end of the expression", 5),
        ("1 < 2 < 3", "comparisons cannot be chained; use 'and' between them", 6),
        ("(age", "expected ')' but found the end of the expression", 4),
        ("[a, b", "expected ']' to close the list but found the end of the expression", 5),
        ("min(a", "expected ')' to close the call of 'min' but found the end of the expression", 5),
        ("if a then b", "expected 'else' but found the end of the expression", 11),
        ("if a b", "expected 'then' but found 'b'", 5),
        ("'open", "text starting here is never closed with '", 0),
        ("age # 1", "unexpected character '#'", 4),
        ("a b", "unexpected 'b' after the end of the expression", 2),
        ("a and or b", "expected a value but found 'or'", 6),
        ("x not y", "expected 'in' after 'not' but found 'y'", 6),
        ("1.2.3", "'1.2.3' is not a number", 0),
    ]

    @Test("syntax errors say what was expected, at the offending character", arguments: syntaxErrors)
    func syntaxErrorTable(_ source: String, _ message: String, _ offset: Int) {
        #expect(throws: ExpressionSyntaxError(message, at: offset)) { try ExpressionParser.parse(source) }
    }

    @Test("nesting beyond the limit is an error, not a stack overflow")
    func deepNesting() {
        let source = String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        #expect(throws: ExpressionSyntaxError("expression is longer than 4000 characters", at: 0)) { try ExpressionParser.parse(source) }
        let nested = String(repeating: "not ", count: 500) + "a"
        #expect(throws: ExpressionSyntaxError.self) { try ExpressionParser.parse(nested) }
    }

    @Test("offsets point at each part of the expression")
    func offsets() throws {
        let expression = try ExpressionParser.parse("age < 18 or  pregnant")
        guard case let .binary(.or, left, right) = expression.kind else {
            Issue.record("expected 'or' at the top, got \(expression)")
            return
        }
        #expect(expression.offset == 9)
        #expect(left.offset == 4)
        #expect(right.offset == 13)
    }
}
