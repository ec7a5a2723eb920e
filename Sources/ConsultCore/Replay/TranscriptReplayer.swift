import Foundation

/// Plays a transcript through the consultation's state machine and checks its expectations.
///
/// Pure apart from the clock: no terminal and no files. The screen is rendered as `consult run`
/// shows it with piped input, so `expect line` checks see what a patient would.
public struct TranscriptReplayer: Sendable {
    public let consultation: Consultation
    public var language: String
    public var renderer: PlainScreenRenderer
    /// When the replayed session starts: the reference day for relative dates.
    public var started: Date
    /// The replayed session's id: fixed, so that a replay is the same every time.
    public static let sessionID = "replay00"

    public init(consultation: Consultation, language: String = "en", width: Int = 80, started: Date) {
        self.consultation = consultation
        self.language = language
        self.renderer = PlainScreenRenderer(width: width, catalog: consultation.catalog(for: language))
        self.started = started
    }

    /// Replays `transcript` to its end.
    ///
    /// The input ends (like Ctrl-D or the end of a pipe) at `#> end of input`, or else right
    /// after the last answer; checks after that point see the finished session.
    public func replay(_ transcript: Transcript) -> ReplayResult {
        // A transcript that names its language is replayed in it, whatever the replayer's default.
        let language = transcript.language ?? language
        var renderer = renderer
        renderer.catalog = consultation.catalog(for: language)
        var run = Run(
            machine: ConsultationStateMachine(consultation: consultation, language: language, mode: .rehearsal,
                                              id: Self.sessionID, started: started),
            renderer: renderer
        )
        let lastAnswer = transcript.steps.lastIndex { if case .answer = $0.kind { true } else { false } }
        let endsExplicitly = transcript.steps.contains { $0.kind == .endOfInput }
        run.perform(run.machine.start(at: started))
        if lastAnswer == nil, !endsExplicitly { run.endInput() }

        var result = ReplayResult(path: transcript.path)
        var reportedFinished = false
        for (index, step) in transcript.steps.enumerated() {
            switch step.kind {
            case let .answer(text):
                result.answerCount += 1
                guard run.record == nil else {
                    if !reportedFinished {
                        reportedFinished = true
                        result.failures.append(ReplayFailure(
                            line: step.line, summary: TranscriptText.finishedEarly,
                            expected: TranscriptText.anotherPrompt(for: text), got: run.finishedDescription))
                    }
                    continue
                }
                run.screen.append(renderer.echo(text))
                run.perform(run.machine.lineReceived(text, at: started))
                if index == lastAnswer, !endsExplicitly { run.endInput() }
            case .endOfInput:
                run.endInput()
            case let .check(check):
                result.checkCount += 1
                if let failure = run.evaluate(check, at: step.line) { result.failures.append(failure) }
            }
        }
        result.screen = run.screen.lines
        result.record = run.record ?? run.machine.record(finishedAt: started)
        return result
    }
}

// MARK: - Result

/// What one replay found.
public struct ReplayResult: Sendable {
    /// The transcript's path, as given.
    public var path: String
    /// The screen as `consult run` would show it with the same piped input, line by line.
    public var screen: [String] = []
    public var failures: [ReplayFailure] = []
    /// The summary record of the replayed session.
    public var record: ConsultationRecord?
    public var answerCount = 0
    public var checkCount = 0

    public var passed: Bool { failures.isEmpty }
}

/// A check that did not hold, or an answer the session could not take.
public struct ReplayFailure: Sendable, Hashable {
    /// The transcript line of the check or answer.
    public var line: Int
    /// What differs, in a few words.
    public var summary: String
    public var expected: String
    public var got: String
}

// MARK: - Running

/// The state of one replay in progress.
private struct Run {
    var machine: ConsultationStateMachine
    let renderer: PlainScreenRenderer
    var screen = ScreenLog()
    /// The prompt waiting for the next answer, until the session finishes.
    var prompt: Prompt?
    var record: ConsultationRecord?
    /// The line of the last `expect line` that matched, for reports.
    var lastMatchLine: Int?

    mutating func perform(_ action: ConsultationAction) {
        switch action {
        case let .prompt(messages, prompt, showQuestion):
            screen.append(renderer.lines(for: messages))
            if showQuestion { screen.append(renderer.lines(for: prompt)) }
            self.prompt = prompt
        case let .finish(messages, record):
            screen.append(renderer.lines(for: messages))
            self.prompt = nil
            self.record = record
        }
    }

    mutating func endInput() {
        guard record == nil else { return }
        perform(machine.endOfInput(at: machine.state.started))
    }

    var finishedDescription: String {
        TranscriptText.finished(record?.outcome.status ?? machine.outcomeStatus())
    }

    /// The failure of `check`, or `nil` when it holds.
    mutating func evaluate(_ check: TranscriptCheck, at line: Int) -> ReplayFailure? {
        func failure(_ summary: String, _ expected: String, _ got: String) -> ReplayFailure {
            ReplayFailure(line: line, summary: summary, expected: expected, got: got)
        }
        let outcome = record?.outcome ?? machine.record(finishedAt: machine.state.started).outcome
        switch check {
        case let .line(text):
            let since = screen.unmatched
            if screen.match(text) {
                lastMatchLine = line
                return nil
            }
            return failure(TranscriptText.lineNotShown(since: lastMatchLine), text, TranscriptText.screen(since, sinceMatch: lastMatchLine != nil))
        case let .prompt(node):
            guard let prompt else { return failure(TranscriptText.promptDiffers, node, finishedDescription) }
            return prompt.nodeID == node ? nil : failure(TranscriptText.promptDiffers, node, TranscriptText.prompt(prompt))
        case let .answer(id, expected):
            guard let stored = machine.state.answers.last(where: { $0.answer.id == id })?.answer else {
                return failure(TranscriptText.answerDiffers(id), "\(id) = \(expected.written)", TranscriptText.notAnswered(id))
            }
            return expected.matches(stored) ? nil
                : failure(TranscriptText.answerDiffers(id), "\(id) = \(expected.written)", "\(id) = \(TranscriptText.describe(stored))")
        case let .notAsked(ids):
            let asked = ids.filter { id in machine.state.answers.contains { $0.answer.id == id } }
            return asked.isEmpty ? nil
                : failure(TranscriptText.askedAfterAll, TranscriptText.notAsked(ids), TranscriptText.asked(asked))
        case let .outcome(status):
            let got = record?.outcome.status ?? machine.outcomeStatus()
            return got == status ? nil
                : failure(TranscriptText.outcomeDiffers, status.rawValue, record == nil ? TranscriptText.soFar(got) : got.rawValue)
        case let .rules(group, rules):
            let fired: [FiredRule]
            switch group {
            case .reasons: fired = outcome.reasons
            case .precautions: fired = outcome.precautions
            case .notes: fired = outcome.notes
            }
            let got = Set(fired.map(\.rule))
            return got == rules ? nil
                : failure(TranscriptText.rulesDiffer(group), TranscriptText.list(rules.sorted()), TranscriptText.list(got.sorted()))
        case let .faq(entries):
            let got = machine.state.faq.map { $0.answered ? $0.entry ?? TranscriptText.unanswered : TranscriptText.unanswered }
            return got == entries ? nil
                : failure(TranscriptText.faqDiffers, TranscriptText.list(entries), TranscriptText.faq(machine.state.faq))
        }
    }
}

/// The replayed screen, and how far `expect line` checks have read it.
private struct ScreenLog {
    private(set) var lines: [String] = []
    /// The screen with each run of whitespace as one space, and where each line starts in it.
    private var flat = ""
    private var lineStarts: [String.Index] = []
    /// Where the next `expect line` starts looking in `flat`.
    private var cursor: String.Index?

    mutating func append(_ line: String) {
        append([line])
    }

    mutating func append(_ newLines: [String]) {
        for line in newLines {
            let words = line.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if !flat.isEmpty, !words.isEmpty { flat += " " }
            lineStarts.append(flat.endIndex)
            flat += words
            lines.append(line)
        }
    }

    /// Whether `text` is on the screen after the previous match; a match moves past it.
    mutating func match(_ text: String) -> Bool {
        let wanted = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard let found = flat.range(of: wanted, range: (cursor ?? flat.startIndex)..<flat.endIndex) else { return false }
        cursor = found.upperBound
        return true
    }

    /// The lines from the one holding the previous match to the end, which the next match may use.
    var unmatched: [String] {
        guard let cursor else { return lines }
        let first = lineStarts.lastIndex { $0 < cursor } ?? 0
        return Array(lines[first...])
    }
}

// MARK: - Answers

extension ExpectedAnswer {
    /// Whether the stored answer is the expected one.
    func matches(_ answer: AnsweredQuestion) -> Bool {
        let stored = answer.value.map(SummaryDocument.Value.init)
        switch (value, stored) {
        case (.skipped, nil): return true
        case let (.text(text), .string(storedText)?): return text == storedText
        case let (.number(number), .number(storedNumber)?): return number == storedNumber
        case let (.list(ids), .strings(storedIDs)?): return Set(ids) == Set(storedIDs) && ids.count == storedIDs.count
        case (.continued, .bool(true)?): return true
        case let (.words(words), _): return Self.words(words, match: answer, stored: stored)
        default: return false
        }
    }

    private static func words(_ words: String, match answer: AnsweredQuestion, stored: SummaryDocument.Value?) -> Bool {
        let wanted = words.lowercased()
        if wanted == answer.displayValue.lowercased() { return true }
        switch stored {
        case nil: return wanted == "skipped"
        case let .string(text)?: return wanted == text.lowercased()
        case let .number(number)?: return Double(wanted) == number
        case let .strings(ids)?:
            if ids.isEmpty { return wanted == "none" || wanted == "[]" }
            let items = wanted.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            return Set(items) == Set(ids.map { $0.lowercased() }) && items.count == ids.count
        case .bool?: return wanted == "continued"
        }
    }
}
