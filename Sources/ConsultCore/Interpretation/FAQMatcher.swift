import Foundation

/// Which lines a patient types go to the FAQ at all: those that read as questions.
///
/// The ranking of entries is ``FAQRetriever``'s; this only keeps "yes", "34" or "acne scars" at a question
/// from being taken for a question of the patient's own.
public enum FAQMatcher {
    /// Whether a line reads as a question (ends with '?', starts with '¿', or starts with one of the language's
    /// question starts: what/how/does/can/is/will/when/why/...).
    public static func looksLikeQuestion(_ input: String, language: ReadingLanguage = .english) -> Bool {
        let trimmed = input.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasSuffix("?") || trimmed.hasPrefix("¿") { return true }
        guard let first = TextNormalizer.words(trimmed).first else { return false }
        return language.lexicon.questionStarts.contains(first)
    }
}
