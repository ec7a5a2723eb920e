// The sentences shown to a patient whose answer could not be read, rendered from the catalog of the patient's
// language (MessageID's `hint…` messages).

extension AnswerHint {
    /// A short English sentence saying what the question accepts (staff tools show hints in English).
    public var text: String { text(in: .english) }

    /// A short sentence in the catalog's language saying what the question accepts, shown before the question
    /// is asked again.
    public func text(in catalog: MessageCatalog) -> String {
        let words = HintWords(catalog: catalog)
        switch self {
        case .empty(let kind):
            return words.expectation(for: kind)
        case .notYesNo:
            return catalog.text(.hintYesNo)
        case .notYesNoUnsure:
            return catalog.text(.hintYesNoUnsure)
        case .needsYesOrNo:
            return catalog.text(.hintNeedsYesOrNo)
        case .bothYesAndNo(let allowsUnsure):
            return catalog.text(.hintBothYesAndNo) + " " + catalog.text(allowsUnsure ? .hintYesNoUnsure : .hintYesNo)
        case .unclearYesNo(let allowsUnsure):
            return catalog.text(.hintUnclearYesNo) + " " + catalog.text(allowsUnsure ? .hintYesNoUnsure : .hintYesNo)
        case .needsConfirmation:
            return catalog.text(.hintNeedsConfirmation)
        case .tooLong:
            return catalog.text(.hintTooLong)
        case .isAQuestion:
            return catalog.text(.hintIsAQuestion)
        case .notAnOption(let optionCount):
            return catalog.text(.hintNotAnOption, ["count": String(optionCount)])
        case .notOptions(let optionCount, let noneLabel):
            return words.multipleChoiceExpectation(optionCount: optionCount, noneLabel: noneLabel)
        case .noSuchOption(let number, let optionCount):
            return catalog.text(.hintNoSuchOption, ["number": String(number), "count": String(optionCount)])
        case .ambiguousOptions(let labels):
            return catalog.text(.hintAmbiguousOptions, ["options": words.list(labels)])
        case .noneWithOthers(let noneLabel):
            return catalog.text(.hintNoneWithOthers, ["none": noneLabel])
        case .noneNotOffered(let optionCount):
            return catalog.text(.hintNoneNotOffered, ["count": String(optionCount)])
        case .notANumber(let range):
            return catalog.text(.hintNotANumber, ["expected": words.describe(range, whole: false)])
        case .severalNumbers(let range):
            return catalog.text(.hintSeveralNumbers, ["expected": words.describe(range, whole: false)])
        case .notWholeNumber(let range):
            return catalog.text(.hintNotANumber, ["expected": words.describe(range, whole: true)])
        case .outOfRange(let value, let range):
            return catalog.text(.hintOutOfRange, ["value": catalog.formats.plain(value),
                                                  "expected": words.describe(range, whole: false)])
        case .notADate:
            return catalog.text(.hintDate)
        case .dateInFuture:
            return catalog.text(.hintDateInFuture)
        case .ambiguousDate(let first, let second):
            // Spelled out, because the digits are what was ambiguous.
            return catalog.text(.hintAmbiguousDate, ["first": catalog.formats.spoken(first),
                                                     "second": catalog.formats.spoken(second), "example": first.description])
        case .dateNeedsMonth(let year):
            return catalog.text(.hintDateNeedsMonth, ["year": String(year)])
        case .textDoesNotMatch:
            return catalog.text(.hintTextDoesNotMatch)
        case .patternUnusable:
            return catalog.text(.hintPatternUnusable)
        }
    }
}

/// The pieces hints are built from: what each kind of question accepts, in the catalog's language.
private struct HintWords {
    let catalog: MessageCatalog

    func expectation(for kind: AnswerKind) -> String {
        switch kind {
        case .yesNo:
            return catalog.text(.hintYesNo)
        case .yesNoUnsure:
            return catalog.text(.hintYesNoUnsure)
        case .singleChoice(let options):
            return catalog.text(.hintNotAnOption, ["count": String(options.count)])
        case .multipleChoice(let options, let none):
            return multipleChoiceExpectation(optionCount: options.count, noneLabel: none?.label)
        case .number(let range):
            return catalog.text(.hintNotANumber, ["expected": describe(range, whole: false)])
        case .date:
            return catalog.text(.hintDate)
        case .text, .acknowledgement:
            return catalog.text(.hintTypeYourAnswer)
        }
    }

    func multipleChoiceExpectation(optionCount: Int, noneLabel: String?) -> String {
        catalog.text(noneLabel == nil ? .hintChooseSeveral : .hintChooseSeveralOrNone)
    }

    /// `a number from 0 to 120 (years)`, `a whole number of at least 1`, `a number`.
    func describe(_ range: NumberRange, whole: Bool) -> String {
        let number = catalog.text(whole ? .aWholeNumber : .aNumber)
        let formats = catalog.formats
        var text: String
        switch (range.minimum, range.maximum) {
        case let (minimum?, maximum?):
            text = catalog.text(.numberFromTo, ["number": number, "minimum": formats.plain(minimum), "maximum": formats.plain(maximum)])
        case let (minimum?, nil):
            text = catalog.text(.numberAtLeast, ["number": number, "minimum": formats.plain(minimum)])
        case let (nil, maximum?):
            text = catalog.text(.numberUpTo, ["number": number, "maximum": formats.plain(maximum)])
        case (nil, nil):
            text = number
        }
        if let unit = range.unit, !unit.isEmpty { text = catalog.text(.numberWithUnit, ["number": text, "unit": unit]) }
        return text
    }

    /// `A`, `A or B`, `A, B or C`.
    func list(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        guard items.count > 1 else { return last }
        return items.dropLast().joined(separator: ", ") + " \(catalog.text(.listOr)) " + last
    }
}
