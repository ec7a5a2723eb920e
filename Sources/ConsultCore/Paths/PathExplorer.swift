/// Explores every distinct path through a consultation, walking it exactly as the session does
/// (`ConsultationStateMachine.walk`: branches evaluated on the answers so far, with the built-in
/// `outcome`; calls and returns on a call stack; `end`, and falling off the entry dialog, finish).
///
/// At each question it tries one answer of each class (``AnswerClass``); at a topic it does not fork,
/// since reading or skipping a topic never changes the path. States that are equivalent for the rest
/// of the consultation are merged: same place, same call stack, the same classes of the answers a later
/// condition may still read, the same unsettled rules holding, and — for rules that can no longer change —
/// only the most severe outcome they set. So the work grows with the dialog's size, not with its number
/// of paths, which is counted on the merged graph instead of enumerated.
///
/// No I/O: the caller loads the consultation and properties, and prints the result.
public struct PathExplorer: Sendable {
    public let consultation: Consultation
    public let properties: [SafetyProperty]
    /// The reference day for dates (the session's start day; relative dates keep transcripts replayable).
    public let today: CalendarDay
    /// Exploration stops after this many states and reports itself incomplete.
    public var maximumStates: Int

    public init(consultation: Consultation, properties: [SafetyProperty] = [], today: CalendarDay, maximumStates: Int = 2_000_000) {
        self.consultation = consultation
        self.properties = properties
        self.today = today
        self.maximumStates = maximumStates
    }

    /// Explores the consultation and checks the properties.
    ///
    /// - Parameter progress: called now and then with how far exploration has got.
    public func explore(progress: ((PathProgress) -> Void)? = nil) -> PathExploration {
        var engine = ExplorationEngine(explorer: self)
        return engine.run(progress: progress)
    }
}

/// Everything about a state the rest of the consultation can depend on.
struct ExplorationState: Hashable {
    /// The prompt node (an `ask` or `explain`).
    var position: Int32
    /// The `call` nodes being run, innermost last.
    var stack: [Int32]
    /// Answers a later condition may read: question index in the high half, class index in the low half; sorted.
    var answers: [UInt64]
    /// Watched conditions (rules, then property conditions) that hold now and may still change; sorted.
    var holding: [Int32]
    /// The most severe outcome of the rules that hold and can no longer change.
    var settledSeverity: UInt8
    /// Property conditions that hold and can no longer change; sorted.
    var settledProperties: [Int32]
    /// Per `always_summary` property: bit 2k "passed its node", bit 2k+1 "outcome shown since".
    var flags: UInt64
}

struct ExplorationEngine {
    /// Where an edge of the state graph leads.
    enum Target: Hashable {
        case state(Int32)
        case finish(OutcomeStatus)
    }

    struct Edge {
        var target: Target
        /// Whether the edge is a path class of its own (classes only properties tell apart are counted once).
        var counted: Bool
    }

    /// The working copy of a state while one answer is applied and the dialog walked.
    struct Working {
        var answers: [Int: Int]
        var holding: Set<Int>
        var settledSeverity: UInt8
        var settledProperties: Set<Int>
        var flags: UInt64
        var stack: [Int]
    }

    let explorer: PathExplorer
    let model: PathModel
    let classBuilder: PathAnswerClasses
    var classes: [[AnswerClass]?]
    var countedClass: [[Bool]?]
    /// Each question's class signatures, for predictions (`PathExplorer+Prediction.swift`).
    var signatures: [Int: [[Value?]]] = [:]
    let ruleStatus: [OutcomeStatus?]
    /// `never` properties with a condition: property index → watched index.
    var neverCondition: [Int: Int] = [:]
    /// `always_summary` properties: property index → (flag number, node indices).
    var summaryWatch: [(property: Int, nodes: Set<Int>)] = []

    // The state graph.
    var states: [ExplorationState] = []
    var stateIndex: [ExplorationState: Int32] = [:]
    var parent: [Int32] = []
    var parentClass: [Int32] = []
    var edges: [[Edge]] = []

    struct Place: Hashable {
        var position: Int32
        var stack: [Int32]
    }

    var livenessCache: [Place: (live: PathBitSet, unsettled: PathBitSet)] = [:]

    // Findings.
    var visited: PathBitSet
    /// First edge found (so on a shortest path) finishing in each outcome: (source state or -1 for the start, class).
    var firstFinish: [OutcomeStatus: (source: Int32, classIndex: Int32)] = [:]
    /// First violation of each path property: (source state, class, outcome); source -2 marks a state that cannot finish.
    var violations: [Int: (source: Int32, classIndex: Int32, outcome: OutcomeStatus?)] = [:]
    /// A state where each rule holds for good, or -1 when it held at a finish.
    var ruleWitness: [Int: Int32] = [:]

    init(explorer: PathExplorer) {
        self.explorer = explorer
        var conditions: [Expression] = []
        var neverCondition: [Int: Int] = [:]
        var summaryNodes: [(Int, [NodeAddress])] = []
        for (index, property) in explorer.properties.enumerated() {
            switch property.kind {
            case let .never(_, condition?):
                neverCondition[index] = conditions.count
                conditions.append(condition.expression)
            case let .alwaysSummary(nodes):
                summaryNodes.append((index, nodes))
            default:
                break
            }
        }
        let model = PathModel(consultation: explorer.consultation, propertyConditions: conditions)
        self.model = model
        self.neverCondition = neverCondition.mapValues { model.ruleCount + $0 }
        self.summaryWatch = summaryNodes.prefix(32).map { ($0.0, Set($0.1.compactMap { model.number(of: $0) })) }
        self.classBuilder = PathAnswerClasses(model: model, today: explorer.today)
        self.classes = Array(repeating: nil, count: model.questionIDs.count)
        self.countedClass = Array(repeating: nil, count: model.questionIDs.count)
        self.ruleStatus = explorer.consultation.rules.map(\.effect.status)
        self.visited = PathBitSet(capacity: model.nodes.count)
    }

    // MARK: - Running

    mutating func run(progress: ((PathProgress) -> Void)?) -> PathExploration {
        var complete = true
        // The start: every watched condition evaluated on no answers, then the walk to the first prompt.
        var start = Working(answers: [:], holding: [], settledSeverity: 0, settledProperties: [], flags: 0, stack: [])
        for watched in model.watched.indices where holds(model.watched[watched], in: start) { start.holding.insert(watched) }
        if let entry = model.control.start {
            let end = walk(from: entry, &start)
            _ = conclude(start, end, source: -1, classIndex: -1)
        } else {
            _ = conclude(start, .end, source: -1, classIndex: -1)
        }

        var next = 0
        while next < states.count {
            if states.count > explorer.maximumStates {
                complete = false
                break
            }
            expand(Int32(next))
            next += 1
            if next & 1023 == 0 { progress?(PathProgress(explored: next, found: states.count)) }
        }
        progress?(PathProgress(explored: next, found: states.count))
        return report(complete: complete)
    }

    /// Tries every class of answer (or the single way on from a topic) at a state.
    mutating func expand(_ id: Int32) {
        let state = states[Int(id)]
        let position = Int(state.position)
        var stateEdges: [Edge] = []
        switch model.nodes[position].kind {
        case let .ask(question):
            let questionClasses = answerClasses(question)
            let counted = countedClass[question]!
            for classIndex in questionClasses.indices {
                var working = unpack(state)
                answer(question, classIndex, &working)
                let end = walk(from: onward(position, &working.stack), &working)
                let target = conclude(working, end, source: id, classIndex: Int32(classIndex))
                stateEdges.append(Edge(target: target, counted: counted[classIndex]))
            }
        default:
            var working = unpack(state)
            let end = walk(from: onward(position, &working.stack), &working)
            let target = conclude(working, end, source: id, classIndex: -1)
            stateEdges.append(Edge(target: target, counted: true))
        }
        edges[Int(id)] = stateEdges
    }

    mutating func answerClasses(_ question: Int) -> [AnswerClass] {
        if let known = classes[question] { return known }
        let built = classBuilder.classes(of: question)
        var seen: Set<Int> = []
        classes[question] = built
        countedClass[question] = built.map { seen.insert($0.dialogClass).inserted }
        return built
    }

    func unpack(_ state: ExplorationState) -> Working {
        var answers: [Int: Int] = [:]
        for packed in state.answers { answers[Int(packed >> 32)] = Int(packed & 0xFFFF_FFFF) }
        return Working(answers: answers, holding: Set(state.holding.map(Int.init)), settledSeverity: state.settledSeverity,
                       settledProperties: Set(state.settledProperties.map(Int.init)), flags: state.flags,
                       stack: state.stack.map(Int.init))
    }

    mutating func answer(_ question: Int, _ classIndex: Int, _ working: inout Working) {
        working.answers[question] = classIndex
        for watched in model.watchersOf[question] {
            if holds(model.watched[watched], in: working) {
                working.holding.insert(watched)
            } else {
                working.holding.remove(watched)
            }
        }
    }

    // MARK: - Evaluating

    /// The outcome so far, as the built-in `outcome` reads it: the most severe status of the rules that hold.
    func currentOutcome(_ working: Working) -> OutcomeStatus {
        var severity = Int(working.settledSeverity)
        for watched in working.holding where watched < model.ruleCount {
            if let status = ruleStatus[watched] { severity = max(severity, status.severity) }
        }
        return OutcomeStatus.allCases.first { $0.severity == severity } ?? .proceed
    }

    func holds(_ condition: PathModel.Condition, in working: Working, outcome: OutcomeStatus? = nil) -> Bool {
        var answers: [String: AnswerValue?] = [:]
        for input in condition.inputs {
            guard let classIndex = working.answers[input], let questionClasses = classes[input] else { continue }
            answers[model.questionIDs[input]] = .some(questionClasses[classIndex].value)
        }
        return explorer.consultation.evaluator(answers: answers, today: explorer.today, outcome: outcome).holds(condition.expression)
    }

    // MARK: - Walking (DialogControl's walk, as the session walks)

    /// The session's walk, with branches decided on answer classes.
    mutating func walk(from start: Int?, _ working: inout Working) -> WalkEnd {
        let control = model.control
        var stack = working.stack
        let end = control.walk(from: start, stack: &stack, limit: ConsultationStateMachine.stepLimit, visit: { index in
            visited.insert(index)
            for (flag, watch) in summaryWatch.enumerated() where watch.nodes.contains(index) {
                working.flags |= 1 << UInt64(2 * flag)
                working.flags &= ~(1 << UInt64(2 * flag + 1))
            }
            if case .outcome = model.nodes[index].kind {
                for flag in summaryWatch.indices where working.flags & (1 << UInt64(2 * flag)) != 0 {
                    working.flags |= 1 << UInt64(2 * flag + 1)
                }
            }
        }, decide: { index, cases in
            let outcome = currentOutcome(working)
            let conditions = model.nodes[index].caseConditions
            return cases.first { holds(model.branchConditions[conditions[$0]], in: working, outcome: outcome) }
        })
        working.stack = stack
        return end
    }

    func onward(_ index: Int, _ stack: inout [Int]) -> Int? {
        model.control.resolve(model.control.resume(after: index), stack: &stack)
    }

    // MARK: - Concluding a step

    /// Settles what can no longer change, records findings, and returns the state (found or new) or the finish.
    mutating func conclude(_ working: Working, _ end: WalkEnd, source: Int32, classIndex: Int32) -> Target {
        var working = working
        switch end {
        case let .prompt(position):
            let stack = working.stack.map(Int32.init)
            let context = liveness(at: position, stack: stack)
            var settledNow: [Int] = []
            for watched in working.holding where !context.unsettled.contains(watched) { settledNow.append(watched) }
            for watched in settledNow { settle(watched, &working) }
            let live = context.live
            let answers = working.answers.filter { live.contains($0.key) }
                .map { UInt64($0.key) << 32 | UInt64($0.value) }.sorted()
            let state = ExplorationState(
                position: Int32(position), stack: stack, answers: answers,
                holding: working.holding.map(Int32.init).sorted(), settledSeverity: working.settledSeverity,
                settledProperties: working.settledProperties.map(Int32.init).sorted(), flags: working.flags
            )
            let id: Int32
            if let known = stateIndex[state] {
                id = known
            } else {
                id = Int32(states.count)
                states.append(state)
                stateIndex[state] = id
                parent.append(source)
                parentClass.append(classIndex)
                edges.append([])
            }
            for watched in settledNow where watched < model.ruleCount && ruleWitness[watched] == nil { ruleWitness[watched] = id }
            return .state(id)
        case .end, .runaway:
            let runaway = end == .runaway
            for watched in Array(working.holding) {
                if watched < model.ruleCount, ruleWitness[watched] == nil { ruleWitness[watched] = -1 }
                settle(watched, &working)
            }
            let severity = Int(working.settledSeverity)
            let outcome: OutcomeStatus = runaway ? .incomplete : (OutcomeStatus.allCases.first { $0.severity == severity } ?? .proceed)
            if firstFinish[outcome] == nil { firstFinish[outcome] = (source, classIndex) }
            checkFinish(working, outcome: outcome, runaway: runaway, source: source, classIndex: classIndex)
            return .finish(outcome)
        }
    }

    /// What may still be read or change after a prompt on this call stack (memoised: few stacks recur).
    mutating func liveness(at position: Int, stack: [Int32]) -> (live: PathBitSet, unsettled: PathBitSet) {
        let key = Place(position: Int32(position), stack: stack)
        if let known = livenessCache[key] { return known }
        let context = model.context(at: position, stack: stack)
        livenessCache[key] = context
        return context
    }

    mutating func settle(_ watched: Int, _ working: inout Working) {
        working.holding.remove(watched)
        if watched < model.ruleCount {
            if let status = ruleStatus[watched] { working.settledSeverity = max(working.settledSeverity, UInt8(status.severity)) }
        } else {
            working.settledProperties.insert(watched)
        }
    }

    /// Path properties judged at a finish.
    mutating func checkFinish(_ working: Working, outcome: OutcomeStatus, runaway: Bool, source: Int32, classIndex: Int32) {
        for (index, property) in explorer.properties.enumerated() where violations[index] == nil {
            switch property.kind {
            case let .never(outcomes, condition):
                let outcomeMatches = outcomes.isEmpty || outcomes.contains(outcome)
                let conditionHolds = condition == nil || neverCondition[index].map(working.settledProperties.contains) == true
                if outcomeMatches && conditionHolds { violations[index] = (source, classIndex, outcome) }
            case .alwaysSummary:
                guard let flag = summaryWatch.firstIndex(where: { $0.property == index }) else { continue }
                let passed = working.flags & (1 << UInt64(2 * flag)) != 0
                let shown = working.flags & (1 << UInt64(2 * flag + 1)) != 0
                if passed && (!shown || runaway) { violations[index] = (source, classIndex, outcome) }
            case .reachable, .canFire, .faqReachable:
                break
            }
        }
    }
}
