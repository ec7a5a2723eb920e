import Foundation

/// Ranks the FAQ entries for a patient's own question, with a score a session can act on.
///
/// **Ranking.** BM25F (see ``BM25``) over each entry's fields: an example question, the keywords (weighted
/// double: they alone point at the entry) and the answer text (weighted a quarter). Text becomes terms through
/// ``FAQVocabulary``: normalised, stemmed, the dialog's synonyms unified, pure function words left out; pairs of
/// nearby terms count too, at half weight (``FAQIndex``). An entry is scored once per example question (with its
/// keywords and answer) and keeps its best: example questions are alternative wordings, so a word in all three is
/// no more telling than a word in one.
///
/// **Normalisation.** A raw BM25 score grows with the length of the question and with the IDFs of the FAQ's
/// size, so it is divided by what the question could score at best:
///
///     score = min(1, bm25(question, entry) / (max(ideal(question), minimum evidence) · ideal term))
///
/// - `ideal(question)` is the sum of the question's term weights: terms the FAQ knows with their IDF, pairs
///   only when some entry holds them (at half weight), and a word no entry uses anywhere as a word unique to
///   one entry (``FAQRanking/unknownWordWeight``). The ideal term (``BM25/ideal``) is what a term earns once in
///   an example question and once as a keyword. So 1 means "as good as an entry written for this question", and
///   words the FAQ cannot explain ("parking") pull the score down.
/// - The minimum evidence is one word unique to one entry (``FAQRanking/minimumEvidence``): a question made of
///   words that half the FAQ uses ("how", "what") can never look certain, however well it is covered.
///
/// Both are ratios of IDFs measured in the same unit (the IDF of a word unique to one entry), so a threshold
/// means about the same for 5 entries or 500.
public struct FAQRetriever: Sendable {
    /// One FAQ entry, as far as retrieval is concerned.
    public struct Entry: Sendable, Hashable {
        public var id: String
        /// Example phrasings of the question (`Does it hurt?`).
        public var questions: [String]
        /// Words that alone point at this entry (`pain`, `hurt`).
        public var keywords: [String]
        /// The answer text, interpolations and all; a weak signal.
        public var answer: String

        public init(id: String, questions: [String], keywords: [String], answer: String = "") {
            self.id = id
            self.questions = questions
            self.keywords = keywords
            self.answer = answer
        }
    }

    public let settings: FAQRetrievalSettings
    private let vocabulary: FAQVocabulary
    let index: FAQIndex

    /// Builds the index once; questions are then ranked without touching the entries' text again.
    ///
    /// - Parameters:
    ///   - entries: The FAQ entries, in the dialog's order (earlier entries win ties).
    ///   - synonyms: Word → words meaning the same; a key and its words are all equivalent. Phrases allowed.
    ///   - settings: The thresholds for ``decide(_:)``.
    ///   - language: The language of the entries' texts and of patients' questions: its stemming, stop words and
    ///     general synonyms.
    public init(entries: [Entry], synonyms: [String: [String]], settings: FAQRetrievalSettings = .standard,
                language: ReadingLanguage = .english) {
        self.init(entries: entries, synonyms: synonyms, settings: settings, ranking: FAQRanking(), language: language)
    }

    init(entries: [Entry], synonyms: [String: [String]], settings: FAQRetrievalSettings, ranking: FAQRanking,
         language: ReadingLanguage = .english) {
        self.settings = settings
        vocabulary = FAQVocabulary(synonyms: synonyms, language: language)
        index = FAQIndex(entries, vocabulary: vocabulary, ranking: ranking)
    }

    /// The retriever an English session of `consultation` uses.
    public init(consultation: Consultation) {
        self.init(consultation: consultation, language: "en")
    }

    /// The retriever a session of `consultation` in `language` uses: its FAQ entries' examples, keywords and
    /// answers in that language, its synonyms and `faq_retrieval`, read with `reading`'s stemming, stop words and
    /// general synonyms (pass the session's ``ReadingLanguage``; English reads only English well).
    public init(consultation: Consultation, language: String, reading: ReadingLanguage = .english) {
        self.init(
            entries: consultation.faq.map {
                Entry(id: $0.id, questions: $0.questions.own(in: language), keywords: $0.keywords.own(in: language),
                      answer: $0.answer.template(in: language))
            },
            synonyms: consultation.synonyms(in: language), settings: consultation.faqRetrieval, language: reading
        )
    }

    // MARK: - Deciding

    /// What to do with `question`: answer, offer a few entries, or leave it to staff.
    public func decide(_ question: String) -> FAQDecision {
        decide(ranking: ranking(question))
    }

    /// The decision for a ranking, best first.
    func decide(ranking: [FAQCandidate]) -> FAQDecision {
        let best = Array(ranking.prefix(FAQRetrievalSettings.mostOffered))
        guard let top = ranking.first, top.score >= settings.offerAt else { return .none(best: best) }
        let runnerUp = ranking.dropFirst().first?.score ?? 0
        if top.score >= settings.answerAt, top.score - runnerUp >= settings.margin { return .answer(top) }
        let close = [top] + ranking.dropFirst().prefix { $0.score >= settings.offerAt && top.score - $0.score < settings.margin }
        // More plausible entries than an offer can list: the question is too vague to guess at.
        guard close.count <= FAQRetrievalSettings.mostOffered else { return .none(best: best) }
        return .offer(close)
    }

    // MARK: - Ranking

    /// The best `limit` entries for `question`, best first; entries sharing no term with it are left out.
    public func ranked(_ question: String, limit: Int) -> [FAQCandidate] {
        Array(ranking(question).prefix(max(limit, 0)))
    }

    /// Every entry sharing a term with `question`, best first, ties in the dialog's order.
    func ranking(_ question: String) -> [FAQCandidate] {
        let query = prepare(question)
        guard !query.terms.isEmpty else { return [] }
        let bm25 = index.ranking.bm25
        var candidates = Set<Int>()
        for term in query.terms { candidates.formUnion(index.postings[term.id]) }
        var scored: [(entry: Int, score: Double)] = []
        scored.reserveCapacity(candidates.count)
        for entryIndex in candidates {
            let entry = index.entries[entryIndex]
            var best = 0.0
            for question in entry.questions {
                var score = 0.0
                for term in query.terms {
                    score += term.weight * bm25.saturated((question[term.id] ?? 0) + (entry.shared[term.id] ?? 0))
                }
                best = max(best, score)
            }
            if best > 0 { scored.append((entryIndex, min(1, best / query.scale))) }
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.entry < $1.entry }
        return scored.map { FAQCandidate(entryID: index.entries[$0.entry].id, score: $0.score) }
    }

    /// A question's known terms with their weights, and the raw score it is measured against.
    struct Query {
        var terms: [(id: Int, weight: Double)]
        /// `max(ideal, minimum evidence) · ideal term`: a raw score divided by it is the normalised score.
        var scale: Double
    }

    func prepare(_ question: String) -> Query {
        let words = vocabulary.terms(of: question)
        let ranking = index.ranking
        var terms: [(id: Int, weight: Double)] = []
        var seen = Set<String>()
        var ideal = 0.0
        for word in words where seen.insert(word).inserted {
            if let id = index.termIDs[word] {
                terms.append((id, index.idf[id]))
                ideal += index.idf[id]
            } else {
                ideal += ranking.unknownWordWeight * index.uniqueIDF
            }
        }
        // A pair no entry holds says nothing either way: it is neither evidence nor missing evidence.
        for pair in FAQIndex.pairs(of: words) where seen.insert(pair).inserted {
            guard let id = index.termIDs[pair] else { continue }
            let weight = ranking.pairWeight * index.idf[id]
            terms.append((id, weight))
            ideal += weight
        }
        let scale = max(ideal, ranking.minimumEvidence * index.uniqueIDF) * ranking.bm25.ideal
        return Query(terms: terms, scale: scale)
    }
}
