/// Something to show the patient, with what it is so the driver can style it.
public struct Message: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// Dialog text (`say`, the closing text of `end`).
        case say
        /// The title of a topic section.
        case topicTitle
        /// The body of a topic section.
        case topicText
        /// Why an answer could not be read, and what is accepted.
        case hint
        /// The answer to the patient's own question.
        case faqAnswer
        /// "I can't answer that here; staff will."
        case unanswered
        /// Why a question is asked.
        case why
        /// The list of in-session commands.
        case help
        /// A short note from the program (going back, restarting…).
        case notice
        /// The patient-facing words of a fired screening rule.
        case outcome
    }

    public var kind: Kind
    public var text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}

/// What the patient is asked now.
public struct Prompt: Sendable, Hashable {
    public enum Style: String, Sendable, Hashable {
        /// A question of the dialog.
        case question
        /// "Next: Costs. Press Enter to read it, or type skip."
        case topicOffer
        /// "Type more for details, or press Enter to go on."
        case topicMore
        /// "Leave the consultation?" and similar yes/no confirmations.
        case confirmation
    }

    public var style: Style
    /// The node's id (the answer id for questions) and its dialog, for staff views.
    public var nodeID: String
    public var dialogID: String
    /// The question or offer, in the session's language.
    public var text: String
    /// Numbered options shown under the question, in order.
    public var options: [String]
    /// What it accepts, in a few words ("Type yes, no or not sure.").
    public var instructions: String
    /// The answer kind the interpreter uses.
    public var kind: AnswerKind
    public var isOptional: Bool
    public var hasWhy: Bool
    /// Tab-completion candidates: answers and in-session commands.
    public var completions: [String]
}

/// What the driver must do after an event.
public enum ConsultationAction: Sendable, Hashable {
    /// Show the messages, then (when `showQuestion`) the prompt's text and options, then read a line.
    case prompt([Message], Prompt, showQuestion: Bool)
    /// Show the messages, write the summary record, and finish the session.
    case finish([Message], ConsultationRecord)
}

extension ConsultationAction {
    /// The same action with `messages` shown first.
    func prepending(_ messages: [Message]) -> ConsultationAction {
        switch self {
        case let .prompt(shown, prompt, showQuestion): .prompt(messages + shown, prompt, showQuestion: showQuestion)
        case let .finish(shown, record): .finish(messages + shown, record)
        }
    }
}
