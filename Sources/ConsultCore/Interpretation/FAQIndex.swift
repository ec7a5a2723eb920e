import Foundation

/// The FAQ prepared for ranking, built once: every entry's fields as weighted term frequencies, the terms'
/// IDFs, and which entries hold each term.
///
/// Terms are the vocabulary's words plus ordered pairs of words at most one word apart (`how long`; `how work`
/// from "how does micro-needling work"), so that words that belong together count once more together.
/// Pairs are taken within one example question, one keyword or the answer, never across two keywords.
struct FAQIndex: Sendable {
    /// One entry, its fields reduced to term id → weighted, length-normalised frequency (see ``BM25``).
    struct Entry: Sendable {
        var id: String
        /// One map per example question; an entry with keywords only has one empty map.
        var questions: [[Int: Double]]
        /// Keywords and answer together: they count with every example question.
        var shared: [Int: Double]
    }

    let ranking: FAQRanking
    let entries: [Entry]
    /// Term text (`hurt`, or `how long` for a pair) → term id.
    let termIDs: [String: Int]
    /// By term id: its IDF over the entries (any field).
    let idf: [Double]
    /// By term id: whether it is a pair of words.
    let isPair: [Bool]
    /// By term id: the entries holding it, ascending.
    let postings: [[Int]]

    /// The IDF of a term found in one entry only: the most a known term can weigh, and the unit of
    /// ``FAQRanking/unknownWordWeight`` and ``FAQRanking/minimumEvidence``.
    var uniqueIDF: Double { BM25.idf(containing: 1, of: max(entries.count, 1)) }

    init(_ sources: [FAQRetriever.Entry], vocabulary: FAQVocabulary, ranking: FAQRanking) {
        self.ranking = ranking
        let bm25 = ranking.bm25
        var termIDs: [String: Int] = [:]
        var isPair: [Bool] = []
        func id(of term: String, pair: Bool) -> Int {
            if let id = termIDs[term] { return id }
            termIDs[term] = isPair.count
            isPair.append(pair)
            return isPair.count - 1
        }
        /// A text's term ids (words, then pairs) and its length in words.
        func field(_ text: String) -> (ids: [Int], length: Int) {
            let words = vocabulary.terms(of: text)
            return (words.map { id(of: $0, pair: false) } + Self.pairs(of: words).map { id(of: $0, pair: true) }, words.count)
        }
        /// Keywords are a set: `[pain, painful, hurt, hurts]` lists inflections of two terms, not four mentions.
        func keywordField(_ keywords: [String]) -> (ids: [Int], length: Int) {
            var seen = Set<Int>()
            var length = 0
            for keyword in keywords {
                let (ids, wordCount) = field(keyword)
                length += Set(ids.prefix(wordCount)).subtracting(seen).count
                seen.formUnion(ids)
            }
            return (Array(seen), length)
        }

        let fields = sources.map { source in
            (questions: source.questions.map(field), keywords: keywordField(source.keywords),
             answer: field(Self.withoutInterpolations(source.answer)))
        }
        func average(_ lengths: [Int]) -> Double { lengths.isEmpty ? 1 : Double(lengths.reduce(0, +)) / Double(lengths.count) }
        let averageQuestion = average(fields.flatMap { $0.questions.map(\.length) })
        let averageKeywords = average(fields.map(\.keywords.length))
        let averageAnswer = average(fields.map(\.answer.length))
        func frequencies(_ field: (ids: [Int], length: Int), _ weights: BM25.Field, average: Double) -> [Int: Double] {
            var counts: [Int: Int] = [:]
            for id in field.ids { counts[id, default: 0] += 1 }
            return counts.mapValues { BM25.weightedFrequency($0, in: weights, length: field.length, averageLength: average) }
        }

        var postings = Array(repeating: [Int](), count: isPair.count)
        var entries: [Entry] = []
        for (index, (source, field)) in zip(sources, fields).enumerated() {
            var questions = field.questions.map { frequencies($0, bm25.question, average: averageQuestion) }
            if questions.isEmpty { questions = [[:]] }
            let shared = frequencies(field.keywords, bm25.keywords, average: averageKeywords)
                .merging(frequencies(field.answer, bm25.answer, average: averageAnswer), uniquingKeysWith: +)
            for term in Set(shared.keys).union(questions.flatMap(\.keys)) { postings[term].append(index) }
            entries.append(Entry(id: source.id, questions: questions, shared: shared))
        }
        self.entries = entries
        self.termIDs = termIDs
        self.isPair = isPair
        self.postings = postings
        self.idf = postings.map { BM25.idf(containing: $0.count, of: max(sources.count, 1)) }
    }

    /// Ordered pairs of terms at most one term apart, as one string each (`how long`).
    static func pairs(of terms: [String]) -> [String] {
        zip(terms, terms.dropFirst()).map { "\($0) \($1)" } + zip(terms, terms.dropFirst(2)).map { "\($0) \($1)" }
    }

    /// Answer text without `{…}` interpolations: `{price_per_session | money}` is not something patients say.
    static func withoutInterpolations(_ text: String) -> String {
        text.replacingOccurrences(of: #"\{[^{}]*\}"#, with: " ", options: .regularExpression)
    }
}
