/// The screening outcome of a consultation, ordered from least to most severe.
///
/// The consultation's outcome is the most severe outcome of any fired rule;
/// `incomplete` is not a rule outcome but the status of a session that did not finish.
public enum OutcomeStatus: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Nothing stands in the way: the patient can book.
    case proceed
    /// A clinician must look at the answers before booking.
    case review
    /// Not now: the patient can come back when the condition has passed.
    case `defer`
    /// Not a candidate.
    case decline
    /// The session ended before the screening was finished.
    case incomplete

    /// Severity rank; `incomplete` ranks above `decline` because nothing can be concluded.
    public var severity: Int {
        switch self {
        case .proceed: 0
        case .review: 1
        case .defer: 2
        case .decline: 3
        case .incomplete: 4
        }
    }

    public static func < (lhs: OutcomeStatus, rhs: OutcomeStatus) -> Bool { lhs.severity < rhs.severity }
}
