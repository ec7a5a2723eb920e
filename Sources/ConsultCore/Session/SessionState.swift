import Foundation

/// Everything a consultation session remembers: can be encoded for crash recovery and
/// resumed later against the same dialog version.
public struct SessionState: Sendable, Hashable, Codable {
    public var id: String
    public var dialogID: String
    public var dialogVersion: String
    public var language: String
    public var mode: SessionMode
    public var started: Date
    /// The reference day for relative dates ("3 months ago"), fixed when the session starts.
    public var today: CalendarDay
    public var phase: Phase
    /// Answers on the path taken, in the order asked.
    public var answers: [StoredAnswer]
    public var topics: [TopicRecord]
    public var faq: [FAQRecord]
    /// The `call` nodes being run, innermost last.
    public var callStack: [NodeAddress]
    /// One checkpoint per answered prompt, for `back`.
    public var history: [Checkpoint]

    /// Where the session stands.
    public enum Phase: Sendable, Hashable, Codable {
        /// Created; `start` has not been called.
        case notStarted
        /// Waiting for the patient's reply to a prompt.
        case awaiting(PromptPoint)
        /// Waiting for a yes/no to leave or restart, then back to the prompt.
        case confirming(Confirmation, PromptPoint)
        /// Over, with its outcome.
        case finished(OutcomeStatus)
    }

    /// What a confirmation is about.
    public enum Confirmation: String, Sendable, Hashable, Codable {
        case quit
        case restart
    }

    /// The answer to a question, where it was asked.
    public struct StoredAnswer: Sendable, Hashable, Codable {
        public var answer: AnsweredQuestion
        public var address: NodeAddress
    }

    /// What `back` restores.
    public struct Checkpoint: Sendable, Hashable, Codable {
        public var point: PromptPoint
        public var callStack: [NodeAddress]
        public var answers: [StoredAnswer]
        public var topicCount: Int
    }

    /// Answers by id; skipped optional questions map to `nil`.
    public var answerValues: [String: AnswerValue?] {
        var values: [String: AnswerValue?] = [:]
        for stored in answers { values[stored.answer.id] = .some(stored.answer.value) }
        return values
    }
}

/// A prompt's place: the node and, for topics, which of its two prompts.
public struct PromptPoint: Sendable, Hashable, Codable {
    public enum Stage: String, Sendable, Hashable, Codable {
        case question
        case topicOffer
        case topicMore
    }

    public var address: NodeAddress
    public var stage: Stage
}
