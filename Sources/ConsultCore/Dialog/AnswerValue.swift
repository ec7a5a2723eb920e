/// A patient's answer to one question, as understood by the interpreter.
public enum AnswerValue: Sendable, Hashable, Codable {
    case yesNo(YesNoUnsure)
    /// The id of the chosen option.
    case choice(String)
    /// The ids of the chosen options; empty means "none of these".
    case choices([String])
    case number(Double)
    case date(CalendarDay)
    /// A vague date: a range of days ("last year"), or an unknown one ("can't remember").
    case dateRange(DateRange)
    case text(String)
    /// The patient pressed Enter at a "press Enter to continue" prompt.
    case acknowledged
}

/// The three answers of a yes/no(/not sure) question.
public enum YesNoUnsure: String, Sendable, Hashable, Codable, CaseIterable {
    case yes
    case no
    case unsure
}
