/// Tells a question asked back ("can I have it while pregnant?", "what if I have a raised scar") from an answer.
///
/// A question is never stored as an answer, even when it contains "I have" or "I am". The rules are about form,
/// not about any dialog's words: a question mark, a question word or an auxiliary verb before its subject at the
/// start ("is it…", "can I…", "does that…"), or a phrase that asks ("what if", "is it ok if", "does … count").
public enum QuestionDetector {
    /// Whether the line is a question rather than an answer.
    public static func isQuestion(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        let words = TextNormalizer.words(trimmed)
        guard !words.isEmpty else { return false }
        if trimmed.hasPrefix("¿") { return true }
        if trimmed.contains(where: { $0 == "?" }) {
            // "yes?", "i think so?": an unsure answer, not a question to the clinic.
            return !isBareAnswer(words)
        }
        for index in words.indices {
            for phrase in askingPhrasesByFirstWord[words[index]] ?? [] where words[index...].starts(with: phrase) { return true }
        }
        return startsLikeAQuestion(words)
    }

    /// "what…", "how…", "can I…", "is it…", "does that…" at the start of the line.
    static func startsLikeAQuestion(_ words: [String]) -> Bool {
        guard let first = words.first else { return false }
        let second = words.count > 1 ? words[1] : nil
        if questionWords.contains(first) {
            // "when i was 16", "how i got it": a statement that starts with a question word.
            if let second, ["i", "i'm", "im", "my", "it", "they"].contains(second), words.count > 2,
               pastOrStatementVerbs.contains(words[2]) {
                return false
            }
            // "how about", "what about", "why", "how come": still questions.
            return true
        }
        if auxiliaries.contains(first), let second, subjects.contains(second) {
            // "had my baby", "was a teen", "did the course": a statement without its "I".
            if statementAuxiliaries.contains(first), determiners.contains(second) { return false }
            return true
        }
        return false
    }

    /// A line made only of yes/no/hedge words ("yes", "no", "not sure", "i think so").
    private static func isBareAnswer(_ words: [String]) -> Bool {
        let clauses = AnswerClauses(words: words)
        return clauses.clauses.allSatisfy { $0.content.isEmpty && !$0.marks.contains(.contrast) }
            && clauses.clauses.contains { !$0.marks.isEmpty }
    }

    // MARK: - Words

    private static let questionWords: Set<String> = [
        "what", "what's", "whats", "wat", "wht", "how", "how's", "hows", "why", "when", "where", "who", "who's",
        "whos", "which", "whose", "whats", "whom",
    ]
    private static let auxiliaries: Set<String> = [
        "can", "could", "would", "will", "should", "shall", "may", "might", "must", "do", "does", "did", "is", "are",
        "am", "was", "were", "has", "have", "had", "isn't", "isnt", "doesn't", "doesnt", "don't", "dont", "won't",
        "wont", "can't", "cant", "shouldn't", "shouldnt", "wouldn't", "wouldnt", "aren't", "arent", "will",
    ]
    /// Auxiliaries that start statements as often as questions when the subject is dropped ("had my baby").
    private static let statementAuxiliaries: Set<String> = ["have", "has", "had", "was", "were", "did", "am"]
    private static let determiners: Set<String> = ["my", "the", "a", "an", "your", "one", "these", "those", "me"]
    private static let subjects: Set<String> = [
        "i", "you", "u", "it", "that", "this", "there", "we", "they", "he", "she", "my", "your", "the", "a", "an",
        "people", "someone", "somebody", "anyone", "anybody", "patients", "microneedling", "micro-needling",
        "needling", "one", "men", "women", "kids", "teens", "these", "those", "me", "i've", "ive", "i'm", "im",
        "it's", "its", "y'all", "ya",
    ]
    private static let pastOrStatementVerbs: Set<String> = [
        "was", "had", "got", "took", "stopped", "started", "used", "did", "finished", "ended", "quit", "came",
        "went", "saw", "think", "remember", "know",
    ]
    /// The asking phrases as words, by their first word.
    private static let askingPhrasesByFirstWord: [String: [[String]]] = {
        var index: [String: [[String]]] = [:]
        for phrase in askingPhrases {
            let words = phrase.split(separator: " ").map(String.init)
            index[words[0], default: []].append(words)
        }
        return index
    }()

    /// Phrases that ask, wherever they stand in the line.
    private static let askingPhrases = [
        "what if", "what about", "how about", "is it ok", "is it okay", "is that ok", "is that okay", "is it fine",
        "is it safe", "is that safe", "is that bad", "is that a problem", "would that matter", "does that matter",
        "does it matter", "does that count", "does it count", "do they count", "does this count", "do you mean",
        "what do you mean", "what does", "what counts", "what is a", "what's a", "whats a", "i have a question",
        "i want to know", "i'd like to know", "id like to know", "i wonder", "wondering if", "wondering whether",
        "can you tell me", "could you tell me", "can you explain", "could you explain", "tell me about",
        "tell me more about", "explain what", "what exactly", "how do i know", "how would i know",
        "can i still", "am i allowed", "is there a", "are there any",
    ]
}
