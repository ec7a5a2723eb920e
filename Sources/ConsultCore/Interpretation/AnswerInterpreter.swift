/// Reads a patient's typed reply to a question forgivingly, but never guesses.
///
/// Patients type loosely ("yes I am", "the acne one", "thirty-four", "3 months ago"), so the interpreter
/// ignores case, accents, punctuation and surrounding words. When a line could mean more than one thing,
/// or nothing it recognises, it returns `.unreadable` with a hint instead of picking something.
public struct AnswerInterpreter: Sendable {
    /// The reference day for relative dates ("3 months ago") and for rejecting future dates:
    /// the session's start day, so a replayed transcript reads the same.
    public var today: CalendarDay

    public init(today: CalendarDay) {
        self.today = today
    }

    /// Reads `input` as an answer of `kind`.
    ///
    /// - Parameters:
    ///   - input: The line as typed, without the line break.
    ///   - kind: What the question accepts.
    /// - Returns: The answer, or why it could not be read.
    public func interpret(_ input: String, as kind: AnswerKind) -> AnswerInterpretation {
        switch kind {
        case .acknowledgement:
            return .answer(.acknowledged)
        case .text(let pattern):
            return TextAnswerReader.read(input, pattern: pattern)
        case .yesNo, .yesNoUnsure, .singleChoice, .multipleChoice, .number, .date:
            break
        }
        guard !TextNormalizer.words(input).isEmpty else { return .unreadable(.empty(kind)) }
        switch kind {
        case .yesNo:
            return YesNoReader.read(input, allowsUnsure: false)
        case .yesNoUnsure:
            return YesNoReader.read(input, allowsUnsure: true)
        case .singleChoice(let options):
            return ChoiceReader(options: options, none: nil, allowsSeveral: false).read(input)
        case .multipleChoice(let options, let none):
            return ChoiceReader(options: options, none: none, allowsSeveral: true).read(input)
        case .number(let range):
            return NumberReader.read(input, range: range)
        case .date:
            return DateReader(today: today).read(input)
        case .text, .acknowledgement:
            preconditionFailure("handled above")
        }
    }
}
