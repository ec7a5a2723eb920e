import Foundation
import Testing
@testable import ConsultCore

/// The session side of answer understanding: readings said back and confirmed, words carried to the questions
/// they answer, questions asked back, and vague dates treated carefully.
@Suite struct AnswerConfirmationTests {
    static let dialog = """
    dialog: screening
    version: 1.0.0
    title: Confirmation test
    entry: true
    settings: settings.yaml
    nodes:
      - ask: Are you pregnant, or could you be pregnant?
        id: pregnant
        type: yes-no-unsure
        readback:
          yes: you are pregnant or could be
          no: you are not pregnant
          unsure: you are not sure whether you are pregnant
      - ask: Are you breastfeeding?
        id: breastfeeding
        type: yes-no-unsure
        readback:
          yes: you are breastfeeding
          no: you are not breastfeeding
      - ask: Have you ever taken isotretinoin (also called Accutane) for acne?
        id: isotretinoin
        type: yes-no-unsure
        terms: [accutane, roaccutane, absorica]
      - branch:
          - if: isotretinoin != yes
            goto: thinners
      - ask: Are you still taking isotretinoin, or have you stopped?
        id: isotretinoin_status
        type: choice
        options:
          - id: still_taking
            label: I'm still taking it
          - id: stopped
            label: I've stopped
            synonyms: [stopped taking, finished]
      - branch:
          - if: isotretinoin_status == still_taking
            goto: thinners
      - ask: When did you take your last dose?
        id: isotretinoin_stopped
        type: date
      - id: thinners
        ask: Do you take a blood thinner or a daily aspirin?
        type: yes-no-unsure
        terms: [warfarin, eliquis]
      - branch:
          - if: thinners == no
            goto: done
      - ask: Which one do you take?
        id: thinner_name
        type: text
        required: false
      - id: done
        end: Thank you.
    rules:
      - id: pregnancy
        when: pregnant != no or breastfeeding != no
        outcome: defer
        reason: Pregnant or breastfeeding.
      - id: isotretinoin_recent
        when: isotretinoin_status == stopped and months_since(isotretinoin_stopped) < wait_months
        outcome: defer
        reason: "Last isotretinoin dose less than {wait_months} months ago."
        patient: We wait {wait_months} months after the last dose.
    faq_retrieval: { answer_at: 0.5, margin: 0.2, offer_at: 0.3 }
    faq:
      - id: pregnancy_faq
        questions: ["Can I have it while pregnant?", "Is it safe during pregnancy?"]
        keywords: [pregnant, pregnancy]
        answer: Micro-needling is not advised during pregnancy.
      - id: sun_faq
        questions: ["Can I go in the sun after treatment?"]
        keywords: [sun]
        answer: Stay out of the sun for about 48 hours.
      - id: sunscreen_faq
        questions: ["Can I wear sunscreen after treatment?"]
        keywords: [sunscreen]
        answer: Yes, every day.
    """

    static let settings = "wait_months: 6\n"

    static func machine() throws -> ConsultationStateMachine {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("consult-confirm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try dialog.write(to: folder.appendingPathComponent("screening.yaml"), atomically: true, encoding: .utf8)
        try settings.write(to: folder.appendingPathComponent("settings.yaml"), atomically: true, encoding: .utf8)
        let result = ConsultationLoader.load(path: folder.path)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        return ConsultationStateMachine(consultation: try #require(result.consultation), id: "0000abcd", started: SessionTestDialog.started)
    }

    @Test func aQualifiedAnswerIsSaidBackAndStoredOnlyWhenAccepted() throws {
        var machine = try Self.machine()
        var action = machine.answer("I'm not pregnant but I'm breastfeeding")
        var prompt = try #require(action.prompt)
        #expect(prompt.style == .confirmation)
        #expect(prompt.text == "I understood: no, you are not pregnant. Is that right?")
        #expect(machine.state.answerValues["pregnant"] == nil)

        // Accepted: stored with how it was confirmed; the second fact is offered to the next question.
        action = machine.lineReceived("yes", at: SessionTestDialog.finished)
        #expect(machine.state.answerValues["pregnant"] == .some(.yesNo(.no)))
        let stored = try #require(machine.state.answers.last?.answer)
        #expect(stored.text == "I'm not pregnant but I'm breastfeeding")
        #expect(stored.confirmation?.doubt == .namesSomethingElse)
        prompt = try #require(action.prompt)
        #expect(prompt.nodeID == "breastfeeding")
        #expect(prompt.style == .confirmation)
        #expect(prompt.text.contains("You mentioned \u{201C}i'm breastfeeding\u{201D}. I understood: yes, you are breastfeeding. Is that right?"))

        action = machine.lineReceived("yes", at: SessionTestDialog.finished)
        #expect(machine.state.answerValues["breastfeeding"] == .some(.yesNo(.yes)))
        #expect(machine.state.answers.last?.answer.confirmation?.from == "pregnant")
        #expect(action.prompt?.nodeID == "isotretinoin")
    }

    @Test func aRejectedReadingAsksTheQuestionAgainAndStoresNothing() throws {
        var machine = try Self.machine()
        machine.answer("nope, just breastfeeding")
        let action = machine.lineReceived("no", at: SessionTestDialog.finished)
        #expect(action.messages(.notice) == ["OK, let's try that question again."])
        #expect(action.prompt?.nodeID == "pregnant")
        #expect(action.prompt?.style == .question)
        #expect(machine.state.answerValues["pregnant"] == nil)
    }

    @Test func aNewAnswerAtTheConfirmationIsReadAsTheAnswer() throws {
        var machine = try Self.machine()
        machine.answer("nope, just breastfeeding")
        _ = machine.lineReceived("not sure", at: SessionTestDialog.finished)
        #expect(machine.state.answerValues["pregnant"] == .some(.yesNo(.unsure)))
    }

    @Test func backAtAConfirmationReturnsToItsQuestion() throws {
        var machine = try Self.machine()
        machine.answer("no")
        _ = machine.lineReceived("only a little", at: SessionTestDialog.finished)
        let action = machine.lineReceived("back", at: SessionTestDialog.finished)
        #expect(action.prompt?.nodeID == "breastfeeding")
        #expect(action.prompt?.style == .question)
        #expect(machine.state.answerValues["pregnant"] == .some(.yesNo(.no)))
    }

    @Test func anAnswerCarryingItsFollowUpsConfirmsEachInsteadOfAskingBlindly() throws {
        var machine = try Self.machine()
        var action = machine.answer("no", "no", "no, I stopped taking it 2 months ago")
        #expect(action.prompt?.text == "I understood: yes. Is that right?")
        action = machine.lineReceived("yes", at: SessionTestDialog.finished)
        #expect(machine.state.answerValues["isotretinoin"] == .some(.yesNo(.yes)))
        #expect(action.prompt?.nodeID == "isotretinoin_status")
        #expect(action.prompt?.text.contains("I understood: I've stopped.") == true)
        action = machine.lineReceived("yes", at: SessionTestDialog.finished)
        #expect(action.prompt?.nodeID == "isotretinoin_stopped")
        let twoMonthsAgo = CalendarDay(SessionTestDialog.started).adding(months: -2)
        #expect(action.prompt?.text.contains("I understood: \(twoMonthsAgo.spoken).") == true)
        action = machine.lineReceived("yes", at: SessionTestDialog.finished)
        #expect(machine.state.answerValues["isotretinoin_stopped"] == .some(.date(twoMonthsAgo)))
        #expect(machine.firedRules().map(\.id) == ["isotretinoin_recent"])
        // The staff reason shows the waiting period's value, not its name.
        let record = machine.record(finishedAt: SessionTestDialog.finished)
        #expect(record.outcome.reasons.first?.message == "Last isotretinoin dose less than 6 months ago.")
    }

    @Test func wordsNamingAMedicineAreConfirmedAtTheFollowUp() throws {
        var machine = try Self.machine()
        // "warfarin" is one of the question's terms: a clear yes, and the name goes to the follow-up.
        let action = machine.answer("no", "no", "no", "yes, warfarin")
        #expect(machine.state.answerValues["thinners"] == .some(.yesNo(.yes)))
        #expect(action.prompt?.nodeID == "thinner_name")
        #expect(action.prompt?.style == .confirmation)
        #expect(action.prompt?.text.contains("I understood: \u{201C}warfarin\u{201D}.") == true)
        _ = machine.lineReceived("yes", at: SessionTestDialog.finished)
        #expect(machine.state.answerValues["thinner_name"] == .some(.text("warfarin")))
    }

    @Test func aQuestionAskedBackIsAnsweredAndTheQuestionComesBack() throws {
        var machine = try Self.machine()
        let action = machine.answer("can I have it while pregnant?")
        #expect(action.messages(.faqAnswer) == ["Micro-needling is not advised during pregnancy."])
        #expect(action.prompt?.nodeID == "pregnant")
        #expect(machine.state.answerValues["pregnant"] == nil)
        let unknown = machine.lineReceived("do you have parking?", at: SessionTestDialog.finished)
        #expect(unknown.messages(.unanswered).count == 1)
        #expect(machine.state.faq.map(\.answered) == [true, false])
    }

    @Test func closeFAQEntriesAreOfferedAndTheChosenOneAnswers() throws {
        var machine = try Self.machine()
        let action = machine.answer("sun and sunscreen?")
        let prompt = try #require(action.prompt)
        #expect(prompt.text == "Did you mean one of these questions?")
        #expect(prompt.options == ["Can I go in the sun after treatment?", "Can I wear sunscreen after treatment?", "None of these"])
        let answered = machine.lineReceived("2", at: SessionTestDialog.finished)
        #expect(answered.messages(.faqAnswer) == ["Yes, every day."])
        #expect(answered.prompt?.nodeID == "pregnant")
        #expect(machine.state.faq == [FAQRecord(asked: "sun and sunscreen?", answered: true, entry: "sunscreen_faq")])
    }

    @Test func anOfferLeftForAnAnswerNotesTheQuestionAndTakesTheAnswer() throws {
        var machine = try Self.machine()
        machine.answer("sun and sunscreen?")
        let action = machine.lineReceived("no", at: SessionTestDialog.finished)
        // "no" to "Did you mean" is none of these: noted for staff, and the same question again.
        #expect(action.messages(.unanswered).count == 1)
        #expect(action.prompt?.nodeID == "pregnant")
        _ = machine.lineReceived("sun and sunscreen?", at: SessionTestDialog.finished)
        let moved = machine.lineReceived("not pregnant", at: SessionTestDialog.finished)
        #expect(moved.messages(.unanswered) == ["I've noted your earlier question for the staff."])
        #expect(machine.state.answerValues["pregnant"] == .some(.yesNo(.no)))
        #expect(machine.state.faq.map(\.answered) == [false, false])
    }

    @Test func aVagueDateThatMayBeWithinTheWaitIsReviewedNotDeferredOrPassed() throws {
        var machine = try Self.machine()
        machine.answer("no", "no", "yes", "stopped", "can't remember")
        #expect(machine.state.answerValues["isotretinoin_stopped"] == .some(.dateRange(DateRange(earliest: nil, latest: CalendarDay(SessionTestDialog.started)))))
        let fired = machine.firedRules()
        #expect(fired.map(\.id) == ["isotretinoin_recent"])
        #expect(fired.first?.effect == .review)
        #expect(fired.first?.isPossible == true)
        #expect(machine.outcomeStatus() == .review)
    }

    @Test func aVagueDateEntirelyOutsideTheWaitFiresNothing() throws {
        var machine = try Self.machine()
        machine.answer("no", "no", "yes", "stopped", "in 2024")
        #expect(machine.firedRules().isEmpty)
        #expect(machine.outcomeStatus() == .proceed)
    }

    @Test func theSummaryRecordsWhatWasTypedReadAndConfirmed() throws {
        var machine = try Self.machine()
        machine.answer("nope, just breastfeeding", "yes")
        let record = machine.record(finishedAt: SessionTestDialog.finished)
        let page = MarkdownSummary(record: record).render()
        #expect(page.contains("| Are you pregnant, or could you be pregnant? | no (typed: \"nope, just breastfeeding\") | said back and confirmed: \"I understood: no, you are not pregnant.\" |"))
    }
}
