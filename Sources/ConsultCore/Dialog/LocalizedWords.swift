/// Words or phrases a reader matches (a question's `terms`, an option's `synonyms`, an FAQ entry's example
/// `questions` and `keywords`), in English and, optionally, in other languages.
public struct LocalizedWords: Sendable, Hashable {
    /// The English list, written as a plain YAML list or under `en`.
    public var english: [String] = []
    /// Lists in other languages, by language code.
    public var translations: [String: [String]] = [:]

    public init(english: [String] = [], translations: [String: [String]] = [:]) {
        self.english = english
        self.translations = translations
    }

    /// The list written for `language`, falling back to English when none was written.
    public func own(in language: String) -> [String] {
        language == "en" ? english : translations[language] ?? english
    }

    /// The list for `language` and the English one: names of things (`warfarin`, `botox`) are often typed in
    /// English whatever the patient's language.
    public func withEnglish(in language: String) -> [String] {
        guard language != "en", let own = translations[language] else { return english }
        return own + english.filter { !own.contains($0) }
    }

    /// Whether a list was written for `language` (English always counts when it has words).
    public func isWritten(in language: String) -> Bool {
        language == "en" ? !english.isEmpty : translations[language] != nil
    }
}
