import Foundation

/// Turns text into the terms FAQ retrieval compares: normalized, stemmed words in order, each synonym
/// replaced by one representative of its group, pure function words left out.
///
/// Only words that name no subject are dropped: articles, pronouns, auxiliary verbs, a few prepositions and
/// conjunctions, degree adverbs ("too", "really") and numbers. Content words stay, however common: "much" in
/// "how much", "long" in "how long", "after" in "can I go out in the sun after". How much a common word counts
/// is the ranking's business (its IDF). Stems, stop words and general synonyms are the language's (``ReadingLanguage``).
struct FAQVocabulary: Sendable {
    /// Stemmed word → the representative of its synonym group.
    private let representatives: [String: String]
    /// Multi-word synonyms (`work out`) by their first stemmed word: the words, longest first, and their representative.
    private let phrases: [String: [(words: [String], representative: String)]]
    private let language: ReadingLanguage

    /// Builds the vocabulary from `key: [words]` groups (the language's general synonyms and the dialog's); groups
    /// sharing a word merge.
    init(synonyms dialogSynonyms: [String: [String]], language: ReadingLanguage = .english) {
        self.language = language
        let synonyms = dialogSynonyms.merging(language.vocabulary.synonyms) { $0 + $1 }
        var groups = GroupUnion()
        // Sorted, so the representative of a group does not depend on dictionary order.
        for key in synonyms.keys.sorted() {
            let members = ([key] + (synonyms[key] ?? [])).map { Self.stems($0, language: language) }.filter { !$0.isEmpty }
            guard let first = members.first else { continue }
            for member in members.dropFirst() { groups.join(first.joined(separator: " "), member.joined(separator: " ")) }
            groups.join(first.joined(separator: " "), first.joined(separator: " "))
        }
        var representatives: [String: String] = [:]
        var phrases: [(words: [String], representative: String)] = []
        for member in groups.members.sorted() {
            // A phrase's representative is one term: `how much` becomes `how_much`, never two words.
            let representative = groups.representative(of: member).replacingOccurrences(of: " ", with: "_")
            let words = member.split(separator: " ").map(String.init)
            if words.count == 1 {
                representatives[member] = representative
            } else {
                phrases.append((words, representative))
            }
        }
        self.representatives = representatives
        self.phrases = Dictionary(grouping: phrases.sorted { $0.words.count > $1.words.count }) { $0.words[0] }
    }

    /// The terms of `text`, in order, repeats kept (`"does it hurt? it hurts"` → `hurt hurt`).
    func terms(of text: String) -> [String] {
        let stems = Self.stems(text, language: language)
        let stopWords = language.lexicon.stopWords
        var terms: [String] = []
        var index = 0
        while index < stems.count {
            // Phrases first, function words still in place: `work out` is a synonym of `exercise`.
            if let phrase = phrases[stems[index]]?.first(where: { stems[index...].starts(with: $0.words) }) {
                terms.append(phrase.representative)
                index += phrase.words.count
                continue
            }
            let stem = stems[index]
            if let representative = representatives[stem] {
                terms.append(representative)
            } else if !stopWords.contains(stem), !Self.isNumber(stem) {
                terms.append(stem)
            }
            index += 1
        }
        return terms
    }

    /// A number names no subject: "I'm 17" asks about age through "young", not through "17".
    private static func isNumber(_ word: String) -> Bool {
        word.allSatisfy { $0.isNumber || $0 == "." || $0 == "-" }
    }

    /// Stemmed words, function words still in place so multi-word synonyms can be found.
    private static func stems(_ text: String, language: ReadingLanguage) -> [String] {
        TextNormalizer.words(text).map(language.stem)
    }
}

/// Union–find over synonym strings, so groups that share a word become one group.
private struct GroupUnion {
    private var parent: [String: String] = [:]

    var members: [String] { Array(parent.keys) }

    mutating func join(_ first: String, _ second: String) {
        let a = representative(of: first)
        let b = representative(of: second)
        // The smaller string represents the group: deterministic whatever the joining order.
        if a < b { parent[b] = a } else { parent[a] = b }
    }

    func representative(of member: String) -> String {
        var current = member
        while let next = parent[current], next != current { current = next }
        return current
    }
}
