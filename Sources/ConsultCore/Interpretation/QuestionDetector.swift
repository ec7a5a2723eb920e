/// Tells a question asked back ("can I have it while pregnant?", "what if I have a raised scar") from an answer.
///
/// A question is never stored as an answer, even when it contains "I have" or "I am". The rules are about form,
/// not about any dialog's words: a question mark, a question word or an auxiliary verb before its subject at the
/// start ("is it…", "can I…", "does that…"), or a phrase that asks ("what if", "is it ok if", "does … count").
public enum QuestionDetector {
    /// Whether the line is a question rather than an answer, in `language` (a line starting with `¿` is one in any).
    public static func isQuestion(_ line: String, language: ReadingLanguage = .english) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        let words = TextNormalizer.words(trimmed)
        guard !words.isEmpty else { return false }
        if trimmed.hasPrefix("¿") { return true }
        if trimmed.contains(where: { $0 == "?" }) {
            // "yes?", "i think so?": an unsure answer, not a question to the clinic.
            return !isBareAnswer(words, language: language)
        }
        // "qué va" (no way), "como no" (of course): a line made only of answer words is an answer, even when it
        // starts with a question word.
        if isBareAnswer(words, language: language) { return false }
        let lexicon = language.lexicon
        for index in words.indices {
            for phrase in lexicon.askingPhrasesByFirstWord[words[index]] ?? [] where words[index...].starts(with: phrase) { return true }
        }
        return startsLikeAQuestion(words, lexicon: lexicon)
    }

    /// "what…", "how…", "can I…", "is it…", "does that…" at the start of the line.
    static func startsLikeAQuestion(_ words: [String], lexicon: ReadingLexicon) -> Bool {
        guard let first = words.first else { return false }
        let second = words.count > 1 ? words[1] : nil
        let optionalSubject = lexicon.subjectOptional
        if lexicon.questionWords.contains(first) {
            // "when i was 16", "how i got it": a statement that starts with a question word.
            if let second, lexicon.statementSubjects.contains(second), words.count > 2,
               lexicon.statementVerbs.contains(words[2]) {
                return false
            }
            // "cuando era joven": the same without the subject, where the language drops it.
            if optionalSubject, let second, lexicon.statementVerbs.contains(second) { return false }
            // "how about", "what about", "why", "how come": still questions.
            return true
        }
        if lexicon.auxiliaries.contains(first), let second, lexicon.subjects.contains(second) || optionalSubject {
            // "had my baby", "was a teen", "did the course": a statement without its "I".
            if lexicon.statementAuxiliaries.contains(first), lexicon.determiners.contains(second) { return false }
            return true
        }
        return false
    }

    /// A line made only of yes/no/hedge words ("yes", "no", "not sure", "i think so").
    private static func isBareAnswer(_ words: [String], language: ReadingLanguage) -> Bool {
        let clauses = AnswerClauses(words: words, language: language)
        return clauses.clauses.allSatisfy { $0.content.isEmpty && !$0.marks.contains(.contrast) }
            && clauses.clauses.contains { !$0.marks.isEmpty }
    }
}
