/// "Are you still there?": the countdown a kiosk shows after the idle time, as a pure state machine.
///
/// The driver shows ``seconds`` and reads a line with a one-second timeout, reporting what happened; the warning
/// says whether to tick on, take the patient back to the question, or end the session as walked away. Nothing a
/// patient types during the countdown is taken as an answer. Ctrl-D, Ctrl-C and stop signals are not the
/// warning's business: the driver handles them as at any prompt.
public struct IdleWarning: Sendable, Hashable {
    /// Seconds left before the session is ended as walked away.
    public private(set) var seconds: Int

    /// What the driver reports after each second (or sooner).
    public enum Event: Sendable, Hashable {
        /// The second passed with no key.
        case secondPassed
        /// A line was typed: someone is there.
        case line
    }

    /// What the driver does next.
    public enum Step: Sendable, Hashable {
        /// Show the countdown at this many seconds and read again.
        case count(Int)
        /// Someone is there: show the question again (what they typed is not an answer).
        case stillThere
        /// Nobody answered: end the session as walked away.
        case walkedAway
    }

    public init(seconds: Int) {
        self.seconds = max(0, seconds)
    }

    /// The first step: the countdown at its start, or at once walked away for a warning of no seconds.
    public var first: Step { seconds > 0 ? .count(seconds) : .walkedAway }

    public mutating func handle(_ event: Event) -> Step {
        switch event {
        case .secondPassed:
            seconds -= 1
            return seconds > 0 ? .count(seconds) : .walkedAway
        case .line:
            return .stillThere
        }
    }
}
