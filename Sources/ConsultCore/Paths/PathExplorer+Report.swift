extension ExplorationEngine {
    /// Counts paths on the state graph, finds shortest paths, and judges the properties.
    mutating func report(complete: Bool) -> PathExploration {
        let (total, byOutcome) = complete ? countPaths() : (nil, [:])
        let canFinish = statesThatCanFinish()
        let stuck = complete ? states.indices.first { !canFinish[$0] } : nil

        var shortest: [OutcomeStatus: [PathStep]] = [:]
        for (outcome, edge) in firstFinish { shortest[outcome] = steps(finishingAt: edge.source, edge.classIndex) }
        let outcomes = firstFinish.keys.sorted()

        var results: [PropertyResult] = []
        for (index, property) in explorer.properties.enumerated() {
            var result = judge(property, index: index, canFinish: canFinish, complete: complete)
            if case .alwaysSummary = property.kind, result.holds, let stuck = firstStuck(passing: index, canFinish: canFinish) {
                result.holds = false
                result.detail = "a path through it never ends: it loops with no way out"
                result.counterexample = Counterexample(outcome: nil, steps: steps(to: Int32(stuck)))
            }
            results.append(result)
        }

        var answerClasses: [String: [AnswerClass]] = [:]
        for (question, built) in classes.enumerated() { if let built { answerClasses[model.questionIDs[question]] = built } }
        return PathExploration(
            complete: complete, stateCount: states.count,
            pathCount: total, pathCountByOutcome: byOutcome, outcomes: outcomes, shortestPaths: shortest,
            neverEnding: stuck.map { steps(to: Int32($0)) }, answerClasses: answerClasses, properties: results,
            approximateConditions: model.approximateConditions
        )
    }

    // MARK: - Counting

    /// Paths from the start to a finish, by outcome, by dynamic programming over the state graph;
    /// `nil` total when a loop the patient can go round makes them unbounded.
    func countPaths() -> (PathCount?, [OutcomeStatus: PathCount]) {
        let outcomeCount = OutcomeStatus.allCases.count
        var counts = Array(repeating: [PathCount](), count: states.count)
        var colour = Array(repeating: UInt8(0), count: states.count)  // 0 new, 1 on the stack, 2 done
        var unbounded = false
        func add(_ target: ExplorationEngine.Target, into sums: inout [PathCount]) {
            switch target {
            case let .finish(outcome): sums[outcome.severity] += .one
            case let .state(next): for index in 0..<outcomeCount { sums[index] += counts[Int(next)][index] }
            }
        }
        for root in states.indices where colour[root] == 0 {
            var stack: [(state: Int, edge: Int)] = [(root, 0)]
            colour[root] = 1
            while let (state, edge) = stack.last {
                if edge < edges[state].count {
                    stack[stack.count - 1].edge += 1
                    guard case let .state(next) = edges[state][edge].target else { continue }
                    switch colour[Int(next)] {
                    case 0:
                        colour[Int(next)] = 1
                        stack.append((Int(next), 0))
                    case 1:
                        unbounded = true
                    default:
                        break
                    }
                    continue
                }
                stack.removeLast()
                colour[state] = 2
                var sums = Array(repeating: PathCount.zero, count: outcomeCount)
                if !unbounded {
                    for edge in edges[state] where edge.counted { add(edge.target, into: &sums) }
                }
                counts[state] = sums
            }
        }
        guard !unbounded else { return (nil, [:]) }
        var sums = Array(repeating: PathCount.zero, count: outcomeCount)
        if let start = startTarget { add(start, into: &sums) }
        var byOutcome: [OutcomeStatus: PathCount] = [:]
        for status in OutcomeStatus.allCases where !sums[status.severity].isZero { byOutcome[status] = sums[status.severity] }
        return (sums.reduce(.zero, +), byOutcome)
    }

    /// Where the start leads: the first state, or straight to a finish.
    var startTarget: ExplorationEngine.Target? {
        if !states.isEmpty { return .state(0) }
        return firstFinish.first.map { .finish($0.key) }
    }

    /// Whether each state can reach a finish.
    func statesThatCanFinish() -> [Bool] {
        var predecessors = Array(repeating: [Int](), count: states.count)
        var result = Array(repeating: false, count: states.count)
        var work: [Int] = []
        for (state, stateEdges) in edges.enumerated() {
            for edge in stateEdges {
                switch edge.target {
                case let .state(next): predecessors[Int(next)].append(state)
                case .finish:
                    if !result[state] {
                        result[state] = true
                        work.append(state)
                    }
                }
            }
        }
        while let state = work.popLast() {
            for previous in predecessors[state] where !result[previous] {
                result[previous] = true
                work.append(previous)
            }
        }
        return result
    }

    func firstStuck(passing property: Int, canFinish: [Bool]) -> Int? {
        guard let flag = summaryWatch.firstIndex(where: { $0.property == property }) else { return nil }
        return states.indices.first { !canFinish[$0] && states[$0].flags & (1 << UInt64(2 * flag)) != 0 }
    }

    // MARK: - Paths

    /// The answers leading from the start to a state (a shortest path: states are numbered in breadth-first order).
    func steps(to state: Int32) -> [PathStep] {
        var result: [PathStep] = []
        var current = state
        while current >= 0 {
            let previous = parent[Int(current)]
            if previous >= 0 { result.append(step(at: previous, parentClass[Int(current)])) }
            current = previous
        }
        return result.reversed()
    }

    /// The answers of a path whose last step is `classIndex` at `source` (-1: the start finishes at once).
    func steps(finishingAt source: Int32, _ classIndex: Int32) -> [PathStep] {
        guard source >= 0 else { return [] }
        return steps(to: source) + [step(at: source, classIndex)]
    }

    func step(at state: Int32, _ classIndex: Int32) -> PathStep {
        let position = Int(states[Int(state)].position)
        let node = model.nodes[position]
        switch node.kind {
        case let .ask(question):
            return PathStep(prompt: .question, id: model.questionIDs[question], answer: classes[question]?[Int(classIndex)].typed ?? "")
        default:
            var topicID = explorer.consultation.node(at: node.address)?.id ?? node.address.description
            if case let .explain(topic)? = explorer.consultation.node(at: node.address)?.kind { topicID = topic.id }
            return PathStep(prompt: .topic, id: topicID, answer: "skip")
        }
    }

    // MARK: - Properties

    func judge(_ property: SafetyProperty, index: Int, canFinish: [Bool], complete: Bool) -> PropertyResult {
        let consultation = explorer.consultation
        func result(_ holds: Bool, _ detail: String, missing: [String] = [], counterexample: Counterexample? = nil) -> PropertyResult {
            PropertyResult(property: property, holds: holds, detail: detail, missing: missing, counterexample: counterexample)
        }
        let unproven = "not proven: exploration stopped after \(states.count) states"
        switch property.kind {
        case .never, .alwaysSummary:
            if let violation = violations[index] {
                let path = steps(finishingAt: violation.source, violation.classIndex)
                let outcome = violation.outcome
                let detail: String
                if case .never = property.kind {
                    detail = "a path ends in \(outcome?.rawValue ?? "no outcome")"
                } else {
                    detail = outcome == .incomplete ? "a path through it stops without finishing" : "a path through it ends without showing the outcome"
                }
                return result(false, detail, counterexample: Counterexample(outcome: outcome, steps: path))
            }
            return complete ? result(true, "holds on every path") : result(false, unproven)
        case let .reachable(nodes):
            let missing = nodes.filter { address in model.number(of: address).map { !visited.contains($0) } ?? true }.map(describe)
            if missing.isEmpty { return result(true, "all \(nodes.count) reached") }
            return result(false, complete ? "never reached: \(missing.joined(separator: ", "))" : unproven, missing: missing)
        case let .canFire(rules):
            let missing = rules.filter { id in
                guard let rule = consultation.rules.firstIndex(where: { $0.id == id }), let witness = ruleWitness[rule] else { return true }
                return witness >= 0 && !canFinish[Int(witness)]
            }
            if missing.isEmpty { return result(true, "all \(rules.count) fire on some path") }
            return result(false, complete ? "never fire\(missing.count == 1 ? "s" : ""): \(missing.joined(separator: ", "))" : unproven, missing: missing)
        case let .faqReachable(entries):
            // Each language's patients ask in its words, matched by its retriever: checked in every language.
            var missing: [String] = []
            var notes: [String] = []
            for language in consultation.languages {
                let retriever = FAQRetriever(consultation: consultation, language: language)
                func chosen(_ question: String) -> String? { retriever.decide(question).answeredBySession?.entryID }
                let tag = consultation.languages.count > 1 ? "\(language): " : ""
                for id in entries {
                    guard let entry = consultation.faq.first(where: { $0.id == id }) else { continue }
                    let phrasings = entry.questions.own(in: language)
                    let reached = phrasings.contains { FAQMatcher.looksLikeQuestion($0) && chosen($0) == id }
                    guard !reached else { continue }
                    if !missing.contains(id) { missing.append(id) }
                    let others = phrasings.map { "\"\($0)\" → \(chosen($0) ?? "nothing")" }
                    notes.append("\(tag)\(id) (\(others.joined(separator: "; ")))")
                }
            }
            if missing.isEmpty { return result(true, "all \(entries.count) answer one of their own phrasings") }
            return result(false, "not reached by their own phrasings: \(notes.joined(separator: ", "))", missing: missing)
        }
    }

    /// A node as a dialog author names it: its id (a question's answer id), or where it is.
    func describe(_ address: NodeAddress) -> String {
        guard let node = explorer.consultation.node(at: address) else { return address.description }
        if let id = node.id { return id }
        return "\(address.dialog): \(node.kindName) node at line \(node.location.line)"
    }
}
