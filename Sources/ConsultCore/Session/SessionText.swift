/// The program's own words in a session (not the dialog's), in one place for review and translation.
enum SessionText {
    static let help = """
    You can type:
      back     go back and change your last answer
      repeat   show the question again
      why      why we ask this question
      skip     skip a question marked optional
      restart  start again from the beginning
      quit     leave the consultation
    You can also ask your own question at any time, like "does it hurt?".
    """
    static let nothingToGoBackTo = "This is the first question, so there is nothing to go back to."
    static let wentBack = "Going back one step."
    static func previousAnswer(_ text: String) -> String { "You answered: \(text)" }
    static let noWhy = "There is no special reason written for this question; staff can tell you more."
    static let cannotSkip = "This question needs an answer. If you are not sure, the staff can help you."
    static let confirmQuit = "Do you want to leave the consultation? Your answers so far will go to the staff as unfinished."
    static let confirmRestart = "Do you want to start again from the beginning? Your answers so far will be cleared."
    static let stayed = "OK, let's carry on."
    static let restarted = "Starting again from the beginning."
    static let interrupted = "To leave the consultation, type quit."
    static let unanswered = "I can't answer that here, but I've noted your question and the staff will answer it."
    static let runaway = "Something went wrong in this consultation's script. Please let the front desk know."
    static func topicOffer(_ title: String) -> String {
        let ended = title.last.map { ".?!:".contains($0) } ?? false
        return "Next: \(title)\(ended ? "" : ".")"
    }
    static let topicOfferInstructions = "Press Enter to read it, or type skip."
    static let topicMoreInstructions = "Type more for details, or press Enter to go on."
    static let topicOfferHint = "Press Enter to read this part, or type skip to leave it out."
    static let confirmationInstructions = "Type yes or no."
    static let confirmationHint = "Please type yes if that is right, or no to answer again."
    static let askAgain = "OK, let's try that question again."
    static func isThatRight(_ readBack: String) -> String { "\(readBack) Is that right?" }
    static func youMentioned(_ words: String) -> String { "You mentioned \u{201C}\(words)\u{201D}." }
    static let didYouMean = "Did you mean one of these questions?"
    static let notedEarlierQuestion = "I've noted your earlier question for the staff."
    static let noneOfTheseQuestions = "None of these"
    static let faqChoiceInstructions = "Type a number, or none."

    /// What was understood, in plain words: "I understood: no, you are not pregnant."
    ///
    /// - Parameter phrase: the dialog's words for this yes/no answer (`you are not pregnant`), if it has them.
    static func readBack(_ answer: AnsweredQuestion, phrase: String?) -> String {
        switch answer.value {
        case let .yesNo(word)?:
            if word == .unsure { return "I understood: \(phrase ?? "you are not sure")." }
            return "I understood: \(word.rawValue)\(phrase.map { ", " + $0 } ?? "")."
        case let .date(day)?:
            return "I understood: \(day.spoken)."
        case let .dateRange(range)?:
            guard let earliest = range.earliest else { return "I understood: you don't know when." }
            return "I understood: sometime between \(earliest.spoken) and \(range.latest.spoken)."
        case let .text(text)?:
            return "I understood: \u{201C}\(text)\u{201D}."
        case .some, nil:
            return "I understood: \(answer.displayValue)."
        }
    }
    static let continueInstructions = "Press Enter to continue."

    static func instructions(for kind: AnswerKind, optional: Bool) -> String {
        let base: String
        switch kind {
        case .yesNo: base = "Type yes or no."
        case .yesNoUnsure: base = "Type yes, no or not sure."
        case .singleChoice: base = "Type a number or the answer."
        case .multipleChoice(_, let none):
            base = none == nil ? "Type one or more numbers or answers." : "Type one or more numbers or answers, or none."
        case let .number(range):
            let unit = range.unit.map { " (\($0))" } ?? ""
            base = "Type a number\(unit)."
        case .date: base = "Type a date like 2026-03-01, or how long ago, like 3 months ago, or can't remember."
        case .text: base = "Type your answer."
        case .acknowledgement: base = continueInstructions
        }
        return optional ? base + " Or press Enter to skip." : base
    }

    static let commands = ["back", "repeat", "why", "skip", "restart", "help", "quit"]
}

/// In-session commands, recognised from what the patient typed.
enum SessionCommand: String, CaseIterable {
    case back, `repeat`, why, skip, restart, help, quit

    /// The command a whole line names, if any ("Back", "go back", "quit!").
    init?(_ normalized: String) {
        switch normalized {
        case "back", "go back", "previous", "undo": self = .back
        case "repeat", "again", "say again", "say that again": self = .repeat
        case "why", "why do you ask", "why do you need to know", "why are you asking": self = .why
        case "skip", "skip it", "skip this", "pass": self = .skip
        case "restart", "start again", "start over": self = .restart
        case "help", "commands", "what can i type": self = .help
        case "quit", "exit", "leave", "stop", "bye": self = .quit
        default: return nil
        }
    }
}
