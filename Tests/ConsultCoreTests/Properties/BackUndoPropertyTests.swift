import Foundation
import Testing
@testable import ConsultCore

/// Random sequences of answers, re-answers, `back`, restarts and staff rehearsal's `set` and `goto`, played against
/// the state machine and against a reference model that keeps a full copy of everything `back` restores at every
/// checkpoint (as the state machine itself once did): after every event, the machine's answers (in order) and
/// answers by id are the model's, and each `back` restores exactly the answers, call stack and topics of before the
/// event that left its checkpoint.
///
/// Streams come from seeds, printed with any failure together with the events so far.
@Suite("property: back restores what the event it undoes changed")
struct BackUndoPropertyTests {
    static let seeds: [UInt64] = Array(0..<24).map { 0xBAC4_2026_0000 + $0 }
    static let eventsPerStream = 120
    static let started = Date(timeIntervalSince1970: 1_781_514_000)

    @Test func bundledConsultation() throws {
        let consultation = try BundledConsultation.consultation()
        var seen = Coverage()
        for seed in Self.seeds { try Self.play(consultation, seed: seed, seen: &seen) }
        seen.expectEverythingPlayed()
    }

    @Test func testConsultation() throws {
        let consultation = try SessionTestDialog.load()
        var seen = Coverage()
        for seed in Self.seeds { try Self.play(consultation, seed: seed, seen: &seen) }
        seen.expectEverythingPlayed()
    }

    /// How often the streams did what the property is about, so that a change of the driver cannot leave it untested.
    struct Coverage {
        var backs = 0
        /// `set` of an answer that was not the last one.
        var setsInTheMiddle = 0
        /// An answer stored again for a question answered earlier (after `goto` or `set`).
        var answersMoved = 0
        /// `back` over either of those.
        var backsOverAChangeInTheMiddle = 0
        var restarts = 0
        var resumes = 0

        func expectEverythingPlayed() {
            #expect(backs > 50 && setsInTheMiddle > 10 && answersMoved > 10 && backsOverAChangeInTheMiddle > 5
                    && restarts > 0 && resumes > 0, "\(self)")
        }
    }

    // MARK: - The reference model

    /// What `back` must restore: a full copy, taken before the event that left the checkpoint.
    struct Snapshot: Equatable {
        var answers: [SessionState.StoredAnswer]
        var callStack: [NodeAddress]
        var topics: [TopicRecord]

        init(_ state: SessionState) {
            answers = Array(state.answers)
            callStack = state.callStack
            topics = state.topics
        }
    }

    /// Answers by id as they were always built: from the list, the last of an id winning.
    static func values(_ answers: [SessionState.StoredAnswer]) -> [String: AnswerValue?] {
        var values: [String: AnswerValue?] = [:]
        for stored in answers { values[stored.answer.id] = .some(stored.answer.value) }
        return values
    }

    /// What the driver did.
    enum Event: CustomStringConvertible {
        case line(String)
        case set(String, String)
        case jump(NodeAddress)

        var description: String {
            switch self {
            case let .line(text): text.debugDescription
            case let .set(id, text): "set \(id) \(text.debugDescription)"
            case let .jump(address): "goto \(address)"
            }
        }
    }

    static func play(_ consultation: Consultation, seed: UInt64, seen: inout Coverage) throws {
        var random = SplitMix64(seed: seed)
        var patient = RandomPatient(seed: seed, temperament: .steady, consultation: consultation)
        let ids = consultation.questions.keys.sorted()
        let entryQuestions = ids.compactMap { consultation.questions[$0] }.filter { $0.dialog == consultation.entry }
        var machine = ConsultationStateMachine(consultation: consultation, mode: .rehearsal, id: "undo0001", started: started)
        var action = machine.start(at: started)
        var checkpoints: [Snapshot] = []
        /// Whether the event that left each checkpoint changed an answer other than the last.
        var inTheMiddle: [Bool] = []
        var expected: [SessionState.StoredAnswer] = []
        var events: [Event] = []

        for step in 0..<eventsPerStream {
            if case .finish = action {
                machine = ConsultationStateMachine(consultation: consultation, mode: .rehearsal, id: "undo0001", started: started)
                action = machine.start(at: started)
                checkpoints = []
                inTheMiddle = []
                expected = []
            }
            guard let prompt = action.prompt else { break }
            let before = Snapshot(machine.state)
            let phaseBefore = machine.state.phase
            let historyBefore = machine.state.history.count
            let roll = Int.random(in: 0..<100, using: &random)
            var event: Event
            var setAnswer: SessionState.StoredAnswer?
            switch (roll, phaseBefore) {
            case (0..<18, .awaiting):
                event = .line("back")
                action = machine.lineReceived("back", at: started)
            case (18..<30, .awaiting):
                let id = ids[Int.random(in: 0..<ids.count, using: &random)]
                let text = Self.plainAnswer(to: id, in: machine, using: &random)
                event = .set(id, text)
                if case let .replaced(_, now, next) = machine.replaceAnswer(id, with: text, at: started) {
                    action = next
                    let address = consultation.questions[id]!
                    setAnswer = .init(answer: now, address: before.answers.first { $0.answer.id == id }?.address ?? address)
                }
            case (30..<36, .awaiting) where !entryQuestions.isEmpty:
                let address = entryQuestions[Int.random(in: 0..<entryQuestions.count, using: &random)]
                event = .jump(address)
                if case let .jumped(next) = machine.jump(to: address, callStack: [], at: started) { action = next }
            case (36..<38, .awaiting):
                event = .line("restart")
                action = machine.lineReceived("restart", at: started)
            default:
                let text = if case .confirming(.restart, _) = phaseBefore { "yes" } else { patient.answer(to: prompt) }
                event = .line(text)
                action = machine.lineReceived(text, at: started)
            }
            events.append(event)
            let state = machine.state
            let context = "seed \(seed), step \(step): \(events.suffix(12).map(\.description).joined(separator: " | "))"

            // The model's answers after the event.
            var restarted = false
            if case .confirming(.restart, _) = phaseBefore, state.history.isEmpty, state.answers.isEmpty { restarted = true }
            var atQuestion = false
            switch phaseBefore {
            case let .awaiting(point): atQuestion = point.stage == .question
            case .confirmingAnswer: atQuestion = true
            case .notStarted, .confirming, .choosingFAQ, .finished: break
            }
            switch state.history.count - historyBefore {
            case _ where restarted:
                checkpoints = []
                inTheMiddle = []
                expected = []
                seen.restarts += 1
            case -1:
                let popped = checkpoints.popLast()
                let restored = try #require(popped, "\(context)")
                #expect(Snapshot(state) == restored, "back did not restore what it should: \(context)")
                expected = restored.answers
                seen.backs += 1
                if inTheMiddle.removeLast() { seen.backsOverAChangeInTheMiddle += 1 }
            case 1:
                checkpoints.append(before)
                var middle = false
                switch event {
                case .set:
                    let now = try #require(setAnswer, "\(context)")
                    if let index = expected.firstIndex(where: { $0.answer.id == now.answer.id }) {
                        middle = index < expected.count - 1
                        if middle { seen.setsInTheMiddle += 1 }
                        expected[index] = now
                    } else {
                        expected.append(now)
                    }
                case .line where atQuestion:
                    // An answer is stored last, and an earlier answer to the same question leaves its place.
                    let now = try #require(state.answers.last, "\(context)")
                    if let index = expected.firstIndex(where: { $0.answer.id == now.answer.id }) {
                        middle = index < expected.count - 1
                        if middle { seen.answersMoved += 1 }
                    }
                    expected.removeAll { $0.answer.id == now.answer.id }
                    expected.append(now)
                default:
                    break  // a topic read or skipped, a jump: the answers stay
                }
                inTheMiddle.append(middle)
            default:
                #expect(state.history.count == historyBefore, "more than one checkpoint at once: \(context)")
            }
            #expect(Array(state.answers) == expected, "answers: \(context)")
            #expect(state.answerValues == Self.values(expected), "answers by id: \(context)")
            #expect(state.history.count == checkpoints.count, "checkpoints: \(context)")

            // A saved and resumed session is the same session, and goes on the same.
            if step % 20 == 19, !machine.isFinished {
                let decoded = try JSONDecoder().decode(SessionState.self, from: try JSONEncoder().encode(state))
                #expect(decoded == state, "\(context)")
                #expect(decoded.answerValues == state.answerValues, "\(context)")
                machine = try ConsultationStateMachine(consultation: consultation, restoring: decoded)
                seen.resumes += 1
                action = machine.current(at: started)
            }
        }
    }

    /// A plain answer to question `id`, as staff would type it after `set`: sometimes `skip`.
    static func plainAnswer(to id: String, in machine: ConsultationStateMachine, using random: inout SplitMix64) -> String {
        guard let question = machine.consultation.question(id) else { return "skip" }
        if !question.required, Int.random(in: 0..<5, using: &random) == 0 { return "skip" }
        switch machine.answerKind(of: question) {
        case .yesNo, .yesNoUnsure: return ["yes", "no"][Int.random(in: 0..<2, using: &random)]
        case let .singleChoice(options): return options.isEmpty ? "1" : options[Int.random(in: 0..<options.count, using: &random)].label
        case let .multipleChoice(options, none): return none?.label ?? options.first?.label ?? "1"
        case let .number(range):
            let low = Int(range.minimum ?? 0), high = Int(range.maximum ?? 100)
            return String(Int.random(in: low...max(low, high), using: &random))
        case .date: return "2020-01-15"
        case .text: return "nothing"
        case .acknowledgement: return ""
        }
    }
}
