import Foundation

/// A staff rehearsal: a consultation session with a staff view.
///
/// Wraps a ``ConsultationStateMachine`` in rehearsal mode. Pure like it: each event returns a
/// ``RehearsalStep``, the state machine's action plus structured staff reports (rules that fired
/// and why, answers, the path); the executable renders them. Staff commands (`goto`, `answers`,
/// `set`, `rules`, `where`, `persona`, `help`) are recognised before the patient's commands and answers.
/// It also counts the branch cases taken and rules fired, for the coverage line.
public struct RehearsalSession: Sendable {
    public private(set) var machine: ConsultationStateMachine
    public let explainer: RuleExplainer
    public let places: RehearsalPlaces
    /// Times each branch case was taken in this rehearsal, by ``RehearsalCoverage/branchKey(_:caseIndex:in:)``.
    private var branchCounts: [String: Int] = [:]
    /// Rules that held at any moment of this rehearsal.
    private var everFired: Set<String> = []

    public var consultation: Consultation { machine.consultation }

    public init(consultation: Consultation, language: String = "en",
                id: String, started: Date) {
        machine = ConsultationStateMachine(consultation: consultation, language: language, mode: .rehearsal,
                                           id: id, started: started)
        explainer = RuleExplainer(consultation: consultation)
        places = RehearsalPlaces(consultation: consultation)
    }

    // MARK: - Events

    /// Starts the rehearsal: the opening text and the first question.
    public mutating func start(at now: Date) -> RehearsalStep {
        let before = Snapshot(self)
        machine.lastWalk = nil
        let action = machine.start(at: now)
        countWalk()
        return step(action, reports: ruleReports(since: before, force: false))
    }

    /// The staff member typed a line: a staff command, or what the patient would type.
    public mutating func lineReceived(_ line: String, at now: Date) -> RehearsalStep {
        let text = TerminalSanitizer.clean(line)
        if case .awaiting = machine.state.phase, let parsed = RehearsalCommand.parse(text) {
            switch parsed {
            case let .success(command): return perform(command, at: now)
            case let .failure(rejection): return reprompt([.rejected(rejection)])
            }
        }
        let before = Snapshot(self)
        machine.lastWalk = nil
        let action = machine.lineReceived(line, at: now)
        countWalk()
        return step(action, reports: faqReports(since: before) + ruleReports(since: before, force: false))
    }

    /// Input ended: the rehearsal finishes, incomplete if questions remained.
    public mutating func endOfInput(at now: Date) -> RehearsalStep {
        step(machine.endOfInput(at: now), reports: [])
    }

    /// Ctrl-C at a prompt: the line is cancelled.
    public mutating func interrupted(at now: Date) -> RehearsalStep {
        step(machine.interrupted(at: now), reports: [])
    }

    // MARK: - Staff commands

    mutating func perform(_ command: RehearsalCommand, at now: Date) -> RehearsalStep {
        switch command {
        case .help:
            return reprompt([.help(RehearsalText.help)])
        case .answers:
            return reprompt([.answers(answerLines())])
        case .rules:
            let explanations = consultation.rules.map(explain)
            return reprompt([.rules(fired: explanations.filter(\.holds), notFired: explanations.filter { !$0.holds })])
        case .where:
            return reprompt([.path(path(), callStack: machine.state.callStack.map(describe))])
        case let .persona(file):
            var result = reprompt([])
            result.personaFile = file
            result.action = .prompt([], machine.currentPrompt(), showQuestion: false)
            return result
        case let .goto(name):
            return goto(name, at: now)
        case let .set(id, value):
            return set(id, to: value, at: now)
        }
    }

    mutating func goto(_ name: String, at now: Date) -> RehearsalStep {
        guard case let .awaiting(point) = machine.state.phase else { return reprompt([.rejected(.notAtAPrompt)]) }
        let place: RehearsalPlaces.Place
        switch places.resolve(name) {
        case let .success(found): place = found
        case let .failure(rejection): return reprompt([.rejected(rejection)])
        }
        let stack = places.callStack(for: place.address, current: machine.state.callStack, currentDialog: point.address.dialog)
        switch machine.jump(to: place.address, callStack: stack, at: now) {
        case let .jumped(action):
            return step(action, reports: [.moved(to: place.qualifiedID, callStack: stack.map(describe))])
        case .notAtAPrompt:
            return reprompt([.rejected(.notAtAPrompt)])
        case .notAPrompt:
            return reprompt([.rejected(.unknownNode(name, suggestion: nil))])
        }
    }

    mutating func set(_ id: String, to value: String, at now: Date) -> RehearsalStep {
        let before = Snapshot(self)
        switch machine.replaceAnswer(id, with: value, at: now) {
        case let .replaced(previous, answer, action):
            var reports: [RehearsalReport] = [.answerChanged(id: id, from: previous?.displayValue, to: answer.displayValue)]
            reports += ruleReports(since: before, force: true)
            return step(action, reports: reports)
        case let .unreadable(hint):
            return reprompt([.rejected(.unreadable(id, hint: hint))])
        case .unknownQuestion:
            let suggestion = Suggestion.closest(to: id, in: consultation.questions.keys.sorted())
            return reprompt([.rejected(.unknownAnswer(id, suggestion: suggestion))])
        case .notAtAPrompt:
            return reprompt([.rejected(.notAtAPrompt)])
        }
    }

    // MARK: - Queries

    /// Every answer so far, in the order given.
    public func answerLines() -> [AnswerLine] {
        machine.state.answers.map { AnswerLine(id: $0.answer.id, value: $0.answer.displayValue, typed: $0.answer.text) }
    }

    /// The prompts answered or left so far (the checkpoints `back` returns to), then the current one.
    public func path() -> [RehearsalPlace] {
        let answers = machine.state.answers
        var steps = machine.state.history.map { checkpoint in
            RehearsalPlace(place: describe(checkpoint.point.address),
                     answer: answers.last { $0.address == checkpoint.point.address }?.answer.displayValue, isCurrent: false)
        }
        switch machine.state.phase {
        case let .awaiting(point), let .confirming(_, point), let .confirmingAnswer(_, point), let .choosingFAQ(_, point):
            steps.append(RehearsalPlace(place: describe(point.address), answer: nil, isCurrent: true))
        case .notStarted, .finished:
            break
        }
        return steps
    }

    /// The explanation of one rule for the answers so far.
    public func explain(_ rule: ScreeningRule) -> RuleExplanation {
        explainer.explain(rule, answers: machine.state.answerValues, today: machine.state.today)
    }

    /// What this rehearsal exercised, as one rehearsal's counts.
    public var coverage: RehearsalCoverage {
        RehearsalCoverage(rehearsals: 1, branches: branchCounts, rules: Dictionary(uniqueKeysWithValues: everFired.map { ($0, 1) }))
    }

    /// Tab candidates at a prompt: its own, the staff commands, and `goto`/`set` with every id.
    public func completions(for prompt: Prompt) -> [String] {
        var candidates = prompt.completions
        candidates += RehearsalCommand.words.filter { $0 != "help" }
        for place in places.places {
            let unique = (try? places.resolve(place.id).get()) == place
            candidates.append("goto " + (unique ? place.id : place.qualifiedID))
        }
        for place in places.places where consultation.questions[place.id] == place.address {
            candidates.append("set \(place.id) ")
        }
        return candidates
    }

    /// `dialog/id` for a node, or `dialog#index` for one without an id.
    public func describe(_ address: NodeAddress) -> String {
        guard let node = consultation.node(at: address) else { return address.description }
        switch node.kind {
        case let .ask(question): return "\(address.dialog)/\(question.id)"
        case let .explain(topic): return "\(address.dialog)/\(node.id ?? topic.id)"
        case let .call(reference):
            return "\(node.id.map { "\(address.dialog)/\($0)" } ?? address.description) call \(reference.id)"
        case .say, .branch, .returnToCaller, .end, .outcome:
            return node.id.map { "\(address.dialog)/\($0)" } ?? address.description
        }
    }

    // MARK: - Steps and reports

    private func step(_ action: ConsultationAction, reports: [RehearsalReport]) -> RehearsalStep {
        var place: PromptPlace?
        if case let .prompt(_, prompt, showQuestion) = action, showQuestion {
            switch prompt.style {
            case .question:
                place = PromptPlace(place: "\(prompt.dialogID)/\(prompt.nodeID)", feeds: explainer.rulesFed(by: prompt.nodeID))
            case .topicOffer:
                place = PromptPlace(place: "\(prompt.dialogID)/\(prompt.nodeID)", feeds: [])
            case .topicMore, .confirmation:
                break
            }
        }
        return RehearsalStep(reports: reports, action: action, place: place)
    }

    private func reprompt(_ reports: [RehearsalReport]) -> RehearsalStep {
        RehearsalStep(reports: reports, action: machine.reprompt([], showQuestion: false), place: nil)
    }

    /// What answers and fired rules were before an event.
    private struct Snapshot {
        var phase: SessionState.Phase
        var answers: [String: AnswerValue?]
        var fired: [String]
        var outcome: OutcomeStatus
        var faqCount: Int

        init(_ session: RehearsalSession) {
            phase = session.machine.state.phase
            answers = session.machine.state.answerValues
            fired = session.machine.firedRules().map(\.id)
            outcome = session.machine.outcomeStatus()
            faqCount = session.machine.state.faq.count
        }
    }

    /// The best FAQ entries, with their scores, for each question of the patient's own asked since `before`.
    private mutating func faqReports(since before: Snapshot) -> [RehearsalReport] {
        let retriever = machine.faqRetriever
        return machine.state.faq.dropFirst(before.faqCount).map { record in
            .faqMatches(FAQMatches(question: record.asked, best: retriever.ranked(record.asked, limit: FAQMatches.shown),
                                   decision: retriever.decide(record.asked)))
        }
    }

    /// The rules that fired and un-fired since `before`; reported when answers changed (or `force`).
    private mutating func ruleReports(since before: Snapshot, force: Bool) -> [RehearsalReport] {
        let fired = machine.firedRules()
        everFired.formUnion(fired.map(\.id))
        let answers = machine.state.answerValues
        let firedIDs = fired.map(\.id)
        guard force || answers != before.answers || firedIDs != before.fired else { return [] }
        let newlyFired = fired.filter { !before.fired.contains($0.id) }.map(explain)
        let unfired = consultation.rules.filter { before.fired.contains($0.id) && !firedIDs.contains($0.id) }.map(explain)
        return [.ruleChanges(RuleChanges(fired: newlyFired, unfired: unfired,
                                         outcomeBefore: before.outcome, outcomeAfter: machine.outcomeStatus()))]
    }

    // MARK: - Coverage

    /// Counts the branch cases of the walk an event made, if it made one: the session's own walk's trace, so the
    /// counts are those of the path the session took.
    private mutating func countWalk() {
        guard let trace = machine.lastWalk else { return }
        machine.lastWalk = nil
        for choice in trace.choices {
            branchCounts[RehearsalCoverage.branchKey(choice.branch, caseIndex: choice.caseIndex, in: consultation), default: 0] += 1
        }
    }
}

// MARK: - Results

/// What a rehearsal event produced: staff reports, then the session's own action.
public struct RehearsalStep: Sendable, Hashable {
    /// Shown before the action's messages.
    public var reports: [RehearsalReport]
    /// What the consultation does: show messages and a prompt, or finish.
    public var action: ConsultationAction
    /// The staff header of the prompt the action shows, if it shows a question or topic.
    public var place: PromptPlace?
    /// Set by `persona FILE`: the executable reads this transcript and plays its lines.
    public var personaFile: String?
}

/// A staff report of a rehearsal event.
public enum RehearsalReport: Sendable, Hashable {
    /// Rules that started or stopped holding, and the outcome before and after.
    case ruleChanges(RuleChanges)
    /// `set` changed an answer (`from` is `nil` when it had none).
    case answerChanged(id: String, from: String?, to: String)
    /// The patient asked a question of their own: the FAQ entries that fit it best.
    case faqMatches(FAQMatches)
    /// `goto` moved the session; the call stack is outermost first.
    case moved(to: String, callStack: [String])
    case answers([AnswerLine])
    case rules(fired: [RuleExplanation], notFired: [RuleExplanation])
    case path([RehearsalPlace], callStack: [String])
    case help(String)
    case rejected(RehearsalRejection)
}

/// Rules that fired or un-fired after an event.
public struct RuleChanges: Sendable, Hashable {
    public var fired: [RuleExplanation]
    public var unfired: [RuleExplanation]
    public var outcomeBefore: OutcomeStatus
    public var outcomeAfter: OutcomeStatus
}

/// The FAQ entries that fit a patient's own question best, and what the session did with it.
public struct FAQMatches: Sendable, Hashable {
    /// How many entries staff see.
    public static let shown = 3

    public var question: String
    /// Up to ``shown`` entries, best first, with their scores; empty when no entry shares a word with the question.
    public var best: [FAQCandidate]
    public var decision: FAQDecision
}

/// Where a prompt is (`screening/pregnant`) and the rules its answer feeds.
public struct PromptPlace: Sendable, Hashable {
    public var place: String
    public var feeds: [RuleSummary]
}

/// An answer as `answers` lists it.
public struct AnswerLine: Sendable, Hashable {
    public var id: String
    /// The answer in words (`not sure`, `34 years`).
    public var value: String
    /// What was typed.
    public var typed: String
}

/// One prompt on the path.
public struct RehearsalPlace: Sendable, Hashable {
    public var place: String
    /// The answer given there, if any.
    public var answer: String?
    public var isCurrent: Bool
}
