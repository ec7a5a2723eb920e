import Foundation
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

    /// (Foundation's calendar turns Julian before October 1582; a calendar day is proleptic Gregorian, so the
    /// instants compared are later than that.)
    @Test("the UTC day of an instant is Foundation's Gregorian calendar's, around midnight and far from 1970")
    func dayOfInstant() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let seconds: [Double] = [0, -1, 86_399, 86_400, -86_400, -86_401, 951_782_400, 1_780_000_000, -2_208_988_800,
                                 253_402_300_799, -12_219_292_800, 1_780_000_000.999]
        for second in seconds {
            let date = Date(timeIntervalSince1970: second)
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            let day = CalendarDay(date)
            #expect([day.year, day.month, day.day] == [parts.year, parts.month, parts.day], "\(second)")
        }
        #expect(CalendarDay(Date(timeIntervalSince1970: .nan)).description == "1970-01-01")
        #expect(CalendarDay(Date(timeIntervalSince1970: 1e300)).description == "1970-01-01")
    }
}
