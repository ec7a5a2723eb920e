/// Reads a day in the past: written as a date (`2026-03-01`, `1 March 2026`, `March 2026`) or as how long
/// before the reference day (`3 months ago`, `last year`, `yesterday`).
///
/// Where the patient gives only a month (`March 2026`, `03/2026`), the answer is the **last** day of that
/// month (or the reference day, in the current month). Screening rules measure waiting periods since such
/// dates, and the latest day the patient may have meant never makes a waiting period look already over.
struct DateReader {
    let today: CalendarDay

    func read(_ input: String) -> AnswerInterpretation {
        let allWords = Self.words(of: input)
        let words = allWords.filter { !Self.fillers.contains($0) }
        if words.contains(where: Self.futureWords.contains) { return .unreadable(.dateInFuture) }
        let result = numericDate(words)
            ?? relativeDate(words, saidIn: allWords.contains("in"))
            ?? namedDate(words)
            ?? .failure(.notADate)
        switch result {
        case .success(let day):
            return day > today ? .unreadable(.dateInFuture) : .answer(.date(day))
        case .failure(let hint):
            return .unreadable(hint)
        }
    }

    /// A day read from part of the line, or why the line cannot be a date.
    private enum Reading {
        case success(CalendarDay)
        case failure(AnswerHint)
    }

    // MARK: - 2026-03-01, 01/03/2026, 03/2026

    private func numericDate(_ words: [String]) -> Reading? {
        guard words.count == 1 else { return nil }
        let pieces = words[0].split(separator: "-", omittingEmptySubsequences: false)
        guard pieces.count >= 2, pieces.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        let numbers = pieces.compactMap { Int($0) }
        let widths = pieces.map(\.count)
        guard numbers.count == pieces.count else { return .failure(.notADate) }
        if widths.count == 3, widths[0] == 4, widths[1] <= 2, widths[2] <= 2 {
            return exactDay(year: numbers[0], month: numbers[1], day: numbers[2])
        }
        if widths.count == 3, widths[0] <= 2, widths[1] <= 2, widths[2] == 4 {
            return dayMonthOrMonthDay(numbers[0], numbers[1], year: numbers[2])
        }
        if widths.count == 2, widths[0] <= 2, widths[1] == 4 {
            return monthOnly(numbers[0], year: numbers[1])
        }
        if widths.count == 2, widths[0] == 4, widths[1] <= 2 {
            return monthOnly(numbers[1], year: numbers[0])
        }
        return .failure(.notADate)
    }

    /// `01/03/2026` is 1 March in most of the world and 3 January in the US: read it only when one
    /// reading is impossible or both are the same day, and otherwise ask.
    private func dayMonthOrMonthDay(_ first: Int, _ second: Int, year: Int) -> Reading {
        guard Self.plausibleYears.contains(year) else { return .failure(.notADate) }
        let dayFirst = CalendarDay(year: year, month: second, day: first)
        let monthFirst = CalendarDay(year: year, month: first, day: second)
        switch (dayFirst, monthFirst) {
        case let (dayFirst?, monthFirst?) where dayFirst != monthFirst:
            return .failure(.ambiguousDate(dayFirst, monthFirst))
        case let (day?, _), let (nil, day?):
            return .success(day)
        case (nil, nil):
            return .failure(.notADate)
        }
    }

    // MARK: - 3 months ago, last year, yesterday

    private func relativeDate(_ words: [String], saidIn: Bool) -> Reading? {
        var words = words
        let saidAgo = words.last == "ago" || words.last == "back"
        if saidAgo { words.removeLast() }
        if words == ["today"] || words == ["now"] { return .success(today) }
        if words == ["yesterday"] { return .success(today.adding(days: -1)) }
        if words.count == 2, words[0] == "last" { return ago(1, words[1]) }
        var half = 0.0
        if words.suffix(3) == ["and", "a", "half"] {  // "a year and a half"
            words.removeLast(3)
            half = 0.5
        }
        guard let unit = words.last, DateWords.days(inUnit: unit) != nil || DateWords.months(inUnit: unit) != nil else {
            return half == 0 ? nil : .failure(.notADate)
        }
        var amountWords = Array(words.dropLast())
        if half == 0, amountWords.suffix(3) == ["and", "a", "half"] {  // "2 and a half years"
            amountWords.removeLast(3)
            half = 0.5
        }
        let whole: Double
        if amountWords == ["half", "a"] || amountWords == ["half", "an"] {
            guard half == 0 else { return .failure(.notADate) }
            whole = 0
            half = 0.5
        } else if amountWords == ["a"] || amountWords == ["an"] {
            whole = 1
        } else if amountWords.count == 1, let number = Double(amountWords[0]) {
            whole = number
        } else if let number = NumberWords.value(of: amountWords) {
            whole = Double(number)
        } else {
            return .failure(.notADate)
        }
        // "in 3 months" without "ago" is a day to come.
        if saidIn && !saidAgo { return .failure(.dateInFuture) }
        return ago(whole + half, unit)
    }

    /// The day `amount` units before today, when that is a whole number of days or months.
    private func ago(_ amount: Double, _ unit: String) -> Reading? {
        if let days = DateWords.days(inUnit: unit) {
            let total = amount * Double(days)
            guard total >= 0, total.rounded() == total, total < 400_000 else { return .failure(.notADate) }
            return .success(today.adding(days: -Int(total)))
        }
        if let months = DateWords.months(inUnit: unit) {
            let total = amount * Double(months)
            guard total >= 0, total.rounded() == total, total < 12_000 else { return .failure(.notADate) }
            return .success(today.adding(months: -Int(total)))
        }
        return nil
    }

    // MARK: - 1 March 2026, March 2026, March

    private func namedDate(_ words: [String]) -> Reading? {
        var month: Int?
        var day: Int?
        var year: Int?
        for word in words {
            if let named = DateWords.month(named: word), month == nil {
                month = named
            } else if word.count == 4, word.allSatisfy(\.isASCIIDigit), let number = Int(word), year == nil {
                year = number
            } else if let number = Self.dayNumber(word), day == nil {
                day = number
            } else {
                return nil
            }
        }
        if let year, !Self.plausibleYears.contains(year) { return .failure(.notADate) }
        switch (day, month, year) {
        case let (day?, month?, year?):
            return exactDay(year: year, month: month, day: day)
        case let (nil, month?, year?):
            return monthOnly(month, year: year)
        case let (day?, month?, nil):
            // The most recent such day: "1 March" typed in June means this year's.
            let thisYear = CalendarDay(year: today.year, month: month, day: day)
            let lastYear = CalendarDay(year: today.year - 1, month: month, day: day)
            guard let candidate = thisYear.flatMap({ $0 <= today ? $0 : nil }) ?? lastYear else { return .failure(.notADate) }
            return .success(candidate)
        case let (nil, month?, nil):
            return monthOnly(month, year: month <= today.month ? today.year : today.year - 1)
        case let (nil, nil, year?):
            return .failure(.dateNeedsMonth(year: year))
        case (_, nil, _):
            return nil
        }
    }

    // MARK: - Days

    private func exactDay(year: Int, month: Int, day: Int) -> Reading {
        guard Self.plausibleYears.contains(year), let day = CalendarDay(year: year, month: month, day: day) else {
            return .failure(.notADate)
        }
        return .success(day)
    }

    /// The last day of the month, or today within the current month (see the type's documentation).
    private func monthOnly(_ month: Int, year: Int) -> Reading {
        guard Self.plausibleYears.contains(year), (1...12).contains(month),
              let first = CalendarDay(year: year, month: month, day: 1) else { return .failure(.notADate) }
        if first > today { return .failure(.dateInFuture) }
        let last = first.adding(months: 1).adding(days: -1)
        return .success(min(last, today))
    }

    /// `1`…`31`, `1st`, `2nd`, `23rd`.
    private static func dayNumber(_ word: String) -> Int? {
        var digits = Substring(word)
        for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) { digits = digits.dropLast(2) }
        guard (1...2).contains(digits.count), digits.allSatisfy(\.isASCIIDigit), let number = Int(digits),
              (1...31).contains(number) else { return nil }
        return number
    }

    // MARK: - Words

    /// Normalized words, with slashes and dots between numbers turned into hyphens (`03/2026` → `03-2026`)
    /// and units split from digits (`3months`).
    private static func words(of input: String) -> [String] {
        let dashed = input
            .replacing(#/(\d)\s*/\s*(?=\d)/#) { "\($0.1)-" }
            .replacing(#/\b(\d{1,4})\.(\d{1,2})\.(\d{2,4})\b/#) { "\($0.1)-\($0.2)-\($0.3)" }
        return TextNormalizer.words(dashed).flatMap { word -> [String] in
            guard let match = word.wholeMatch(of: #/(\d+(?:\.\d+)?)([a-z]+)/#), dayNumber(word) == nil else { return [word] }
            return [String(match.1), String(match.2)]
        }
    }

    /// Years a patient's date can be in; others are typing slips (`0226-03-01`).
    private static let plausibleYears = 1900...9999

    private static let fillers: Set<String> = [
        "on", "in", "around", "about", "approximately", "approx", "roughly", "circa", "the", "of", "since",
        "it", "was", "it's", "its", "i", "my", "just",
    ]

    private static let futureWords: Set<String> = ["tomorrow", "next", "later", "from", "coming", "upcoming"]
}
