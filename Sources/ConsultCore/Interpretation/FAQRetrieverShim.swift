// TEMPORARY: stands in for the ranked FAQ retrieval being written on branch `faq`; removed at the merge.

public struct FAQCandidate: Sendable, Hashable {
    public var entryID: String
    public var score: Double
}

public enum FAQDecision: Sendable, Hashable {
    case answer(FAQCandidate)
    case offer([FAQCandidate])
    case none(best: [FAQCandidate])
}

public struct FAQRetriever: Sendable {
    let matcher: FAQMatcher
    public func decide(_ question: String) -> FAQDecision {
        if let match = matcher.bestMatch(for: question) { return .answer(FAQCandidate(entryID: match.entryID, score: match.score)) }
        return .none(best: [])
    }
}

extension Consultation {
    public var faqRetriever: FAQRetriever {
        FAQRetriever(matcher: FAQMatcher(entries: faq.map { FAQMatcher.Entry(id: $0.id, questions: $0.questions, keywords: $0.keywords) }, synonyms: synonyms))
    }
}
