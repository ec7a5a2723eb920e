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

    public init(stems: Set<String>, tense: Tense) {
        self.stems = stems
        self.tense = tense
    }

    /// The focus of a question as shown to the patient.
    public init(question text: String) {
        let words = TextNormalizer.words(text)
        stems = Set(words.filter { !Self.generic.contains($0) && !$0.allSatisfy(\.isASCIIDigit) }.map(WordStemmer.stem))
        // Word by word rather than a search in the joined text: Foundation's `contains` on strings goes through
        // NSString and was a fifth of a turn (docs/performance.md).
        tense = Self.historyMarkerWords.contains { marker in
            words.count >= marker.count && (0...(words.count - marker.count)).contains { start in
                marker.indices.allSatisfy { words[start + $0] == marker[$0] }
            }
        } ? .history : .present
    }

    /// No question text: nothing echoes, and the past counts (the careful reading).
    public static let none = QuestionFocus(stems: [], tense: .history)

    /// Whether an answer's word is one of the question's words, in another form or as part of a compound.
    func echoes(_ word: String) -> Bool {
        let stem = WordStemmer.stem(word)
        if stems.contains(stem) { return true }
        return stems.contains { other in
            let (short, long) = other.count <= stem.count ? (other, stem) : (stem, other)
            return short.count >= 5 && long.hasPrefix(short)
        }
    }

    // MARK: - Words

    /// The history markers, word by word.
    private static let historyMarkerWords = historyMarkers.map { $0.split(separator: " ").map(String.init) }

    private static let historyMarkers = [
        "ever", "have you had", "have you been", "have you taken", "have you used", "in the last", "did you",
        "been told", "in the past", "before", "had any", "when did",
    ]

    /// Words of questions that say nothing about their subject.
    private static let generic: Set<String> = [
        "a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "with", "from", "by", "as", "that",
        "this", "these", "those", "it", "its", "is", "are", "am", "was", "were", "be", "been", "do", "does", "did",
        "have", "has", "had", "you", "your", "you'd", "youd", "you're", "i", "my", "me", "we", "us", "our", "any",
        "some", "there", "where", "what", "which", "when", "who", "how", "why", "right", "now", "ever", "like",
        "would", "could", "can", "will", "should", "may", "might", "treatment", "treated", "area", "areas",
        "such", "also", "called", "other", "than", "very", "just", "if", "not", "no", "yes", "answer", "apply",
        "does", "still", "last", "time", "here", "today", "currently", "thing", "things", "one", "ones", "get",
        "got", "take", "taken", "told", "think", "about", "these", "know", "so", "it's", "that's", "into",
    ]
}
