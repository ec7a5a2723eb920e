/// Where control goes from each node of a consultation: the one statement of the stepping rules.
///
/// The session's walk, the path explorer, rehearsal coverage, the consultation graph and the chart all step
/// through nodes with ``step(_:decide:)``; they differ only in how a branch is decided (the session evaluates
/// its conditions on the answers, the explorer on answer classes, the graph and the chart take every case) and in
/// what they do at each node they pass. A new node kind or branch feature is added here, once.
///
/// Nodes are numbered densely in dialog order, so a step costs array lookups rather than the per-dialog index of
/// node ids (`Dialog.nodeIndex`) being built again.
public struct DialogControl: Sendable, Equatable {
    /// Every node's address, by number.
    public let addresses: [NodeAddress]
    /// The number of each dialog's first node.
    private let firstNumber: [String: Int]
    /// The entry dialog's first node; `nil` when it has none (the consultation finishes at once).
    public let start: Int?
    /// How each node links to others, by number.
    private let links: [Links]

    /// What a node's references resolve to.
    struct Links: Sendable, Equatable {
        var kind: Kind
        /// After the node: its `next`, else the following node, else out of the dialog.
        var onward: Exit
        /// Whether ``onward`` is the node's own `next` (else it is the following node).
        var onwardIsNext: Bool
        /// The following node in the list, ignoring `next`: where a branch goes when no case is taken and it has
        /// no `otherwise`.
        var following: Exit
    }

    enum Kind: Sendable, Equatable {
        case say, ask, explain, outcome, returnToCaller, end
        /// The cases whose targets resolve, with their index among the node's cases; `otherwise`'s target.
        case branch(cases: [ResolvedCase], otherwise: Int?)
        /// The called dialog's first node; `nil` when the dialog is missing or empty (the call is then skipped).
        case call(entry: Int?)
    }

    /// A branch case whose target resolves: its index among the branch's cases, and the target's number.
    struct ResolvedCase: Sendable, Equatable {
        var index: Int
        var target: Int
    }

    /// Numbers the nodes of `dialogs` in `order` and resolves every reference once.
    ///
    /// A reference that does not resolve (the loader reports it as an error, so only hand-built dialogs have one)
    /// is dropped: a `next` to nowhere continues with the following node, a branch case to nowhere is never taken,
    /// an `otherwise` to nowhere falls through.
    public init(dialogs: [String: Dialog], order: [String], entry: String) {
        var addresses: [NodeAddress] = []
        var firstNumber: [String: Int] = [:]
        for id in order {
            guard let dialog = dialogs[id], firstNumber[id] == nil else { continue }
            firstNumber[id] = addresses.count
            for index in dialog.nodes.indices { addresses.append(NodeAddress(dialog: id, index: index)) }
        }
        self.addresses = addresses
        self.firstNumber = firstNumber
        start = dialogs[entry].flatMap { $0.nodes.isEmpty ? nil : firstNumber[entry] }

        var links: [Links] = []
        links.reserveCapacity(addresses.count)
        for id in order {
            guard let dialog = dialogs[id], firstNumber[id] == links.count else { continue }
            let base = links.count
            var named: [String: Int] = [:]
            for (index, node) in dialog.nodes.enumerated() {
                if let nodeID = node.id, named[nodeID] == nil { named[nodeID] = base + index }
            }
            for (index, node) in dialog.nodes.enumerated() {
                let following: Exit = index + 1 < dialog.nodes.count ? .node(base + index + 1) : .leave
                let next = node.next.flatMap { named[$0.id] }
                let onward = next.map(Exit.node) ?? following
                let kind: Kind
                switch node.kind {
                case .say: kind = .say
                case .ask: kind = .ask
                case .explain: kind = .explain
                case .outcome: kind = .outcome
                case .returnToCaller: kind = .returnToCaller
                case .end: kind = .end
                case let .branch(cases, otherwise):
                    let resolved = cases.enumerated().compactMap { index, branchCase in
                        named[branchCase.target.id].map { ResolvedCase(index: index, target: $0) }
                    }
                    kind = .branch(cases: resolved, otherwise: otherwise.flatMap { named[$0.id] })
                case let .call(reference):
                    let callee = dialogs[reference.id].flatMap { $0.nodes.isEmpty ? nil : firstNumber[reference.id] }
                    kind = .call(entry: callee)
                }
                links.append(Links(kind: kind, onward: onward, onwardIsNext: next != nil, following: following))
            }
        }
        self.links = links
    }

    /// The number of the node at `address`.
    public func number(of address: NodeAddress) -> Int? {
        guard let first = firstNumber[address.dialog], address.index >= 0 else { return nil }
        let number = first + address.index
        guard number < addresses.count, addresses[number].dialog == address.dialog else { return nil }
        return number
    }

    /// How many nodes there are.
    public var count: Int { addresses.count }

    // MARK: - Stepping

    /// One step of control from node `node`.
    ///
    /// - Parameter decide: for a branch, given the indices of its cases whose targets resolve (in order), the index
    ///   of the case taken, or `nil` when none is (then `otherwise`, else the following node). Not called for other
    ///   nodes.
    public func step(_ node: Int, decide: ([Int]) -> Int?) -> ControlStep {
        let link = links[node]
        let onward = link.onwardIsNext ? ControlStep.Link.next : .following
        switch link.kind {
        case .say, .outcome: return .go(link.onward, onward)
        case .ask, .explain: return .stop(resume: link.onward)
        case .returnToCaller: return .go(.leave, .returnToCaller)
        case .end: return .end
        case let .call(entry):
            guard let entry else { return .go(link.onward, onward) }
            return .call(entry: entry, resume: link.onward)
        case let .branch(cases, otherwise):
            if let taken = decide(cases.map(\.index)), let target = cases.first(where: { $0.index == taken })?.target {
                return .go(.node(target), .branchCase(taken))
            }
            if let otherwise { return .go(.node(otherwise), .otherwise) }
            return .go(link.following, .fallThrough)
        }
    }

    /// Every step a node can take: each branch case whose target resolves, then `otherwise` (or falling through);
    /// one step for any other node. For the graph and the chart, which show every way on.
    public func possibleSteps(_ node: Int) -> [ControlStep] {
        guard case let .branch(cases, _) = links[node].kind else { return [step(node) { _ in nil }] }
        return cases.map { branchCase in step(node) { _ in branchCase.index } } + [step(node) { _ in nil }]
    }

    /// Where control goes after the prompt at `node` is answered (its `next`, else the following node, else out),
    /// or after the dialog a `call` node runs is left.
    public func resume(after node: Int) -> Exit { links[node].onward }

    /// ``resume(after:)`` with the reason: the node's `next`, or the following node.
    public func onward(_ node: Int) -> (exit: Exit, link: ControlStep.Link) {
        (links[node].onward, links[node].onwardIsNext ? .next : .following)
    }

    // MARK: - Calls and returns

    /// The node `exit` leads to on `stack` (call nodes being run, innermost last): a node of the same dialog, or,
    /// out of a dialog, on after the innermost call; `nil` when the entry dialog is left (the consultation finishes).
    public func resolve(_ exit: Exit, stack: inout [Int]) -> Int? {
        var exit = exit
        while true {
            switch exit {
            case let .node(node): return node
            case .leave:
                guard let site = stack.popLast() else { return nil }
                exit = links[site].onward
            }
        }
    }

    /// Walks from `start` until a node stops for input, the consultation ends, or `limit` steps are taken.
    ///
    /// - Parameters:
    ///   - stack: the call stack, updated as calls are entered and left.
    ///   - visit: called for every node the walk passes, before it steps from it (to show text, note a visit).
    ///   - decide: decides a branch (see ``step(_:decide:)``), given the branch node.
    ///   - taken: called with every step that leaves a branch, so a trace of the branches taken needs no second walk.
    public func walk(from start: Int?, stack: inout [Int], limit: Int, visit: (Int) -> Void = { _ in },
                     decide: (Int, [Int]) -> Int?, taken: (Int, ControlStep.Link) -> Void = { _, _ in }) -> WalkEnd {
        var next = start
        var steps = 0
        while let node = next {
            steps += 1
            guard steps <= limit else { return .runaway }
            visit(node)
            let step = step(node) { cases in decide(node, cases) }
            switch step {
            case let .go(exit, link):
                if link.isBranch { taken(node, link) }
                next = resolve(exit, stack: &stack)
            case let .call(entry, _):
                stack.append(node)
                next = entry
            case .stop:
                return .prompt(node)
            case .end:
                return .end
            }
        }
        return .end
    }
}

/// Where a step leads within its dialog.
public enum Exit: Sendable, Hashable {
    case node(Int)
    /// Out of the dialog: back to after the call that ran it, or, from the entry dialog, the end.
    case leave
}

/// One step of control from a node.
public enum ControlStep: Sendable, Hashable {
    /// On to `exit`, by `link`.
    case go(Exit, Link)
    /// Into a called dialog's first node; when that dialog is left, control goes on to `resume`.
    case call(entry: Int, resume: Exit)
    /// The node waits for the patient (a question or a topic); after it, control goes on to `resume`.
    case stop(resume: Exit)
    /// The consultation finishes.
    case end

    /// Why a step goes where it goes.
    public enum Link: Sendable, Hashable {
        /// The node's own `next`.
        case next
        /// The following node in the list (or, after the last, out of the dialog).
        case following
        /// A branch case, by its index among the branch's cases.
        case branchCase(Int)
        /// A branch's `otherwise`.
        case otherwise
        /// A branch with no case taken and no `otherwise`: the following node.
        case fallThrough
        /// A `return` node.
        case returnToCaller

        /// Whether the step leaves a branch.
        public var isBranch: Bool {
            switch self {
            case .branchCase, .otherwise, .fallThrough: true
            case .next, .following, .returnToCaller: false
            }
        }

        /// The branch case taken, `nil` for `otherwise` or falling through.
        public var caseIndex: Int? {
            if case let .branchCase(index) = self { return index }
            return nil
        }
    }
}

/// How a walk ended.
public enum WalkEnd: Sendable, Hashable {
    /// At a node that waits for the patient.
    case prompt(Int)
    /// The consultation finished (an `end` node, or the entry dialog left).
    case end
    /// The step limit stopped a walk that never reached a prompt.
    case runaway
}
