/// Reads a day in the past: written as a date (`2026-03-01`, `1 March 2026`), as how long before the reference
/// day (`3 months ago`, `yesterday`), or vaguely (`last year`, `in March`, `a few months ago`, `can't remember`).
///
/// Exact answers become a day. Vague ones become the range of days they honestly mean (``DateRange``), never a
/// made-up day: "last year" is the whole of last year, "in March" the whole month, "a while ago" any day up to
/// today. A date inside a longer sentence ("I stopped around 2 months ago") is read and confirmed.
struct DateReader {
    let today: CalendarDay
    var language: ReadingLanguage = .english
    private var dates: DateWords { language.lexicon.dates }
    private var numbers: NumberWords { language.lexicon.numbers }

    /// What part of a line means.
    enum Parsed: Equatable {
        case day(CalendarDay)
        case range(DateRange)
        case failure(AnswerHint)
    }

    func reading(_ input: String) -> AnswerReading {
        if QuestionDetector.isQuestion(input, language: language) { return AnswerReading(.notAnAnswer) }
        let allWords = words(of: input)
        if saysUnknown(allWords) || dates.longAgo.contains(allWords.joined(separator: " ")) {
            return AnswerReading(.understood(.dateRange(DateRange(earliest: nil, latest: today))))
        }
        let words = allWords.filter { !dates.fillers.contains($0) }
        if words.contains(where: dates.futureWords.contains) { return AnswerReading(.notUnderstood(.dateInFuture)) }
        let whole = parse(words, saidIn: allWords.contains(where: dates.inWords.contains))
        if let whole {
            // A date among other words ("I stopped it 2 months ago"), not a wrong date ("31 February 2026").
            if case .failure(.notADate) = whole, words.contains(where: { !isDateWord($0) }),
               let (parsed, harmless) = search(allWords) {
                return reading(of: parsed, doubt: harmless ? nil : .partialMatch)
            }
            return reading(of: whole, doubt: nil)
        }
        // A date among other words: "I stopped about 2 months ago", "finished my course in march".
        if let (parsed, harmless) = search(allWords) {
            return reading(of: parsed, doubt: harmless ? nil : .partialMatch)
        }
        return AnswerReading(.notUnderstood(.notADate))
    }

    private func reading(of parsed: Parsed, doubt: ReadingDoubt?) -> AnswerReading {
        let value: AnswerValue
        switch parsed {
        case let .day(day):
            guard day <= today else { return AnswerReading(.notUnderstood(.dateInFuture)) }
            value = .date(day)
        case let .range(range):
            guard range.earliest.map({ $0 <= today }) ?? true else { return AnswerReading(.notUnderstood(.dateInFuture)) }
            let capped = DateRange(earliest: range.earliest, latest: min(range.latest, today))
            value = capped.isSingleDay ? .date(capped.latest) : .dateRange(capped)
        case let .failure(hint):
            return AnswerReading(.notUnderstood(hint))
        }
        guard let doubt else { return AnswerReading(.understood(value)) }
        return AnswerReading(.confirm(value, doubt))
    }

    /// The whole of `words` as a date, or nil when they are not one.
    func parse(_ words: [String], saidIn: Bool) -> Parsed? {
        numericDate(words)
            ?? vagueDate(words)
            ?? relativeDate(words, saidIn: saidIn)
            ?? namedDate(words)
    }

    /// The longest run of words that reads as a date, and whether the other words only say "it ended then".
    private func search(_ words: [String]) -> (Parsed, harmless: Bool)? {
        guard words.count > 1 else { return nil }
        for length in stride(from: min(words.count - 1, 6), through: 1, by: -1) {
            for start in 0...(words.count - length) {
                let span = Array(words[start..<(start + length)]).filter { !dates.fillers.contains($0) }
                guard !span.isEmpty, let parsed = parse(span, saidIn: start > 0 && dates.inWords.contains(words[start - 1])) else { continue }
                if case .failure = parsed { continue }
                let others = words[..<start] + words[(start + length)...]
                return (parsed, others.allSatisfy { dates.fillers.contains($0) || dates.endingWords.contains($0) })
            }
        }
        return nil
    }

    // MARK: - 2026-03-01, 01/03/2026, 03/2026

    private func numericDate(_ words: [String]) -> Parsed? {
        guard words.count == 1 else { return nil }
        let pieces = words[0].split(separator: "-", omittingEmptySubsequences: false)
        guard pieces.count >= 2, pieces.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        let numbers = pieces.compactMap { Int($0) }
        let widths = pieces.map(\.count)
        guard numbers.count == pieces.count else { return .failure(.notADate) }
        if widths.count == 3, widths[0] == 4, widths[1] <= 2, widths[2] <= 2 {
            return exactDay(year: numbers[0], month: numbers[1], day: numbers[2])
        }
        if widths.count == 3, widths[0] <= 2, widths[1] <= 2, widths[2] == 4 || widths[2] == 2 {
            let year = widths[2] == 2 ? 2000 + numbers[2] : numbers[2]
            return dayMonthOrMonthDay(numbers[0], numbers[1], year: year)
        }
        if widths.count == 2, widths[0] <= 2, widths[1] == 4 {
            return monthOnly(numbers[0], year: numbers[1])
        }
        if widths.count == 2, widths[0] == 4, widths[1] <= 2 {
            return monthOnly(numbers[1], year: numbers[0])
        }
        if widths.count == 2, widths[0] <= 2, widths[1] <= 2 {
            // "20/05" without a year: the most recent such day, when only one order is a date.
            let parsed = dayMonthOrMonthDay(numbers[0], numbers[1], year: today.year)
            if case let .day(day) = parsed, day > today { return dayMonthOrMonthDay(numbers[0], numbers[1], year: today.year - 1) }
            return parsed
        }
        return .failure(.notADate)
    }

    /// `01/03/2026` is 1 March in most of the world and 3 January in the US: read it only when one
    /// reading is impossible or both are the same day, and otherwise ask.
    private func dayMonthOrMonthDay(_ first: Int, _ second: Int, year: Int) -> Parsed {
        guard Self.plausibleYears.contains(year) else { return .failure(.notADate) }
        let dayFirst = CalendarDay(year: year, month: second, day: first)
        let monthFirst = CalendarDay(year: year, month: first, day: second)
        switch (dayFirst, monthFirst) {
        case let (dayFirst?, monthFirst?) where dayFirst != monthFirst:
            return .failure(.ambiguousDate(dayFirst, monthFirst))
        case let (day?, _), let (nil, day?):
            return .day(day)
        case (nil, nil):
            return .failure(.notADate)
        }
    }

    // MARK: - 3 months ago, yesterday

    /// The words without the "ago" markers at their ends ("3 months ago", "hace 3 meses"), and whether there was one.
    private func withoutAgo(_ words: [String]) -> (words: [String], saidAgo: Bool) {
        var words = words
        var saidAgo = false
        if let last = words.last, dates.agoAfterWords.contains(last) {
            words.removeLast()
            saidAgo = true
        }
        if words.count > 1, dates.agoBeforeWords.contains(words[0]) {
            words.removeFirst()
            saidAgo = true
        }
        return (words, saidAgo)
    }

    private func relativeDate(_ words: [String], saidIn: Bool) -> Parsed? {
        var (words, saidAgo) = withoutAgo(words)
        if let back = dates.daysBack[words.joined(separator: " ")] { return .day(today.adding(days: -back)) }
        // "last friday", "el viernes pasado".
        if words.count == 2, let weekday = dates.lastBeforeWords.contains(words[0]) ? dates.weekday(named: words[1])
            : dates.lastAfterWords.contains(words[1]) ? dates.weekday(named: words[0]) : nil {
            return .day(lastWeekday(weekday))
        }
        var half = 0.0
        if let phrase = dates.halfAfter.first(where: { !$0.isEmpty && words.count >= $0.count && words.suffix($0.count).elementsEqual($0) }) {
            words.removeLast(phrase.count)  // "a year and a half", "año y medio"
            half = 0.5
        }
        guard let unit = words.last, dates.isUnit(unit) else {
            return half == 0 ? nil : .failure(.notADate)
        }
        var amountWords = Array(words.dropLast())
        if half == 0, let phrase = dates.halfAfter.first(where: { !$0.isEmpty && amountWords.count >= $0.count && amountWords.suffix($0.count).elementsEqual($0) }) {
            amountWords.removeLast(phrase.count)  // "2 and a half years"
            half = 0.5
        }
        // "unos 3 meses": an approximate amount is read as the amount, like "about 3 months".
        if amountWords.count > 1, dates.approximately.contains(amountWords[0]) { amountWords.removeFirst() }
        let whole: Double
        if dates.halfBefore.contains(amountWords) {
            guard half == 0 else { return .failure(.notADate) }
            whole = 0
            half = 0.5
        } else if amountWords.count == 1, numbers.articles.contains(amountWords[0]) {
            whole = 1
        } else if amountWords.isEmpty, half > 0 {
            whole = 1  // "año y medio"
        } else if amountWords.count == 1, let number = Double(amountWords[0]) {
            whole = number
        } else if let number = numbers.value(of: amountWords) {
            whole = Double(number)
        } else {
            return .failure(.notADate)
        }
        // "in 3 months" without "ago" is a day to come.
        if saidIn && !saidAgo { return .failure(.dateInFuture) }
        return ago(whole + half, unit)
    }

    /// The day `amount` units before today, when that is a whole number of days or months.
    private func ago(_ amount: Double, _ unit: String) -> Parsed? {
        if let days = dates.days(inUnit: unit) {
            let total = amount * Double(days)
            guard total >= 0, total.rounded() == total, total < 400_000 else { return .failure(.notADate) }
            return .day(today.adding(days: -Int(total)))
        }
        if let months = dates.months(inUnit: unit) {
            let total = amount * Double(months)
            guard total >= 0, total.rounded() == total, total < 12_000 else { return .failure(.notADate) }
            return .day(today.adding(months: -Int(total)))
        }
        return nil
    }

    /// The most recent past day with this weekday (1 = Monday … 7 = Sunday), never today.
    private func lastWeekday(_ weekday: Int) -> CalendarDay {
        var back = (today.weekday - weekday + 7) % 7
        if back == 0 { back = 7 }
        return today.adding(days: -back)
    }

    // MARK: - Last year, in March, a few months ago

    /// A calendar period with "last" or "this" ("last week", "la semana pasada", "este año"): whether it is the
    /// last one, and the period's word.
    private func lastOrThis(_ words: [String]) -> (last: Bool, period: String)? {
        guard words.count == 2 else { return nil }
        if dates.lastBeforeWords.contains(words[0]) || dates.thisBeforeWords.contains(words[0]) {
            return (!dates.thisBeforeWords.contains(words[0]), words[1])
        }
        if dates.lastAfterWords.contains(words[1]) || dates.thisAfterWords.contains(words[1]) {
            return (!dates.thisAfterWords.contains(words[1]), words[0])
        }
        return nil
    }

    /// The year of "last year" / "this year" in the language's words.
    private func namedYear(_ words: [String]) -> Int? {
        guard let (last, period) = lastOrThis(words), dates.yearWords.contains(period) else { return nil }
        return last ? today.year - 1 : today.year
    }

    private func vagueDate(_ words: [String]) -> Parsed? {
        guard !words.isEmpty else { return nil }
        let joined = words.joined(separator: " ")
        // "the year before last", "the month before last", "el año antepasado".
        if words.count >= 2, dates.beforeLast.contains(where: { words.dropFirst().elementsEqual($0) }) {
            if dates.yearWords.contains(words[0]) { return yearRange(today.year - 2) }
            if dates.monthWords.contains(words[0]) {
                let first = CalendarDay(year: today.year, month: today.month, day: 1)!.adding(months: -2)
                return .range(DateRange(earliest: first, latest: first.adding(months: 1).adding(days: -1)))
            }
            if dates.weekWords.contains(words[0]) {
                let monday = today.adding(days: -(today.weekday - 1) - 14)
                return .range(DateRange(earliest: monday, latest: monday.adding(days: 6)))
            }
        }
        // Calendar spans: last week / month / year, this week / month / year.
        if let (last, period) = lastOrThis(words) {
            if dates.weekWords.contains(period) {
                let monday = today.adding(days: -(today.weekday - 1))
                return last ? .range(DateRange(earliest: monday.adding(days: -7), latest: monday.adding(days: -1)))
                            : .range(DateRange(earliest: monday, latest: today))
            }
            if dates.monthWords.contains(period) {
                let first = CalendarDay(year: today.year, month: today.month, day: 1)!
                return last ? .range(DateRange(earliest: first.adding(months: -1), latest: first.adding(days: -1)))
                            : .range(DateRange(earliest: first, latest: today))
            }
            if dates.yearWords.contains(period) {
                return last ? yearRange(today.year - 1) : .range(DateRange(earliest: CalendarDay(year: today.year, month: 1, day: 1), latest: today))
            }
            if let season = dates.season(named: period) {
                return seasonRange(season, mostRecentExcludingCurrent: last)
            }
        }
        if words.count == 1, let season = dates.season(named: words[0]) { return seasonRange(season, mostRecentExcludingCurrent: false) }
        if words.count == 2, let season = dates.season(named: words[0]), let year = Self.year(words[1]) {
            return seasonRange(season, year: year)
        }
        // "early 2025", "late last year", "end of 2024", "beginning of the year", "a principios de 2025".
        if words.count >= 2, let part = dates.yearParts[words[0]] {
            let rest = Array(words.dropFirst())
            let year: Int?
            if rest.count == 1 { year = Self.year(rest[0]) ?? (dates.yearWords.contains(rest[0]) ? today.year : nil) }
            else { year = namedYear(rest) }
            if let year, let first = CalendarDay(year: year, month: part.lowerBound, day: 1) {
                let last = CalendarDay(year: year, month: part.upperBound, day: 1)!.adding(months: 1).adding(days: -1)
                return .range(DateRange(earliest: first, latest: last))
            }
        }
        if words.count == 1, let year = Self.year(words[0]) { return yearRange(year) }
        let (bare, saidAgo) = withoutAgo(words)
        // "months ago", "weeks back", "hace meses": some of them, at least two.
        if bare.count == 1, saidAgo, bare[0].hasSuffix("s") {
            if let days = dates.days(inUnit: bare[0]) {
                return .range(DateRange(earliest: today.adding(days: -12 * days), latest: today.adding(days: -2 * days)))
            }
            if let months = dates.months(inUnit: bare[0]) {
                return .range(DateRange(earliest: months == 12 ? nil : today.adding(months: -12 * months), latest: today.adding(months: -2 * months)))
            }
        }
        // "a few months ago", "a couple of weeks back", "several years ago", "hace unos meses".
        for (phrase, span) in dates.roughAmounts where bare.count == phrase.count + 1 && bare.starts(with: phrase) {
            let unit = bare[phrase.count]
            if let days = dates.days(inUnit: unit) {
                return .range(DateRange(earliest: today.adding(days: -span.upperBound * days), latest: today.adding(days: -span.lowerBound * days)))
            }
            if let months = dates.months(inUnit: unit) {
                return .range(DateRange(earliest: today.adding(months: -span.upperBound * months), latest: today.adding(months: -span.lowerBound * months)))
            }
        }
        // "over a year ago", "more than 6 months ago", "hace más de un año": any day up to that point.
        if let first = bare.first, dates.moreThanStarts.contains(first) {
            let rest = Array(bare.drop { dates.moreThanWords.contains($0) })
            if case let .day(day)? = relativeDate(rest, saidIn: false) { return .range(DateRange(earliest: nil, latest: day)) }
        }
        // "less than a month ago", "within the last 2 weeks", "hace menos de un mes".
        if let first = bare.first, dates.lessThanStarts.contains(first) {
            let rest = Array(bare.drop { dates.lessThanWords.contains($0) })
            if case let .day(day)? = relativeDate(rest, saidIn: false) { return .range(DateRange(earliest: day, latest: today)) }
        }
        // "september last year", "march this year", "marzo del año pasado".
        if words.count == 3, let month = dates.month(named: words[0]), let year = namedYear(Array(words.dropFirst())) {
            return monthOnly(month, year: year)
        }
        if dates.soFarThisYear.contains(joined) {
            return .range(DateRange(earliest: CalendarDay(year: today.year, month: 1, day: 1), latest: today))
        }
        if dates.recent.contains(joined) {
            return .range(DateRange(earliest: today.adding(months: -3), latest: today))
        }
        if dates.longAgo.contains(joined) {
            return .range(DateRange(earliest: nil, latest: today))
        }
        let withoutLast = words.filter { !dates.lastBeforeWords.contains($0) && !dates.lastAfterWords.contains($0) }
        if let holiday = dates.holiday(named: withoutLast.joined(separator: " ")) {
            // "christmas": the days around the most recent one.
            var year = today.year
            if let this = CalendarDay(year: year, month: holiday.month, day: holiday.day), this > today { year -= 1 }
            guard let day = CalendarDay(year: year, month: holiday.month, day: holiday.day) else { return nil }
            return .range(DateRange(earliest: day.adding(days: -holiday.spread), latest: min(today, day.adding(days: holiday.spread))))
        }
        return nil
    }

    private func yearRange(_ year: Int) -> Parsed {
        guard Self.plausibleYears.contains(year), let first = CalendarDay(year: year, month: 1, day: 1),
              let last = CalendarDay(year: year, month: 12, day: 31) else { return .failure(.notADate) }
        if first > today { return .failure(.dateInFuture) }
        return .range(DateRange(earliest: first, latest: min(last, today)))
    }

    /// Meteorological seasons of the northern hemisphere (spring is March to May); winter starts in December.
    private func seasonRange(_ season: ClosedRange<Int>, year: Int) -> Parsed {
        let startYear = season.lowerBound == 12 ? year - 1 : year
        guard let first = CalendarDay(year: startYear, month: season.lowerBound, day: 1) else { return .failure(.notADate) }
        let last = first.adding(months: 3).adding(days: -1)
        if first > today { return .failure(.dateInFuture) }
        return .range(DateRange(earliest: first, latest: min(last, today)))
    }

    /// The most recent season of that name that has begun (or ended, for "last summer").
    private func seasonRange(_ season: ClosedRange<Int>, mostRecentExcludingCurrent: Bool) -> Parsed {
        for year in [today.year + 1, today.year, today.year - 1, today.year - 2] {
            guard case let .range(range) = seasonRange(season, year: year), let first = range.earliest, first <= today else { continue }
            if mostRecentExcludingCurrent, range.latest >= today { continue }
            return .range(range)
        }
        return .failure(.notADate)
    }

    // MARK: - 1 March 2026, March 2026, March

    private func namedDate(_ words: [String]) -> Parsed? {
        var month: Int?
        var day: Int?
        var year: Int?
        for word in words {
            if let named = dates.month(named: word), month == nil {
                month = named
            } else if let number = Self.year(word), year == nil {
                year = number
            } else if let number = dayNumber(word), day == nil {
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
            return .day(candidate)
        case let (nil, month?, nil):
            return monthOnly(month, year: month <= today.month ? today.year : today.year - 1)
        case let (nil, nil, year?):
            return yearRange(year)
        case (_, nil, _):
            return nil
        }
    }

    // MARK: - Days

    private func exactDay(year: Int, month: Int, day: Int) -> Parsed {
        guard Self.plausibleYears.contains(year), let day = CalendarDay(year: year, month: month, day: day) else {
            return .failure(.notADate)
        }
        return .day(day)
    }

    /// The whole month, up to today within the current month.
    private func monthOnly(_ month: Int, year: Int) -> Parsed {
        guard Self.plausibleYears.contains(year), (1...12).contains(month),
              let first = CalendarDay(year: year, month: month, day: 1) else { return .failure(.notADate) }
        if first > today { return .failure(.dateInFuture) }
        let last = first.adding(months: 1).adding(days: -1)
        return .range(DateRange(earliest: first, latest: min(last, today)))
    }

    /// `1`…`31`, `1st`, `2nd`, `23rd`.
    private func dayNumber(_ word: String) -> Int? {
        var digits = Substring(word)
        for suffix in dates.ordinalSuffixes where digits.hasSuffix(suffix) && digits.count > suffix.count {
            digits = digits.dropLast(suffix.count)
            break
        }
        guard (1...2).contains(digits.count), digits.allSatisfy(\.isASCIIDigit), let number = Int(digits),
              (1...31).contains(number) else { return nil }
        return number
    }

    private static func year(_ word: String) -> Int? {
        guard word.count == 4, word.allSatisfy(\.isASCIIDigit) else { return nil }
        return Int(word)
    }

    // MARK: - Words

    /// Normalized words, with slashes and dots between numbers turned into hyphens (`03/2026` → `03-2026`)
    /// and units split from digits (`3months`).
    func words(of input: String) -> [String] {
        let dashed = input
            .replacing(#/(\d)\s*/\s*(?=\d)/#) { "\($0.1)-" }
            .replacing(#/\b(\d{1,4})\.(\d{1,2})\.(\d{2,4})\b/#) { "\($0.1)-\($0.2)-\($0.3)" }
        return TextNormalizer.words(dashed).flatMap { word -> [String] in
            guard let match = word.wholeMatch(of: #/(\d+(?:\.\d+)?)([a-z]+)/#), dayNumber(word) == nil else { return [word] }
            return [String(match.1), String(match.2)]
        }
    }

    /// A word that can be part of a date: a number, a month, a unit of time, "ago", "last"…
    private func isDateWord(_ word: String) -> Bool {
        word.contains(where: \.isNumber) || dates.month(named: word) != nil || dates.isUnit(word)
            || numbers.isNumberWord(word) || dates.structureWords.contains(word)
    }

    /// "can't remember", "no idea", "not sure": the patient does not know when.
    private func saysUnknown(_ words: [String]) -> Bool {
        let clauses = AnswerClauses(words: words, language: language).clauses
        return clauses.contains { $0.has(.unsure) } && !clauses.contains { $0.mentionsTime }
    }

    /// Years a patient's date can be in; others are typing slips (`0226-03-01`).
    private static let plausibleYears = 1900...9999
}
