import Foundation

/// Finds the FAQ entry a patient's own question is about.
///
/// Questions and keywords are reduced to terms (normalized, lightly stemmed, without stop words, synonyms
/// unified). An entry scores one point per keyword term in the question, plus the share of one of its
/// example questions' terms that the patient used. Below `minimumScore` nothing matches: a lone "yes" or
/// "34", or a question about something else, is never answered from the FAQ.
public struct FAQMatcher: Sendable {
    /// One FAQ entry, as far as matching is concerned.
    public struct Entry: Sendable, Hashable {
        public var id: String
        /// Example phrasings of the question (`Does it hurt?`).
        public var questions: [String]
        /// Words that alone point at this entry (`pain`, `hurt`).
        public var keywords: [String]

        public init(id: String, questions: [String], keywords: [String]) {
            self.id = id
            self.questions = questions
            self.keywords = keywords
        }
    }

    /// The entry chosen and how well it matched.
    public struct Match: Sendable, Hashable {
        public var entryID: String
        /// Keyword terms found plus the best share of an example question's terms found (0…1).
        public var score: Double

        public init(entryID: String, score: Double) {
            self.entryID = entryID
            self.score = score
        }
    }

    /// The least score that counts as a match: one keyword, or every term of an example question.
    public static let minimumScore = 1.0

    private struct PreparedEntry: Sendable {
        var id: String
        var keywords: Set<String>
        var questions: [Set<String>]
    }

    private let entries: [PreparedEntry]
    private let vocabulary: FAQVocabulary

    /// - Parameters:
    ///   - entries: The FAQ entries, in the dialog's order (earlier entries win ties).
    ///   - synonyms: Word → words meaning the same; a key and its words are all equivalent.
    public init(entries: [Entry], synonyms: [String: [String]]) {
        let vocabulary = FAQVocabulary(synonyms: synonyms)
        self.vocabulary = vocabulary
        self.entries = entries.map { entry in
            PreparedEntry(
                id: entry.id,
                keywords: entry.keywords.reduce(into: Set<String>()) { $0.formUnion(vocabulary.terms(of: $1)) },
                questions: entry.questions.map(vocabulary.terms(of:)).filter { !$0.isEmpty }
            )
        }
    }

    /// The best entry for a patient's own question, or nil when nothing matches well enough.
    public func bestMatch(for input: String) -> Match? {
        let terms = vocabulary.terms(of: input)
        guard !terms.isEmpty else { return nil }
        var best: Match?
        for entry in entries {
            let keywordHits = Double(entry.keywords.intersection(terms).count)
            let questionShare = entry.questions
                .map { Double($0.intersection(terms).count) / Double($0.count) }
                .max() ?? 0
            let score = keywordHits + questionShare
            // Strictly greater: on a tie the earlier entry stays.
            if score >= Self.minimumScore, score > (best?.score ?? 0) {
                best = Match(entryID: entry.id, score: score)
            }
        }
        return best
    }

    /// Whether a line reads as a question (ends with '?', or starts with what/how/does/can/is/will/when/why/...).
    public static func looksLikeQuestion(_ input: String) -> Bool {
        let trimmed = input.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasSuffix("?") || trimmed.hasPrefix("¿") { return true }
        guard let first = TextNormalizer.words(trimmed).first else { return false }
        return questionWords.contains(first)
    }

    private static let questionWords: Set<String> = [
        "what", "what's", "whats", "how", "how's", "hows", "does", "do", "did", "can", "could", "is", "are", "am",
        "will", "would", "when", "why", "where", "who", "which", "should", "may", "might", "was", "were", "has",
        "have", "isn't", "doesn't", "won't", "can't",
    ]
}
