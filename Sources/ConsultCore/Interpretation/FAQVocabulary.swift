import Foundation

/// Turns text into the terms FAQ matching compares: normalized, stemmed words without stop words,
/// each synonym replaced by one representative of its group.
struct FAQVocabulary: Sendable {
    /// Stemmed word → the representative of its synonym group.
    private let representatives: [String: String]
    /// Multi-word synonyms (`how much`) as stemmed words, longest first, with their representative.
    private let phrases: [(words: [String], representative: String)]

    /// Builds the vocabulary from `key: [words]` groups; groups sharing a word merge.
    init(synonyms: [String: [String]]) {
        var groups = GroupUnion()
        // Sorted, so the representative of a group does not depend on dictionary order.
        for key in synonyms.keys.sorted() {
            let members = ([key] + (synonyms[key] ?? [])).map(Self.stems).filter { !$0.isEmpty }
            guard let first = members.first else { continue }
            for member in members.dropFirst() { groups.join(first.joined(separator: " "), member.joined(separator: " ")) }
            groups.join(first.joined(separator: " "), first.joined(separator: " "))
        }
        var representatives: [String: String] = [:]
        var phrases: [(words: [String], representative: String)] = []
        for member in groups.members.sorted() {
            let representative = groups.representative(of: member).replacingOccurrences(of: " ", with: "_")
            let words = member.split(separator: " ").map(String.init)
            if words.count == 1 {
                representatives[member] = representative
            } else {
                phrases.append((words, representative))
            }
        }
        self.representatives = representatives
        self.phrases = phrases.sorted { $0.words.count > $1.words.count }
    }

    /// The distinct terms of `text`.
    func terms(of text: String) -> Set<String> {
        let stems = Self.stems(text)
        var terms: Set<String> = []
        var index = 0
        while index < stems.count {
            if let phrase = phrases.first(where: { stems[index...].starts(with: $0.words) }) {
                terms.insert(phrase.representative)
                index += phrase.words.count
                continue
            }
            let stem = stems[index]
            if !Self.stopWords.contains(stem) { terms.insert(representatives[stem] ?? stem) }
            index += 1
        }
        return terms
    }

    /// Stemmed words, stop words still in place so multi-word synonyms ("how much") can be found.
    private static func stems(_ text: String) -> [String] {
        TextNormalizer.words(text).map(WordStemmer.stem)
    }

    /// Words that say nothing about what a question is about, as stems.
    private static let stopWords: Set<String> = Set([
        "a", "an", "the", "i", "i'm", "im", "i'll", "i've", "i'd", "me", "my", "mine", "we", "us", "our", "you",
        "your", "it", "its", "it's", "this", "that", "these", "those", "there", "here", "is", "are", "am", "was",
        "were", "be", "been", "being", "do", "does", "did", "done", "doing", "don't", "have", "has", "had",
        "will", "would", "shall", "should", "can", "could", "may", "might", "must", "what", "whats", "what's",
        "how", "how's", "when", "why", "where", "who", "whom", "which", "whether", "if", "then", "than", "so",
        "to", "of", "in", "on", "at", "by", "for", "from", "with", "about", "into", "as", "and", "or", "but",
        "not", "any", "some", "get", "got", "go", "going", "too", "very", "really", "just", "also", "please",
        "tell", "know", "want", "need", "much", "many", "yes", "no", "ok", "okay", "thanks", "thank", "hi",
        "hello", "there", "after", "before", "again", "still", "able", "make", "one", "all",
    ].map(WordStemmer.stem))
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
