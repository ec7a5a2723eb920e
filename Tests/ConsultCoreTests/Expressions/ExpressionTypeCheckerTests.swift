import Testing
@testable import ConsultCore

@Suite("expression type checker")
struct ExpressionTypeCheckerTests {
    static let checker = ExpressionTypeChecker(names: [
        "age": NameBinding(.number, origin: .answer),
        "pregnant": NameBinding(.yesNo(question: "pregnant", allowsUnsure: true), origin: .answer),
        "smoker": NameBinding(.yesNo(question: "smoker", allowsUnsure: false), origin: .answer),
        "area": NameBinding(.choice(question: "area", options: ["face", "neck"]), origin: .answer),
        "concern": NameBinding(.choices(question: "concern", options: ["acne_scars", "wrinkles"]), origin: .answer),
        "name": NameBinding(.text, origin: .answer),
        "last_treatment": NameBinding(.date, origin: .answer),
        "price": NameBinding(.number, origin: .setting),
    ])

    static let wellTyped: [(String, ExpressionTypeChecker.Use, ValueType)] = [
        ("age < 18 or pregnant", .condition, .boolean),
        ("pregnant", .condition, .yesNo(question: "pregnant", allowsUnsure: true)),
        ("pregnant != no and smoker == yes", .condition, .boolean),
        ("area == face", .condition, .boolean),
        ("face == area", .condition, .boolean),
        ("area in [face, neck]", .condition, .boolean),
        ("acne_scars in concern", .condition, .boolean),
        ("count(concern) >= 2", .condition, .boolean),
        ("answered(age)", .condition, .boolean),
        ("months_since(last_treatment) < 6", .condition, .boolean),
        ("if acne_scars in concern then 3 else 2", .value, .number),
        ("max(age, 18) * price / 2 - 1", .value, .number),
        ("name + '!'", .value, .text),
    ]

    @Test("well-typed expressions get their type", arguments: wellTyped)
    func wellTypedTable(_ source: String, _ use: ExpressionTypeChecker.Use, _ type: ValueType) throws {
        let result = Self.checker.check(try ExpressionParser.parse(source), as: use)
        #expect(result.problems == [])
        #expect(result.type == type)
    }

    /// Source (as a condition) → each problem as `offset: message`.
    static let errors: [(String, [String])] = [
        ("agee < 18", ["0: unknown name 'agee'; did you mean 'age'?"]),
        ("age == yes", ["7: cannot compare a number with 'yes', an answer of a yes/no question"]),
        ("concern == acne_scars", ["11: 'concern' holds several answers and cannot equal one; write 'acne_scars in concern'"]),
        ("area == fase", ["8: 'fase' is not an option of 'area'; did you mean 'face'?"]),
        ("smoker == unsure", ["10: 'unsure' is not a possible answer: 'smoker' is a yes/no question without 'not sure'"]),
        ("pregnant == maybe", ["12: 'maybe' is not a possible answer: 'pregnant' is answered yes, no, unsure"]),
        ("age < name", ["4: '<' compares two numbers or two dates, not a number and text"]),
        ("age + name > 1", ["4: '+' adds two numbers or joins two texts, not a number and text"]),
        ("age", ["0: expected a condition (true or false) but this is a number"]),
        ("age and pregnant", ["0: 'and' needs a condition but this is a number"]),
        ("not area", ["4: 'not' needs a condition but this is the choice 'area'"]),
        ("floor(age) < 1", ["0: unknown function 'floor'"]),
        ("round(age, 2) < 1", ["0: 'round' takes 1 argument, not 2"]),
        ("count(area) > 1", ["6: 'count' counts the answers of a multiple choice, not the choice 'area'"]),
        ("answered(price)", ["9: 'answered' takes the id of a question"]),
        ("days_since(age) > 1", ["11: 'days_since' needs a date but this is a number"]),
        ("wrinkles in area", ["9: 'in' needs a list like [a, b] or a multiple-choice answer on its right, not the choice 'area'"]),
        ("pores in concern", ["0: 'pores' is not an option of 'concern'"]),
        ("(if pregnant then 1 else 'x') > 0", ["25: 'then' gives a number but 'else' gives text; both must be the same kind"]),
        ("yes", ["0: 'yes' can only be compared with a yes/no answer, as in 'pregnant == yes'"]),
        ("[1, 2]", ["0: a list can only stand on the right of 'in', as in 'concern in [acne_scars, wrinkles]'"]),
        ("agee < 1 or nme == 'x'", ["0: unknown name 'agee'; did you mean 'age'?", "12: unknown name 'nme'; did you mean 'name'?"]),
    ]

    @Test("type errors say what is wrong, at the offending part", arguments: errors)
    func errorTable(_ source: String, _ expected: [String]) throws {
        let result = Self.checker.check(try ExpressionParser.parse(source), as: .condition)
        #expect(result.problems.map { "\($0.offset): \($0.message)" } == expected)
        #expect(result.type == nil)
    }
}
