/// The consultation compiled for path exploration: for every node what the explorer needs beyond
/// ``DialogControl``'s stepping rules (which question it asks, which condition each branch case reads), and for
/// every expression the answers it reads.
///
/// It also knows, for every node, which answers a later condition may still read and which rules
/// (and property conditions) may still change: the explorer forgets everything else, which is what
/// lets paths that differ only in answers nobody reads again merge into one state.
struct PathModel {
    enum Kind {
        case ask(question: Int)
        case explain
        /// Shows the fired rules (which `always_summary` properties watch for).
        case outcome
        /// Any other node that does not stop for the patient; ``DialogControl`` says where it goes.
        case passing
    }

    struct Node {
        var address: NodeAddress
        var kind: Kind
        /// For a branch, the index in ``branchConditions`` of each case's condition, by case index.
        var caseConditions: [Int]
    }

    /// A condition the explorer evaluates: a rule's, a property's or a branch case's.
    struct Condition {
        var expression: Expression
        /// The answers it reads, directly or through computed values (question indices, sorted).
        var inputs: [Int]
    }

    let consultation: Consultation
    /// The stepping rules; nodes are numbered as it numbers them.
    let control: DialogControl
    let nodes: [Node]
    /// Question ids by index, and their ask nodes.
    let questionIDs: [String]
    let questionIndex: [String: Int]
    let questionNode: [Int]
    /// Rules first (in the consultation's order), then property conditions: the "watched" conditions,
    /// whose truth at the end of a path matters.
    let watched: [Condition]
    let ruleCount: Int
    /// Watched conditions reading each question.
    let watchersOf: [[Int]]
    let branchConditions: [Condition]
    /// Maximal parts of conditions that read exactly one answer, by question: what answer classes are made of.
    /// `dialogAtoms` come from the dialog alone; `propertyAtoms` from the properties being checked.
    let dialogAtoms: [[Expression]]
    let propertyAtoms: [[Expression]]
    /// Numbers written in the conditions and computed values that matter, and numeric settings.
    let boundaries: [Double]
    /// Conditions (as written) that do arithmetic on several answers (`weight + height < 250`): answer classes are
    /// per answer, so the proof covers them only at each answer's representatives.
    let approximateConditions: [String]
    /// For each node: answers a condition reachable from it in its dialog frame may read (see `context`).
    let frameLive: [PathBitSet]
    /// For each node: watched conditions that may still change in its dialog frame (one of their answers can still be asked).
    let frameUnsettled: [PathBitSet]
    /// For each node: whether its dialog can return (or, for the entry dialog, finish by falling off) from it.
    let exits: [Bool]

    init(consultation: Consultation, propertyConditions: [Expression]) {
        self.consultation = consultation

        // Nodes, numbered as DialogControl numbers them.
        let control = consultation.control
        self.control = control

        // Questions.
        let questionIDs = consultation.questions.keys.sorted()
        var questionIndex: [String: Int] = [:]
        for (position, id) in questionIDs.enumerated() { questionIndex[id] = position }
        self.questionIDs = questionIDs
        self.questionIndex = questionIndex
        self.questionNode = questionIDs.map { consultation.questions[$0].flatMap(control.number(of:)) ?? -1 }

        var reads = ReadAnalysis(consultation: consultation, questionIndex: questionIndex)

        // What each node asks, and the conditions of branch cases.
        var branchConditions: [Condition] = []
        var nodes: [Node] = []
        nodes.reserveCapacity(control.count)
        for address in control.addresses {
            guard let node = consultation.node(at: address) else { continue }
            let kind: Kind
            var caseConditions: [Int] = []
            switch node.kind {
            case let .ask(question): kind = .ask(question: questionIndex[question.id] ?? -1)
            case .explain: kind = .explain
            case let .branch(cases, _):
                kind = .passing
                for branchCase in cases {
                    branchConditions.append(Condition(expression: branchCase.condition.expression,
                                                      inputs: reads.questions(of: branchCase.condition.expression)))
                    caseConditions.append(branchConditions.count - 1)
                }
            case .outcome: kind = .outcome
            case .say, .call, .returnToCaller, .end: kind = .passing
            }
            nodes.append(Node(address: address, kind: kind, caseConditions: caseConditions))
        }
        self.nodes = nodes
        self.branchConditions = branchConditions

        // Watched conditions: rules, then properties.
        var watched = consultation.rules.map { Condition(expression: $0.condition.expression, inputs: reads.questions(of: $0.condition.expression)) }
        ruleCount = watched.count
        watched += propertyConditions.map { Condition(expression: $0, inputs: reads.questions(of: $0)) }
        self.watched = watched
        var watchersOf = Array(repeating: [Int](), count: questionIDs.count)
        for (index, condition) in watched.enumerated() {
            for input in condition.inputs { watchersOf[input].append(index) }
        }
        self.watchersOf = watchersOf

        // Atoms and boundaries.
        var dialogAtoms = Array(repeating: [Expression](), count: questionIDs.count)
        var propertyAtoms = dialogAtoms
        var numbers: Set<Double> = []
        var seenComputed: Set<String> = []
        let dialogExpressions = consultation.rules.map(\.condition.expression) + branchConditions.map(\.expression)
        for expression in dialogExpressions {
            reads.collectAtoms(expression, into: &dialogAtoms, numbers: &numbers, seenComputed: &seenComputed)
        }
        var seenInProperties: Set<String> = []
        for expression in propertyConditions {
            reads.collectAtoms(expression, into: &propertyAtoms, numbers: &numbers, seenComputed: &seenInProperties)
        }
        for case let .number(value) in consultation.settings.values { numbers.insert(value) }
        self.dialogAtoms = dialogAtoms
        self.propertyAtoms = propertyAtoms
        var approximate: [String] = []
        let written = consultation.rules.map { ($0.condition.expression, "rule '\($0.id)': \($0.condition.source)") }
            + consultation.control.addresses.compactMap { address -> [(Expression, String)]? in
                guard case let .branch(cases, _)? = consultation.node(at: address)?.kind else { return nil }
                return cases.map { ($0.condition.expression, "branch at \($0.condition.location): \($0.condition.source)") }
            }.flatMap { $0 }
        for (expression, description) in written where reads.combinesAnswers(expression) && !approximate.contains(description) {
            approximate.append(description)
        }
        self.approximateConditions = approximate
        self.boundaries = numbers.sorted()

        // Liveness within a dialog frame: what can still be read or change from each node until its dialog
        // returns (calls are entered, and come back to the node after the call). `exits` says whether the
        // dialog can return from there; the explorer adds what follows each call site on the actual call stack.
        var successors = Array(repeating: [Int](), count: nodes.count)
        var exitSeed = Array(repeating: PathBitSet(capacity: 1), count: nodes.count)
        for index in nodes.indices {
            func add(_ exit: Exit) {
                switch exit {
                case let .node(next): successors[index].append(next)
                case .leave: exitSeed[index].insert(0)
                }
            }
            for step in control.possibleSteps(index) {
                switch step {
                case let .go(exit, _), let .stop(resume: exit): add(exit)
                case let .call(entry, resume):
                    // The call is entered, and comes back to go on after the node.
                    successors[index].append(entry)
                    add(resume)
                case .end: break
                }
            }
        }
        var liveSeed = Array(repeating: PathBitSet(capacity: questionIDs.count), count: nodes.count)
        var unsettledSeed = Array(repeating: PathBitSet(capacity: watched.count), count: nodes.count)
        for (index, node) in nodes.enumerated() {
            for condition in node.caseConditions {
                for input in branchConditions[condition].inputs { liveSeed[index].insert(input) }
            }
            switch node.kind {
            case let .ask(question) where question >= 0:
                for watcher in watchersOf[question] {
                    unsettledSeed[index].insert(watcher)
                    for input in watched[watcher].inputs { liveSeed[index].insert(input) }
                }
            default:
                break
            }
        }
        let components = StronglyConnectedComponents(successors: successors)
        frameLive = Self.propagate(liveSeed, successors: successors, components: components)
        frameUnsettled = Self.propagate(unsettledSeed, successors: successors, components: components)
        exits = Self.propagate(exitSeed, successors: successors, components: components).map { !$0.isEmpty }
    }

    /// The number of the node at `address`.
    func number(of address: NodeAddress) -> Int? { control.number(of: address) }

    /// What may still be read (`live`) or change (`unsettled`) after a prompt, given the call stack:
    /// the prompt's own dialog frame, then, while the dialog can return, what follows each call site.
    func context(at position: Int, stack: [Int32]) -> (live: PathBitSet, unsettled: PathBitSet) {
        var live = frameLive[position]
        var unsettled = frameUnsettled[position]
        var canReturn = exits[position]
        var level = stack.count - 1
        while canReturn, level >= 0 {
            switch control.resume(after: Int(stack[level])) {
            case let .node(next):
                live.formUnion(frameLive[next])
                unsettled.formUnion(frameUnsettled[next])
                canReturn = exits[next]
            case .leave:
                canReturn = true
            }
            level -= 1
        }
        return (live, unsettled)
    }

    /// Each node's set joined with the sets of every node reachable from it (strongly connected
    /// components first, so loops cost nothing extra).
    static func propagate(_ seeds: [PathBitSet], successors: [[Int]], components: StronglyConnectedComponents) -> [PathBitSet] {
        var componentSets = components.members.map { members in
            members.dropFirst().reduce(into: seeds[members[0]]) { $0.formUnion(seeds[$1]) }
        }
        // Tarjan's algorithm finishes a component after every component it reaches.
        for component in componentSets.indices {
            for member in components.members[component] {
                for next in successors[member] where components.component[next] != component {
                    componentSets[component].formUnion(componentSets[components.component[next]])
                }
            }
        }
        return components.component.map { componentSets[$0] }
    }
}

/// Tarjan's strongly connected components, iteratively (dialogs of thousands of nodes would overflow a recursion).
struct StronglyConnectedComponents {
    /// The component of each node.
    private(set) var component: [Int]
    /// The nodes of each component, components in the order they were completed (successors first).
    private(set) var members: [[Int]] = []

    init(successors: [[Int]]) {
        let count = successors.count
        component = Array(repeating: -1, count: count)
        var index = Array(repeating: -1, count: count)
        var lowLink = Array(repeating: 0, count: count)
        var onStack = Array(repeating: false, count: count)
        var stack: [Int] = []
        var counter = 0
        for root in 0..<count where index[root] < 0 {
            var work: [(node: Int, next: Int)] = [(root, 0)]
            index[root] = counter
            lowLink[root] = counter
            counter += 1
            stack.append(root)
            onStack[root] = true
            while let (node, next) = work.last {
                if next < successors[node].count {
                    work[work.count - 1].next += 1
                    let target = successors[node][next]
                    if index[target] < 0 {
                        index[target] = counter
                        lowLink[target] = counter
                        counter += 1
                        stack.append(target)
                        onStack[target] = true
                        work.append((target, 0))
                    } else if onStack[target] {
                        lowLink[node] = min(lowLink[node], index[target])
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last { lowLink[parent.node] = min(lowLink[parent.node], lowLink[node]) }
                guard lowLink[node] == index[node] else { continue }
                var group: [Int] = []
                while let top = stack.popLast() {
                    onStack[top] = false
                    component[top] = members.count
                    group.append(top)
                    if top == node { break }
                }
                members.append(group)
            }
        }
    }
}

/// Which answers expressions read (``ExpressionDependencies``, as question indices), and their one-answer parts.
struct ReadAnalysis {
    let consultation: Consultation
    let questionIndex: [String: Int]

    init(consultation: Consultation, questionIndex: [String: Int]) {
        self.consultation = consultation
        self.questionIndex = questionIndex
    }

    /// The answers `expression` reads (question indices, sorted).
    mutating func questions(of expression: Expression) -> [Int] {
        reads(expression).questions.sorted()
    }

    /// The answers an expression reads, and whether it reads the built-in `outcome`.
    mutating func reads(_ expression: Expression) -> (questions: Set<Int>, outcome: Bool) {
        let dependencies = consultation.dependencies(of: expression)
        return (Set(dependencies.answers.compactMap { questionIndex[$0] }), dependencies.readsOutcome)
    }

    /// Whether `expression` does arithmetic (`+ - * /`, `min`, `max`) whose operands read two or more answers between
    /// them, directly or through computed values.
    mutating func combinesAnswers(_ expression: Expression) -> Bool {
        var pending = [expression]
        var seenComputed: Set<String> = []
        while let next = pending.popLast() {
            switch next.kind {
            case let .binary(op, left, right):
                if [.add, .subtract, .multiply, .divide].contains(op), reads(next).questions.count > 1,
                   !reads(left).questions.isEmpty, !reads(right).questions.isEmpty { return true }
                pending += [left, right]
            case let .call(function, arguments):
                if ["min", "max"].contains(function), reads(next).questions.count > 1 { return true }
                pending += arguments
            case let .name(name):
                if let value = consultation.computed[name], seenComputed.insert(name).inserted { pending.append(value.expression) }
            case let .list(items): pending += items
            case let .negate(operand), let .not(operand): pending.append(operand)
            case let .conditional(test, then, otherwise): pending += [test, then, otherwise]
            case .number, .text, .boolean, .answerWord: break
            }
        }
        return false
    }

    /// Records the maximal parts of `expression` that read exactly one answer (and not `outcome`),
    /// descending into computed values that read several, and the numbers written along the way.
    mutating func collectAtoms(_ expression: Expression, into atoms: inout [[Expression]], numbers: inout Set<Double>,
                               seenComputed: inout Set<String>) {
        numbers.formUnion(expression.numberLiterals)
        let read = reads(expression)
        if !read.outcome, read.questions.count == 1, let question = read.questions.first {
            if !atoms[question].contains(expression) { atoms[question].append(expression) }
            // Numbers inside computed values it reads are boundaries too.
            for name in expression.names where consultation.computed[name] != nil { collectNumbers(ofComputed: name, into: &numbers) }
            return
        }
        if read.questions.isEmpty { return }
        switch expression.kind {
        case .number, .text, .boolean, .answerWord:
            break
        case let .name(name):
            if let value = consultation.computed[name], seenComputed.insert(name).inserted {
                collectAtoms(value.expression, into: &atoms, numbers: &numbers, seenComputed: &seenComputed)
            }
        case let .list(items):
            for item in items { collectAtoms(item, into: &atoms, numbers: &numbers, seenComputed: &seenComputed) }
        case let .negate(operand), let .not(operand):
            collectAtoms(operand, into: &atoms, numbers: &numbers, seenComputed: &seenComputed)
        case let .binary(_, left, right):
            collectAtoms(left, into: &atoms, numbers: &numbers, seenComputed: &seenComputed)
            collectAtoms(right, into: &atoms, numbers: &numbers, seenComputed: &seenComputed)
        case let .call(_, arguments):
            for argument in arguments { collectAtoms(argument, into: &atoms, numbers: &numbers, seenComputed: &seenComputed) }
        case let .conditional(test, then, otherwise):
            for part in [test, then, otherwise] { collectAtoms(part, into: &atoms, numbers: &numbers, seenComputed: &seenComputed) }
        }
    }

    private func collectNumbers(ofComputed name: String, into numbers: inout Set<Double>) {
        guard let value = consultation.computed[name] else { return }
        numbers.formUnion(value.expression.numberLiterals)
        for inner in consultation.dependencies(of: value.expression).computed {
            numbers.formUnion(consultation.computed[inner]?.expression.numberLiterals ?? [])
        }
    }
}
