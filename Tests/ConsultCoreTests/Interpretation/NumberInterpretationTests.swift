import Testing
@testable import ConsultCore

@Suite struct NumberInterpretationTests {
    let interpreter = InterpretationFixtures.interpreter
    let age = AnswerKind.number(InterpretationFixtures.age)

    @Test(arguments: [
        ("34", 34.0), ("34 years", 34), ("34 yrs", 34), ("34yrs", 34), ("34 years old", 34), ("I'm 34", 34),
        ("thirty-four", 34), ("thirty four", 34), ("Thirty-Four.", 34), ("twenty one", 21), ("a hundred", 100),
        ("one hundred and five", 105), ("about 40", 40), ("~40", 40), ("around forty", 40), ("0", 0),
        ("120", 120), ("zero", 0), ("eighteen", 18), ("1 year", 1),
    ])
    func readsAges(_ input: String, _ expected: Double) {
        #expect(interpreter.interpret(input, as: age) == .answer(.number(expected)))
    }

    @Test(arguments: ["34 35", "3/4", "34-35", "34 and 35", "34, 35"])
    func rejectsSeveralNumbers(_ input: String) {
        #expect(interpreter.interpret(input, as: age) == .unreadable(.severalNumbers(InterpretationFixtures.age)))
    }

    @Test(arguments: [
        "old", "thirty forty", "thirty 5", "34 months", "almost 18", "over 40", "34 kg", "34 and a half", "one two",
        "a", "nan", "inf",
    ])
    func rejectsWhatIsNotOneNumberOfTheUnit(_ input: String) {
        #expect(interpreter.interpret(input, as: age) == .unreadable(.notANumber(InterpretationFixtures.age)))
    }

    @Test(arguments: [(121.0, "121"), (-5, "-5"), (-3, "minus 3"), (1000, "1,000"), (200, "two hundred")])
    func rejectsNumbersOutOfRange(_ value: Double, _ input: String) {
        #expect(interpreter.interpret(input, as: age) == .unreadable(.outOfRange(value, InterpretationFixtures.age)))
    }

    @Test func fractionsNeedANonIntegerRange() {
        #expect(interpreter.interpret("34.5", as: age) == .unreadable(.notWholeNumber(InterpretationFixtures.age)))
        let weight = NumberRange(minimum: 30, maximum: 250, unit: "kg", integer: false)
        #expect(interpreter.interpret("72.5 kg", as: .number(weight)) == .answer(.number(72.5)))
        #expect(interpreter.interpret("72.5 kilos", as: .number(weight)) == .answer(.number(72.5)))
    }

    /// A whole-number question reads the digits as typed: a fraction is asked again, never rounded, so
    /// `17.9999999999999999` (which a `Double` holds as exactly 18) cannot pass an 18-and-over check.
    @Test(arguments: ["17.9999999999999999", "17.99999999999999999999999999", "18.00000000000000001", "17.5", "-0.5"])
    func wholeNumberQuestionsNeverRoundAFraction(_ input: String) {
        #expect(interpreter.interpret(input, as: age) == .unreadable(.notWholeNumber(InterpretationFixtures.age)))
        let adults = NumberRange(minimum: 18, maximum: 120, unit: "years", integer: true)
        #expect(interpreter.interpret(input, as: .number(adults)) == .unreadable(.notWholeNumber(adults)))
    }

    @Test func trailingZerosAfterThePointAreStillWhole() {
        #expect(interpreter.interpret("34.0", as: age) == .answer(.number(34)))
        #expect(interpreter.interpret("18.000000000000000000000 years", as: age) == .answer(.number(18)))
    }

    /// Past 15 significant digits a `Double` no longer tells a number from its neighbours (`9007199254740993` reads
    /// as …992, `99999999999999999999` as 1e20, 400 nines as infinity, which no JSON summary can hold).
    @Test(arguments: [
        "99999999999999999999", "-99999999999999999999", "9223372036854775808", "9007199254740993",
        "1000000000000000000000000000000", "1000000000000000", "29.99999999999999999", String(repeating: "9", count: 400),
    ])
    func numbersWithMoreDigitsThanADoubleHoldsAreRefused(_ input: String) {
        for range in [
            InterpretationFixtures.age,
            NumberRange(minimum: 0),
            NumberRange(),
            NumberRange(minimum: 30, maximum: 300, unit: "kg", integer: false),
            NumberRange(minimum: 30, unit: "kg", integer: false),
        ] where !(range.integer && input.contains(".")) {
            #expect(interpreter.interpret(input, as: .number(range)) == .unreadable(.notANumber(range)), "\(range)")
        }
    }

    @Test func fifteenDigitsAreReadExactly() {
        let count = AnswerKind.number(NumberRange(minimum: 0))
        #expect(interpreter.interpret("999999999999999", as: count) == .answer(.number(999_999_999_999_999)))
        #expect(interpreter.interpret("000000000000000000034", as: age) == .answer(.number(34)))
        let weight = AnswerKind.number(NumberRange(minimum: 30, maximum: 300, unit: "kg", integer: false))
        #expect(interpreter.interpret("29.9999999999999 kg", as: weight)
                == .unreadable(.outOfRange(29.9999999999999, NumberRange(minimum: 30, maximum: 300, unit: "kg", integer: false))))
    }

    /// A minus sign where the range takes no negative number is a slip, even on zero: asked again, not stored as 0.
    @Test(arguments: ["-0", "-0.0", "minus 0", "minus zero", "negative zero", "-0 years"])
    func negativeZeroIsNotAnAge(_ input: String) {
        #expect(interpreter.interpret(input, as: age) == .unreadable(.notANumber(InterpretationFixtures.age)))
    }

    @Test func negativeZeroIsZeroWhereNegativesAreAllowed() {
        let change = AnswerKind.number(NumberRange(minimum: -10, maximum: 10, unit: nil, integer: true))
        for input in ["-0", "minus zero"] {
            guard case .answer(.number(let value)) = interpreter.interpret(input, as: change) else {
                Issue.record("\(input) was not read")
                continue
            }
            #expect(value == 0 && value.sign == .plus, "\(input) read as \(value)")
        }
    }

    @Test func aMinusSignCountsOnceAndOnlyBeforeTheNumber() {
        let change = AnswerKind.number(NumberRange(minimum: -10, maximum: 10, unit: nil, integer: true))
        let range = NumberRange(minimum: -10, maximum: 10, unit: nil, integer: true)
        #expect(interpreter.interpret("minus -5", as: change) == .unreadable(.notANumber(range)))
        #expect(interpreter.interpret("5 minus", as: change) == .unreadable(.notANumber(range)))
        #expect(interpreter.interpret("minus -5", as: age) == .unreadable(.notANumber(InterpretationFixtures.age)))
    }

    @Test func negativeNumbersOnlyWhereTheRangeAllowsThem() {
        let change = NumberRange(minimum: -10, maximum: 10, unit: nil, integer: true)
        #expect(interpreter.interpret("-5", as: .number(change)) == .answer(.number(-5)))
        #expect(interpreter.interpret("minus five", as: .number(change)) == .answer(.number(-5)))
    }

    @Test func largeNumbersInWords() {
        let count = AnswerKind.number(NumberRange(minimum: 0, maximum: 10_000))
        #expect(interpreter.interpret("two thousand and five", as: count) == .answer(.number(2005)))
        #expect(interpreter.interpret("1,500", as: count) == .answer(.number(1500)))
    }

    @Test func hintsShowTheRangeAndUnit() {
        #expect(AnswerHint.notANumber(InterpretationFixtures.age).text == "Please type a number from 0 to 120 (years).")
        #expect(AnswerHint.empty(age) == interpreter.interpret("", as: age).hint)
        #expect(AnswerHint.notWholeNumber(NumberRange(minimum: 1)).text == "Please type a whole number of at least 1.")
    }
}

extension AnswerInterpretation {
    /// The hint of an unreadable answer, for tests.
    var hint: AnswerHint? {
        if case .unreadable(let hint) = self { return hint }
        return nil
    }
}
