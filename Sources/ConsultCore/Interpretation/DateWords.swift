/// English month names and abbreviations, as typed in dates (`1 March 2026`, `sept 2025`).
enum DateWords {
    static let monthNames = [
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    ]

    /// The month (1–12) named by `word`: the full name or its first three letters (`sept` too).
    static func month(named word: String) -> Int? {
        if let index = monthNames.firstIndex(of: word) { return index + 1 }
        if word == "sept" { return 9 }
        guard word.count == 3 else { return nil }
        return monthNames.firstIndex { $0.hasPrefix(word) }.map { $0 + 1 }
    }

    /// Days in one unit of time, for units counted in days.
    static func days(inUnit word: String) -> Int? {
        switch word {
        case "day", "days", "d": 1
        case "week", "weeks", "wk", "wks", "w": 7
        default: nil
        }
    }

    /// Months in one unit of time, for units counted in months.
    static func months(inUnit word: String) -> Int? {
        switch word {
        case "month", "months", "mo", "mos", "mth", "mths", "m": 1
        case "year", "years", "yr", "yrs", "y": 12
        default: nil
        }
    }
}
