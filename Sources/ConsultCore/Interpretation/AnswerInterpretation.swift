/// What the interpreter made of one line typed by a patient.
public enum AnswerInterpretation: Sendable, Hashable {
    /// The line was read as this answer.
    case answer(AnswerValue)
    /// The line could not be read with confidence; the question should be asked again with the hint.
    case unreadable(AnswerHint)
}

/// Why a line could not be read, carrying what the hint shown to the patient needs.
///
/// Each case names one problem, so the session can record it and tests can check it; `text` turns it into
/// a short sentence that says what the question accepts.
public enum AnswerHint: Sendable, Hashable {
    /// Nothing (or only punctuation) was typed for a question that needs an answer.
    case empty(AnswerKind)

    // MARK: Yes / no

    /// No yes or no was found.
    case notYesNo
    /// No yes, no or not-sure was found.
    case notYesNoUnsure
    /// The patient is unsure, but the question has no "not sure" answer.
    case needsYesOrNo
    /// The line says both yes and no.
    case bothYesAndNo(allowsUnsure: Bool)
    /// The line speaks of something without saying yes or no about what was asked.
    case unclearYesNo(allowsUnsure: Bool)

    // MARK: Choices

    /// No option was recognised in a single-choice question of `optionCount` options.
    case notAnOption(optionCount: Int)
    /// No option was recognised in a multiple-choice question; `noneLabel` is the label of its "none of these" option.
    case notOptions(optionCount: Int, noneLabel: String?)
    /// A number that is not an option's number was typed.
    case noSuchOption(number: Int, optionCount: Int)
    /// The words fit several options equally well (or several were named where one is wanted); their labels.
    case ambiguousOptions([String])
    /// "None of these" was chosen together with other options.
    case noneWithOthers(noneLabel: String)
    /// "None" was typed, but the question has no "none of these" option.
    case noneNotOffered(optionCount: Int)

    // MARK: Numbers

    /// No number was found, or words that are not the question's unit were typed with it.
    case notANumber(NumberRange)
    /// More than one number was typed (`34 35`, `3/4`).
    case severalNumbers(NumberRange)
    /// A number with a fraction where only whole numbers are accepted.
    case notWholeNumber(NumberRange)
    /// A number outside the accepted range.
    case outOfRange(Double, NumberRange)

    // MARK: Dates

    /// Neither a date nor how long ago was found.
    case notADate
    /// The date read is after the reference day.
    case dateInFuture
    /// A numeric date that reads as two different days (`03/04/2026`).
    case ambiguousDate(CalendarDay, CalendarDay)
    /// Only a year was typed; a month is needed as well.
    case dateNeedsMonth(year: Int)

    // MARK: Text

    /// The text does not have the form the question expects (its pattern).
    case textDoesNotMatch
    /// The question's pattern is not a valid regular expression, so no text can be accepted; staff must help.
    case patternUnusable

    // MARK: Readings that are not plain answers

    /// The line probably means this value, but only a confirmation can tell (the strict view of a reading).
    case needsConfirmation(AnswerValue, ReadingDoubt)
    /// The line is a question asked back, not an answer.
    case isAQuestion
    /// The line is far longer than any answer to this question; it is not read at all.
    case tooLong
}
