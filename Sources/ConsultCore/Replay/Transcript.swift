/// A scripted consultation: the answers a patient types, one a line, with checks between them.
///
/// The format is described in `docs/transcripts.md`. Every line that does not start with `#`
/// is an answer, exactly as `consult run` would read it from a pipe (an empty line is Enter).
/// `# …` is a comment; `#> …` is a check or the end of input.
public struct Transcript: Sendable, Hashable {
    /// The file it was read from, as given (used in reports).
    public var path: String
    public var steps: [Step]
    /// The patient's language, from `#> language: es` before the first answer; `nil` for the replayer's own.
    public var language: String?

    public init(path: String, steps: [Step], language: String? = nil) {
        self.path = path
        self.steps = steps
        self.language = language
    }

    /// One meaningful line of the transcript.
    public struct Step: Sendable, Hashable {
        /// The 1-based line number in the file.
        public var line: Int
        public var kind: Kind

        public init(line: Int, kind: Kind) {
            self.line = line
            self.kind = kind
        }

        public enum Kind: Sendable, Hashable {
            /// A line typed at the current prompt.
            case answer(String)
            /// `#> expect …`: compared with the session when the replay reaches it.
            case check(TranscriptCheck)
            /// `#> end of input`: the pipe ends here (Ctrl-D); only checks may follow.
            case endOfInput
        }
    }

    /// The answers alone, in order: what to pipe into `consult run`.
    public var answers: [String] {
        steps.compactMap { step in
            if case let .answer(text) = step.kind { return text }
            return nil
        }
    }

    /// The checks, each with its line.
    public var checks: [(line: Int, check: TranscriptCheck)] {
        steps.compactMap { step in
            if case let .check(check) = step.kind { return (step.line, check) }
            return nil
        }
    }
}

/// One `#> expect …` line.
public enum TranscriptCheck: Sendable, Hashable {
    /// `expect line: TEXT`: the screen shows TEXT after the previous matched line (whitespace
    /// runs count as one space, so wrapping does not matter).
    case line(String)
    /// `expect prompt: NODE`: the prompt waiting for the next answer belongs to this node.
    case prompt(String)
    /// `expect answer: ID = VALUE`: the stored answer.
    case answer(id: String, ExpectedAnswer)
    /// `expect not asked: ID, ID`: these questions have no stored answer.
    case notAsked([String])
    /// `expect outcome: STATUS`.
    case outcome(OutcomeStatus)
    /// `expect reasons|precautions|notes: RULE, RULE` (or `none`), compared as a set.
    case rules(RuleGroup, Set<String>)
    /// `expect faq: ENTRY, unanswered, …` (or `none`): the patient's own questions in order.
    case faq([String])

    /// Which list of fired rules a check reads.
    public enum RuleGroup: String, Sendable, Hashable, CaseIterable {
        case reasons
        case precautions
        case notes
    }
}

/// The value an `expect answer` check wants, as written and as understood.
public struct ExpectedAnswer: Sendable, Hashable {
    /// The text after `=`, trimmed.
    public var written: String
    public var value: Value

    public init(written: String, value: Value) {
        self.written = written
        self.value = value
    }

    public enum Value: Sendable, Hashable {
        /// JSON `null`: an optional question the patient skipped.
        case skipped
        /// A JSON string: `"yes"`, an option id, a `YYYY-MM-DD` day or free text.
        case text(String)
        case number(Double)
        /// A JSON array of option ids (order does not matter); `[]` is "none of these".
        case list([String])
        /// JSON `true`: a "press Enter to continue" step.
        case continued
        /// Plain words: matched against the stored value (ids, comma-separated for several) or
        /// the answer as shown to staff ("34 years", "Face, Neck"), ignoring case.
        case words(String)
    }
}
