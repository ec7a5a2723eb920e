import Foundation
import Testing
@testable import ConsultCore

/// A thousand random patients (``RandomPatient``) through the bundled consultation: whatever they type, the
/// session never traps and ends in a record that holds together.
///
/// The streams grow as trees, since a session is a value that copies cheaply: a *trunk* stream is played from the
/// start, and each of its *forks* copies the session at a random point of the trunk and goes on with other
/// events. Every stream, trunk or fork, is a whole answer stream from the start of a session to its end (the end of
/// input when it did not end by itself), and every one is checked for the structural properties; a sample of the
/// records (every fifth stream of each trunk) is also validated against `docs/summary.schema.json` with Python's
/// `jsonschema`, one process per batch.
///
/// Streams come from seeds, printed with any failure together with the stream's events. By default the seeds are
/// fixed; `CONSULT_PROPERTY_SEED=N swift test --filter AnswerStream` plays other streams (trunk `t` has seed `N + t`),
/// and `CONSULT_PROPERTY_TRUNKS=T` plays `T` trunks instead of 50 (20 streams each), for a longer search.
@Suite("property: random answer streams through the bundled consultation")
struct AnswerStreamPropertyTests {
    /// Trunks, forks per trunk (streams = trunks × (1 + forks)), and the batches the trunks are shared among (one
    /// per core of a small machine: each batch validates its sample in one Python process).
    static let trunkCount = ProcessInfo.processInfo.environment["CONSULT_PROPERTY_TRUNKS"].flatMap { Int($0) } ?? 50
    static let forksPerTrunk = 19
    static let batchCount = 2
    /// Every `schemaEvery`-th stream of a trunk is validated against the schema: 200 records of the 1,000.
    static let schemaEvery = 5
    /// Most events a trunk sends, and a fork after its fork point, before the input ends.
    static let mostTrunkEvents = 160
    static let mostForkEvents = 4
    /// The fork of each trunk that is saved and resumed at its fork point.
    static let resumedFork = 10

    static let baseSeed: UInt64 = ProcessInfo.processInfo.environment["CONSULT_PROPERTY_SEED"].flatMap { UInt64($0) }
        ?? 0x00C0_FFEE_2026_0615
    static let started = Date(timeIntervalSince1970: 1_781_514_000)  // Monday 2026-06-15, 09:00 UTC

    @Test("random streams never trap and leave records that hold together", arguments: 0..<batchCount)
    func randomStreams(batch: Int) throws {
        let consultation = try BundledConsultation.consultation()
        let template = Self.template(consultation)
        var streams = 0
        var wholeConsultations = 0
        var sample: [Stream] = []
        for trunk in stride(from: batch, to: Self.trunkCount, by: Self.batchCount) {
            for (position, stream) in Self.streams(ofTrunk: trunk, from: template).enumerated() {
                let problems = Self.problems(in: stream.record, consultation: consultation)
                #expect(problems.isEmpty, """
                    \(stream.name): \(problems.joined(separator: "; "))
                    events: \(stream.events.map(\.description).joined(separator: " | "))
                    """)
                streams += 1
                if stream.record.outcome.status != .incomplete, stream.record.answers.count >= 20 { wholeConsultations += 1 }
                if position % Self.schemaEvery == 0 { sample.append(stream) }
            }
        }
        #expect(streams == stride(from: batch, to: Self.trunkCount, by: Self.batchCount).underestimatedCount * (1 + Self.forksPerTrunk))
        // The end of the consultation must be reached, or it goes untested (the batch's first trunk is steady).
        #expect(streams == 0 || wholeConsultations > 0, "no stream of batch \(batch) went through the whole consultation")

        let failures = try SchemaValidation.validateEach(sample.map { try SummaryRenderer.json($0.record) })
        for (position, message) in failures {
            Issue.record("\(sample[position].name): the summary breaks the schema: \(message)")
        }
    }

    // MARK: - Playing streams

    /// One played stream.
    struct Stream {
        var name: String
        var events: [RandomPatient.Event]
        var record: ConsultationRecord
    }

    /// A session not yet started, with the FAQ index built: sessions copied from it share the index.
    static func template(_ consultation: Consultation) -> ConsultationStateMachine {
        var template = ConsultationStateMachine(consultation: consultation, id: "property", started: started)
        _ = template.faqRetriever
        return template
    }

    /// The trunk stream of seed `baseSeed + trunk` and its forks.
    static func streams(ofTrunk trunk: Int, from template: ConsultationStateMachine) -> [Stream] {
        let seed = baseSeed &+ UInt64(trunk)
        // One trunk in four of each batch is a steady patient who goes to the end (the first of each batch among
        // them), so every batch has whole consultations; one in four is chaotic.
        let place = trunk / batchCount % 4
        let temperament: RandomPatient.Temperament = place == 0 ? .steady : place == 1 ? .chaotic : .careful
        var patient = RandomPatient(seed: seed, temperament: temperament, consultation: template.consultation)
        var run = Run(starting: template, at: started)
        var forkPoints = [run]
        let length = temperament == .steady ? mostTrunkEvents : Int.random(in: 1...mostTrunkEvents, using: &patient.random)
        while run.events.count < length, run.play({ patient.next(at: $0) }) { forkPoints.append(run) }
        if case .finish = forkPoints.last?.action { forkPoints.removeLast() }
        var streams = [Stream(name: "trunk \(trunk) (base seed \(baseSeed))", events: run.events, record: run.end())]
        for fork in 1...forksPerTrunk {
            let forkSeed = seed ^ (UInt64(fork) &* 0x9E37_79B9_7F4A_7C15)
            var forker = RandomPatient(seed: forkSeed, temperament: RandomPatient.Temperament.allCases[fork % 3],
                                       consultation: template.consultation)
            var run = forkPoints[Int.random(in: 0..<forkPoints.count, using: &forker.random)]
            // One fork of each trunk goes on from the session saved and resumed (`SessionState` is Codable for
            // that); not more, as a saved state holds every answer once per checkpoint and costs ~10 ms here.
            let resumed = fork == resumedFork
            if resumed { run.saveAndResume() }
            let length = run.events.count + Int.random(in: 1...mostForkEvents, using: &forker.random)
            while run.events.count < length, run.play({ forker.next(at: $0) }) {}
            let name = "trunk \(trunk) fork \(fork)\(resumed ? ", resumed from a saved state" : "") (base seed \(baseSeed))"
            streams.append(Stream(name: name, events: run.events, record: run.end()))
        }
        return streams
    }

    /// A session being played, with the events so far.
    struct Run {
        var machine: ConsultationStateMachine
        var action: ConsultationAction
        var now: Date
        var events: [RandomPatient.Event] = []

        /// Starts a copy of `template` at `now`.
        init(starting template: ConsultationStateMachine, at now: Date) {
            machine = template
            action = machine.start(at: now)
            self.now = now
        }

        /// Sends the patient's next event; `false` when the session had already finished.
        mutating func play(_ next: (Prompt) -> RandomPatient.Event) -> Bool {
            guard case let .prompt(_, prompt, _) = action else { return false }
            now += 5
            let event = next(prompt)
            events.append(event)
            switch event {
            case let .line(text): action = machine.lineReceived(text, at: now)
            case .interrupt: action = machine.interrupted(at: now)
            case .idleTimeout: action = machine.idleTimedOut(at: now)
            case .endOfInput: action = machine.endOfInput(at: now)
            }
            return true
        }

        /// Encodes the session's state, decodes it, and goes on with a session resumed from it, as after a restart.
        mutating func saveAndResume() {
            do {
                let saved = try JSONEncoder().encode(machine.state)
                let state = try JSONDecoder().decode(SessionState.self, from: saved)
                #expect(state == machine.state, "the session state does not survive encoding: \(events.map(\.description))")
                var resumed = try ConsultationStateMachine(consultation: machine.consultation, restoring: state)
                resumed.faqRetriever = machine.faqRetriever  // the index built once, not once per resumed session
                machine = resumed
            } catch {
                Issue.record("the session cannot be saved and resumed: \(error); events: \(events.map(\.description))")
            }
        }

        /// Ends the input if the session is still going, and returns its record.
        mutating func end() -> ConsultationRecord {
            if case .prompt = action {
                events.append(.endOfInput)
                action = machine.endOfInput(at: now + 5)
            }
            guard case let .finish(_, record) = action else {
                Issue.record("the session did not finish after the end of input: \(events.map(\.description))")
                return machine.record(finishedAt: now)
            }
            return record
        }
    }

    // MARK: - The properties

    /// What is wrong with `record`; empty when it holds together.
    static func problems(in record: ConsultationRecord, consultation: Consultation) -> [String] {
        var problems: [String] = []
        let today = CalendarDay(started)

        // Answers only for questions on the path, in order; a finished session walked to its end.
        switch PathWalk(consultation: consultation, today: today).walk(record) {
        case let .failure(mismatch):
            problems.append(mismatch.description)
        case .success(.finished):
            break
        case let .success(.stoppedAt(place)):
            if record.outcome.status != .incomplete {
                problems.append("the outcome is \(record.outcome.status) but the path stops at '\(place)'")
            }
        }

        // The outcome and its reasons are those of the rules the answers fire.
        var values: [String: AnswerValue?] = [:]
        for answer in record.answers { values[answer.id] = .some(answer.value) }
        let fired = firedRules(consultation, values, today: today)
        let recorded = record.outcome.reasons + record.outcome.precautions + record.outcome.notes
        if Set(recorded.map { "\($0.rule):\($0.effect)" }) != Set(fired.map { "\($0.id):\($0.effect)" }) {
            problems.append("the record's rules \(recorded.map(\.rule)) are not the rules the answers fire \(fired.map(\.id))")
        }
        if record.outcome.reasons.contains(where: { $0.effect.status == nil })
            || record.outcome.precautions.contains(where: { $0.effect != .precaution })
            || record.outcome.notes.contains(where: { $0.effect != .info }) {
            problems.append("a fired rule is filed under the wrong heading")
        }
        let severest = record.outcome.reasons.compactMap(\.effect.status).max() ?? .proceed
        if record.outcome.status != .incomplete, record.outcome.status != severest {
            problems.append("the outcome is \(record.outcome.status) but the severest reason is \(severest)")
        }
        if record.outcome.reasons.map(\.effect.status) != record.outcome.reasons.map(\.effect.status).sorted(by: { ($0 ?? .proceed) > ($1 ?? .proceed) }) {
            problems.append("the reasons are not most severe first")
        }

        // Each answer once, of its question's kind; no control characters anywhere in the summary.
        if Set(record.answers.map(\.id)).count != record.answers.count {
            problems.append("a question is answered twice: \(record.answers.map(\.id))")
        }
        if let missing = record.highlights.first(where: { id in !record.answers.contains { $0.id == id } }) {
            problems.append("the highlight '\(missing)' is not an answer of the record")
        }
        for answer in record.answers {
            guard let question = consultation.question(answer.id) else {
                problems.append("'\(answer.id)' is not a question of the consultation")
                continue
            }
            if let value = answer.value, !fits(value, question) {
                problems.append("'\(answer.id)' (\(question.type.rawValue)) holds \(value)")
            }
            if answer.value == nil, question.required {
                problems.append("'\(answer.id)' is required but was skipped")
            }
        }
        if let estimate = record.estimate, !(estimate.low.isFinite && estimate.high.isFinite) {
            problems.append("the estimate is not finite: \(estimate)")
        }
        for (place, text) in texts(of: record) {
            if let bad = text.unicodeScalars.first(where: isUnwanted) {
                problems.append("\(place) holds U+\(String(bad.value, radix: 16, uppercase: true)): \(text.debugDescription)")
            }
        }
        return problems
    }

    /// The rules that hold for `values`: each condition evaluated once, directly; only answers with a vague date
    /// (whose rules may fire *possibly*) are left to ``Consultation/firedRules(answers:today:)``.
    static func firedRules(_ consultation: Consultation, _ values: [String: AnswerValue?], today: CalendarDay) -> [ScreeningRule] {
        let vague = values.values.contains { if case .dateRange? = $0 { true } else { false } }
        if vague { return consultation.firedRules(answers: values, today: today) }
        let evaluator = consultation.evaluator(answers: values, today: today)
        return consultation.rules.filter { evaluator.holds($0.condition.expression) }
    }

    /// Whether `value` is an answer a question of this type can have.
    static func fits(_ value: AnswerValue, _ question: Question) -> Bool {
        switch (question.type, value) {
        case (.yesNo, .yesNo(let answer)): answer != .unsure
        case (.yesNoUnsure, .yesNo): true
        case (.choice, .choice(let id)): question.options.contains { $0.id == id }
        case (.multipleChoice, .choices(let ids)):
            (ids.isEmpty ? question.noneLabel != nil : true) && ids.allSatisfy { id in question.options.contains { $0.id == id } }
        case (.number, .number(let number)):
            number.isFinite && number >= (question.minimum ?? -.infinity) && number <= (question.maximum ?? .infinity)
        case (.date, .date), (.date, .dateRange), (.text, .text), (.continue, .acknowledged): true
        default: false
        }
    }

    /// Every text of a record that reaches the summaries, with where it is.
    static func texts(of record: ConsultationRecord) -> [(String, String)] {
        var texts = [("the dialog title", record.dialog.title)]
        for answer in record.answers {
            texts += [("the question '\(answer.id)'", answer.question), ("the text typed at '\(answer.id)'", answer.text),
                      ("the answer to '\(answer.id)'", answer.displayValue)]
            if let confirmation = answer.confirmation {
                texts.append(("what was said back at '\(answer.id)'", confirmation.readBack))
            }
        }
        for rule in record.outcome.reasons + record.outcome.precautions + record.outcome.notes {
            texts += [("the reason of rule '\(rule.rule)'", rule.message), ("the patient message of '\(rule.rule)'", rule.patientMessage ?? "")]
        }
        texts += record.faq.map { ("a question asked", $0.asked) }
        texts += record.topics.map { ("the topic title '\($0.id)'", $0.title) }
        if let estimate = record.estimate { texts.append(("the estimate", estimate.text)) }
        return texts
    }

    /// What ``TerminalSanitizer`` removes from typed text (a newline is allowed: the dialog's own texts have some).
    static func isUnwanted(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        case 0x200B...0x200D, 0x2060, 0xFEFF, 0x00AD: true
        default: false
        }
    }
}

extension SchemaValidation {
    /// Validates several summary documents in one Python process.
    ///
    /// - Returns: The position of each invalid document with its messages.
    static func validateEach(_ documents: [Data]) throws -> [(Int, String)] {
        let schema = SummaryFixtures.packageRoot.appendingPathComponent("docs/summary.schema.json").path
        var lines = Data()
        for document in documents {
            // Sorted-key JSON with a final newline: one line once the newlines inside are gone (there are none
            // outside strings, where they are escaped).
            lines.append(document.filter { $0 != 0x0A })
            lines.append(0x0A)
        }
        let run = try PythonScript.run(["-c", batchScript, schema], input: lines, mergingErrors: true)
        guard run.status == 0 || run.status == 1 else {
            Issue.record("schema validation could not run (exit \(run.status)): \(run.text)")
            return []
        }
        return run.text.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2, let position = Int(parts[0]) else { return nil }
            return (position, String(parts[1]))
        }
    }

    /// Reads one JSON document a line from standard input; prints `POSITION<TAB>messages` for each invalid one.
    /// Exit 0 all valid, 1 some invalid, 3 when jsonschema is missing (as `Tests/Support/validate-summary-schema.py`).
    private static let batchScript = """
        import json, sys
        try:
            import jsonschema
        except ImportError:
            print("python3 cannot import jsonschema: run `pip install jsonschema` to check summaries against the schema")
            sys.exit(3)
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        invalid = 0
        for position, line in enumerate(sys.stdin):
            errors = [e.message for e in validator.iter_errors(json.loads(line))]
            if errors:
                invalid += 1
                print(f"{position}\\t{'; '.join(errors)}")
        sys.exit(1 if invalid else 0)
        """
}
