import Foundation

/// One consultation session as an explicit state machine.
///
/// Pure: no terminal, no files, no clock of its own. Each event (a line, end of input, an
/// interrupt, an idle timeout) returns the action the driver must perform. The state
/// (``SessionState``) can be encoded, and decoding it with the same consultation resumes it.
public struct ConsultationStateMachine: Sendable {
    /// Most nodes walked between two prompts before the session gives up; the validator
    /// rejects loops without prompts, so this only guards against the impossible.
    static let stepLimit = 100_000

    public let consultation: Consultation
    public internal(set) var state: SessionState
    /// The consultation's FAQ index, built only when a patient first asks something (many never do), and then
    /// shared with every later session of the same consultation (a kiosk's next patients).
    lazy var faqRetriever = consultation.faqRetrieverCache.retriever(for: consultation, language: state.language,
                                                                      reading: consultation.readingLanguage(for: state.language))
    /// The branch cases the session's last walk took and where it stopped, for rehearsal coverage; `nil` before
    /// any walk and after a walk the step limit stopped. Not part of ``state``: it says what happened, not where
    /// the session is.
    public internal(set) var lastWalk: WalkTrace?

    /// A new session.
    ///
    /// - Parameters:
    ///   - language: the patient's language; a language the dialog lacks falls back to English.
    ///   - id: the session id used in summary file names.
    ///   - started: when the session starts; its UTC day is the reference for relative dates.
    public init(consultation: Consultation, language: String = "en", mode: SessionMode = .patient,
                id: String, started: Date) {
        self.consultation = consultation
        self.state = SessionState(
            id: id, dialogID: consultation.identity.id, dialogVersion: consultation.identity.version,
            language: consultation.languages.contains(language) ? language : "en", mode: mode,
            started: started, today: CalendarDay(started), phase: .notStarted,
            answers: SessionState.AnswerList(), topics: [], faq: [], callStack: [], history: []
        )
    }

    /// Resumes a session from its encoded state.
    public init(consultation: Consultation, restoring state: SessionState) throws(SessionRestoreError) {
        guard state.dialogID == consultation.identity.id, state.dialogVersion == consultation.identity.version else {
            throw .differentDialog(saved: "\(state.dialogID) \(state.dialogVersion)",
                                   loaded: "\(consultation.identity.id) \(consultation.identity.version)")
        }
        let points: [PromptPoint]
        switch state.phase {
        case let .awaiting(point), let .confirming(_, point), let .confirmingAnswer(_, point), let .choosingFAQ(_, point):
            points = [point] + state.history.map(\.point)
        case .notStarted, .finished: points = state.history.map(\.point)
        }
        for point in points where consultation.node(at: point.address) == nil {
            throw .unknownPlace(point.address.description)
        }
        self.consultation = consultation
        self.state = state
    }

    /// A short random id: 8 lowercase hex digits.
    public static func newSessionID() -> String {
        // Not `String(format:)`: Foundation's formatting costs a fraction of a millisecond before the first question.
        let hex = String(UInt32.random(in: 0...UInt32.max), radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }

    var interpreter: AnswerInterpreter { AnswerInterpreter(today: state.today, language: readingLanguage) }
    /// How answers typed in the session's language are read.
    var readingLanguage: ReadingLanguage { consultation.readingLanguage(for: state.language) }
    var language: String { state.language }
    /// The program's own words in the session's language.
    var sessionText: SessionText { SessionText(catalog: consultation.catalog(for: state.language)) }

    // MARK: - Events

    /// Starts the session: shows the opening text and asks the first question.
    public mutating func start(at now: Date) -> ConsultationAction {
        guard case .notStarted = state.phase else { return current(at: now) }
        var messages: [Message] = []
        let first = NodeAddress(dialog: consultation.entry, index: 0)
        return walk(from: first, messages: &messages, at: now)
    }

    /// The patient typed a line and pressed Enter.
    public mutating func lineReceived(_ line: String, at now: Date) -> ConsultationAction {
        let text = TerminalSanitizer.clean(line)
        switch state.phase {
        case .notStarted:
            return start(at: now)
        case .finished:
            return current(at: now)
        case let .confirming(confirmation, point):
            return confirm(confirmation, returningTo: point, reply: text, at: now)
        case let .confirmingAnswer(pending, point):
            return confirmAnswer(pending, at: point, reply: text, now: now)
        case let .choosingFAQ(choice, point):
            return chooseFAQ(choice, at: point, reply: text, now: now)
        case let .awaiting(point):
            if let command = SessionCommand(TextNormalizer.normalize(text), language: readingLanguage) {
                return perform(command, at: point, now: now)
            }
            switch point.stage {
            case .question: return answer(text, at: point, now: now)
            case .topicOffer: return topicOffer(text, at: point, now: now)
            case .topicMore: return topicMore(text, at: point, now: now)
            }
        }
    }

    /// Input ended (Ctrl-D, end of a pipe): the session finishes, incomplete if questions remained.
    public mutating func endOfInput(at now: Date) -> ConsultationAction {
        finishIncomplete(messages: [], at: now)
    }

    /// Ctrl-C at a prompt: the line is cancelled and the session goes on.
    public mutating func interrupted(at now: Date) -> ConsultationAction {
        switch state.phase {
        case .notStarted:
            return start(at: now)
        case .finished:
            return current(at: now)
        case .awaiting, .confirming, .confirmingAnswer, .choosingFAQ:
            return reprompt([Message(.notice, sessionText.interrupted)], showQuestion: false)
        }
    }

    /// Nobody answered for the kiosk's idle time: the session ends incomplete.
    public mutating func idleTimedOut(at now: Date) -> ConsultationAction {
        finishIncomplete(messages: [], at: now)
    }

    // MARK: - Answers

    mutating func answer(_ text: String, at point: PromptPoint, now: Date) -> ConsultationAction {
        guard let node = consultation.node(at: point.address), case let .ask(question) = node.kind else {
            preconditionFailure("a question prompt at \(point.address) that is not a question")
        }
        if !question.required, text.trimmingCharacters(in: .whitespaces).isEmpty {
            // An empty line skips an optional question, as its instructions say.
            return perform(.skip, at: point, now: now)
        }
        let reading = reader(for: question).read(text)
        if let rest = reading.rest, Self.isWorthCarrying(rest, language: readingLanguage) {
            state.carried = SessionState.CarriedWords(text: rest, from: question.id, questionsLeft: 2, cameWithAnswer: reading.value != nil)
        }
        switch reading.verdict {
        case let .understood(value):
            let display = AnsweredQuestion(id: question.id, question: render(question.text), kind: answerKind(of: question), value: value, text: text)
            return record(display, at: point, now: now)
        case let .confirm(value, doubt):
            let proposed = AnsweredQuestion(id: question.id, question: render(question.text), kind: answerKind(of: question), value: value, text: text)
            return askToConfirm(proposed, doubt: doubt, question: question, at: point, mentioned: nil)
        case .notAnAnswer:
            return ownQuestion(text, at: point)
        case let .notUnderstood(hint):
            // A line that reads as a question goes to the FAQ; "scars" at a choice deserves the hint instead.
            if FAQMatcher.looksLikeQuestion(text, language: readingLanguage) { return ownQuestion(text, at: point) }
            return reprompt([Message(.hint, hint.text(in: sessionText.catalog))], showQuestion: false)
        }
    }

    /// The reader for a question in this session: its kind and words in the session's language.
    func reader(for question: Question) -> QuestionReader {
        consultation.questionReaderCache.reader(for: question, language: state.language, today: state.today,
                                                reading: readingLanguage) { render($0) }
    }

    /// Stores an answer, remembers how to undo it, and walks on.
    mutating func record(_ answer: AnsweredQuestion, at point: PromptPoint, now: Date) -> ConsultationAction {
        let undo = state.answers.record(.init(answer: answer, address: point.address))
        pushCheckpoint(point, answers: undo)
        var messages: [Message] = []
        return walk(onwardFrom: point.address, messages: &messages, at: now)
    }

    // MARK: - Topics

    mutating func topicOffer(_ text: String, at point: PromptPoint, now: Date) -> ConsultationAction {
        guard let node = consultation.node(at: point.address), case let .explain(topic) = node.kind else {
            preconditionFailure("a topic prompt at \(point.address) that is not a topic")
        }
        let normalized = TextNormalizer.normalize(text)
        let reads = ["", "yes", "y", "ok", "okay", "sure", "read", "read it", "show", "show me", "go on", "continue", "next"]
        let skips = ["no", "n", "nope", "skip", "skip it", "no thanks", "not now"]
        // A plain yes or no in the patient's language ("vale", "claro", "no, gracias") answers the offer before
        // the line is taken as a question of their own ("vale" is also "how much is it worth").
        let plain = plainYesNo(text)
        if reads.contains(normalized) || plain == .yes {
            pushCheckpoint(point)
            var messages = [Message(.topicTitle, render(topic.title)), Message(.topicText, render(topic.text))]
            if topic.more != nil {
                state.phase = .awaiting(PromptPoint(address: point.address, stage: .topicMore))
                return .prompt(messages, currentPrompt(), showQuestion: true)
            }
            state.topics.append(TopicRecord(id: topic.id, title: render(topic.title), skipped: false))
            return walk(onwardFrom: point.address, messages: &messages, at: now)
        }
        if skips.contains(normalized) || plain == .no
            || SessionCommand(normalized, language: readingLanguage) == .skip {
            pushCheckpoint(point)
            state.topics.append(TopicRecord(id: topic.id, title: render(topic.title), skipped: true))
            var messages: [Message] = []
            return walk(onwardFrom: point.address, messages: &messages, at: now)
        }
        if let action = ownQuestion(text, at: point, onlyIfAnswered: !FAQMatcher.looksLikeQuestion(text, language: readingLanguage)) {
            return action
        }
        return reprompt([Message(.hint, sessionText.topicOfferHint)], showQuestion: false)
    }

    /// A clear yes or no to an offer, read in the session's language; `nil` for anything else.
    func plainYesNo(_ text: String) -> YesNoUnsure? {
        if case let .understood(.yesNo(word)) = YesNoReader(allowsUnsure: false, focus: .none, language: readingLanguage).read(text).verdict,
           word != .unsure {
            return word
        }
        return nil
    }

    mutating func topicMore(_ text: String, at point: PromptPoint, now: Date) -> ConsultationAction {
        guard let node = consultation.node(at: point.address), case let .explain(topic) = node.kind else {
            preconditionFailure("a topic prompt at \(point.address) that is not a topic")
        }
        let normalized = TextNormalizer.normalize(text)
        if FAQMatcher.looksLikeQuestion(text, language: readingLanguage) {
            return ownQuestion(text, at: point)
        }
        pushCheckpoint(point)
        state.topics.append(TopicRecord(id: topic.id, title: render(topic.title), skipped: false))
        var messages: [Message] = []
        if ["more", "yes", "y", "details", "tell me more", "more please"].contains(normalized)
            || readingLanguage.commandName(forNormalizedLine: normalized) == "more" || plainYesNo(text) == .yes,
           let more = topic.more {
            messages.append(Message(.topicText, render(more)))
        }
        return walk(onwardFrom: point.address, messages: &messages, at: now)
    }

    // MARK: - Commands

    mutating func perform(_ command: SessionCommand, at point: PromptPoint, now: Date) -> ConsultationAction {
        switch command {
        case .back:
            guard let checkpoint = state.history.popLast() else {
                return reprompt([Message(.notice, sessionText.nothingToGoBackTo)], showQuestion: false)
            }
            // The answer given there, said back; looked for only at a question (a topic has none, and the search would
            // go through every answer).
            let undone = checkpoint.point.stage == .question ? state.answers.last { $0.address == checkpoint.point.address } : nil
            state.callStack = checkpoint.callStack
            state.answers.undo(checkpoint.answers)
            state.carried = checkpoint.carried
            state.topics.removeLast(max(0, state.topics.count - checkpoint.topicCount))
            state.phase = .awaiting(checkpoint.point)
            var messages = [Message(.notice, sessionText.wentBack)]
            if let undone {
                messages.append(Message(.notice, sessionText.previousAnswer(sessionText.displayValue(of: undone.answer))))
            }
            return .prompt(messages, currentPrompt(), showQuestion: true)
        case .repeat:
            return reprompt([], showQuestion: true)
        case .why:
            guard point.stage == .question, let node = consultation.node(at: point.address), case let .ask(question) = node.kind,
                  let why = question.why else {
                return reprompt([Message(.why, sessionText.noWhy)], showQuestion: false)
            }
            return reprompt([Message(.why, render(why))], showQuestion: false)
        case .skip:
            switch point.stage {
            case .topicOffer, .topicMore:
                return lineReceivedSkippingCommands("skip", at: point, now: now)
            case .question:
                guard let node = consultation.node(at: point.address), case let .ask(question) = node.kind else {
                    preconditionFailure("a question prompt at \(point.address) that is not a question")
                }
                guard !question.required else {
                    return reprompt([Message(.hint, sessionText.cannotSkip)], showQuestion: false)
                }
                let skipped = AnsweredQuestion(id: question.id, question: render(question.text), kind: answerKind(of: question),
                                               value: nil, text: "skip")
                return record(skipped, at: point, now: now)
            }
        case .restart:
            state.phase = .confirming(.restart, point)
            return .prompt([], currentPrompt(), showQuestion: true)
        case .help:
            return reprompt([Message(.help, sessionText.help)], showQuestion: false)
        case .quit:
            state.phase = .confirming(.quit, point)
            return .prompt([], currentPrompt(), showQuestion: true)
        }
    }

    /// `skip` at a topic means "skip this topic", which the topic prompt handles as an answer.
    mutating func lineReceivedSkippingCommands(_ text: String, at point: PromptPoint, now: Date) -> ConsultationAction {
        point.stage == .topicOffer ? topicOffer(text, at: point, now: now) : topicMore(text, at: point, now: now)
    }

    mutating func confirm(_ confirmation: SessionState.Confirmation, returningTo point: PromptPoint, reply: String, at now: Date) -> ConsultationAction {
        switch interpreter.interpret(reply, as: .yesNo) {
        case .answer(.yesNo(.yes)):
            switch confirmation {
            case .quit:
                return finishIncomplete(messages: [], at: now)
            case .restart:
                state.answers.removeAll()
                state.topics = []
                state.history = []
                state.callStack = []
                state.carried = nil
                var messages = [Message(.notice, sessionText.restarted)]
                return walk(from: NodeAddress(dialog: consultation.entry, index: 0), messages: &messages, at: now)
            }
        case .answer:
            state.phase = .awaiting(point)
            return .prompt([Message(.notice, sessionText.stayed)], currentPrompt(), showQuestion: true)
        case let .unreadable(hint):
            return reprompt([Message(.hint, hint.text(in: sessionText.catalog))], showQuestion: false)
        }
    }

    // MARK: - Walking the dialog

    /// Runs nodes from `start` until one stops for the patient or the consultation ends.
    mutating func walk(from start: NodeAddress?, messages: inout [Message], at now: Date) -> ConsultationAction {
        let control = consultation.control
        return walk(from: start.flatMap(control.number(of:)), stack: state.callStack.compactMap(control.number(of:)),
                    messages: &messages, at: now)
    }

    /// Runs nodes from where the prompt at `address` goes on to, once it is answered or read.
    mutating func walk(onwardFrom address: NodeAddress, messages: inout [Message], at now: Date) -> ConsultationAction {
        let control = consultation.control
        var stack = state.callStack.compactMap(control.number(of:))
        let start = control.number(of: address).flatMap { control.resolve(control.resume(after: $0), stack: &stack) }
        return walk(from: start, stack: stack, messages: &messages, at: now)
    }

    /// The session's walk: ``DialogControl/walk(from:stack:limit:visit:decide:taken:)`` with branches decided on the
    /// answers, the text of the nodes passed shown, and the branch cases taken kept in ``lastWalk``.
    private mutating func walk(from start: Int?, stack: [Int], messages: inout [Message], at now: Date) -> ConsultationAction {
        let control = consultation.control
        var stack = stack
        var choices: [BranchChoice] = []
        let evaluator = currentEvaluator()
        let end = control.walk(from: start, stack: &stack, limit: Self.stepLimit, visit: { node in
            switch consultation.node(at: control.addresses[node])?.kind {
            case let .say(text)?:
                messages.append(Message(.say, render(text)))
            case let .end(text?)?:
                messages.append(Message(.say, render(text)))
            case let .outcome(text)?:
                if let text { messages.append(Message(.say, render(text))) }
                for rule in firedRules() {
                    if let message = rule.patientMessage { messages.append(Message(.outcome, render(message))) }
                }
            default:
                break
            }
        }, decide: { node, cases in
            guard case let .branch(branchCases, _)? = consultation.node(at: control.addresses[node])?.kind else { return nil }
            return cases.first { evaluator.holds(branchCases[$0].condition.expression) }
        }, taken: { node, link in
            choices.append(BranchChoice(branch: control.addresses[node], caseIndex: link.caseIndex))
        })
        state.callStack = stack.map { control.addresses[$0] }
        switch end {
        case let .prompt(node):
            let address = control.addresses[node]
            lastWalk = WalkTrace(choices: choices, stop: address)
            if case let .ask(question)? = consultation.node(at: address)?.kind {
                let point = PromptPoint(address: address, stage: .question)
                state.phase = .awaiting(point)
                if let offered = offerCarriedWords(to: question, at: point, messages: messages) { return offered }
            } else {
                state.phase = .awaiting(PromptPoint(address: address, stage: .topicOffer))
            }
            return .prompt(messages, currentPrompt(), showQuestion: true)
        case .end:
            lastWalk = WalkTrace(choices: choices, stop: nil)
            return finish(messages: messages, status: outcomeStatus(), at: now)
        case .runaway:
            lastWalk = nil
            messages.append(Message(.notice, sessionText.runaway))
            return finishIncomplete(messages: messages, at: now)
        }
    }

    /// Leaves a checkpoint for `back` at `point`, before the event changes anything but the answers.
    ///
    /// - Parameter undo: what undoes the event's change of the answers, already made; `nil` when it changes none.
    mutating func pushCheckpoint(_ point: PromptPoint, answers undo: SessionState.AnswerUndo? = nil) {
        state.history.append(.init(point: point, callStack: state.callStack, answers: undo ?? .unchanged(count: state.answers.count),
                                   topicCount: state.topics.count, carried: state.carried))
    }

    // MARK: - Finishing

    mutating func finishIncomplete(messages: [Message], at now: Date) -> ConsultationAction {
        if case .finished = state.phase { return current(at: now) }
        return finish(messages: messages, status: .incomplete, at: now)
    }

    mutating func finish(messages: [Message], status: OutcomeStatus, at now: Date) -> ConsultationAction {
        state.phase = .finished(status)
        return .finish(messages, record(finishedAt: now))
    }

    /// The action for the current phase, repeated (events after the end, or a resumed session).
    func current(at now: Date) -> ConsultationAction {
        switch state.phase {
        case .notStarted, .awaiting, .confirming, .confirmingAnswer, .choosingFAQ:
            return .prompt([], currentPrompt(), showQuestion: true)
        case .finished:
            return .finish([], record(finishedAt: now))
        }
    }

    func reprompt(_ messages: [Message], showQuestion: Bool) -> ConsultationAction {
        .prompt(messages, currentPrompt(), showQuestion: showQuestion)
    }
}

/// Why a saved session could not be resumed.
public enum SessionRestoreError: Error, Sendable, Hashable, CustomStringConvertible {
    case differentDialog(saved: String, loaded: String)
    case unknownPlace(String)

    public var description: String {
        switch self {
        case let .differentDialog(saved, loaded):
            "the saved session belongs to dialog \(saved), but \(loaded) is loaded; resume it with the dialog version it started with"
        case let .unknownPlace(place):
            "the saved session stands at \(place), which the loaded dialog does not have"
        }
    }
}
