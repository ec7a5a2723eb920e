import Foundation

/// Which lines a patient types go to the FAQ at all: those that read as questions.
///
/// The ranking of entries is ``FAQRetriever``'s; this only keeps "yes", "34" or "acne scars" at a question
/// from being taken for a question of the patient's own.
public enum FAQMatcher {
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
