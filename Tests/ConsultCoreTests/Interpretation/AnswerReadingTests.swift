import Testing
@testable import ConsultCore

/// The reading rules of answer understanding: questions are never answers, mixed and qualified answers are
/// confirmed, the past is read by the question's tense, and a confirmation never hides a wrong value.
@Suite struct AnswerReadingTests {
    let interpreter = InterpretationFixtures.interpreter

    func read(_ line: String, at question: String, _ kind: AnswerKind = .yesNoUnsure) -> AnswerReading {
        interpreter.read(line, as: kind, focus: QuestionFocus(question: question))
    }

    static let pregnant = "Are you pregnant, or could you be pregnant?"
    static let breastfeeding = "Are you breastfeeding?"
    static let isotretinoin = "Have you ever taken isotretinoin (also called Accutane) for acne?"
    static let bleeding = "Do you bleed or bruise very easily, or do you have a bleeding disorder (such as hemophilia)?"
    static let acneNow = "Right now, do you have pimples or an acne breakout where you'd like treatment?"
    static let keloid = "Have you ever had a keloid or a thick raised scar?"
    static let consent = "Is it okay to continue with the screening?"

    // MARK: - Clean answers stay quick

    @Test(arguments: [
        ("yes", YesNoUnsure.yes), ("yeah", .yes), ("yep!", .yes), ("Y", .yes), ("yesss", .yes), ("yes I am", .yes),
        ("no", .no), ("nope", .no), ("nah", .no), ("no, never", .no), ("no I'm not", .no), ("not pregnant", .no),
        ("I'm not", .no), ("im not pregnant", .no), ("nooo", .no), ("not sure", .unsure), ("idk", .unsure),
        ("maybe", .unsure), ("no idea", .unsure),
    ])
    func cleanAnswersAreUnderstood(_ line: String, _ expected: YesNoUnsure) {
        #expect(read(line, at: Self.pregnant).verdict == .understood(.yesNo(expected)))
    }

    // MARK: - Questions asked back

    @Test(arguments: [
        "can I have it while pregnant?", "is it ok if im breastfeeding", "can i do it with active acne",
        "what if I have a raised scar from surgery?", "does a c-section scar count", "why do you need to know?",
        "what is isotretinoin", "how long do i have to wait", "yes?? does it matter",
    ])
    func aQuestionIsNeverStored(_ line: String) {
        #expect(read(line, at: Self.consent, .yesNo).verdict == .notAnAnswer)
        #expect(read(line, at: Self.keloid).verdict == .notAnAnswer)
    }

    @Test(arguments: ["had my baby 6 weeks ago", "was told i have melasma", "could be", "have had one before"])
    func statementsThatStartLikeQuestionsAreAnswers(_ line: String) {
        #expect(read(line, at: Self.keloid).verdict != .notAnAnswer)
    }

    // MARK: - Mixed and qualified answers

    @Test func notXButYAboutSomethingElseKeepsTheNoAndCarriesY() {
        let reading = read("I'm not pregnant but I'm breastfeeding", at: Self.pregnant)
        #expect(reading.verdict == .confirm(.yesNo(.no), .namesSomethingElse))
        #expect(reading.rest == "i'm breastfeeding")
        let followUp = read(reading.rest ?? "", at: Self.breastfeeding)
        #expect(followUp.value == .yesNo(.yes))
    }

    @Test func noJustSomethingElseIsConfirmed() {
        let reading = read("nope, just breastfeeding", at: Self.pregnant)
        #expect(reading.verdict == .confirm(.yesNo(.no), .namesSomethingElse))
        #expect(read(reading.rest ?? "", at: Self.breastfeeding).value == .yesNo(.yes))
    }

    @Test func aSecondFactAboutTheQuestionItselfIsTheAnswer() {
        #expect(read("I don't have a blood disorder but I bruise easily", at: Self.bleeding, .yesNo).verdict
            == .confirm(.yesNo(.yes), .qualified))
        #expect(read("not a disorder but i do bruise a lot", at: Self.bleeding, .yesNo).value == .yesNo(.yes))
    }

    @Test func thePastIsAYesToEverAndANoToRightNow() {
        let stopped = read("no, I stopped taking it 2 months ago", at: Self.isotretinoin, .yesNo)
        #expect(stopped.verdict == .confirm(.yesNo(.yes), .mentionsTime))
        #expect(stopped.rest == "i stopped taking it 2 months ago")
        #expect(read("not anymore", at: Self.isotretinoin, .yesNo).verdict == .confirm(.yesNo(.yes), .mentionsTime))
        #expect(read("not anymore", at: Self.acneNow, .yesNo).verdict == .confirm(.yesNo(.no), .mentionsTime))
        #expect(read("yes but years ago", at: Self.keloid).verdict == .confirm(.yesNo(.yes), .mentionsTime))
    }

    @Test func inTheMiddleIsConfirmedTowardsItsSide() {
        #expect(read("only a little", at: Self.acneNow, .yesNo).verdict == .confirm(.yesNo(.yes), .partial))
        #expect(read("sometimes", at: Self.bleeding, .yesNo).verdict == .confirm(.yesNo(.yes), .partial))
        #expect(read("no, only a couple of spots", at: Self.acneNow, .yesNo).value == .yesNo(.yes))
        #expect(read("not really", at: Self.bleeding, .yesNo).verdict == .confirm(.yesNo(.no), .partial))
    }

    @Test func guessesAreNotSureWhereOfferedAndConfirmedElsewhere() {
        #expect(read("I think so", at: Self.keloid).verdict == .understood(.yesNo(.unsure)))
        #expect(read("i doubt it", at: Self.keloid).verdict == .understood(.yesNo(.unsure)))
        #expect(read("I think so", at: Self.consent, .yesNo).verdict == .confirm(.yesNo(.yes), .hedged))
        #expect(read("not that I know of", at: Self.keloid).verdict == .confirm(.yesNo(.no), .hedged))
    }

    @Test func whatSomeoneElseHasIsNotTheAnswer() {
        let reading = read("my sister has keloids, i dont", at: Self.keloid)
        #expect(reading.value == .yesNo(.no))
    }

    @Test func anIndirectAnswerNamingTheSubjectIsConfirmed() {
        #expect(read("I bruise easily", at: Self.bleeding, .yesNo).verdict == .confirm(.yesNo(.yes), .indirect))
        #expect(read("I have a breakout", at: Self.acneNow, .yesNo).verdict == .understood(.yesNo(.yes)))
    }

    @Test func wordsAboutSomethingElseAreNotAnAnswerButAreKept() {
        let reading = read("warfarin", at: Self.acneNow, .yesNo)
        guard case .notUnderstood = reading.verdict else {
            Issue.record("expected notUnderstood, got \(reading.verdict)")
            return
        }
        #expect(reading.rest == "warfarin")
    }

    @Test func termsOfAQuestionCountAsItsWords() {
        var focus = QuestionFocus(question: "Do you take a blood thinner or a daily aspirin?")
        focus.stems.formUnion(QuestionFocus(question: "warfarin eliquis").stems)
        #expect(interpreter.read("warfarin", as: .yesNo, focus: focus).value == .yesNo(.yes))
    }

    @Test func yesAndNoWithNothingToChooseIsAskedAgain() {
        #expect(read("yes no", at: Self.keloid).verdict == .notUnderstood(.bothYesAndNo(allowsUnsure: true)))
    }

    @Test func aTypingSlipIsConfirmed() {
        #expect(read("yse", at: Self.keloid).verdict == .confirm(.yesNo(.yes), .typo))
        #expect(read("nopw", at: Self.keloid).verdict == .confirm(.yesNo(.no), .typo))
    }

    // MARK: - Choices

    static let treatments = AnswerKind.multipleChoice([
        ChoiceOption(id: "filler", label: "Filler injections", synonyms: ["fillers"]),
        ChoiceOption(id: "botox", label: "Botox or other anti-wrinkle injections", synonyms: ["anti-wrinkle"]),
        ChoiceOption(id: "surgery", label: "Surgery", synonyms: ["operation", "facelift"]),
    ], none: ChoiceOption(id: "none", label: "None of these"))

    @Test func aChoiceNeverMatchesTheStartOfALongerWord() {
        guard case .notUnderstood = interpreter.read("face", as: Self.treatments).verdict else {
            Issue.record("'face' must not select Surgery through 'facelift'")
            return
        }
    }

    @Test func aTypingSlipInAChoiceIsConfirmed() {
        #expect(interpreter.read("botx", as: Self.treatments).verdict == .confirm(.choices(["botox"]), .typo))
        #expect(interpreter.read("filer", as: Self.treatments).verdict == .confirm(.choices(["filler"]), .typo))
    }

    @Test func wordsRunTogetherOrApartStillMatch() {
        #expect(interpreter.read("anti wrinkle injections", as: Self.treatments).verdict == .understood(.choices(["botox"])))
    }

    @Test func aTimeInAChoiceIsConfirmedAndKept() {
        let reading = interpreter.read("botox 2 years ago", as: Self.treatments)
        #expect(reading.verdict == .confirm(.choices(["botox"]), .mentionsTime))
        #expect(reading.rest == "2 years ago")
    }

    @Test func aNumberBelongingToAWordIsNotAnOption() {
        let kind = AnswerKind.singleChoice([ChoiceOption(id: "no", label: "No"), ChoiceOption(id: "yes", label: "Yes")])
        guard case .notUnderstood = interpreter.read("type 1", as: kind).verdict else {
            Issue.record("'type 1' must not choose option 1")
            return
        }
    }

    // MARK: - Vague dates

    let today = InterpretationFixtures.today  // 2026-09-15

    @Test(arguments: [
        ("last year", "2025-01-01", "2025-12-31"), ("in 2024", "2024-01-01", "2024-12-31"),
        ("March", "2026-03-01", "2026-03-31"), ("march 2025", "2025-03-01", "2025-03-31"),
        ("last month", "2026-08-01", "2026-08-31"), ("september last year", "2025-09-01", "2025-09-30"),
        ("the year before last", "2024-01-01", "2024-12-31"), ("last summer", "2026-06-01", "2026-08-31"),
    ])
    func aCalendarSpanIsItsWholeRange(_ line: String, _ first: String, _ last: String) {
        let range = DateRange(earliest: CalendarDay(iso: first), latest: CalendarDay(iso: last)!)
        #expect(interpreter.read(line, as: .date).verdict == .understood(.dateRange(range)))
    }

    @Test(arguments: ["ages ago", "a while back", "can't remember", "dunno", "no idea", "years ago"])
    func aVagueDateIsUnknownNeverAMadeUpDay(_ line: String) {
        guard case let .understood(.dateRange(range)) = interpreter.read(line, as: .date).verdict else {
            Issue.record("\(line) should read as a range")
            return
        }
        #expect(range.earliest == nil)
        #expect(range.latest <= today)
    }

    @Test func aFewMonthsAgoIsARange() {
        guard case let .understood(.dateRange(range)) = interpreter.read("a few months ago", as: .date).verdict else {
            Issue.record("expected a range")
            return
        }
        #expect(range.earliest == today.adding(months: -6))
        #expect(range.latest == today.adding(months: -2))
    }

    @Test func aDateInsideASentenceIsFound() {
        #expect(interpreter.read("I stopped it 2 months ago", as: .date).verdict == .understood(.date(today.adding(months: -2))))
        #expect(interpreter.read("my mum says about 2 months ago", as: .date).verdict
            == .confirm(.date(today.adding(months: -2)), .partialMatch))
    }
}

extension AnswerReadingTests {
    /// A page of text at a yes/no, choice or date question is not read (it would only cost time), free text is kept.
    @Test func aVeryLongLineIsNotReadExceptAsFreeText() {
        let long = String(repeating: "no but i stopped it 2 months ago ", count: 100)
        for kind in [AnswerKind.yesNoUnsure, .date, Self.treatments, .number(InterpretationFixtures.age)] {
            #expect(interpreter.read(long, as: kind).verdict == .notUnderstood(.tooLong))
        }
        guard case let .text(kept)? = interpreter.read(long, as: .text(pattern: nil)).value else {
            Issue.record("free text should be kept")
            return
        }
        #expect(kept.hasPrefix("no but i stopped it 2 months ago no but"))
    }
}
