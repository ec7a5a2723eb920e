import Foundation
import Testing
@testable import ConsultCore

/// `back` after the changes that touch an answer other than the last: rehearsal's `set` of an answer in the middle of
/// the list, and an answer set before its question is asked, which moves to the end when the patient answers it.
/// The expected lists are the session's own, copied before each change, as `back` once kept them.
@Suite struct BackAfterChangesTests {
    static let now = SessionTestDialog.finished

    static func ids(_ machine: ConsultationStateMachine) -> [String] {
        machine.state.answers.map(\.answer.id)
    }

    @Test func backAfterASetInTheMiddleRestoresTheListAsItWas() throws {
        var machine = try SessionTestDialog.machine()
        machine.answer("acne", "40", "no")
        let asked = Array(machine.state.answers)
        #expect(Self.ids(machine) == ["concern", "age", "pregnant"])

        guard case .replaced(let previous, _, _) = machine.replaceAnswer("age", with: "30", at: Self.now) else {
            Issue.record("age was not set")
            return
        }
        #expect(previous?.value == .number(40))
        let set = Array(machine.state.answers)
        #expect(Self.ids(machine) == ["concern", "age", "pregnant"])  // changed where it stands
        #expect(set[1].address == asked[1].address)
        #expect(machine.state.answerValues["age"] == .some(.number(30)))

        let keloid = machine.state.phase
        _ = machine.lineReceived("no", at: Self.now)
        #expect(Self.ids(machine) == ["concern", "age", "pregnant", "keloid"])

        _ = machine.lineReceived("back", at: Self.now)
        #expect(Array(machine.state.answers) == set)
        #expect(machine.state.phase == keloid)
        _ = machine.lineReceived("back", at: Self.now)
        #expect(Array(machine.state.answers) == asked)
        #expect(machine.state.answerValues["age"] == .some(.number(40)))
        #expect(machine.state.phase == keloid)  // a set stays where the session stood
        _ = machine.lineReceived("back", at: Self.now)
        #expect(Self.ids(machine) == ["concern", "age"])
        #expect(machine.state.answerValues["pregnant"] == nil)
    }

    @Test func anAnswerSetBeforeItsQuestionMovesWhenAnsweredAndBackPutsItBack() throws {
        var machine = try SessionTestDialog.machine()
        machine.answer("acne")
        _ = machine.replaceAnswer("notes", with: "I bruise easily", at: Self.now)
        #expect(Self.ids(machine) == ["concern", "notes"])
        for line in ["40", "no", "no"] { _ = machine.lineReceived(line, at: Self.now) }
        let before = Array(machine.state.answers)
        #expect(Self.ids(machine) == ["concern", "notes", "age", "pregnant", "keloid"])
        #expect(machine.currentPrompt().nodeID == "notes")

        _ = machine.lineReceived("", at: Self.now)  // skipped now: the answer leaves its place for the end
        #expect(Self.ids(machine) == ["concern", "age", "pregnant", "keloid", "notes"])
        #expect(machine.state.answerValues["notes"] == .some(nil))

        let back = machine.lineReceived("back", at: Self.now)
        #expect(Array(machine.state.answers) == before)
        #expect(machine.state.answerValues["notes"] == .some(.text("I bruise easily")))
        #expect(back.messages(.notice).contains { $0.contains("skip") })
    }

    @Test func aQuestionAnsweredAgainAfterGotoMovesAndBackPutsTheFirstAnswerBack() throws {
        var machine = try SessionTestDialog.machine()
        machine.answer("acne", "40", "no")
        let before = Array(machine.state.answers)
        guard case .jumped = machine.jump(to: NodeAddress(dialog: "clinic", index: 1), callStack: [], at: Self.now) else {
            Issue.record("goto concern did not jump")
            return
        }
        _ = machine.lineReceived("wrinkles", at: Self.now)
        #expect(Self.ids(machine) == ["age", "pregnant", "concern"])
        _ = machine.lineReceived("back", at: Self.now)
        #expect(Array(machine.state.answers) == before)
        _ = machine.lineReceived("back", at: Self.now)  // undoes the goto: the answers stay
        #expect(Array(machine.state.answers) == before)
    }

    @Test func restartLeavesNothingToGoBackTo() throws {
        var machine = try SessionTestDialog.machine()
        machine.answer("acne", "40")
        _ = machine.replaceAnswer("concern", with: "wrinkles", at: Self.now)
        _ = machine.lineReceived("restart", at: Self.now)
        _ = machine.lineReceived("yes", at: Self.now)
        #expect(machine.state.answers.isEmpty && machine.state.history.isEmpty && machine.state.answerValues.isEmpty)
        _ = machine.lineReceived("back", at: Self.now)
        #expect(machine.state.answers.isEmpty)
        _ = machine.lineReceived("acne", at: Self.now)
        #expect(Self.ids(machine) == ["concern"])
    }
}
