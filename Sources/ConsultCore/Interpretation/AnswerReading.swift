/// What a reader made of one line, with how sure it is: the reading a session acts on.
///
/// A reader never guesses silently. A clean answer is `understood`; an answer that probably means one thing
/// but carries a qualification, a hedge, a typo or a second fact is `confirm` (said back in plain words for the
/// patient to accept or correct); a question asked back is `notAnAnswer`; anything else is `notUnderstood`.
public struct AnswerReading: Sendable, Hashable {
    /// What to do with the line.
    public enum Verdict: Sendable, Hashable {
        /// Read with confidence: store it.
        case understood(AnswerValue)
        /// Probably this value, for the reason given: say it back and store it only when the patient agrees.
        case confirm(AnswerValue, ReadingDoubt)
        /// The line is a question asked back ("can I have it while pregnant?"): answer it, then ask again.
        case notAnAnswer
        /// Nothing usable: ask again, saying what the question accepts.
        case notUnderstood(AnswerHint)
    }

    public var verdict: Verdict
    /// Words of the line that this question did not use but a following question may
    /// ("just breastfeeding", "I stopped 2 months ago").
    public var rest: String?

    public init(_ verdict: Verdict, rest: String? = nil) {
        self.verdict = verdict
        self.rest = rest.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The value read, confirmed or not.
    public var value: AnswerValue? {
        switch verdict {
        case let .understood(value), let .confirm(value, _): value
        case .notAnAnswer, .notUnderstood: nil
        }
    }

    /// The strict view: a value only when it needs no confirmation.
    public var interpretation: AnswerInterpretation {
        switch verdict {
        case let .understood(value): .answer(value)
        case let .confirm(value, doubt): .unreadable(.needsConfirmation(value, doubt))
        case .notAnAnswer: .unreadable(.isAQuestion)
        case let .notUnderstood(hint): .unreadable(hint)
        }
    }
}

/// Why a reading must be confirmed before it is stored.
public enum ReadingDoubt: String, Sendable, Hashable, Codable, CaseIterable {
    /// A yes or no with a qualification: "no, but…", "yes but years ago", "not X but Y".
    case qualified
    /// "Sometimes", "a little", "not really": in the middle, read towards the side it leans.
    case partial
    /// "I think so", "I doubt it", "not that I know of": a guess in one direction.
    case hedged
    /// The answer names something the question did not ask about ("nope, just breastfeeding", "warfarin").
    case namesSomethingElse
    /// The answer speaks of the past ("not anymore", "I stopped 2 months ago").
    case mentionsTime
    /// A word matched only after allowing for a typing slip ("yse", "stoped").
    case typo
    /// An answer without yes or no that states the thing asked about ("I bruise easily").
    case indirect
    /// Only part of the line was understood (an option named among other words).
    case partialMatch
    /// Taken from what the patient typed at an earlier question.
    case fromEarlierAnswer
}
