/// One answer on a path: the prompt and what the patient types there.
public struct PathStep: Sendable, Hashable, Codable {
    public enum Prompt: String, Sendable, Hashable, Codable {
        /// An `ask` node; `id` is the answer id.
        case question
        /// An `explain` node; `id` is the topic; the answer is always `skip` (topics do not change the path).
        case topic
    }

    public var prompt: Prompt
    public var id: String
    /// The line the patient types (`yes`, `Acne scars`, `34`, `7 months ago`, `skip`; empty for "press Enter").
    public var answer: String

    public init(prompt: Prompt, id: String, answer: String) {
        self.prompt = prompt
        self.id = id
        self.answer = answer
    }
}

/// A path a property does not allow: the answers that lead there, replayable with `consult run`.
public struct Counterexample: Sendable, Hashable {
    /// How the path ends; `nil` for a path that never ends (it loops).
    public var outcome: OutcomeStatus?
    public var steps: [PathStep]

    /// The answers one per line, as `consult run` reads them from a pipe.
    public var transcript: String {
        steps.map { $0.answer + "\n" }.joined()
    }
}

/// The verdict on one property.
public struct PropertyResult: Sendable {
    public var property: SafetyProperty
    public var holds: Bool
    /// What was found: why it holds, or what breaks it.
    public var detail: String
    /// Names (questions, nodes, rules, FAQ entries) the property expected and did not find.
    public var missing: [String]
    /// A path that breaks the property, when one path can show it.
    public var counterexample: Counterexample?
}

/// Everything `consult paths` reports about a consultation.
public struct PathExploration: Sendable {
    /// False when exploration stopped at the state limit: counts are then partial and properties unproven.
    public var complete: Bool
    /// Distinct states explored (a place in the dialog with everything that still matters for the rest of it).
    public var stateCount: Int
    /// Distinct paths from the start to a finish, answers grouped into classes; `nil` when a loop makes them unbounded.
    public var pathCount: PathCount?
    /// Paths ending in each outcome (empty when unbounded).
    public var pathCountByOutcome: [OutcomeStatus: PathCount]
    /// Outcomes some path ends in, least severe first.
    public var outcomes: [OutcomeStatus]
    /// The shortest path (fewest prompts) to each outcome.
    public var shortestPaths: [OutcomeStatus: [PathStep]]
    /// A shortest path into a loop no answer leads out of, if there is one.
    public var neverEnding: [PathStep]?
    /// The answer classes of each question.
    public var answerClasses: [String: [AnswerClass]]
    public var properties: [PropertyResult]
    /// Conditions that do arithmetic on several answers (`weight + height < 250`), as written with where they are:
    /// classes are made per answer, so for these the proof holds at each answer's representatives only.
    public var approximateConditions: [String] = []

    /// Whether every property holds (and exploration was complete).
    public var allPropertiesHold: Bool { complete && properties.allSatisfy(\.holds) }
}

/// How far exploration has got, for a progress bar.
public struct PathProgress: Sendable {
    /// States whose answers have all been tried.
    public var explored: Int
    /// States found so far; exploration ends when every one is explored.
    public var found: Int
}
