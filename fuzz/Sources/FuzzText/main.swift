import ConsultCore
import FuzzSupport

// The free-text reader: one line at the health notes question, and at a question whose answers must match
// a phone-number pattern (no bundled question has a pattern; `docs/dialog-format.md` allows one).
FuzzDriver.run { data, size in
    ReaderTarget.test(FuzzInput(data, size), with: TextQuestions.readers)
    return 0
}

enum TextQuestions {
    static let readers = [
        BundledDialogs.reader(for: "health_notes"),
        QuestionReader(kind: .text(pattern: #"\+?[0-9][0-9 ()-]{5,19}"#),
                       focus: QuestionFocus(question: "What phone number can we reach you on?"), today: BundledDialogs.today),
    ]
}
