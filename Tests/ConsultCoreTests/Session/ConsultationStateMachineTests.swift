import Foundation
import Testing
@testable import ConsultCore

@Suite struct ConsultationStateMachineTests {
    @Test func startShowsTheWelcomeAndAsksTheFirstQuestion() throws {
        var machine = try SessionTestDialog.machine()
        let action = machine.start(at: SessionTestDialog.started)
        #expect(action.messages(.say) == ["Welcome to Test Clinic."])
        let prompt = try #require(action.prompt)
        #expect(prompt.nodeID == "concern")
        #expect(prompt.options == ["Acne scars", "Wrinkles"])
        #expect(prompt.completions.contains("Acne scars"))
        #expect(prompt.completions.contains("back"))
    }

    @Test func looseAnswersAreReadAndStored() throws {
        var machine = try SessionTestDialog.machine()
        let action = machine.answer("acne", "34 years", "nope")
        #expect(action.prompt?.nodeID == "keloid")
        let values = machine.state.answerValues
        #expect(values["concern"] == .some(.choice("acne_scars")))
        #expect(values["age"] == .some(.number(34)))
        #expect(values["pregnant"] == .some(.yesNo(.no)))
    }

    @Test func anUnreadableAnswerIsAskedAgainWithAHintAndNotStored() throws {
        var machine = try SessionTestDialog.machine()
        let action = machine.answer("acne", "old enough")
        #expect(action.prompt?.nodeID == "age")
        #expect(action.messages(.hint).count == 1)
        if case let .prompt(_, _, showQuestion) = action { #expect(!showQuestion) }
        #expect(machine.state.answerValues["age"] == nil)
    }

    @Test func backFollowsTheBranchActuallyTakenAndUnfiresItsRules() throws {
        var machine = try SessionTestDialog.machine()
        var action = machine.answer("wrinkles", "16")
        #expect(action.prompt?.nodeID == "guardian")
        #expect(machine.firedRules().map(\.id) == ["minor"])

        action = machine.lineReceived("back", at: SessionTestDialog.finished)
        #expect(action.prompt?.nodeID == "age")
        #expect(action.messages(.notice).contains("You answered: 16 years"))
        #expect(machine.state.answerValues["age"] == nil)
        #expect(machine.firedRules().isEmpty)

        action = machine.lineReceived("30", at: SessionTestDialog.finished)
        #expect(action.prompt?.nodeID == "pregnant")
        action = machine.lineReceived("yes", at: SessionTestDialog.finished)
        #expect(action.prompt?.nodeID == "keloid")
        #expect(machine.state.answerValues["guardian"] == nil)
        #expect(machine.firedRules().map(\.id) == ["pregnancy"])
        #expect(machine.outcomeStatus() == .defer)
    }

    @Test func backOutOfACalledDialogReturnsToTheCaller() throws {
        var machine = try SessionTestDialog.machine()
        machine.answer("wrinkles", "40", "no")
        #expect(machine.state.callStack.count == 1)
        let action = machine.lineReceived("back", at: SessionTestDialog.finished)
        #expect(action.prompt?.nodeID == "pregnant")
        #expect(machine.state.callStack.isEmpty)
    }

    @Test func backAtTheFirstQuestionSaysThereIsNothingToGoBackTo() throws {
        var machine = try SessionTestDialog.machine()
        let action = machine.answer("back")
        #expect(action.prompt?.nodeID == "concern")
        #expect(action.messages(.notice) == [SessionText.english.nothingToGoBackTo])
    }

    @Test func anFAQQuestionIsAnsweredAndTheSameQuestionComesBack() throws {
        var machine = try SessionTestDialog.machine()
        let action = machine.answer("acne", "does it hurt?")
        #expect(action.prompt?.nodeID == "age")
        #expect(action.messages(.faqAnswer) == ["A numbing cream is used."])
        #expect(machine.state.faq == [FAQRecord(asked: "does it hurt?", answered: true, entry: "pain")])
    }

    @Test func aQuestionTheFAQCannotAnswerIsRecordedForStaff() throws {
        var machine = try SessionTestDialog.machine()
        let action = machine.answer("acne", "what is the capital of France?")
        #expect(action.prompt?.nodeID == "age")
        #expect(action.messages(.unanswered) == [SessionText.english.unanswered])
        #expect(machine.state.faq == [FAQRecord(asked: "what is the capital of France?", answered: false)])
    }

    @Test func whyRepeatAndHelpKeepTheQuestion() throws {
        var machine = try SessionTestDialog.machine()
        var action = machine.answer("acne", "why")
        #expect(action.messages(.why) == ["We treat adults only."])
        #expect(action.prompt?.nodeID == "age")
        action = machine.lineReceived("repeat", at: SessionTestDialog.finished)
        if case let .prompt(_, prompt, showQuestion) = action {
            #expect(showQuestion)
            #expect(prompt.text == "How old are you?")
        } else {
            Issue.record("repeat ended the session")
        }
        action = machine.lineReceived("help", at: SessionTestDialog.finished)
        #expect(action.messages(.help) == [SessionText.english.help])
    }

    @Test func skipWorksOnlyOnOptionalQuestions() throws {
        var machine = try SessionTestDialog.machine()
        var action = machine.answer("acne", "skip")
        #expect(action.prompt?.nodeID == "age")
        #expect(action.messages(.hint) == [SessionText.english.cannotSkip])
        action = machine.lineReceived("40", at: SessionTestDialog.finished)
        action = machine.lineReceived("no", at: SessionTestDialog.finished)
        action = machine.lineReceived("no", at: SessionTestDialog.finished)
        #expect(action.prompt?.nodeID == "notes")
        action = machine.lineReceived("skip", at: SessionTestDialog.finished)
        #expect(action.prompt?.style == .topicOffer)
        #expect(machine.state.answerValues["notes"] == .some(nil))
    }

    @Test func topicsCanBeReadWithMoreOrSkipped() throws {
        var reader = try SessionTestDialog.machine()
        var action = reader.answer("acne", "40", "no", "no", "")
        #expect(action.prompt?.style == .topicOffer)
        action = reader.lineReceived("", at: SessionTestDialog.finished)
        #expect(action.messages(.topicText) == ["About $600 to $1,000."])
        #expect(action.prompt?.style == .topicMore)
        action = reader.lineReceived("more", at: SessionTestDialog.finished)
        #expect(action.messages(.topicText) == ["Usually not covered by insurance."])
        #expect(reader.state.topics == [TopicRecord(id: "costs", title: "Costs", skipped: false)])

        var skipper = try SessionTestDialog.machine()
        skipper.answer("acne", "40", "no", "no", "", "skip")
        #expect(skipper.state.topics == [TopicRecord(id: "costs", title: "Costs", skipped: true)])
    }

    @Test func theEndWritesTheMostSevereOutcomeWithReasonsAndPrecautions() throws {
        var machine = try SessionTestDialog.machine()
        let action = machine.answer("acne", "40", "not sure", "yes", "", "skip")
        let record = try #require(action.record)
        #expect(action.messages(.outcome) == ["Please come back after pregnancy and breastfeeding."])
        #expect(action.messages(.say).last == "Thank you.")
        #expect(record.outcome.status == .defer)
        #expect(record.outcome.reasons.map(\.rule) == ["pregnancy", "keloid_review"])
        #expect(record.outcome.reasons.first?.answers == ["pregnant"])
        #expect(record.outcome.precautions.map(\.rule) == ["keloid_note"])
        #expect(record.highlights == ["concern"])
        #expect(record.estimate?.text == "about $600–$1,000 for 3–5 sessions")
        #expect(record.dialog == DialogIdentity(id: "clinic", version: "2.1.0", title: "Test consultation"))
        #expect(machine.isFinished)
    }

    @Test func endOfInputFinishesIncompleteKeepingTheAnswers() throws {
        var machine = try SessionTestDialog.machine()
        machine.answer("acne", "40")
        let record = try #require(machine.endOfInput(at: SessionTestDialog.finished).record)
        #expect(record.outcome.status == .incomplete)
        #expect(record.answers.map(\.id) == ["concern", "age"])
        #expect(record.finished == SessionTestDialog.finished)
    }

    @Test func quitAsksForConfirmationFirst() throws {
        var machine = try SessionTestDialog.machine()
        var action = machine.answer("acne", "quit")
        #expect(action.prompt?.style == .confirmation)
        action = machine.lineReceived("no", at: SessionTestDialog.finished)
        #expect(action.prompt?.nodeID == "age")
        action = machine.lineReceived("quit", at: SessionTestDialog.finished)
        action = machine.lineReceived("yes", at: SessionTestDialog.finished)
        #expect(action.record?.outcome.status == .incomplete)
    }

    @Test func restartClearsTheAnswersAfterConfirmation() throws {
        var machine = try SessionTestDialog.machine()
        machine.answer("acne", "40", "restart")
        let action = machine.lineReceived("yeah", at: SessionTestDialog.finished)
        #expect(action.prompt?.nodeID == "concern")
        #expect(machine.state.answers.isEmpty)
        #expect(machine.state.history.isEmpty)
    }

    @Test func anInterruptKeepsTheSessionAndSaysHowToQuit() throws {
        var machine = try SessionTestDialog.machine()
        machine.answer("acne")
        let action = machine.interrupted(at: SessionTestDialog.finished)
        #expect(action.prompt?.nodeID == "age")
        #expect(action.messages(.notice) == [SessionText.english.interrupted])
        #expect(!machine.isFinished)
    }

    @Test func anIdleTimeoutEndsTheSessionIncomplete() throws {
        var machine = try SessionTestDialog.machine()
        machine.answer("acne")
        #expect(machine.idleTimedOut(at: SessionTestDialog.finished).record?.outcome.status == .incomplete)
    }

    @Test func controlCharactersTypedByThePatientAreRemovedBeforeStoring() throws {
        var machine = try SessionTestDialog.machine()
        machine.answer("acne", "40", "no", "no", "I \u{1B}[31mbruise\u{07} easily")
        let notes = machine.state.answers.first { $0.answer.id == "notes" }
        #expect(notes?.answer.text == "I bruise easily")
    }
}
