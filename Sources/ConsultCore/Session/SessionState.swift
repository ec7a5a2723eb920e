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
    public var answers: AnswerList
    public var topics: [TopicRecord]
    public var faq: [FAQRecord]
    /// The `call` nodes being run, innermost last.
    public var callStack: [NodeAddress]
    /// One checkpoint per answered prompt, for `back`.
    public var history: [Checkpoint]
    /// Words of an earlier answer that the next questions may use ("nope, just breastfeeding").
    public var carried: CarriedWords?

    /// Where the session stands.
    public enum Phase: Sendable, Hashable, Codable {
        /// Created; `start` has not been called.
        case notStarted
        /// Waiting for the patient's reply to a prompt.
        case awaiting(PromptPoint)
        /// Waiting for a yes/no to leave or restart, then back to the prompt.
        case confirming(Confirmation, PromptPoint)
        /// An answer was read with a doubt and said back: waiting for the patient to accept or correct it.
        case confirmingAnswer(PendingAnswer, PromptPoint)
        /// A patient's question fitted several FAQ entries: waiting for which one they meant.
        case choosingFAQ(FAQChoice, PromptPoint)
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
        /// What undoes the event's change of the answers (a few values, where a copy of every answer made each turn
        /// cost time growing with the answers).
        public var answers: AnswerUndo
        public var topicCount: Int
        public var carried: CarriedWords?
    }

    /// An answer said back to the patient, stored only if they agree.
    public struct PendingAnswer: Sendable, Hashable, Codable {
        /// The answer as it will be stored, with what was typed.
        public var answer: AnsweredQuestion
        public var doubt: ReadingDoubt
        /// What was said back ("I understood: no, you are not pregnant.").
        public var readBack: String
        /// Words the reading did not use, for the questions that follow.
        public var rest: String?
    }

    /// The FAQ entries a patient's question may be about, offered as a numbered list.
    public struct FAQChoice: Sendable, Hashable, Codable {
        /// What the patient asked.
        public var asked: String
        /// The entries offered, best first.
        public var entries: [String]
    }

    /// Words of an answer kept for the questions that follow.
    public struct CarriedWords: Sendable, Hashable, Codable {
        public var text: String
        /// The answer id they were typed at.
        public var from: String
        /// How many more questions may use them.
        public var questionsLeft: Int
        /// Whether the answer they came with was read (so free-text follow-ups may take them as their answer).
        public var cameWithAnswer: Bool
    }

    /// Answers by id; skipped optional questions map to `nil`.
    public var answerValues: [String: AnswerValue?] { answers.values }
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
