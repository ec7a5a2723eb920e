/// The consultation as one graph of nodes across dialogs, with calls and returns as edges.
///
/// Returns are context-insensitive: a called dialog's return leads to every place that
/// calls it. That over-approximates paths, which keeps the checks built on it safe.
public struct ConsultationGraph: Sendable {
    /// Where an edge leads.
    public enum Target: Sendable, Hashable {
        case node(NodeAddress)
        /// The consultation finishes.
        case finish
    }

    public let consultation: Consultation
    /// Successors of every node.
    public private(set) var successors: [NodeAddress: [Target]] = [:]
    public let start: Target
    /// Elementary steps taken to build the graph (node ids indexed, nodes and call sites looked at), so
    /// tests can check that building it stays linear in the number of nodes.
    private(set) var work = 0

    public init(consultation: Consultation) {
        self.consultation = consultation
        let control = consultation.control
        var builder = Builder(control: control, entryDialog: consultation.entry)
        start = control.start.map { .node(control.addresses[$0]) } ?? .finish
        for node in 0..<control.count {
            successors[control.addresses[node]] = builder.successors(of: node)
        }
        work = control.count + builder.work
    }

    /// All node addresses, in dialog order.
    public var addresses: [NodeAddress] {
        consultation.dialogOrder.flatMap { id in
            (consultation.dialogs[id]?.nodes.indices ?? 0..<0).map { NodeAddress(dialog: id, index: $0) }
        }
    }

    /// Nodes reachable from the start.
    public func reachable() -> Set<NodeAddress> {
        var seen: Set<NodeAddress> = []
        var stack: [NodeAddress] = []
        if case let .node(address) = start { stack.append(address) }
        while let address = stack.popLast() {
            guard seen.insert(address).inserted else { continue }
            for case let .node(next) in successors[address] ?? [] { stack.append(next) }
        }
        return seen
    }

    /// Nodes from which the consultation can finish.
    public func canFinish() -> Set<NodeAddress> {
        var predecessors: [NodeAddress: [NodeAddress]] = [:]
        var finishing: [NodeAddress] = []
        for (address, targets) in successors {
            for target in targets {
                switch target {
                case let .node(next): predecessors[next, default: []].append(address)
                case .finish: finishing.append(address)
                }
            }
        }
        var seen: Set<NodeAddress> = []
        var stack = finishing
        while let address = stack.popLast() {
            guard seen.insert(address).inserted else { continue }
            stack += predecessors[address] ?? []
        }
        return seen
    }

    /// Successors from ``DialogControl``'s steps, every branch case taken, and returns made context-insensitive.
    private struct Builder {
        let control: DialogControl
        let entryDialog: String
        /// The call nodes that run each dialog.
        let callSites: [String: [Int]]
        var fallOffMemo: [String: [Target]] = [:]
        var resolving: Set<String> = []
        var work = 0

        init(control: DialogControl, entryDialog: String) {
            self.control = control
            self.entryDialog = entryDialog
            var callSites: [String: [Int]] = [:]
            for node in 0..<control.count {
                if case let .call(entry, _) = control.step(node, decide: { _ in nil }) {
                    callSites[control.addresses[entry].dialog, default: []].append(node)
                }
            }
            self.callSites = callSites
        }

        mutating func successors(of node: Int) -> [Target] {
            work += 1
            let dialog = control.addresses[node].dialog
            var targets: [Target] = []
            for step in control.possibleSteps(node) {
                switch step {
                case let .go(exit, _), let .stop(resume: exit): targets += self.targets(of: exit, in: dialog)
                case let .call(entry, _): targets.append(.node(control.addresses[entry]))
                case .end: targets.append(.finish)
                }
            }
            return unique(targets)
        }

        mutating func targets(of exit: Exit, in dialog: String) -> [Target] {
            switch exit {
            case let .node(next): [.node(control.addresses[next])]
            case .leave: fallOff(dialog)
            }
        }

        /// Where leaving a dialog leads: on after each call of it, or the finish for the entry dialog.
        mutating func fallOff(_ dialogID: String) -> [Target] {
            if dialogID == entryDialog { return [.finish] }
            if let memo = fallOffMemo[dialogID] { return memo }
            guard resolving.insert(dialogID).inserted else { return [] }
            var targets: [Target] = []
            for site in callSites[dialogID] ?? [] {
                work += 1
                targets += self.targets(of: control.resume(after: site), in: control.addresses[site].dialog)
            }
            resolving.remove(dialogID)
            targets = unique(targets)
            fallOffMemo[dialogID] = targets
            return targets
        }

        func unique(_ targets: [Target]) -> [Target] {
            var seen: Set<Target> = []
            return targets.filter { seen.insert($0).inserted }
        }
    }
}
