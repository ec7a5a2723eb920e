import Foundation

/// The two ways summaries write an instant, both in UTC and to the whole second.
///
/// Computed by hand from the seconds since 1970 so the output never depends on
/// the machine's locale or time zone data.
enum SummaryTimestamp {
    /// `2026-11-26T05:31:27Z`: ISO 8601 in UTC, fractions of a second dropped.
    static func iso8601(_ date: Date) -> String {
        let parts = Parts(date)
        return "\(parts.day)T\(pad(parts.hour))" + ":" + pad(parts.minute) + ":" + pad(parts.second) + "Z"
    }

    /// `20261126-053127`: the UTC time of a summary file name.
    static func compact(_ date: Date) -> String {
        let parts = Parts(date)
        let day = parts.day.description.replacingOccurrences(of: "-", with: "")
        return day + "-" + pad(parts.hour) + pad(parts.minute) + pad(parts.second)
    }

    /// Reads `2026-11-26T05:31:27Z` back; `nil` for anything else.
    static func parse(_ text: String) -> Date? {
        guard let match = text.wholeMatch(of: /([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})Z/),
              let year = Int(match.1), let month = Int(match.2), let dayOfMonth = Int(match.3),
              let hour = Int(match.4), let minute = Int(match.5), let second = Int(match.6),
              let day = CalendarDay(year: year, month: month, day: dayOfMonth),
              hour < 24, minute < 60, second < 60 else { return nil }
        return Date(timeIntervalSince1970: Double(day.ordinal * 86_400 + hour * 3600 + minute * 60 + second))
    }

    private struct Parts {
        var day: CalendarDay
        var hour: Int
        var minute: Int
        var second: Int

        init(_ date: Date) {
            let interval = date.timeIntervalSince1970
            let total = interval.isFinite ? Int(interval.rounded(.down)) : 0
            let (days, remainder) = total.quotientAndRemainder(dividingBy: 86_400)
            let seconds = remainder < 0 ? remainder + 86_400 : remainder
            day = CalendarDay(ordinal: remainder < 0 ? days - 1 : days)
            hour = seconds / 3600
            minute = seconds / 60 % 60
            second = seconds % 60
        }
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
