import Testing
@testable import ConsultCore

@Suite struct YesNoInterpretationTests {
    let interpreter = InterpretationFixtures.interpreter

    @Test(arguments: [
        ("y", YesNoUnsure.yes), ("Yes", .yes), ("Yes!", .yes), ("yeah", .yes), ("yea", .yes), ("yep", .yes),
        ("YUP", .yes), ("sure", .yes), ("ok", .yes), ("Okay.", .yes), ("of course", .yes), ("I am", .yes),
        ("i do", .yes), ("correct", .yes), ("true", .yes), ("yes I am", .yes), ("Yes, I have", .yes),
        ("n", .no), ("no", .no), ("nope", .no), ("nah", .no), ("never", .no),
        ("I'm not", .no), ("I’m not", .no), ("i don't", .no), ("I do not", .no), ("false", .no), ("none", .no),
        ("no, never", .no), ("No, I am not.", .no), ("of course not", .no), ("nope, not at all", .no),
    ])
    func readsYesAndNo(_ input: String, _ expected: YesNoUnsure) {
        #expect(interpreter.interpret(input, as: .yesNo) == .answer(.yesNo(expected)))
        #expect(interpreter.interpret(input, as: .yesNoUnsure) == .answer(.yesNo(expected)))
    }

    @Test(arguments: [
        "not sure", "Unsure", "don't know", "dont know", "I don't know", "idk", "maybe", "perhaps", "possibly",
        "I'm not sure", "no idea", "no, not sure",
    ])
    func readsHedgesAsUnsureOnlyWhereOffered(_ input: String) {
        #expect(interpreter.interpret(input, as: .yesNoUnsure) == .answer(.yesNo(.unsure)))
        #expect(interpreter.interpret(input, as: .yesNo) == .unreadable(.needsYesOrNo))
    }

    /// A guess is "not sure" where that is offered, and said back for confirmation where it is not.
    @Test(arguments: [("I think so", YesNoUnsure.yes), ("I don't think so", .no), ("probably not", .no), ("probably", .yes)])
    func readsGuessesAsUnsureOrConfirms(_ input: String, _ leaning: YesNoUnsure) {
        #expect(interpreter.interpret(input, as: .yesNoUnsure) == .answer(.yesNo(.unsure)))
        #expect(interpreter.interpret(input, as: .yesNo) == .unreadable(.needsConfirmation(.yesNo(leaning), .hedged)))
    }

    @Test func notReallyLeansToNoAndIsConfirmed() {
        #expect(interpreter.interpret("not really", as: .yesNo) == .unreadable(.needsConfirmation(.yesNo(.no), .partial)))
    }

    @Test(arguments: ["yes no", "Yes. No.", "no yes", "yes, I do not"])
    func rejectsContradictions(_ input: String) {
        #expect(interpreter.interpret(input, as: .yesNo) == .unreadable(.bothYesAndNo(allowsUnsure: false)))
        #expect(interpreter.interpret(input, as: .yesNoUnsure) == .unreadable(.bothYesAndNo(allowsUnsure: true)))
    }

    @Test(arguments: ["1", "2", "0"])
    func rejectsNumbers(_ input: String) {
        #expect(interpreter.interpret(input, as: .yesNo) == .unreadable(.notYesNo))
        #expect(interpreter.interpret(input, as: .yesNoUnsure) == .unreadable(.notYesNoUnsure))
    }

    /// Without the question's words, a word like "pregnant" says nothing about what was asked.
    @Test(arguments: ["yess-ish", "pregnant", "eczema"])
    func wordsWithoutAYesOrNoAreUnclear(_ input: String) {
        #expect(interpreter.interpret(input, as: .yesNo) == .unreadable(.unclearYesNo(allowsUnsure: false)))
        #expect(interpreter.interpret(input, as: .yesNoUnsure) == .unreadable(.unclearYesNo(allowsUnsure: true)))
    }

    @Test func aQuestionIsNotAnAnswer() {
        #expect(interpreter.interpret("what?", as: .yesNo) == .unreadable(.isAQuestion))
    }

    @Test(arguments: ["", "   ", "?!"])
    func rejectsEmptyLines(_ input: String) {
        #expect(interpreter.interpret(input, as: .yesNo) == .unreadable(.empty(.yesNo)))
    }

    @Test func hintsSayWhatIsAccepted() {
        #expect(AnswerHint.notYesNo.text == "Please answer yes or no.")
        #expect(AnswerHint.empty(.yesNoUnsure).text == "Please answer yes, no or not sure.")
        #expect(AnswerHint.needsYesOrNo.text.contains("needs a yes or no"))
        #expect(AnswerHint.needsYesOrNo.text.contains("staff"))
    }
}
