/// The parameters of the FAQ ranking: BM25F's, and how scores are normalised (see ``FAQRetriever``).
///
/// The defaults were chosen with the retrieval thresholds (``FAQRetrievalSettings/standard``) from a grid on the
/// development half of the labelled corpus (tests/corpus/faq.txt; docs/understanding.md), and checked once on the
/// held-out file.
struct FAQRanking: Sendable, Hashable {
    var bm25 = BM25()
    /// How much a pair of nearby terms (`how long`, `how … work`) counts beside a single term with the same IDF:
    /// half, because its words already count alone.
    var pairWeight = 0.5
    /// How much a word no entry uses counts in the ideal, in words unique to one entry. Such a word may be filler
    /// or a subject the FAQ does not cover; counting it like the rarest known word keeps "can I bring my dog?"
    /// from looking like a sure match for "What should I bring?".
    var unknownWordWeight = 2.0
    /// The least ideal a question is measured against, in words unique to one entry: a question made only of
    /// words most entries share ("what?", "how?") never looks certain.
    var minimumEvidence = 1.5
}
