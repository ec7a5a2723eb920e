import Testing
@testable import ConsultCore

/// The reference day is 2026-09-15.
@Suite struct DateInterpretationTests {
    let interpreter = InterpretationFixtures.interpreter

    @Test(arguments: [
        ("2026-03-01", "2026-03-01"), ("2026-3-1", "2026-03-01"), ("2026/03/01", "2026-03-01"),
        ("1 March 2026", "2026-03-01"), ("March 1, 2026", "2026-03-01"), ("1st of March 2026", "2026-03-01"),
        ("mar 1st 2026", "2026-03-01"), ("on 1 March 2026", "2026-03-01"),
        ("25/03/2026", "2026-03-25"), ("03/25/2026", "2026-03-25"), ("25.03.2026", "2026-03-25"),
        ("1 March", "2026-03-01"), ("1 December", "2025-12-01"),
        ("today", "2026-09-15"), ("yesterday", "2026-09-14"), ("2 days ago", "2026-09-13"),
        ("3 months ago", "2026-06-15"), ("three weeks ago", "2026-08-25"), ("a year ago", "2025-09-15"),
        ("last friday", "2026-09-11"), ("a fortnight ago", "2026-09-01"), ("6 months", "2026-03-15"), ("half a year ago", "2026-03-15"), ("a year and a half ago", "2025-03-15"),
        ("2 and a half years ago", "2024-03-15"), ("1.5 years ago", "2025-03-15"), ("about 3 months ago", "2026-06-15"),
        ("3months ago", "2026-06-15"), ("twenty one days ago", "2026-08-25"), ("an hour ago", nil),
    ] as [(String, String?)])
    func readsPastDays(_ input: String, _ expected: String?) {
        let result = interpreter.interpret(input, as: .date)
        if let expected {
            #expect(result == .answer(.date(InterpretationFixtures.day(expected))))
        } else {
            #expect(result == .unreadable(.notADate))
        }
    }

    @Test(arguments: [
        "2026-09-16", "tomorrow", "next month", "in 3 months", "3 months from now", "October 2026", "2027-01-01",
        "1 December 2026",
    ])
    func rejectsFutureDays(_ input: String) {
        #expect(interpreter.interpret(input, as: .date) == .unreadable(.dateInFuture))
    }

    // A month, a year or a calendar span is the whole range of days it may be, never a made-up day.
    @Test(arguments: [
        ("March 2026", "2026-03-01", "2026-03-31"), ("in February 2024", "2024-02-01", "2024-02-29"),
        ("03/2026", "2026-03-01", "2026-03-31"), ("2026-03", "2026-03-01", "2026-03-31"),
        ("September 2026", "2026-09-01", "2026-09-15"), ("March", "2026-03-01", "2026-03-31"),
        ("December", "2025-12-01", "2025-12-31"), ("last year", "2025-01-01", "2025-12-31"),
        ("last month", "2026-08-01", "2026-08-31"), ("last week", "2026-09-07", "2026-09-13"),
        ("2025", "2025-01-01", "2025-12-31"), ("in 2025", "2025-01-01", "2025-12-31"),
        ("less than 6 months ago", "2026-03-15", "2026-09-15"), ("early 2025", "2025-01-01", "2025-04-30"),
    ])
    func readsRanges(_ input: String, _ first: String, _ last: String) {
        let range = DateRange(earliest: InterpretationFixtures.day(first), latest: InterpretationFixtures.day(last))
        #expect(interpreter.interpret(input, as: .date) == .answer(.dateRange(range)))
    }

    @Test(arguments: ["a while ago", "ages ago", "can't remember", "over a year ago"])
    func readsUnknownStarts(_ input: String) {
        guard case let .answer(.dateRange(range)) = interpreter.interpret(input, as: .date) else {
            Issue.record("\(input) should be a range")
            return
        }
        #expect(range.earliest == nil)
    }

    @Test(arguments: ["soon", "2026-02-30", "31 February 2026", "34", "1.5 months ago", "0226-03-01", "last", "yes"])
    func rejectsWhatIsNotADay(_ input: String) {
        #expect(interpreter.interpret(input, as: .date) == .unreadable(.notADate))
    }

    @Test func asksWhenDayAndMonthCouldBeSwapped() {
        let result = interpreter.interpret("03/04/2026", as: .date)
        #expect(result == .unreadable(.ambiguousDate(InterpretationFixtures.day("2026-04-03"), InterpretationFixtures.day("2026-03-04"))))
        #expect(result.hint?.text == "Did you mean 3 April 2026 or 4 March 2026? Please type the date like 2026-04-03.")
        #expect(interpreter.interpret("04/04/2026", as: .date) == .answer(.date(InterpretationFixtures.day("2026-04-04"))))
    }

    @Test func twoDigitYearsThatReadBothWaysAreAskedAgain() {
        #expect(interpreter.interpret("03/04/26", as: .date) == .unreadable(.ambiguousDate(
            InterpretationFixtures.day("2026-04-03"), InterpretationFixtures.day("2026-03-04"))))
    }

    @Test func emptyLineAndHint() {
        #expect(interpreter.interpret("", as: .date) == .unreadable(.empty(.date)))
        #expect(AnswerHint.notADate.text == "Please type a date like 2026-03-01, or how long ago, like 3 months ago. If you can't remember, say so.")
        #expect(AnswerHint.dateInFuture.text.contains("in the past"))
    }

    @Test func relativeDatesFollowTheReferenceDay() {
        let endOfMarch = AnswerInterpreter(today: InterpretationFixtures.day("2026-03-31"))
        #expect(endOfMarch.interpret("1 month ago", as: .date) == .answer(.date(InterpretationFixtures.day("2026-02-28"))))
    }
}
