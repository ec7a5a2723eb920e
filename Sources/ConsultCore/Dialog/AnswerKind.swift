/// What a question accepts, with everything needed to read a patient's reply.
///
/// Labels here are already in the session's language: the interpreter never
/// looks at translations, only at the words the patient was shown.
public enum AnswerKind: Sendable, Hashable, Codable {
    /// `yes` or `no`.
    case yesNo
    /// `yes`, `no` or `not sure`.
    case yesNoUnsure
    /// Exactly one of the options.
    case singleChoice([ChoiceOption])
    /// Any number of the options, or `none` when the question offers a "none of these" option.
    case multipleChoice([ChoiceOption], none: ChoiceOption?)
    /// A number within a range, in a unit (`years`, `weeks`…).
    case number(NumberRange)
    /// A calendar date, written as a date or as how long ago ("3 months ago").
    case date
    /// Free text, optionally matching a regular expression.
    case text(pattern: String?)
    /// "Press Enter to continue": any line (usually empty) acknowledges.
    case acknowledgement
}

/// One option of a choice question.
public struct ChoiceOption: Sendable, Hashable, Codable {
    /// Stable identifier used in conditions and summaries (`acne_scars`).
    public var id: String
    /// The label shown to the patient, in the session's language (`Acne scars`).
    public var label: String
    /// Other words that select this option (`acne`, `pimple scars`).
    public var synonyms: [String]

    public init(id: String, label: String, synonyms: [String] = []) {
        self.id = id
        self.label = label
        self.synonyms = synonyms
    }
}

/// The accepted range and unit of a number question.
public struct NumberRange: Sendable, Hashable, Codable {
    public var minimum: Double?
    public var maximum: Double?
    /// The unit words shown and accepted after the number (`years`), if any.
    public var unit: String?
    /// Whether only whole numbers are accepted.
    public var integer: Bool

    public init(minimum: Double? = nil, maximum: Double? = nil, unit: String? = nil, integer: Bool = true) {
        self.minimum = minimum
        self.maximum = maximum
        self.unit = unit
        self.integer = integer
    }

    /// Whether `value` lies within the range.
    public func contains(_ value: Double) -> Bool {
        if let minimum, value < minimum { return false }
        if let maximum, value > maximum { return false }
        return true
    }
}
