/// The program's own words in a session (not the dialog's), rendered from the catalog of the patient's language.
struct SessionText {
    let catalog: MessageCatalog

    /// The English words, which tests compare against.
    static let english = SessionText(catalog: .english)

    var help: String { catalog.text(.help) }
    var nothingToGoBackTo: String { catalog.text(.nothingToGoBackTo) }
    var wentBack: String { catalog.text(.wentBack) }
    func previousAnswer(_ text: String) -> String { catalog.text(.previousAnswer, ["answer": text]) }
    var noWhy: String { catalog.text(.noWhy) }
    var cannotSkip: String { catalog.text(.cannotSkip) }
    var confirmQuit: String { catalog.text(.confirmQuit) }
    var confirmRestart: String { catalog.text(.confirmRestart) }
    var stayed: String { catalog.text(.stayed) }
    var restarted: String { catalog.text(.restarted) }
    var interrupted: String { catalog.text(.interrupted) }
    var unanswered: String { catalog.text(.unanswered) }
    var runaway: String { catalog.text(.runaway) }
    func topicOffer(_ title: String) -> String {
        let ended = title.last.map { ".?!:".contains($0) } ?? false
        return catalog.text(.topicOffer, ["title": title]) + (ended ? "" : ".")
    }
    var topicOfferInstructions: String { catalog.text(.topicOfferInstructions) }
    var topicMoreInstructions: String { catalog.text(.topicMoreInstructions) }
    var topicOfferHint: String { catalog.text(.topicOfferHint) }
    var confirmationInstructions: String { catalog.text(.confirmationInstructions) }
    var confirmationHint: String { catalog.text(.confirmationHint) }
    var askAgain: String { catalog.text(.askAgain) }
    func isThatRight(_ readBack: String) -> String { catalog.text(.isThatRight, ["readback": readBack]) }
    func youMentioned(_ words: String) -> String { catalog.text(.youMentioned, ["words": words]) }
    var didYouMean: String { catalog.text(.didYouMean) }
    var notedEarlierQuestion: String { catalog.text(.notedEarlierQuestion) }
    var noneOfTheseQuestions: String { catalog.text(.noneOfTheseQuestions) }
    var faqChoiceInstructions: String { catalog.text(.faqChoiceInstructions) }
    var continueInstructions: String { catalog.text(.continueInstructions) }
    /// The words for yes and no a confirmation offers to complete.
    var yesAndNo: [String] { [catalog.text(.yes), catalog.text(.no)] }

    /// What was understood, in plain words: "I understood: no, you are not pregnant."
    ///
    /// - Parameter phrase: the dialog's words for this yes/no answer (`you are not pregnant`), if it has them.
    func readBack(_ answer: AnsweredQuestion, phrase: String?) -> String {
        let what: String
        switch answer.value {
        case let .yesNo(word)?:
            if word == .unsure {
                what = phrase ?? catalog.text(.youAreNotSure)
            } else {
                let said = catalog.text(word == .yes ? .yes : .no)
                what = phrase.map { catalog.text(.answerWithPhrase, ["answer": said, "phrase": $0]) } ?? said
            }
        case let .date(day)?:
            what = catalog.formats.spoken(day)
        case let .dateRange(range)?:
            if let earliest = range.earliest {
                what = catalog.text(.dateBetween, ["earliest": catalog.formats.spoken(earliest),
                                                   "latest": catalog.formats.spoken(range.latest)])
            } else {
                what = catalog.text(.dateUnknown)
            }
        case let .text(text)?:
            what = catalog.text(.quoted, ["text": text])
        case .some, nil:
            what = displayValue(of: answer)
        }
        return catalog.text(.understood, ["what": what])
    }

    /// An answer as the patient reads it back ("You answered: sí"): its words in the session's language.
    func displayValue(of answer: AnsweredQuestion) -> String {
        guard let value = answer.value else { return catalog.text(.skipped) }
        switch value {
        case let .yesNo(word):
            return catalog.text(word == .yes ? .yes : word == .no ? .no : .notSure)
        case let .number(number):
            let text = catalog.formats.plain(number)
            if case let .number(range) = answer.kind, let unit = range.unit { return "\(text) \(unit)" }
            return text
        case .acknowledged:
            return catalog.text(.continued)
        case .choice, .choices, .date, .dateRange, .text:
            return answer.displayValue
        }
    }

    func instructions(for kind: AnswerKind, optional: Bool) -> String {
        let base: String
        switch kind {
        case .yesNo: base = catalog.text(.typeYesNo)
        case .yesNoUnsure: base = catalog.text(.typeYesNoUnsure)
        case .singleChoice: base = catalog.text(.typeChoice)
        case .multipleChoice(_, let none): base = catalog.text(none == nil ? .typeChoices : .typeChoicesOrNone)
        case let .number(range):
            base = range.unit.map { catalog.text(.typeNumberWithUnit, ["unit": $0]) } ?? catalog.text(.typeNumber)
        case .date: base = catalog.text(.typeDate)
        case .text: base = catalog.text(.typeText)
        case .acknowledgement: base = continueInstructions
        }
        return optional ? base + " " + catalog.text(.orSkip) : base
    }

    static let commands = ["back", "repeat", "why", "skip", "restart", "help", "quit"]

    /// The command words Tab completes in `language`: its own first word for each command, then the English ones.
    static func commands(in language: ReadingLanguage) -> [String] {
        guard language.code != "en" else { return commands }
        let own = commands.compactMap { language.vocabulary.commands[$0]?.first }
        return own + commands
    }
}

/// In-session commands, recognised from what the patient typed.
enum SessionCommand: String, CaseIterable {
    case back, `repeat`, why, skip, restart, help, quit

    /// The command a whole line names in the patient's language or in English, if any ("Back", "go back",
    /// "atrás", "quit!"); the words are the reading vocabulary's `commands`.
    init?(_ normalized: String, language: ReadingLanguage) {
        guard let name = language.commandName(forNormalizedLine: normalized) else { return nil }
        self.init(rawValue: name)
    }
}
