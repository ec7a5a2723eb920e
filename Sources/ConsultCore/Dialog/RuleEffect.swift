/// What a screening rule does when it fires.
public enum RuleEffect: String, Sendable, Hashable, Codable, CaseIterable {
    case review
    case `defer`
    case decline
    /// A note for the clinician that does not change the outcome.
    case precaution
    /// Recorded only.
    case info

    /// The outcome this effect sets, or `nil` for notes.
    public var status: OutcomeStatus? {
        switch self {
        case .review: .review
        case .defer: .defer
        case .decline: .decline
        case .precaution, .info: nil
        }
    }
}
