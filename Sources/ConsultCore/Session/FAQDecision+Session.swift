extension FAQDecision {
    /// The entry a patient's question leads to in a session: the one answered, or the first one offered in
    /// "Did you mean…?", which the patient reaches by typing its number. `faq_reachable` uses this.
    var answeredBySession: FAQCandidate? {
        switch self {
        case let .answer(candidate): candidate
        case let .offer(candidates): candidates.first
        case .none: nil
        }
    }
}
