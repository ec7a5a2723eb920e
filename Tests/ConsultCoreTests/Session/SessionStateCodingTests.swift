import Foundation
import Testing
@testable import ConsultCore

@Suite struct SessionStateCodingTests {
    static let scripts: [[String]] = [
        [],
        ["acne"],
        ["wrinkles", "16"],
        ["acne", "40", "not sure", "back"],
        ["acne", "40", "no", "no", "", ""],
        ["acne", "quit"],
        ["acne", "40", "no", "yes", "skip"],
    ]

    @Test(arguments: scripts)
    func encodedStateResumesToTheSameState(_ script: [String]) throws {
        let consultation = try SessionTestDialog.load()
        var original = ConsultationStateMachine(consultation: consultation, id: "00000001", started: SessionTestDialog.started)
        _ = original.start(at: SessionTestDialog.started)
        for line in script { _ = original.lineReceived(line, at: SessionTestDialog.finished) }

        let data = try JSONEncoder().encode(original.state)
        let decoded = try JSONDecoder().decode(SessionState.self, from: data)
        #expect(decoded == original.state)

        var resumed = try ConsultationStateMachine(consultation: consultation, restoring: decoded)
        for line in ["40", "no", "yes", "back", "no", ""] {
            #expect(resumed.lineReceived(line, at: SessionTestDialog.finished) == original.lineReceived(line, at: SessionTestDialog.finished))
        }
        #expect(resumed.state == original.state)
    }

    /// The answers encode as the plain list they once were: journals already written hold checksums of that encoding
    /// (``JournalReplay/fingerprint(_:)``), and their replay must still match.
    @Test func answersEncodeAsThePlainListOfAnswers() throws {
        var machine = try SessionTestDialog.machine()
        machine.answer("acne", "40", "no", "no")
        _ = machine.replaceAnswer("age", with: "30", at: SessionTestDialog.finished)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let list = Array(machine.state.answers)
        #expect(list.count == 4)
        #expect(try encoder.encode(machine.state.answers) == (try encoder.encode(list)))
        let decoded = try JSONDecoder().decode(SessionState.AnswerList.self, from: try encoder.encode(list))
        #expect(decoded == machine.state.answers)
        #expect(decoded[id: "age"]?.answer.value == .number(30))
    }

    @Test func aSessionOfAnotherDialogVersionIsRefused() throws {
        let consultation = try SessionTestDialog.load()
        var state = ConsultationStateMachine(consultation: consultation, id: "code0001", started: Date()).state
        state.dialogVersion = "1.0.0"
        #expect(throws: SessionRestoreError.self) {
            try ConsultationStateMachine(consultation: consultation, restoring: state)
        }
    }

    @Test func replayingTheSameLinesGivesTheSameState() throws {
        let consultation = try SessionTestDialog.load()
        let lines = ["acne", "16", "back", "40", "maybe", "does it hurt?", "no", "", "more"]
        func play() -> SessionState {
            var machine = ConsultationStateMachine(consultation: consultation, id: "00000002", started: SessionTestDialog.started)
            _ = machine.start(at: SessionTestDialog.started)
            for line in lines { _ = machine.lineReceived(line, at: SessionTestDialog.finished) }
            return machine.state
        }
        #expect(play() == play())
    }
}
