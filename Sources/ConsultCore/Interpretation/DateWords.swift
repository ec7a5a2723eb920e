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
        case "fortnight", "fortnights": 14
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

// MARK: - Weekdays, seasons, holidays

extension DateWords {
    static let weekdayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// The ISO weekday (1 = Monday … 7 = Sunday) named by `word`, or its first three letters.
    static func weekday(named word: String) -> Int? {
        if let index = weekdayNames.firstIndex(of: word) { return index + 1 }
        guard word.count >= 3 else { return nil }
        return weekdayNames.firstIndex { $0.hasPrefix(word) }.map { $0 + 1 }
    }

    /// The months of a season, meteorological and northern: winter is December to February.
    static func season(named word: String) -> ClosedRange<Int>? {
        switch word {
        case "spring": 3...5
        case "summer": 6...8
        case "autumn", "fall": 9...11
        case "winter": 12...14
        default: nil
        }
    }

    /// Fixed-date holidays a patient may date things by, with how many days either side they may mean.
    static func holiday(named phrase: String) -> (month: Int, day: Int, spread: Int)? {
        switch phrase {
        case "christmas", "xmas", "around christmas", "christmas time", "over christmas": (12, 25, 7)
        case "new year", "new years", "new year's", "around new year": (1, 1, 7)
        case "halloween": (10, 31, 3)
        case "valentines", "valentine's", "valentines day", "valentine's day": (2, 14, 3)
        default: nil
        }
    }
}

// MARK: - Times inside sentences

extension DateWords {
    /// The length of a time phrase starting at `index` ("2 months ago", "a year back", "last summer",
    /// "march 2025", "2019", "yesterday"), or nil. Used to notice a time inside an answer, not to read it.
    static func timePhraseLength(in words: [String], at index: Int) -> Int? {
        let word = words[index]
        let next = index + 1 < words.count ? words[index + 1] : nil
        func withAgo(_ length: Int) -> Int {
            let end = index + length
            return end < words.count && ["ago", "back", "before"].contains(words[end]) ? length + 1 : length
        }
        if ["yesterday", "recently", "lately"].contains(word) { return 1 }
        if ["last", "this", "past"].contains(word), let next, isPeriodWord(next) { return 2 }
        if month(named: word) != nil, word.count > 3 || next.map(isYear) == true {
            return next.map(isYear) == true ? 2 : 1
        }
        if isYear(word) { return 1 }
        // "2 months", "two weeks ago", "a year ago", "a few months back", "a couple of weeks ago".
        var amount = 0
        if word.allSatisfy(\.isASCIIDigit) || NumberWords.isNumberWord(word) || ["a", "an", "few", "several", "couple"].contains(word) {
            amount = 1
            while index + amount < words.count, ["few", "couple", "of", "and", "half", "a"].contains(words[index + amount])
                    || NumberWords.isNumberWord(words[index + amount]) {
                amount += 1
            }
            if index + amount < words.count, isUnit(words[index + amount]) {
                return withAgo(amount + 1)
            }
        }
        return nil
    }

    private static func isUnit(_ word: String) -> Bool {
        days(inUnit: word) != nil || months(inUnit: word) != nil
    }

    private static func isPeriodWord(_ word: String) -> Bool {
        isUnit(word) || month(named: word) != nil
            || ["spring", "summer", "autumn", "fall", "winter", "christmas", "weekend", "night"].contains(word)
    }

    private static func isYear(_ word: String) -> Bool {
        word.count == 4 && word.allSatisfy(\.isASCIIDigit) && (1950...2100).contains(Int(word) ?? 0)
    }
}
