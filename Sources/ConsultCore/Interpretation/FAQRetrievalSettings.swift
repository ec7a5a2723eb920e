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

    public init(answerAt: Double = 0.5, margin: Double = 0.2, offerAt: Double = 0.3) {
        self.answerAt = answerAt
        self.margin = margin
        self.offerAt = offerAt
    }

    /// The defaults: answer at 0.5 with a 0.2 lead, offer from 0.3.
    ///
    /// Chosen on the bundled consultation: every phrasing in `faq-phrasings.txt` is then answered or offered first
    /// with its own entry, none with another, and most off-topic questions (parking, the weather, opening days) fall
    /// below 0.3; those sharing a telling word with an entry ("can I bring my dog?") are offered it, not answered.
    /// A question matching half of an entry written for it is answered when nothing else comes close.
    public static let standard = FAQRetrievalSettings()
}
