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
        var callSites: [String: [NodeAddress]] = [:]
        // Each dialog's node ids are indexed once: `Dialog.nodeIndex` builds a new index at every call, and
        // calling it for every node made building the graph quadratic in the nodes of a dialog.
        var nodeIndices: [String: [String: Int]] = [:]
        for (dialogID, dialog) in consultation.dialogs {
            var index: [String: Int] = [:]
            for (position, node) in dialog.nodes.enumerated() {
                work += 1
                if let id = node.id, index[id] == nil { index[id] = position }
                if case let .call(reference) = node.kind {
                    callSites[reference.id, default: []].append(NodeAddress(dialog: dialogID, index: position))
                }
            }
            nodeIndices[dialogID] = index
        }
        var builder = Builder(consultation: consultation, callSites: callSites, nodeIndices: nodeIndices)
        start = builder.entry(of: consultation.entry)
        for (dialogID, dialog) in consultation.dialogs {
            for index in dialog.nodes.indices {
                let address = NodeAddress(dialog: dialogID, index: index)
                successors[address] = builder.successors(of: address)
            }
        }
        work += builder.work
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

    private struct Builder {
        let consultation: Consultation
        let callSites: [String: [NodeAddress]]
        /// Each dialog's node ids, by dialog.
        let nodeIndices: [String: [String: Int]]
        var fallOffMemo: [String: [Target]] = [:]
        var resolving: Set<String> = []
        var work = 0

        /// The first node of a dialog (or, for an empty dialog, where it returns to).
        mutating func entry(of dialogID: String) -> Target {
            guard let dialog = consultation.dialogs[dialogID], !dialog.nodes.isEmpty else { return .finish }
            return .node(NodeAddress(dialog: dialogID, index: 0))
        }

        mutating func successors(of address: NodeAddress) -> [Target] {
            guard let dialog = consultation.dialogs[address.dialog] else { return [] }
            work += 1
            let node = dialog.nodes[address.index]
            let index = nodeIndices[address.dialog] ?? [:]
            func named(_ reference: NodeReference?) -> Target? {
                guard let reference, let target = index[reference.id] else { return nil }
                return .node(NodeAddress(dialog: address.dialog, index: target))
            }
            let onward: [Target] = named(node.next).map { [$0] } ?? following(address)
            switch node.kind {
            case .say, .ask, .explain, .outcome:
                return onward
            case let .branch(cases, otherwise):
                var targets = cases.compactMap { named($0.target) }
                targets += named(otherwise).map { [$0] } ?? following(address)
                return unique(targets)
            case let .call(reference):
                guard let callee = consultation.dialogs[reference.id], !callee.nodes.isEmpty else { return onward }
                return [.node(NodeAddress(dialog: reference.id, index: 0))]
            case .returnToCaller:
                return fallOff(address.dialog)
            case .end:
                return [.finish]
            }
        }

        /// The node after `address` in its list, or where falling off the dialog's end leads.
        mutating func following(_ address: NodeAddress) -> [Target] {
            let count = consultation.dialogs[address.dialog]?.nodes.count ?? 0
            if address.index + 1 < count { return [.node(NodeAddress(dialog: address.dialog, index: address.index + 1))] }
            return fallOff(address.dialog)
        }

        /// Where a dialog returns to: after each call of it, or the finish for the entry dialog.
        mutating func fallOff(_ dialogID: String) -> [Target] {
            if dialogID == consultation.entry { return [.finish] }
            if let memo = fallOffMemo[dialogID] { return memo }
            guard resolving.insert(dialogID).inserted else { return [] }
            var targets: [Target] = []
            for site in callSites[dialogID] ?? [] {
                work += 1
                guard let node = consultation.node(at: site) else { continue }
                if let next = node.next, let index = nodeIndices[site.dialog]?[next.id] {
                    targets.append(.node(NodeAddress(dialog: site.dialog, index: index)))
                } else {
                    targets += following(site)
                }
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
