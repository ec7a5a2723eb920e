/// The branch decisions under which each question is asked, worked out from ``DialogControl``'s steps: for a form
/// that shows a question only when the consultation would ask it (FHIR's `enableWhen`).
///
/// A question is reached when the decisions of the branches on some path to it hold. Each node's condition is the
/// disjunction, over the steps into it, of the condition of the node stepped from and that step's decision (a
/// branch case, or none of its cases). Where paths join again (an `if` whose target the `else` side reaches too)
/// the two sides' decisions cover all of a branch's choices and drop out, so a question after the join is
/// unconditional, as it is in the dialog.
///
/// Conditions are exact only when the consultation has no loop and calls each dialog from one place at most:
/// returns are context-insensitive (as in ``ConsultationGraph``), so a dialog called twice makes paths that no
/// session takes. ``isExact`` says so; a loop leaves no conditions at all.
struct QuestionReachability: Sendable {
    /// A decision of one branch node: one of its cases, by index, or none of them (its `else`, or falling through).
    enum Choice: Sendable, Hashable, Comparable {
        case branchCase(Int)
        case noCase

        static func < (a: Choice, b: Choice) -> Bool {
            switch (a, b) {
            case let (.branchCase(x), .branchCase(y)): x < y
            case (.branchCase, .noCase): true
            case (.noCase, _): false
            }
        }
    }

    /// A conjunction: for each branch node (by ``DialogControl`` number), the choices it may make.
    typealias Term = [Int: Set<Choice>]

    /// Each question's condition as a disjunction of terms, by answer id: `[[:]]` is "always", `[]` "never".
    /// `nil` when the consultation loops.
    let conditions: [String: [Term]]?
    /// Whether every condition is exactly the set of sessions that ask the question (see the type's notes).
    let isExact: Bool
    /// Each node's place in an order where every node comes after those that step into it, so a condition can list
    /// its branches in the order a session meets them.
    let rank: [Int: Int]

    init(consultation: Consultation) {
        let control = consultation.control
        var edges = EdgeBuilder(control: control, entry: consultation.entry)
        var outgoing: [[(target: Int?, decision: (branch: Int, choice: Choice)?)]] = []
        var allChoices: [Int: Set<Choice>] = [:]
        for node in 0..<control.count {
            let (list, choices) = edges.edges(of: node)
            outgoing.append(list)
            if let choices { allChoices[node] = choices }
        }
        guard let start = control.start, let order = Self.topologicalOrder(from: start, outgoing: outgoing) else {
            conditions = nil
            isExact = false
            rank = [:]
            return
        }
        var reach: [Int: [Term]] = [start: [[:]]]
        var result: [String: [Term]] = [:]
        for node in order {
            let terms = Self.simplified(reach[node] ?? [], choices: allChoices)
            reach[node] = terms
            if case let .ask(question)? = consultation.node(at: control.addresses[node])?.kind {
                result[question.id] = terms
            }
            for edge in outgoing[node] {
                guard let target = edge.target else { continue }
                let stepped = terms.compactMap { term -> Term? in
                    guard let decision = edge.decision else { return term }
                    var term = term
                    let allowed = (term[decision.branch] ?? allChoices[decision.branch] ?? []).intersection([decision.choice])
                    guard !allowed.isEmpty else { return nil }
                    term[decision.branch] = allowed
                    return term
                }
                reach[target, default: []] += stepped
            }
        }
        conditions = result
        rank = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        isExact = edges.callSites.values.allSatisfy { $0.count <= 1 }
    }

    // MARK: - Steps

    /// Each node's steps as edges labelled with their branch decision; returns lead after every call of the dialog.
    private struct EdgeBuilder {
        let control: DialogControl
        let entry: String
        /// The call nodes that run each dialog.
        var callSites: [String: [Int]] = [:]
        var fallOffMemo: [String: [Int?]] = [:]
        var resolving: Set<String> = []

        init(control: DialogControl, entry: String) {
            self.control = control
            self.entry = entry
            for node in 0..<control.count {
                if case let .call(callee, _) = control.step(node, decide: { _ in nil }) {
                    callSites[control.addresses[callee].dialog, default: []].append(node)
                }
            }
        }

        /// The edges out of `node` (a `nil` target is the finish) and, for a branch, all its choices.
        mutating func edges(of node: Int) -> ([(target: Int?, decision: (branch: Int, choice: Choice)?)], Set<Choice>?) {
            let dialog = control.addresses[node].dialog
            var list: [(target: Int?, decision: (branch: Int, choice: Choice)?)] = []
            var choices: Set<Choice> = []
            var isBranch = false
            for step in control.possibleSteps(node) {
                switch step {
                case let .go(exit, link):
                    var decision: (branch: Int, choice: Choice)?
                    if link.isBranch {
                        isBranch = true
                        let choice = link.caseIndex.map(Choice.branchCase) ?? .noCase
                        choices.insert(choice)
                        decision = (node, choice)
                    }
                    for target in targets(of: exit, in: dialog) { list.append((target, decision)) }
                case let .stop(resume):
                    for target in targets(of: resume, in: dialog) { list.append((target, nil)) }
                case let .call(callee, _):
                    list.append((callee, nil))
                case .end:
                    list.append((nil, nil))
                }
            }
            return (list, isBranch ? choices : nil)
        }

        mutating func targets(of exit: Exit, in dialog: String) -> [Int?] {
            switch exit {
            case let .node(next): [next]
            case .leave: fallOff(dialog)
            }
        }

        /// Where leaving a dialog leads: on after each call of it, or the finish (`nil`) for the entry dialog.
        mutating func fallOff(_ dialog: String) -> [Int?] {
            if dialog == entry { return [nil] }
            if let memo = fallOffMemo[dialog] { return memo }
            guard resolving.insert(dialog).inserted else { return [] }
            var targets: [Int?] = []
            for site in callSites[dialog] ?? [] {
                targets += self.targets(of: control.resume(after: site), in: control.addresses[site].dialog)
            }
            resolving.remove(dialog)
            fallOffMemo[dialog] = targets
            return targets
        }
    }

    /// The nodes reachable from `start`, each after every node with a step into it; `nil` when they loop.
    private static func topologicalOrder(
        from start: Int, outgoing: [[(target: Int?, decision: (branch: Int, choice: Choice)?)]]
    ) -> [Int]? {
        var reachable: Set<Int> = [start]
        var stack = [start]
        while let node = stack.popLast() {
            for case let target? in outgoing[node].map(\.target) where reachable.insert(target).inserted { stack.append(target) }
        }
        var incoming: [Int: Int] = [:]
        for node in reachable {
            for case let target? in Set(outgoing[node].compactMap(\.target)) { incoming[target, default: 0] += 1 }
        }
        var ready = [start]
        var order: [Int] = []
        while let node = ready.popLast() {
            order.append(node)
            for target in Set(outgoing[node].compactMap(\.target)).sorted(by: >) {
                incoming[target, default: 0] -= 1
                if incoming[target] == 0 { ready.append(target) }
            }
        }
        return order.count == reachable.count ? order : nil
    }

    // MARK: - Simplifying

    /// The terms with every branch allowed all its choices dropped, terms implied by others dropped, and terms that
    /// differ in one branch only merged, until nothing changes: joins of paths disappear from the condition.
    static func simplified(_ terms: [Term], choices: [Int: Set<Choice>]) -> [Term] {
        var terms = terms.map { term in term.filter { choices[$0.key] != $0.value } }
        var changed = true
        while changed {
            changed = false
            var unique: [Term] = []
            for term in terms where !unique.contains(term) { unique.append(term) }
            // A term that another allows at least as widely adds nothing.
            terms = unique.enumerated().filter { index, term in
                !unique.enumerated().contains { other, wider in other != index && implies(term, wider) && (!implies(wider, term) || other < index) }
            }.map(\.element)
            merging: for i in terms.indices {
                for j in terms.indices where j > i && Set(terms[i].keys) == Set(terms[j].keys) {
                    let differing = terms[i].keys.filter { terms[i][$0] != terms[j][$0] }
                    guard differing.count == 1, let branch = differing.first else { continue }
                    var merged = terms[i]
                    let union = terms[i][branch]!.union(terms[j][branch]!)
                    merged[branch] = choices[branch] == union ? nil : union
                    terms[i] = merged
                    terms.remove(at: j)
                    changed = true
                    break merging
                }
            }
        }
        return terms
    }

    /// Whether every session allowed by `narrow` is allowed by `wide`.
    private static func implies(_ narrow: Term, _ wide: Term) -> Bool {
        wide.allSatisfy { branch, allowed in narrow[branch].map { $0.isSubset(of: allowed) } ?? false }
    }
}
