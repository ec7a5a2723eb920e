import Testing
@testable import ConsultCore

@Suite("expression evaluator")
struct ExpressionEvaluatorTests {
    /// `t` is true, `f` false, `u` unknown (a skipped question), `n` 5, `y` a yes answer, `face` an option id.
    static var evaluator: ExpressionEvaluator {
        ExpressionEvaluator(today: CalendarDay(year: 2026, month: 3, day: 1)!, lookup: lookup)
    }

    static func lookup(_ name: String) -> NameValue {
        switch name {
        case "t": .value(.boolean(true))
        case "f": .value(.boolean(false))
        case "u": .unknown
        case "n": .value(.number(5))
        case "y": .value(.symbol("yes"))
        case "area": .value(.symbol("face"))
        case "concern": .value(.set(["wrinkles"]))
        case "day": .value(.date(CalendarDay(year: 2025, month: 12, day: 1)!))
        default: .notAName
        }
    }

    /// Source → its value; `nil` is unknown.
    static let table: [(String, Value?)] = [
        // Three-valued logic.
        ("u or t", .boolean(true)),
        ("t or u", .boolean(true)),
        ("u or f", nil),
        ("u and f", .boolean(false)),
        ("f and u", .boolean(false)),
        ("u and t", nil),
        ("not u", nil),
        ("not f", .boolean(true)),
        ("u == 1", nil),
        ("u != 1", nil),
        ("u < 1", nil),
        ("u in [1, 2]", nil),
        ("u + 1", nil),
        ("-u", nil),
        ("if u then 1 else 2", nil),
        ("if t then 1 else u", .number(1)),
        ("if f then u else 2", .number(2)),
        ("answered(u)", .boolean(false)),
        ("answered(n)", .boolean(true)),
        // Arithmetic, division by zero.
        ("n / 0", nil),
        ("(n / 0) > 1 or t", .boolean(true)),
        ("n / 2", .number(2.5)),
        ("n - 2 * 3", .number(-1)),
        ("min(n, 3, 4)", .number(3)),
        ("round(2.5)", .number(3)),
        // Comparisons and symbols.
        ("n >= 5", .boolean(true)),
        ("y", .symbol("yes")),
        ("y == yes", .boolean(true)),
        ("area == face", .boolean(true)),
        ("area in [neck, face]", .boolean(true)),
        ("wrinkles in concern", .boolean(true)),
        ("count(concern)", .number(1)),
        ("days_since(day)", .number(90)),
        ("months_since(day)", .number(3)),
        ("'a' + 'b'", .text("ab")),
    ]

    @Test("values and unknowns", arguments: table)
    func evaluationTable(_ source: String, _ expected: Value?) throws {
        #expect(Self.evaluator.evaluate(try ExpressionParser.parse(source)) == expected)
    }

    @Test("an unknown condition does not hold; a yes answer does")
    func holds() throws {
        #expect(!Self.evaluator.holds(try ExpressionParser.parse("u or f")))
        #expect(Self.evaluator.holds(try ExpressionParser.parse("y")))
        #expect(!Self.evaluator.holds(try ExpressionParser.parse("not (u == 1)")))
    }
}
