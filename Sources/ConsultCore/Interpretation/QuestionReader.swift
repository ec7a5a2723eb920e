/// Reads answers to one question of a consultation: its answer kind, what it is about, and the reference day.
///
/// The session and the understanding corpus both read through this, so what the corpus measures is what a
/// patient gets. In-session commands (`back`, `why`…) are the session's business and are not seen here.
public struct QuestionReader: Sendable {
    public let kind: AnswerKind
    public var focus: QuestionFocus
    public let interpreter: AnswerInterpreter
    /// The choice reader with its options' words prepared, for choice questions.
    private let choices: ChoiceReader?

    public init(kind: AnswerKind, focus: QuestionFocus, today: CalendarDay, reading: ReadingLanguage = .english) {
        self.kind = kind
        self.focus = focus
        self.interpreter = AnswerInterpreter(today: today, language: reading)
        switch kind {
        case let .singleChoice(options): choices = ChoiceReader(options: options, none: nil, allowsSeveral: false, language: reading)
        case let .multipleChoice(options, none): choices = ChoiceReader(options: options, none: none, allowsSeveral: true, language: reading)
        case .yesNo, .yesNoUnsure, .number, .date, .text, .acknowledgement: choices = nil
        }
    }

    /// A reader for `question` in `language`, with its texts rendered by `render`, reading answers in `reading`.
    public init(question: Question, language: String, today: CalendarDay, reading: ReadingLanguage = .english,
                render: (LocalizedText) -> String) {
        self.init(QuestionReaderSource(question: question, language: language, render: render), today: today, reading: reading)
    }

    /// A reader for a question as `source` gives it.
    init(_ source: QuestionReaderSource, today: CalendarDay, reading: ReadingLanguage) {
        var focus = QuestionFocus(question: source.text, language: reading)
        // Words that name what the question asks about ("warfarin" for blood thinners) echo it too.
        for term in source.terms { focus.stems.formUnion(QuestionFocus(question: term, language: reading).stems) }
        self.init(kind: source.kind, focus: focus, today: today, reading: reading)
    }

    /// Reads one line typed at this question.
    public func read(_ line: String) -> AnswerReading {
        if let choices {
            guard line.utf8.count <= AnswerInterpreter.longestReadAnswer else { return AnswerReading(.notUnderstood(.tooLong)) }
            guard !TextNormalizer.words(line).isEmpty else { return AnswerReading(.notUnderstood(.empty(kind))) }
            return choices.reading(line)
        }
        return interpreter.read(line, as: kind, focus: focus)
    }
}

/// What a question's reader is built from, in one language: its answer kind and text as rendered, and the words that
/// name what it asks about. Two questions that give the same source are read the same (``QuestionReaderCache``).
struct QuestionReaderSource: Equatable {
    let kind: AnswerKind
    let text: String
    let terms: [String]

    init(question: Question, language: String, render: (LocalizedText) -> String) {
        kind = question.answerKind(in: language, render: render)
        text = render(question.text)
        terms = question.terms.withEnglish(in: language)
    }
}
