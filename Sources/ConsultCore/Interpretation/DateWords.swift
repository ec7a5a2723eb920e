/// A language's words for dates: months, weekdays, units, seasons, holidays, and the time phrases found inside
/// sentences. Prepared once per language (``ReadingLexicon``).
final class DateWords: Sendable {
    /// English month names, for showing a day (`1 March 2026`).
    static let monthNames = [
        "january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december",
    ]

    private let monthNumbers: [String: Int]
    private let fullMonthNames: [String]
    private let weekdayNumbers: [String: Int]
    private let fullWeekdayNames: [String]
    private let abbreviationLength: Int
    private let dayUnits: [String: Int]
    private let monthUnits: [String: Int]
    private let seasons: [String: ClosedRange<Int>]
    private let holidays: [String: (month: Int, day: Int, spread: Int)]
    private let periodWords: Set<String>
    private let lastOrThisBefore: Set<String>
    private let lastOrThisAfter: Set<String>
    let agoBeforeWords: Set<String>
    let agoAfterWords: Set<String>
    private let amountWords: Set<String>
    private let timeWords: [String: [[String]]]
    private let numbers: NumberWords

    // Words DateReader's rules use, as sets.
    let fillers: Set<String>
    let endingWords: Set<String>
    let futureWords: Set<String>
    let recent: Set<String>
    let longAgo: Set<String>
    let soFarThisYear: Set<String>
    let inWords: Set<String>
    let lastBeforeWords: Set<String>
    let lastAfterWords: Set<String>
    let thisBeforeWords: Set<String>
    let thisAfterWords: Set<String>
    let beforeLast: [[String]]
    let weekWords: Set<String>
    let monthWords: Set<String>
    let yearWords: Set<String>
    let approximately: Set<String>
    let halfAfter: [[String]]
    let halfBefore: [[String]]
    let moreThanStarts: Set<String>
    let moreThanWords: Set<String>
    let lessThanStarts: Set<String>
    let lessThanWords: Set<String>
    let daysBack: [String: Int]
    let yearParts: [String: ClosedRange<Int>]
    /// Rough amounts as words, longest first.
    let roughAmounts: [(words: [String], span: ClosedRange<Int>)]
    let ordinalSuffixes: [String]
    /// Every word that may be part of a date besides numbers, months and units ("ago", "last", "hace"…).
    let structureWords: Set<String>

    init(_ v: ReadingVocabulary, numbers: NumberWords) {
        let fillers = Set(v.dateFillers)
        self.fillers = fillers
        // Date phrases are compared with the line's words before and after its fillers are dropped ("antes de
        // ayer" is also "antes ayer"), so a translator writes them as patients do.
        func bothForms(_ phrases: [String]) -> Set<String> {
            Set(phrases).union(phrases.map { $0.split(separator: " ").filter { !fillers.contains(String($0)) }.joined(separator: " ") }
                .filter { !$0.isEmpty })
        }
        var monthNumbers: [String: Int] = [:]
        for (index, names) in v.months.enumerated() { for name in names { monthNumbers[name] = index + 1 } }
        self.monthNumbers = monthNumbers
        fullMonthNames = v.months.compactMap(\.first)
        var weekdayNumbers: [String: Int] = [:]
        for (index, names) in v.weekdays.enumerated() { for name in names { weekdayNumbers[name] = index + 1 } }
        self.weekdayNumbers = weekdayNumbers
        fullWeekdayNames = v.weekdays.compactMap(\.first)
        abbreviationLength = v.abbreviationLength
        dayUnits = v.dayUnits
        monthUnits = v.monthUnits
        var seasons: [String: ClosedRange<Int>] = [:]
        for season in v.seasons where season.numbers.count == 2 {
            // "winter: [12, 2]" runs into the next year: 12...14.
            let last = season.numbers[1] < season.numbers[0] ? season.numbers[1] + 12 : season.numbers[1]
            seasons[season.phrase] = season.numbers[0]...last
        }
        self.seasons = seasons
        var holidays: [String: (month: Int, day: Int, spread: Int)] = [:]
        for holiday in v.holidays where holiday.numbers.count == 3 {
            for form in bothForms([holiday.phrase]) where holidays[form] == nil {
                holidays[form] = (holiday.numbers[0], holiday.numbers[1], holiday.numbers[2])
            }
        }
        self.holidays = holidays
        periodWords = Set(v.otherPeriods).union(seasons.keys)
        lastOrThisBefore = Set(v.lastBefore + v.thisBefore)
        lastOrThisAfter = Set(v.lastAfter + v.thisAfter)
        agoBeforeWords = Set(v.agoBefore)
        agoAfterWords = Set(v.agoAfter)
        amountWords = Set(v.amountWords)
        timeWords = Dictionary(grouping: v.timeWords.map(ReadingLexicon.words).filter { !$0.isEmpty }) { $0[0] }
            .mapValues { $0.sorted { $0.count > $1.count } }
        self.numbers = numbers
        endingWords = Set(v.endingWords)
        futureWords = Set(v.futureWords)
        recent = bothForms(v.recent)
        longAgo = bothForms(v.longAgo)
        soFarThisYear = bothForms(v.soFarThisYear)
        inWords = Set(v.inWords)
        lastBeforeWords = Set(v.lastBefore)
        lastAfterWords = Set(v.lastAfter)
        thisBeforeWords = Set(v.thisBefore)
        thisAfterWords = Set(v.thisAfter)
        beforeLast = v.beforeLast.map(ReadingLexicon.words)
        weekWords = Set(v.weekWords)
        monthWords = Set(v.monthWords)
        yearWords = Set(v.yearWords)
        approximately = Set(v.approximately)
        halfAfter = v.halfAfter.map(ReadingLexicon.words)
        halfBefore = v.halfBefore.map(ReadingLexicon.words)
        moreThanStarts = Set(v.moreThanStarts)
        moreThanWords = Set(v.moreThanWords)
        lessThanStarts = Set(v.lessThanStarts)
        lessThanWords = Set(v.lessThanWords)
        var daysBack = v.daysBack
        for (phrase, days) in v.daysBack { for form in bothForms([phrase]) where daysBack[form] == nil { daysBack[form] = days } }
        self.daysBack = daysBack
        var yearParts: [String: ClosedRange<Int>] = [:]
        for part in v.yearParts where part.numbers.count == 2 && part.numbers[0] <= part.numbers[1] {
            yearParts[part.phrase] = part.numbers[0]...part.numbers[1]
        }
        self.yearParts = yearParts
        var amounts: [(words: [String], span: ClosedRange<Int>)] = []
        for amount in v.roughAmounts where amount.numbers.count == 2 && amount.numbers[0] <= amount.numbers[1] {
            for form in [amount.phrase] + bothForms([amount.phrase]).subtracting([amount.phrase]).sorted() {
                amounts.append((ReadingLexicon.words(form), amount.numbers[0]...amount.numbers[1]))
            }
        }
        // Longest first; equal lengths keep the file's order.
        roughAmounts = amounts.enumerated()
            .sorted { ($0.element.words.count, -$0.offset) > ($1.element.words.count, -$1.offset) }
            .map(\.element)
        ordinalSuffixes = v.ordinalSuffixes
        var structureWords = Set(v.agoBefore).union(v.agoAfter).union(v.lastBefore).union(v.lastAfter)
        structureWords.formUnion(v.thisBefore + v.thisAfter + v.numberArticles)
        structureWords.formUnion(v.halfAfter.flatMap(ReadingLexicon.words))
        structureWords.formUnion(v.halfBefore.flatMap(ReadingLexicon.words))
        self.structureWords = structureWords
    }

    /// The month (1–12) named by `word`: a name, or the first letters of the full name (`mar`, `sept`).
    func month(named word: String) -> Int? {
        if let number = monthNumbers[word] { return number }
        guard abbreviationLength > 0, word.count == abbreviationLength else { return nil }
        return fullMonthNames.firstIndex { $0.hasPrefix(word) }.map { $0 + 1 }
    }

    /// The ISO weekday (1 = Monday … 7 = Sunday) named by `word`, or its first letters.
    func weekday(named word: String) -> Int? {
        if let number = weekdayNumbers[word] { return number }
        guard abbreviationLength > 0, word.count >= abbreviationLength else { return nil }
        return fullWeekdayNames.firstIndex { $0.hasPrefix(word) }.map { $0 + 1 }
    }

    /// Days in one unit of time, for units counted in days.
    func days(inUnit word: String) -> Int? { dayUnits[word] }

    /// Months in one unit of time, for units counted in months.
    func months(inUnit word: String) -> Int? { monthUnits[word] }

    /// The months of a season, meteorological and northern: winter is December to February (12...14).
    func season(named word: String) -> ClosedRange<Int>? { seasons[word] }

    /// Fixed-date holidays a patient may date things by, with how many days either side they may mean.
    func holiday(named phrase: String) -> (month: Int, day: Int, spread: Int)? { holidays[phrase] }

    // MARK: - Times inside sentences

    /// The length of a time phrase starting at `index` ("2 months ago", "a year back", "last summer",
    /// "march 2025", "2019", "yesterday", "hace 3 meses", "el verano pasado"), or nil. Used to notice a time
    /// inside an answer, not to read it.
    func timePhraseLength(in words: [String], at index: Int) -> Int? {
        let word = words[index]
        let next = index + 1 < words.count ? words[index + 1] : nil
        func withAgo(_ length: Int) -> Int {
            let end = index + length
            return end < words.count && agoAfterWords.contains(words[end]) ? length + 1 : length
        }
        if let phrases = timeWords[word], let phrase = phrases.first(where: { words[index...].starts(with: $0) }) { return phrase.count }
        if lastOrThisBefore.contains(word), let next, isPeriodWord(next) { return 2 }
        if let next, lastOrThisAfter.contains(next), isPeriodWord(word), month(named: word) == nil || word.count > 3 { return 2 }
        if month(named: word) != nil, word.count > 3 || next.map(Self.isYear) == true {
            return next.map(Self.isYear) == true ? 2 : 1
        }
        if Self.isYear(word) { return 1 }
        // "hace 3 meses": the amount and unit after the marker.
        if agoBeforeWords.contains(word), index + 1 < words.count, let length = amountAndUnit(in: words, at: index + 1) {
            return length + 1
        }
        // "2 months", "two weeks ago", "a year ago", "a few months back", "a couple of weeks ago".
        if let length = amountAndUnit(in: words, at: index) { return withAgo(length) }
        return nil
    }

    /// The length of an amount followed by a unit at `index` ("2 months", "a couple of weeks").
    private func amountAndUnit(in words: [String], at index: Int) -> Int? {
        let word = words[index]
        guard word.allSatisfy(\.isASCIIDigit) || numbers.isNumberWord(word) || amountWords.contains(word) else { return nil }
        var amount = 1
        while index + amount < words.count, amountWords.contains(words[index + amount]) || numbers.isNumberWord(words[index + amount]) {
            amount += 1
        }
        return index + amount < words.count && isUnit(words[index + amount]) ? amount + 1 : nil
    }

    func isUnit(_ word: String) -> Bool {
        days(inUnit: word) != nil || months(inUnit: word) != nil
    }

    private func isPeriodWord(_ word: String) -> Bool {
        isUnit(word) || month(named: word) != nil || periodWords.contains(word)
    }

    static func isYear(_ word: String) -> Bool {
        word.count == 4 && word.allSatisfy(\.isASCIIDigit) && (1950...2100).contains(Int(word) ?? 0)
    }
}
