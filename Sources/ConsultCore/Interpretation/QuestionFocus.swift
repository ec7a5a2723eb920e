/// What a question is about, as far as reading its answers goes: the content words it uses and whether it
/// asks about now or about any time in the past.
///
/// An answer that repeats the question's own words ("I bruise easily" to "Do you bruise easily?") is about the
/// question; one that names other things ("just breastfeeding" to "Are you pregnant?") is a second fact.
public struct QuestionFocus: Sendable, Hashable {
    /// Whether the past counts as a yes.
    public enum Tense: String, Sendable, Hashable {
        /// "Right now, do you have…", "Are you…": something that was so only in the past is a no.
        case present
        /// "Have you ever…", "…in the last year": the past is a yes.
        case history
    }

    /// Stems of the question's content words.
    public var stems: Set<String>
    public var tense: Tense
    /// How the stems were made, so an answer's words are stemmed alike; `nil` is English's stemmer.
    var stemming: StemmingRules?

    public init(stems: Set<String>, tense: Tense) {
        self.stems = stems
        self.tense = tense
    }

    /// The focus of a question as shown to the patient, read in `language`.
    public init(question text: String, language: ReadingLanguage = .english) {
        let lexicon = language.lexicon
        stemming = lexicon.stemmer
        let words = TextNormalizer.words(text)
        stems = Set(words.filter { !lexicon.genericQuestionWords.contains($0) && !$0.allSatisfy(\.isASCIIDigit) }.map(language.stem))
        // Word by word rather than a search in the joined text: Foundation's `contains` on strings goes through
        // NSString and was a fifth of a turn (docs/performance.md).
        tense = lexicon.historyMarkerWords.contains { marker in
            !marker.isEmpty && words.count >= marker.count && (0...(words.count - marker.count)).contains { start in
                marker.indices.allSatisfy { words[start + $0] == marker[$0] }
            }
        } ? .history : .present
    }

    /// No question text: nothing echoes, and the past counts (the careful reading).
    public static let none = QuestionFocus(stems: [], tense: .history)

    /// Whether an answer's word is one of the question's words, in another form or as part of a compound.
    func echoes(_ word: String) -> Bool {
        let stem = stemming.map { $0.stem(word) } ?? WordStemmer.stem(word)
        if stems.contains(stem) { return true }
        return stems.contains { other in
            let (short, long) = other.count <= stem.count ? (other, stem) : (stem, other)
            return short.count >= 5 && long.hasPrefix(short)
        }
    }
}
