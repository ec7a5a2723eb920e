import FuzzSupport

// The yes/no reader: one line at the consent question (yes or no), at the pregnancy question (yes, no or
// not sure, with its terms) and at the bleeding question (where "I bruise easily" is an indirect yes).
FuzzDriver.run { data, size in
    ReaderTarget.test(FuzzInput(data, size), with: YesNoQuestions.readers)
    return 0
}

enum YesNoQuestions {
    static let readers = ["consent", "pregnant", "bleeding_disorder"].map(BundledDialogs.reader(for:))
}
