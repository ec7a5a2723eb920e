/// The thresholds that turn a ranking into an ``FAQDecision``; a dialog may set them with `faq_retrieval:`.
///
/// Scores are normalised (see ``FAQRetriever``), so the same thresholds suit an FAQ of 5 entries or of 500.
public struct FAQRetrievalSettings: Sendable, Hashable {
    /// The least score that is answered without asking.
    public var answerAt: Double
    /// How far the best entry must be above the next to be answered (and within how much of the best an entry
    /// is offered beside it).
    public var margin: Double
    /// The least score worth offering; below it staff answer.
    public var offerAt: Double

    /// The most entries an offer lists; with more equally plausible entries the question is too vague to guess.
    public static let mostOffered = 3

    public init(answerAt: Double = 0.35, margin: Double = 0.1, offerAt: Double = 0.25) {
        self.answerAt = answerAt
        self.margin = margin
        self.offerAt = offerAt
    }

    /// The defaults: answer at 0.35 with a 0.1 lead, offer from 0.25.
    ///
    /// Chosen, with the ranking's weights (``FAQRanking``), from a grid on the development half of the labelled
    /// corpus (tests/corpus/faq.txt) as the most questions answered right with at most 3% answered wrongly and
    /// every phrasing of Tests/ConsultCoreTests/Fixtures/faq-phrasings.txt answered or offered first; the larger
    /// lead of the tied best. Measured once on the held-out half (docs/understanding.md).
    public static let standard = FAQRetrievalSettings()
}
