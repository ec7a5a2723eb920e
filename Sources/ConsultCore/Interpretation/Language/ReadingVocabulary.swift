/// Everything language-specific the answer readers use, as plain words and numbers: what a translator writes
/// (`dialogs/languages/CODE/reading.yaml`, described in docs/languages.md).
///
/// Phrases are written as patients type them, and compared after ``TextNormalizer`` (lowercase, accents
/// folded: `sí` is `si`, `año` is `ano`). The readers' rules are the same in every language; only these words
/// differ. Prepared once per language into a ``ReadingLexicon``.
public struct ReadingVocabulary: Sendable, Hashable {
    // MARK: yes_no — the marks of YesNoLexicon

    public var yes: [String] = []
    /// "I am", "I have": a yes when alone, a statement about what follows otherwise.
    public var affirming: [String] = []
    public var no: [String] = []
    public var unsure: [String] = []
    public var probablyYes: [String] = []
    public var probablyNo: [String] = []
    public var noAsFarAsKnown: [String] = []
    public var partial: [String] = []
    public var weakNo: [String] = []
    public var past: [String] = []
    public var when: [String] = []
    public var negations: [String] = []
    public var contrasts: [String] = []
    public var fillers: [String] = []
    /// Single words a lone typing slip may be taken for ("yse" for "yes").
    public var typoYes: [String] = []
    public var typoNo: [String] = []
    public var typoNegation: [String] = []
    /// Subject pronouns a guess may start with ("I don't know"); empty where the language drops them.
    public var subjectWords: [String] = []
    /// Words that negate the verb right after them ("no tengo", "nunca he tenido"): where "no" is both the answer
    /// and the negation of a verb, "no" before "tengo" is not a turn from no to yes.
    public var negators: [String] = []
    /// Whether phrases are also matched without their apostrophes ("dont", "im").
    public var dropsApostrophes = false
    /// Words that make a clause about someone else ("my sister has keloids").
    public var otherPeople: [String] = []

    // MARK: focus — what a question is about

    /// Phrases that make a question about any time ("ever", "in the last").
    public var historyMarkers: [String] = []
    /// Words of questions that say nothing about their subject.
    public var genericQuestionWords: [String] = []

    // MARK: questions — a question asked back

    public var questionWords: [String] = []
    public var auxiliaries: [String] = []
    /// Auxiliaries that also start statements when the subject is dropped ("had my baby").
    public var statementAuxiliaries: [String] = []
    public var determiners: [String] = []
    /// Words that, after an auxiliary, make it a question ("can I").
    public var subjects: [String] = []
    /// After a question word, a subject and one of `statementVerbs` make a statement ("when I was 16").
    public var statementSubjects: [String] = []
    public var statementVerbs: [String] = []
    /// Whether the subject may be left out (Spanish): an auxiliary alone at the start asks, and a statement verb
    /// straight after a question word states ("cuando era joven").
    public var subjectOptional = false
    public var askingPhrases: [String] = []
    /// First words that send a line to the FAQ.
    public var questionStarts: [String] = []

    // MARK: numbers

    /// Number words and their values (`thirty`: 30, `veintidos`: 22).
    public var numberValues: [String: Int] = [:]
    /// Words between tens and units ("treinta y cuatro").
    public var tensJoiners: [String] = []
    /// Words that are a whole number of hundreds ("ciento", "doscientos").
    public var hundreds: [String: Int] = [:]
    /// Words that multiply what comes before (`hundred`: 100, `thousand`: 1000, `mil`: 1000).
    public var multipliers: [String: Int] = [:]
    /// Words meaning one before a multiplier ("a hundred").
    public var numberArticles: [String] = []
    /// Words that join parts after a multiplier ("one hundred and five").
    public var numberJoiners: [String] = []
    /// Harmless words around a number ("about", "unos").
    public var numberFillers: [String] = []
    public var negativeWords: [String] = []
    /// Words for one unit, each group the same unit ("years", "yrs", "yo").
    public var unitFamilies: [[String]] = []

    // MARK: dates

    /// Twelve groups: the full month name first, then other names ("sept", "setiembre").
    public var months: [[String]] = []
    /// How many first letters of a month or weekday name stand for it ("mar", "fri"); 0 for none.
    public var abbreviationLength = 3
    /// Seven groups, Monday first.
    public var weekdays: [[String]] = []
    public var dayUnits: [String: Int] = [:]
    public var monthUnits: [String: Int] = [:]
    /// "hace 3 meses": the marker before the amount.
    public var agoBefore: [String] = []
    /// "3 months ago": the marker after the unit.
    public var agoAfter: [String] = []
    /// "in" of "in March", and of "in 3 months" (then a day to come).
    public var inWords: [String] = []
    /// Whole phrases that are a number of days back ("yesterday": 1).
    public var daysBack: [String: Int] = [:]
    /// "last week" / "la semana pasada": before or after the period.
    public var lastBefore: [String] = []
    public var lastAfter: [String] = []
    public var thisBefore: [String] = []
    public var thisAfter: [String] = []
    /// After a period: "the year before last", "el año antepasado".
    public var beforeLast: [String] = []
    /// The words for a week, a month and a year as calendar periods.
    public var weekWords: [String] = []
    public var monthWords: [String] = []
    public var yearWords: [String] = []
    /// Phrases meaning "from January to today".
    public var soFarThisYear: [String] = []
    /// Season → its first and last month (`winter: [12, 2]`).
    public var seasons: [NamedNumbers] = []
    /// Holiday → month, day, days either side.
    public var holidays: [NamedNumbers] = []
    /// Other words a "last"/"this" may name ("weekend").
    public var otherPeriods: [String] = []
    /// "early 2025", "a principios de 2025": word → first and last month.
    public var yearParts: [NamedNumbers] = []
    /// "a few months ago", "hace unos meses": phrase → the least and most units it may mean.
    public var roughAmounts: [NamedNumbers] = []
    /// Words that approximate an amount and are dropped before it ("unos 3 meses").
    public var approximately: [String] = []
    /// Words of an amount before a unit in a sentence ("a few", "a couple of").
    public var amountWords: [String] = []
    /// "and a half" / "y medio" after a unit or amount; "half a" / "medio" as the whole amount.
    public var halfAfter: [String] = []
    public var halfBefore: [String] = []
    public var recent: [String] = []
    public var longAgo: [String] = []
    /// Single words or phrases that alone name a time in a sentence ("yesterday", "hace poco").
    public var timeWords: [String] = []
    public var futureWords: [String] = []
    public var moreThanStarts: [String] = []
    public var moreThanWords: [String] = []
    public var lessThanStarts: [String] = []
    public var lessThanWords: [String] = []
    public var dateFillers: [String] = []
    /// Words that only say something ended then ("I stopped it 2 months ago").
    public var endingWords: [String] = []
    /// Endings of ordinal numbers (`1st`, `2nd`; `1a`, `2do`).
    public var ordinalSuffixes: [String] = []

    // MARK: choices

    public var choiceFillers: [String] = []
    /// "all of them", "todas".
    public var allWords: [String] = []
    /// Words that may stand with them ("all of the above").
    public var allCompanions: [String] = []
    /// "none", "ninguna".
    public var noneWords: [String] = []
    public var choiceNegations: [String] = []
    public var ordinals: [String: Int] = [:]
    /// Number words for options from two up ("two", "dos").
    public var cardinals: [String: Int] = [:]
    /// A word that alone means the first option ("one").
    public var oneWords: [String] = []
    /// "no. 2", "num 2".
    public var numberAbbreviations: [String] = []
    /// How a label joins alternatives ("Wrinkles or fine lines").
    public var labelAlternatives: [String] = []

    // MARK: stemmer, FAQ, commands

    /// Suffix rules; `nil` is English's built-in stemmer.
    public var stemmer: StemmingRules?
    /// Words that only hold a sentence together.
    public var stopWords: [String] = []
    /// General synonyms, merged with the dialog's.
    public var synonyms: [String: [String]] = [:]
    /// English command name → whole lines that name it.
    public var commands: [String: [String]] = [:]

    public init() {}
}

/// A phrase with a few numbers: a season's months, a holiday's date, a rough amount's span.
public struct NamedNumbers: Sendable, Hashable {
    public var phrase: String
    public var numbers: [Int]

    public init(_ phrase: String, _ numbers: [Int]) {
        self.phrase = phrase
        self.numbers = numbers
    }
}
