// The sentences shown to a patient whose answer could not be read, gathered here so they can be reviewed
// and later translated together.

extension AnswerHint {
    /// A short English sentence saying what the question accepts, shown before the question is asked again.
    public var text: String {
        switch self {
        case .empty(let kind):
            return Self.expectation(for: kind)
        case .notYesNo:
            return "Please answer yes or no."
        case .notYesNoUnsure:
            return "Please answer yes, no or not sure."
        case .needsYesOrNo:
            return "This question needs a yes or no. If you are not sure, please ask a member of staff to help."
        case .bothYesAndNo(let allowsUnsure):
            return "You wrote both yes and no. " + (allowsUnsure ? "Please answer yes, no or not sure." : "Please answer yes or no.")
        case .unclearYesNo(let allowsUnsure):
            return "I'm not sure how that answers this question. " + (allowsUnsure ? "Please answer yes, no or not sure." : "Please answer yes or no.")
        case .needsConfirmation:
            return "Please answer the question in a few words."
        case .tooLong:
            return "That is too long for this question. Please answer in a few words."
        case .isAQuestion:
            return "That sounds like a question. Please answer the question above, or ask the staff."
        case .notAnOption(let optionCount):
            return "Please type a number from 1 to \(optionCount), or the option's name."
        case .notOptions(let optionCount, let noneLabel):
            return Self.multipleChoiceExpectation(optionCount: optionCount, noneLabel: noneLabel)
        case .noSuchOption(let number, let optionCount):
            return "There is no option \(number). Please type a number from 1 to \(optionCount), or the option's name."
        case .ambiguousOptions(let labels):
            return "Did you mean \(Self.list(labels, conjunction: "or"))? Type the number."
        case .noneWithOthers(let noneLabel):
            return "You chose \(noneLabel) together with other options. Please choose either \(noneLabel) or the options that apply."
        case .noneNotOffered(let optionCount):
            return "Please choose at least one: type numbers from 1 to \(optionCount), like 1, 3, or the options' names."
        case .notANumber(let range):
            return "Please type \(Self.describe(range, whole: false))."
        case .severalNumbers(let range):
            return "Please type just one number: \(Self.describe(range, whole: false))."
        case .notWholeNumber(let range):
            return "Please type \(Self.describe(range, whole: true))."
        case .outOfRange(let value, let range):
            return "\(NumberFormatting.plain(value)) is outside what this question accepts. Please type \(Self.describe(range, whole: false))."
        case .notADate:
            return Self.dateExpectation
        case .dateInFuture:
            return "Please type a date in the past, like 2026-03-01, or how long ago, like 3 months ago."
        case .ambiguousDate(let first, let second):
            return "Did you mean \(Self.spoken(first)) or \(Self.spoken(second))? Please type the date like \(first)."
        case .dateNeedsMonth(let year):
            return "Please add the month, like March \(year), or type how long ago, like 3 months ago."
        case .textDoesNotMatch:
            return "That does not look right. Please check what you typed and try again."
        case .patternUnusable:
            return "This answer cannot be checked here. Please ask a member of staff to help."
        }
    }

    // MARK: - What each kind accepts

    private static let dateExpectation = "Please type a date like 2026-03-01, or how long ago, like 3 months ago. If you can't remember, say so."

    private static func expectation(for kind: AnswerKind) -> String {
        switch kind {
        case .yesNo:
            return AnswerHint.notYesNo.text
        case .yesNoUnsure:
            return AnswerHint.notYesNoUnsure.text
        case .singleChoice(let options):
            return AnswerHint.notAnOption(optionCount: options.count).text
        case .multipleChoice(let options, let none):
            return multipleChoiceExpectation(optionCount: options.count, noneLabel: none?.label)
        case .number(let range):
            return AnswerHint.notANumber(range).text
        case .date:
            return dateExpectation
        case .text, .acknowledgement:
            return "Please type your answer."
        }
    }

    private static func multipleChoiceExpectation(optionCount: Int, noneLabel: String?) -> String {
        let options = "Please type the numbers of all that apply, like 1, 3, or their names"
        return noneLabel == nil ? options + "." : options + ", or none."
    }

    /// `a number from 0 to 120 (years)`, `a whole number of at least 1`, `a number`.
    private static func describe(_ range: NumberRange, whole: Bool) -> String {
        var text = whole ? "a whole number" : "a number"
        switch (range.minimum, range.maximum) {
        case let (minimum?, maximum?):
            text += " from \(NumberFormatting.plain(minimum)) to \(NumberFormatting.plain(maximum))"
        case let (minimum?, nil):
            text += " of at least \(NumberFormatting.plain(minimum))"
        case let (nil, maximum?):
            text += " up to \(NumberFormatting.plain(maximum))"
        case (nil, nil):
            break
        }
        if let unit = range.unit, !unit.isEmpty { text += " (\(unit))" }
        return text
    }

    /// `A`, `A or B`, `A, B or C`.
    private static func list(_ items: [String], conjunction: String) -> String {
        guard let last = items.last else { return "" }
        guard items.count > 1 else { return last }
        return items.dropLast().joined(separator: ", ") + " \(conjunction) " + last
    }

    /// `3 April 2026`: spelled out, because the digits are what was ambiguous.
    private static func spoken(_ day: CalendarDay) -> String { day.spoken }
}
