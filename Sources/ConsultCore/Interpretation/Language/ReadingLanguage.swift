/// The language patients answer in, as far as reading their answers goes: the words of yes and no, hedges, the
/// past, numbers, dates, questions asked back, choices, stemming, the FAQ's stop words and synonyms, and the
/// in-session commands.
///
/// The readers are the same code in every language; a language is data. English is built in
/// (``english``); others load from `dialogs/languages/CODE/reading.yaml` (``init(code:yaml:file:)``), described in
/// docs/languages.md. Its tables are prepared once, when the first answer is read (showing the first question needs
/// only the command words), and shared by every copy.
public struct ReadingLanguage: Sendable {
    /// The language code (`en`, `es`).
    public let code: String
    /// The words, as written.
    public let vocabulary: ReadingVocabulary
    /// The parts of the vocabulary file that were not written (`yes_no.yes`); empty for a complete language.
    public let missingParts: [String]
    private let prepared: LazyValue<ReadingLexicon>

    /// The vocabulary's tables for the readers, built on first use: building the English ones takes about a
    /// millisecond, which the start of a session (its first question) need not wait for.
    var lexicon: ReadingLexicon { prepared.value }

    /// A language from its vocabulary; `missingParts` lists what it lacks.
    public init(code: String, vocabulary: ReadingVocabulary, missingParts: [String] = []) {
        self.code = code
        self.vocabulary = vocabulary
        self.missingParts = missingParts
        prepared = LazyValue { ReadingLexicon(vocabulary) }
    }

    /// A language from the text of its `reading.yaml`.
    ///
    /// - Parameters:
    ///   - code: The language code, as in the dialogs' translations (`es`).
    ///   - yaml: The file's text.
    ///   - file: The file's path, for error locations.
    /// - Throws: ``ReadingLanguageError`` naming `file:line:column` when the file is not a valid vocabulary.
    public init(code: String, yaml: String, file: String) throws(ReadingLanguageError) {
        let (vocabulary, missing) = try ReadingVocabularyFile.parse(yaml, file: file)
        self.init(code: code, vocabulary: vocabulary, missingParts: missing)
    }

    /// English: built in, nothing parsed.
    public static let english = ReadingLanguage(code: "en", vocabulary: .english)

    /// The English command name (`back`, `repeat`, `why`, `skip`, `restart`, `help`, `quit`, `more`, `none`) that a
    /// whole line names, in this language or in English (English commands work in every session).
    ///
    /// - Parameter line: The line after ``TextNormalizer/normalize(_:)``.
    public func commandName(forNormalizedLine line: String) -> String? {
        lexicon.commandNames[line] ?? (code == "en" ? nil : ReadingLanguage.english.lexicon.commandNames[line])
    }

    /// The commands that work at any question (not `more` and `none`, which belong to a topic and an FAQ offer).
    public static let sessionCommandNames: Set<String> = ["back", "repeat", "why", "skip", "restart", "help", "quit"]

    /// A word's stem in this language: forms of one word compare equal (`scars`/`scar`, `cicatrices`/`cicatriz`).
    func stem(_ word: String) -> String {
        lexicon.stemmer.map { $0.stem(word) } ?? WordStemmer.stem(word)
    }
}

extension ReadingLanguage: Equatable {
    /// Two languages are equal when they have the same code and words.
    public static func == (lhs: ReadingLanguage, rhs: ReadingLanguage) -> Bool {
        lhs.code == rhs.code && (lhs.prepared === rhs.prepared || lhs.vocabulary == rhs.vocabulary)
    }
}
