import FuzzSupport

// The choice reader: one line at two single-choice questions (diabetes, whose labels start with yes and no;
// skin type, with long labels) and two multiple-choice ones (concern, with synonyms; recent treatments,
// with a "none of these" option).
FuzzDriver.run { data, size in
    ReaderTarget.test(FuzzInput(data, size), with: ChoiceQuestions.readers)
    return 0
}

enum ChoiceQuestions {
    static let readers = ["diabetes", "skin_type", "concern", "recent_treatments"].map(BundledDialogs.reader(for:))
}
