import FuzzSupport

// The number reader: one line at the age question (whole years, 0 to 120).
FuzzDriver.run { data, size in
    ReaderTarget.test(FuzzInput(data, size), with: NumberQuestions.readers)
    return 0
}

enum NumberQuestions {
    static let readers = [BundledDialogs.reader(for: "age")]
}
