/// What to do with a patient's own question, decided from the ranking of the FAQ entries.
public enum FAQDecision: Sendable, Hashable {
    /// One entry scores at least the answer threshold, clearly above the next: answer with it.
    case answer(FAQCandidate)
    /// One to three entries are plausible but none is sure and clear of the others: ask which was meant
    /// ("Did you mean: 1) … 2) …"), best first.
    case offer([FAQCandidate])
    /// Nothing scores the offer threshold, or too many entries are equally plausible: staff will answer.
    /// The best entries are kept for staff views (up to three; empty when no entry shares a word with the question).
    case none(best: [FAQCandidate])
}

/// An FAQ entry and how well it fits a question.
public struct FAQCandidate: Sendable, Hashable {
    public var entryID: String
    /// From 0 (no word in common) to 1 (as good as an entry written for exactly this question); see ``FAQRetriever``.
    public var score: Double

    public init(entryID: String, score: Double) {
        self.entryID = entryID
        self.score = score
    }
}
