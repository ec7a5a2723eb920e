/// How a consultation's readers do on a labelled corpus: every answer and question sorted into what the
/// session would do with it, and the unsafe cases listed.
///
/// An answer is **right** when it is stored, without asking, as labelled; **confirmed** when the session says a
/// reading back before storing it (`confirmedOther` when that reading differs from the label, so the patient
/// must correct it); **re-asked** when the session asks again or answers it as a question; **wrong** when a
/// value other than the labelled one is stored without confirmation. Wrong answers are the unsafe ones.
public struct UnderstandingScore: Sendable {
    /// What the session did with one labelled line.
    public enum Result: String, Sendable, Hashable, CaseIterable {
        case right
        case confirmed
        case confirmedOther
        case reasked
        case wrong
    }

    /// What the session did with one patient question.
    public enum QuestionResult: String, Sendable, Hashable, CaseIterable {
        /// The labelled entry answered it, or nothing did and staff will (for `none`).
        case right
        /// "Did you mean…" offered the labelled entry among others (or, for a question the FAQ cannot answer,
        /// offered entries the patient turns down).
        case offered
        /// Noted for staff though the FAQ has an answer.
        case notedForStaff
        /// Another entry answered it, or an entry answered a question the FAQ cannot answer.
        case wrong
    }

    public struct AnswerOutcome: Sendable, Hashable {
        public var item: UnderstandingCorpus.AnswerCase
        public var result: Result
        /// The reading in words (`confirm yes (qualified)`, `stored no`).
        public var reading: String
    }

    public struct QuestionOutcome: Sendable, Hashable {
        public var item: UnderstandingCorpus.QuestionCase
        public var result: QuestionResult
        public var decision: String
    }

    public var answers: [AnswerOutcome] = []
    public var questions: [QuestionOutcome] = []
    /// Question ids of the corpus the consultation does not have.
    public var unknownQuestions: Set<String> = []

    public func count(_ result: Result) -> Int { answers.filter { $0.result == result }.count }
    public func count(_ result: QuestionResult) -> Int { questions.filter { $0.result == result }.count }

    /// The unsafe readings: values stored without confirmation that differ from the label.
    public var unsafe: [AnswerOutcome] { answers.filter { $0.result == .wrong } }
}

extension UnderstandingScore {
    /// Scores `corpus` against `consultation`, reading answers as a session in `language` does on `today`.
    ///
    /// - Parameters:
    ///   - language: The dialog's language code: which texts, labels, terms and FAQ entries are used.
    ///   - reading: The words the readers use in that language (``ReadingLanguage``).
    public init(corpus: UnderstandingCorpus, consultation: Consultation, today: CalendarDay, language: String = "en",
                reading: ReadingLanguage = .english) {
        let render = { (text: LocalizedText) in text.template(in: language) }
        var readers: [String: QuestionReader] = [:]
        for item in corpus.answers {
            guard let question = consultation.question(item.question) else {
                unknownQuestions.insert(item.question)
                continue
            }
            let reader = readers[item.question] ?? QuestionReader(question: question, language: language, today: today, reading: reading, render: render)
            readers[item.question] = reader
            let (result, described) = Self.score(reader.read(item.text), line: item.text, label: item.label, language: reading)
            answers.append(AnswerOutcome(item: item, result: result, reading: described))
        }
        let retriever = FAQRetriever(consultation: consultation, language: language, reading: reading)
        for item in corpus.questions {
            let decision = retriever.decide(item.text)
            questions.append(QuestionOutcome(item: item, result: Self.score(decision, label: item.entry), decision: decision.summary))
        }
    }

    static func score(_ reading: AnswerReading, line: String, label: AnswerLabel, language: ReadingLanguage = .english) -> (Result, String) {
        // A whole line that is a session command (`why`, `back`, `atrás`) is never stored either.
        if let command = language.commandName(forNormalizedLine: TextNormalizer.normalize(line)),
           ReadingLanguage.sessionCommandNames.contains(command) {
            return (.reasked, "command")
        }
        switch reading.verdict {
        case .notAnAnswer:
            return (label == .question ? .right : .reasked, "question")
        case let .notUnderstood(hint):
            return (.reasked, "ask again (\(hint))")
        case let .confirm(value, doubt):
            let right = label == .confirm || matches(value, label)
            return (right ? .confirmed : .confirmedOther, "confirm \(describe(value)) (\(doubt.rawValue))")
        case let .understood(value):
            return (matches(value, label) ? .right : .wrong, "stored \(describe(value))")
        }
    }

    static func score(_ decision: FAQDecision, label: String?) -> QuestionResult {
        switch decision {
        case let .answer(candidate):
            return candidate.entryID == label ? .right : .wrong
        case let .offer(candidates):
            // A question the FAQ cannot answer that is offered a choice ends with the patient choosing "none of
            // these", noted for staff: a wasted step, not a wrong answer. One it can answer must be offered its entry.
            guard let label else { return .offered }
            return candidates.contains { $0.entryID == label } ? .offered : .wrong
        case .none:
            return label == nil ? .right : .notedForStaff
        }
    }

    /// Whether a stored value is what the label asks for.
    static func matches(_ value: AnswerValue, _ label: AnswerLabel) -> Bool {
        switch (label, value) {
        case let (.yesNo(expected), .yesNo(read)): return expected == read
        case let (.options(ids), .choice(id)): return ids == [id]
        case let (.options(ids), .choices(read)): return Set(ids) == Set(read)
        case let (.number(expected), .number(read)): return expected == read
        case let (.date(expected), .date(day)): return DateRange(earliest: day, latest: day).covers(expected)
        case let (.date(expected), .dateRange(range)): return range.covers(expected)
        case (.vagueDate, .dateRange(let range)): return !range.isSingleDay
        case (.text, .text): return true
        case (.confirm, _), (.question, _): return false
        default: return false
        }
    }

    static func describe(_ value: AnswerValue) -> String {
        switch value {
        case let .yesNo(word): word.rawValue
        case let .choice(id): id
        case let .choices(ids): ids.isEmpty ? "none" : ids.joined(separator: "+")
        case let .number(number): NumberFormatting.plain(number)
        case let .date(day): day.description
        case let .dateRange(range): range.iso8601Interval
        case let .text(text): "text \"\(text)\""
        case .acknowledged: "continue"
        }
    }
}

extension FAQDecision {
    /// The decision in a few words for reports (`answer faq_pain 0.82`, `offer faq_sun/faq_sunscreen`, `none`).
    public var summary: String {
        func scored(_ candidate: FAQCandidate) -> String { "\(candidate.entryID) \(NumberFormatting.plain((candidate.score * 100).rounded() / 100))" }
        switch self {
        case let .answer(candidate): return "answer \(scored(candidate))"
        case let .offer(candidates): return "offer " + candidates.map(scored).joined(separator: " / ")
        case let .none(best): return best.first.map { "none (best \(scored($0)))" } ?? "none"
        }
    }
}
