/// A labelled corpus of patient answers and patient questions (`tests/corpus/`), read from its text files.
///
/// Answers file: `## question_id` starts a section; each line is `answer<TAB>label`. FAQ file: each line is
/// `question<TAB>faq_id` or `question<TAB>none`. `#` starts a comment. The labels are described in
/// tests/corpus/README.md and ``AnswerLabel``.
public struct UnderstandingCorpus: Sendable {
    /// One labelled answer.
    public struct AnswerCase: Sendable, Hashable {
        public var question: String
        public var text: String
        public var label: AnswerLabel
        /// Where it is written, for reports (`answers.txt:42`).
        public var source: String
    }

    /// One labelled patient question.
    public struct QuestionCase: Sendable, Hashable {
        public var text: String
        /// The FAQ entry that answers it; `nil` when none does and staff should.
        public var entry: String?
        public var source: String
    }

    public var answers: [AnswerCase] = []
    public var questions: [QuestionCase] = []

    public init(answers: [AnswerCase] = [], questions: [QuestionCase] = []) {
        self.answers = answers
        self.questions = questions
    }

    /// The reference day for dates that a file's comments name ("# Reference day for dates: 2026-06-15").
    public static func referenceDay(in text: String) -> CalendarDay? {
        for line in text.split(separator: "\n") where line.hasPrefix("#") && line.lowercased().contains("reference day") {
            if let match = line.firstMatch(of: #/(\d{4}-\d{2}-\d{2})/#), let day = CalendarDay(iso: String(match.1)) { return day }
        }
        return nil
    }

    /// The language of a corpus file, from its name: `answers-es.txt` and `faq-es-heldout.txt` are Spanish,
    /// `answers.txt` and `faq-heldout.txt` English.
    public static func language(ofFile name: String) -> String {
        guard let match = name.wholeMatch(of: #/(?:answers|faq)-([a-z]{2,3})(?:-heldout)?\.txt/#) else { return "en" }
        return String(match.1)
    }

    /// Reads an answers file's text; `name` names it in reports.
    public static func answers(from text: String, name: String) throws(CorpusError) -> [AnswerCase] {
        var cases: [AnswerCase] = []
        var question: String?
        for (number, line) in lines(text) {
            if line.hasPrefix("## ") {
                question = String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces)
                continue
            }
            let (entry, labelText) = try split(line, at: "\(name):\(number)")
            guard let question else { throw .noSection("\(name):\(number)") }
            guard let label = AnswerLabel(labelText) else { throw .badLabel(labelText, "\(name):\(number)") }
            cases.append(AnswerCase(question: question, text: entry, label: label, source: "\(name):\(number)"))
        }
        return cases
    }

    /// Reads a FAQ questions file's text; `name` names it in reports.
    public static func questions(from text: String, name: String) throws(CorpusError) -> [QuestionCase] {
        try lines(text).map { (number, line) throws(CorpusError) in
            let (entry, label) = try split(line, at: "\(name):\(number)")
            return QuestionCase(text: entry, entry: label == "none" ? nil : label, source: "\(name):\(number)")
        }
    }

    private static func lines(_ text: String) -> [(Int, String)] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, raw in
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : String(raw)
            if line.trimmingCharacters(in: .whitespaces).isEmpty || (line.hasPrefix("#") && !line.hasPrefix("## ")) { return nil }
            return (index + 1, line)
        }
    }

    private static func split(_ line: String, at place: String) throws(CorpusError) -> (String, String) {
        let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw .noTab(place) }
        return (String(parts[0]), String(parts[1]).trimmingCharacters(in: .whitespaces))
    }
}

/// The reading a labelled answer must get.
public enum AnswerLabel: Sendable, Hashable {
    /// `yes`, `no`, `unsure`.
    case yesNo(YesNoUnsure)
    /// One option id, or several joined by `+`; `none` is the empty set of a multiple choice.
    case options([String])
    case number(Double)
    /// A day, or a range of days `first..last`.
    case date(DateRange)
    /// A date no honest range can be given for ("ages ago"): any range, never one day.
    case vagueDate
    /// Any stored text.
    case text
    /// No single reading is right: the reader must confirm or ask again.
    case confirm
    /// A question asked back: never stored.
    case question

    init?(_ text: String) {
        switch text {
        case "yes", "no", "unsure": self = .yesNo(YesNoUnsure(rawValue: text)!)
        case "none": self = .options([])
        case "vague": self = .vagueDate
        case "text": self = .text
        case "confirm": self = .confirm
        case "question": self = .question
        default:
            if let number = Double(text) {
                self = .number(number)
            } else if let day = CalendarDay(iso: text) {
                self = .date(DateRange(earliest: day, latest: day))
            } else if text.contains(".."), let first = CalendarDay(iso: String(text.prefix { $0 != "." })),
                      let last = CalendarDay(iso: String(text.split(separator: ".").last ?? "")) {
                self = .date(DateRange(earliest: first, latest: last))
            } else if text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "+" }) {
                self = .options(text.split(separator: "+").map(String.init))
            } else {
                return nil
            }
        }
    }
}

/// Why a corpus file could not be read.
public enum CorpusError: Error, Sendable, Hashable, CustomStringConvertible {
    case noTab(String)
    case noSection(String)
    case badLabel(String, String)

    public var description: String {
        switch self {
        case let .noTab(place): "\(place): a corpus line is TEXT<TAB>LABEL; this one has no tab"
        case let .noSection(place): "\(place): an answer before any '## question_id' line"
        case let .badLabel(label, place): "\(place): '\(label)' is not a label; see tests/corpus/README.md"
        }
    }
}
