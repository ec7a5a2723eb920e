/// Reads a patient's typed reply to a question forgivingly, but never guesses.
///
/// Patients type loosely ("yes I am", "the acne one", "thirty-four", "3 months ago"), so the interpreter
/// ignores case, accents, punctuation and surrounding words. `read` says how sure each reading is
/// (``AnswerReading``); `interpret` is the strict view used where no confirmation can be asked (path
/// representatives, staff `set`): a value only when it needs none.
public struct AnswerInterpreter: Sendable {
    /// The reference day for relative dates ("3 months ago") and for rejecting future dates:
    /// the session's start day, so a replayed transcript reads the same.
    public var today: CalendarDay
    /// The language answers are typed in: its words for yes, no, numbers, dates, choices and questions.
    public var language: ReadingLanguage

    public init(today: CalendarDay, language: ReadingLanguage = .english) {
        self.today = today
        self.language = language
    }

    /// The longest line, in bytes, read as an answer that is not free text.
    public static let longestReadAnswer = 1_000

    /// Reads `input` as an answer of `kind` to a question about `focus`.
    ///
    /// - Parameters:
    ///   - input: The line as typed, without the line break.
    ///   - kind: What the question accepts.
    ///   - focus: What the question is about, so that an answer repeating its words reads as about it.
    /// - Returns: The reading, with how sure it is and the words left for a following question.
    public func read(_ input: String, as kind: AnswerKind, focus: QuestionFocus = .none) -> AnswerReading {
        switch kind {
        case .acknowledgement:
            return AnswerReading(.understood(.acknowledged))
        case .text(let pattern):
            if QuestionDetector.isQuestion(input, language: language) { return AnswerReading(.notAnAnswer) }
            return AnswerReading(TextAnswerReader.read(input, pattern: pattern))
        case .yesNo, .yesNoUnsure, .singleChoice, .multipleChoice, .number, .date:
            break
        }
        // No answer to these is a page long; reading one would only cost time (the reading grows with the length).
        guard input.utf8.count <= Self.longestReadAnswer else { return AnswerReading(.notUnderstood(.tooLong)) }
        guard !TextNormalizer.words(input).isEmpty else { return AnswerReading(.notUnderstood(.empty(kind))) }
        switch kind {
        case .yesNo:
            return YesNoReader(allowsUnsure: false, focus: focus, language: language).read(input)
        case .yesNoUnsure:
            return YesNoReader(allowsUnsure: true, focus: focus, language: language).read(input)
        case .singleChoice(let options):
            return ChoiceReader(options: options, none: nil, allowsSeveral: false, language: language).reading(input)
        case .multipleChoice(let options, let none):
            return ChoiceReader(options: options, none: none, allowsSeveral: true, language: language).reading(input)
        case .number(let range):
            if QuestionDetector.isQuestion(input, language: language) { return AnswerReading(.notAnAnswer) }
            return AnswerReading(NumberReader.read(input, range: range, language: language))
        case .date:
            return DateReader(today: today, language: language).reading(input)
        case .text, .acknowledgement:
            preconditionFailure("handled above")
        }
    }

    /// Reads `input` as an answer of `kind`, strictly: an answer only when it needs no confirmation.
    ///
    /// - Parameters:
    ///   - input: The line as typed, without the line break.
    ///   - kind: What the question accepts.
    /// - Returns: The answer, or why it could not be read.
    public func interpret(_ input: String, as kind: AnswerKind) -> AnswerInterpretation {
        read(input, as: kind).interpretation
    }
}

extension AnswerReading {
    /// A reading from a reader that is either sure or cannot read the line.
    init(_ interpretation: AnswerInterpretation) {
        switch interpretation {
        case let .answer(value): self.init(.understood(value))
        case let .unreadable(hint): self.init(.notUnderstood(hint))
        }
    }
}
