import Foundation
import Testing
@testable import ConsultCore

/// The machine that runs against the machine that is proven: random dialogs, random patients, and for each the
/// session's path, outcome and fired rules compared with what the path explorer predicts for the classes of the
/// same answers (``PathExplorer/predict(answers:)``).
///
/// `CONSULT_DIFFERENTIAL_DIALOGS=N` plays N dialogs instead of 125, `CONSULT_DIFFERENTIAL_PATIENTS=P` P patients
/// each instead of 16, `CONSULT_DIFFERENTIAL_SEED=S` starts from another seed (`tests/differential.sh` sets them).
@Suite("differential: the session and the path explorer agree")
struct DifferentialTests {
    static let today = CalendarDay(year: 2026, month: 6, day: 15)!
    static let started = Date(timeIntervalSince1970: 1_781_514_000)
    static var patientsPerDialog: Int {
        ProcessInfo.processInfo.environment["CONSULT_DIFFERENTIAL_PATIENTS"].flatMap(Int.init) ?? 16
    }

    static var dialogCount: Int {
        ProcessInfo.processInfo.environment["CONSULT_DIFFERENTIAL_DIALOGS"].flatMap(Int.init) ?? 125
    }

    static var baseSeed: UInt64 {
        ProcessInfo.processInfo.environment["CONSULT_DIFFERENTIAL_SEED"].flatMap(UInt64.init) ?? 20_261_202
    }

    @Test("thousands of random patients through random dialogs take the path the explorer predicts")
    func sessionsMatchPredictions() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("consult-differential-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        var cases = 0
        var finishedBy: [OutcomeStatus: Int] = [:]
        var failures: [String] = []
        var loadFailures: [String] = []
        for index in 0..<Self.dialogCount {
            // The loader refuses a rule that can never fire, which random conditions sometimes make
            // (`q1 == yes and q1 == no`): such a dialog is replaced by the next seed's.
            var seed = Self.baseSeed &+ UInt64(index)
            var dialog = RandomDialog(seed: seed)
            var loaded = try Self.load(dialog, in: scratch.appendingPathComponent("\(seed)"))
            for retry in 1...5 where loaded.consultation == nil
                && loaded.errors.allSatisfy({ $0.message.contains("can never fire") }) {
                seed = Self.baseSeed &+ UInt64(index) &+ UInt64(retry) << 32
                dialog = RandomDialog(seed: seed)
                loaded = try Self.load(dialog, in: scratch.appendingPathComponent("\(seed)"))
            }
            guard let consultation = loaded.consultation else {
                loadFailures.append("seed \(seed): the generated dialog does not load: \(loaded.errors.map(\.description))")
                continue
            }
            var predictor = PathExplorer(consultation: consultation, today: Self.today).predictor()
            var patients = SplitMix64(seed: seed ^ 0xD1FF)
            for patient in 0..<Self.patientsPerDialog {
                let played = Self.play(consultation, dialog: dialog, random: &patients)
                let prediction = predictor.predict(answers: played.answers)
                cases += 1
                finishedBy[played.outcome, default: 0] += 1
                var problems: [String] = []
                if !prediction.unclassified.isEmpty { problems.append("answers in no class: \(prediction.unclassified)") }
                if prediction.prompts != played.prompts {
                    problems.append("path \(played.prompts.map(\.description)) but predicted \(prediction.prompts.map(\.description))")
                }
                if prediction.outcome != played.outcome {
                    problems.append("outcome \(played.outcome) but predicted \(prediction.outcome.map { "\($0)" } ?? "none")")
                }
                if prediction.firedRules != played.firedRules {
                    problems.append("fired \(played.firedRules) but predicted \(prediction.firedRules)")
                }
                if !problems.isEmpty {
                    failures.append("seed \(seed), patient \(patient), lines \(played.lines): \(problems.joined(separator: "; "))\n"
                                    + dialog.files.sorted { $0.key < $1.key }.map { "--- \($0.key)\n\($0.value)" }.joined())
                }
            }
        }
        #expect(loadFailures.isEmpty, "\(loadFailures.count) generated dialogs do not load; the first: \(loadFailures.first ?? "")")
        if let path = ProcessInfo.processInfo.environment["CONSULT_DIFFERENTIAL_REPORT"] {
            try (loadFailures + failures).joined(separator: "\n\n").write(toFile: path, atomically: true, encoding: .utf8)
        }
        #expect(failures.isEmpty, "\(failures.count) of \(cases) cases differ; the first:\n\(failures.first ?? "")")
        // The generator must reach every kind of finish, or the comparison proves little.
        #expect(cases == Self.dialogCount * Self.patientsPerDialog)
        for status in [OutcomeStatus.proceed, .review, .defer, .decline] {
            #expect(finishedBy[status, default: 0] > 0, "no random patient finished as \(status): \(finishedBy)")
        }
    }

    static func load(_ dialog: RandomDialog, in folder: URL) throws -> ConsultationLoader.Result {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in dialog.files {
            try text.write(to: folder.appendingPathComponent(name), atomically: false, encoding: .utf8)
        }
        return ConsultationLoader.load(path: folder.path)
    }

    /// What one random patient did.
    struct Played {
        var lines: [String] = []
        var prompts: [NodeAddress] = []
        /// The answers the session stored, in the order it took them.
        var answers: [(id: String, value: AnswerValue?)] = []
        var outcome: OutcomeStatus = .incomplete
        var firedRules: [String] = []
    }

    /// Plays a random patient who answers every question plainly until the consultation finishes.
    static func play(_ consultation: Consultation, dialog: RandomDialog, random: inout SplitMix64) -> Played {
        var played = Played()
        var machine = ConsultationStateMachine(consultation: consultation, id: "diff0001", started: started)
        var action = machine.start(at: started)
        var events = 0
        var asking: String?
        while events < 400 {
            if let trace = machine.lastWalk {
                // The session walked on: the question it waited at was answered.
                if let asking { played.answers.append((asking, machine.state.answerValues[asking] ?? nil)) }
                if let stop = trace.stop { played.prompts.append(stop) }
            }
            machine.lastWalk = nil
            if case .finish = action { break }
            if case let .awaiting(point) = machine.state.phase {
                // The question the next line answers; `nil` at a topic.
                if case let .ask(question)? = consultation.node(at: point.address)?.kind { asking = question.id } else { asking = nil }
            }
            let line = Self.line(for: machine.state.phase, in: consultation, dialog: dialog, random: &random)
            played.lines.append(line)
            action = machine.lineReceived(line, at: started + Double(events))
            events += 1
        }
        if case let .finish(_, record) = action {
            played.outcome = record.outcome.status
            played.firedRules = (record.outcome.reasons + record.outcome.precautions + record.outcome.notes).map(\.rule)
                .sorted { lhs, rhs in
                    (consultation.rules.firstIndex { $0.id == lhs } ?? 0) < (consultation.rules.firstIndex { $0.id == rhs } ?? 0)
                }
        }
        return played
    }

    /// What the patient types at the prompt the session waits at.
    static func line(for phase: SessionState.Phase, in consultation: Consultation, dialog: RandomDialog,
                     random: inout SplitMix64) -> String {
        switch phase {
        case .confirmingAnswer:
            return "yes"
        case .confirming:
            return "no"
        case let .awaiting(point):
            switch point.stage {
            case .topicOffer: return ["skip", "yes"].randomElement(using: &random)!
            case .topicMore: return "no"
            case .question: break
            }
            guard case let .ask(question)? = consultation.node(at: point.address)?.kind,
                  let spec = dialog.questions[question.id] else { return "skip" }
            if !spec.required, Int.random(in: 0..<4, using: &random) == 0 { return "skip" }
            switch spec.kind {
            case .yesNo: return ["yes", "no"].randomElement(using: &random)!
            case .yesNoUnsure: return ["yes", "no", "not sure"].randomElement(using: &random)!
            case .choice: return String(Int.random(in: 1...3, using: &random))
            case .multipleChoice:
                let chosen = (1...3).filter { _ in Bool.random(using: &random) }
                return chosen.isEmpty ? "4" : chosen.map(String.init).joined(separator: " ")
            case .number:
                if Bool.random(using: &random), let boundary = dialog.boundaries.randomElement(using: &random) {
                    return String(min(100, max(0, boundary + Int.random(in: -1...1, using: &random))))
                }
                return String(Int.random(in: 0...100, using: &random))
            }
        case .choosingFAQ:
            return "none"
        case .notStarted, .finished:
            return ""
        }
    }
}
