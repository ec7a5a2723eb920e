import FuzzSupport

// The date reader: one line at the isotretinoin question ("when did you take your last dose?"),
// on the fuzzing reference day, Monday 2026-06-15.
FuzzDriver.run { data, size in
    ReaderTarget.test(FuzzInput(data, size), with: DateQuestions.readers)
    return 0
}

enum DateQuestions {
    static let readers = [BundledDialogs.reader(for: "isotretinoin_stopped")]
}
