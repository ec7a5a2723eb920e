import Testing
@testable import ConsultCore

@Suite struct ChoiceInterpretationTests {
    let interpreter = InterpretationFixtures.interpreter
    let single = AnswerKind.singleChoice(InterpretationFixtures.concerns)
    let multiple = AnswerKind.multipleChoice(InterpretationFixtures.concerns, none: InterpretationFixtures.noneOfThese)
    let multipleWithoutNone = AnswerKind.multipleChoice(InterpretationFixtures.concerns, none: nil)

    // MARK: - Single choice

    @Test(arguments: [
        ("2", "acne_active"), ("2)", "acne_active"), ("#2", "acne_active"), ("option 2", "acne_active"),
        ("number 2", "acne_active"), ("no. 2", "acne_active"), ("the second one", "acne_active"), ("2nd", "acne_active"),
        ("one", "acne_scars"), ("first", "acne_scars"), ("option three", "wrinkles"),
        ("acne scars", "acne_scars"), ("ACNE SCARS", "acne_scars"), ("the acne scars one", "acne_scars"),
        ("acne scar", "acne_scars"), ("active acne", "acne_active"), ("acne (active)", "acne_active"),
        ("I'd say wrinkles", "wrinkles"), ("Wrinkles or fine lines", "wrinkles"),
        ("fine lines", "wrinkles"), ("ageing", "wrinkles"), ("agéing", "wrinkles"), ("large pores", "pores"),
        ("4) Large pores", "pores"), ("2 acne active", "acne_active"),
    ])
    func readsOneOption(_ input: String, _ id: String) {
        #expect(interpreter.interpret(input, as: single) == .answer(.choice(id)))
    }

    @Test func ambiguousWordsListTheCandidates() {
        let result = interpreter.interpret("acne", as: single)
        #expect(result == .unreadable(.ambiguousOptions(["Acne scars", "Acne (active)"])))
        #expect(AnswerHint.ambiguousOptions(["Acne scars", "Acne (active)"]).text
            == "Did you mean Acne scars or Acne (active)? Type the number.")
    }

    @Test func aSynonymTypedWholeSettlesATie() {
        let options = [
            ChoiceOption(id: "acne_scars", label: "Acne scars", synonyms: ["acne"]),
            ChoiceOption(id: "acne_active", label: "Acne (active)"),
        ]
        #expect(interpreter.interpret("acne", as: .singleChoice(options)) == .answer(.choice("acne_scars")))
    }

    @Test(arguments: [
        ("acne scars and wrinkles", ["Acne scars", "Wrinkles or fine lines"]),
        ("1 or 3", ["Acne scars", "Wrinkles or fine lines"]),
        ("2 wrinkles", ["Acne (active)", "Wrinkles or fine lines"]),
    ])
    func severalOptionsInASingleChoiceAreAmbiguous(_ input: String, _ labels: [String]) {
        #expect(interpreter.interpret(input, as: single) == .unreadable(.ambiguousOptions(labels)))
    }

    @Test(arguments: [(0, "0"), (5, "5"), (12, "12"), (5, "fifth")])
    func rejectsNumbersThatAreNotOptions(_ number: Int, _ input: String) {
        #expect(interpreter.interpret(input, as: single) == .unreadable(.noSuchOption(number: number, optionCount: 4)))
    }

    /// Only whole words: the start of a word ("wrink", "por") selects nothing.
    @Test(arguments: ["tattoos", "not the acne", "no", "2.5", "xyz", "none", "wrink", "por"])
    func rejectsWhatNamesNoOption(_ input: String) {
        #expect(interpreter.interpret(input, as: single) == .unreadable(.notAnOption(optionCount: 4)))
    }

    @Test func emptyLineIsEmpty() {
        #expect(interpreter.interpret(" ", as: single) == .unreadable(.empty(single)))
        #expect(AnswerHint.empty(single).text == "Please type a number from 1 to 4, or the option's name.")
    }

    // MARK: - Multiple choice

    @Test(arguments: [
        ("1, 3", ["acne_scars", "wrinkles"]), ("1 and 3", ["acne_scars", "wrinkles"]), ("1 3", ["acne_scars", "wrinkles"]),
        ("3,1", ["acne_scars", "wrinkles"]), ("1&3", ["acne_scars", "wrinkles"]), ("3 1 3", ["acne_scars", "wrinkles"]),
        ("acne scars and wrinkles", ["acne_scars", "wrinkles"]), ("wrinkles, acne scars", ["acne_scars", "wrinkles"]),
        ("large pores", ["pores"]), ("2", ["acne_active"]), ("1 and large pores", ["acne_scars", "pores"]),
    ])
    func readsSeveralOptionsInOptionOrder(_ input: String, _ ids: [String]) {
        #expect(interpreter.interpret(input, as: multiple) == .answer(.choices(ids)))
    }

    @Test(arguments: ["none", "None of these", "none of them", "nothing", "no", "5"])
    func readsNoneWhenOffered(_ input: String) {
        #expect(interpreter.interpret(input, as: multiple) == .answer(.choices([])))
    }

    @Test(arguments: ["none", "none of these"])
    func rejectsNoneWhenNotOffered(_ input: String) {
        #expect(interpreter.interpret(input, as: multipleWithoutNone) == .unreadable(.noneNotOffered(optionCount: 4)))
    }

    @Test(arguments: ["1 and none", "none, wrinkles"])
    func rejectsNoneWithOthers(_ input: String) {
        #expect(interpreter.interpret(input, as: multiple) == .unreadable(.noneWithOthers(noneLabel: "None of these")))
    }

    @Test func rejectsAmbiguousAndUnknownParts() {
        #expect(interpreter.interpret("acne and wrinkles", as: multiple)
            == .unreadable(.ambiguousOptions(["Acne scars", "Acne (active)"])))
        #expect(interpreter.interpret("1, 7", as: multiple) == .unreadable(.noSuchOption(number: 7, optionCount: 4)))
        #expect(interpreter.interpret("13", as: multiple) == .unreadable(.noSuchOption(number: 13, optionCount: 4)))
        #expect(interpreter.interpret("tattoos", as: multiple)
            == .unreadable(.notOptions(optionCount: 4, noneLabel: "None of these")))
        #expect(interpreter.interpret("wrinkles but not acne scars", as: multiple)
            == .unreadable(.notOptions(optionCount: 4, noneLabel: "None of these")))
    }
}

extension ChoiceInterpretationTests {
    /// Every option at once is rare: it is said back before it is stored.
    @Test(arguments: ["all", "all of them", "all of the above"])
    func allOptionsAreConfirmed(_ input: String) {
        let all = AnswerValue.choices(["acne_scars", "acne_active", "wrinkles", "pores"])
        #expect(interpreter.interpret(input, as: multiple) == .unreadable(.needsConfirmation(all, .partialMatch)))
    }
}
