import Testing
@testable import ConsultCore

@Suite struct CalendarDayTests {
    @Test(arguments: ["1970-01-01", "2000-02-29", "2026-11-26", "1899-12-31"])
    func ordinalRoundTrips(_ text: String) throws {
        let day = try #require(CalendarDay(iso: text))
        #expect(CalendarDay(ordinal: day.ordinal) == day)
        #expect(day.description == text)
    }

    @Test func rejectsDaysThatDoNotExist() {
        #expect(CalendarDay(iso: "2026-02-29") == nil)
        #expect(CalendarDay(iso: "2026-13-01") == nil)
        #expect(CalendarDay(iso: "26-1-1") == nil)
    }

    @Test func monthArithmeticClampsToMonthEnd() throws {
        let day = try #require(CalendarDay(iso: "2026-03-31"))
        #expect(day.adding(months: -1).description == "2026-02-28")
        #expect(day.adding(months: -13).description == "2025-02-28")
        #expect(try #require(CalendarDay(iso: "2026-01-15")).months(until: day) == 2)
    }
}
