/// A language's vocabulary prepared for the readers once: sets, indexes by first word, number and date words.
///
/// Built when a ``ReadingLanguage`` is made (English: once, on first use) and shared by every copy of it, so no
/// reading turn builds a table.
final class ReadingLexicon: Sendable {
    let vocabulary: ReadingVocabulary
    let stemmer: StemmingRules?

    // Yes / no.
    let yesNoPhrasesByFirstWord: [String: [(words: [String], mark: YesNoLexicon.Mark)]]
    let typoTargets: [(word: String, mark: YesNoLexicon.Mark)]
    let otherPeople: Set<String>
    let negators: Set<String>

    // Question focus.
    let historyMarkerWords: [[String]]
    let genericQuestionWords: Set<String>

    // Questions asked back.
    let questionWords: Set<String>
    let auxiliaries: Set<String>
    let statementAuxiliaries: Set<String>
    let determiners: Set<String>
    let subjects: Set<String>
    let statementSubjects: Set<String>
    let statementVerbs: Set<String>
    let askingPhrasesByFirstWord: [String: [[String]]]
    let subjectOptional: Bool
    let questionStarts: Set<String>

    // Numbers and dates.
    let numbers: NumberWords
    let numberFillers: Set<String>
    let negativeWords: Set<String>
    let unitFamilies: [Set<String>]
    let dates: DateWords

    // Choices.
    let choiceFillers: Set<String>
    let allWords: Set<String>
    let allCompanions: Set<String>
    let noneWords: Set<String>
    let choiceNegations: Set<String>
    let oneWords: Set<String>
    let numberAbbreviations: Set<String>
    let ordinals: [String: Int]
    let cardinals: [String: Int]
    let labelAlternatives: [String]

    // FAQ and commands.
    let stopWords: Set<String>
    let commandNames: [String: String]

    init(_ v: ReadingVocabulary) {
        vocabulary = v
        stemmer = v.stemmer
        let stem: (String) -> String = { word in v.stemmer.map { $0.stem(word) } ?? WordStemmer.stem(word) }
        yesNoPhrasesByFirstWord = YesNoLexicon.phrasesByFirstWord(v)
        typoTargets = v.typoYes.map { ($0, .yes) } + v.typoNo.map { ($0, .no) } + v.typoNegation.map { ($0, .negation) }
        otherPeople = Set(v.otherPeople)
        negators = Set(v.negators)
        historyMarkerWords = v.historyMarkers.map(Self.words)
        genericQuestionWords = Set(v.genericQuestionWords)
        questionWords = Set(v.questionWords)
        auxiliaries = Set(v.auxiliaries)
        statementAuxiliaries = Set(v.statementAuxiliaries)
        determiners = Set(v.determiners)
        subjects = Set(v.subjects)
        statementSubjects = Set(v.statementSubjects)
        statementVerbs = Set(v.statementVerbs)
        subjectOptional = v.subjectOptional
        askingPhrasesByFirstWord = Dictionary(grouping: v.askingPhrases.map(Self.words).filter { !$0.isEmpty }) { $0[0] }
        questionStarts = Set(v.questionStarts)
        numbers = NumberWords(v)
        numberFillers = Set(v.numberFillers)
        negativeWords = Set(v.negativeWords)
        unitFamilies = v.unitFamilies.map(Set.init)
        dates = DateWords(v, numbers: numbers)
        choiceFillers = Set(v.choiceFillers)
        allWords = Set(v.allWords)
        allCompanions = Set(v.allCompanions)
        noneWords = Set(v.noneWords)
        choiceNegations = Set(v.choiceNegations)
        oneWords = Set(v.oneWords)
        numberAbbreviations = Set(v.numberAbbreviations)
        ordinals = v.ordinals
        cardinals = v.cardinals
        labelAlternatives = v.labelAlternatives
        stopWords = Set(v.stopWords.map(stem))
        var commandNames: [String: String] = [:]
        // Sorted, so a phrase listed under two commands always names the same one.
        for name in v.commands.keys.sorted() {
            for phrase in v.commands[name] ?? [] where commandNames[TextNormalizer.normalize(phrase)] == nil {
                commandNames[TextNormalizer.normalize(phrase)] = name
            }
        }
        self.commandNames = commandNames
    }

    /// A phrase as normalized words.
    static func words(_ phrase: String) -> [String] {
        phrase.split(separator: " ").map(String.init)
    }
}
