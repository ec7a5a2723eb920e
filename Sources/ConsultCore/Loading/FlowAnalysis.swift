/// Checks of the consultation's flow: reachability, dead ends, silent loops, and that
/// conditions and texts only read answers asked on every path to them.
struct FlowAnalysis {
    let consultation: Consultation
    let graph: ConsultationGraph
    /// The dialog files' text, to place diagnostics inside text; without it, positions follow the text's own lines.
    let sources: SourceFiles
    var log = DiagnosticLog()
    /// Elementary steps taken by the graph and the checks, so tests can check that the analysis stays
    /// linear in the number of nodes.
    private(set) var work = 0

    init(consultation: Consultation, sources: SourceFiles = SourceFiles()) {
        self.consultation = consultation
        self.graph = ConsultationGraph(consultation: consultation)
        self.sources = sources
        work = graph.work
    }

    mutating func check() {
        let reachable = graph.reachable()
        checkReachability(reachable)
        checkDeadEnds(reachable)
        checkSilentLoops(reachable)
        checkDefinitelyAsked(reachable)
    }

    private func location(_ address: NodeAddress) -> SourceLocation {
        consultation.node(at: address)?.location ?? SourceLocation(file: address.dialog, line: 1, column: 1)
    }

    private func describe(_ address: NodeAddress) -> String {
        guard let node = consultation.node(at: address) else { return address.description }
        return node.id.map { "'\($0)'" } ?? "the \(node.kindName) node at line \(node.location.line)"
    }

    // MARK: - Reachability

    private mutating func checkReachability(_ reachable: Set<NodeAddress>) {
        for dialogID in consultation.dialogOrder {
            guard let dialog = consultation.dialogs[dialogID] else { continue }
            let addresses = dialog.nodes.indices.map { NodeAddress(dialog: dialogID, index: $0) }
            if dialogID != consultation.entry, !addresses.contains(where: reachable.contains) {
                log.warning("the dialog '\(dialogID)' is never called, so none of it is used", at: dialog.location, id: "dialog-never-called")
                continue
            }
            for address in addresses where !reachable.contains(address) {
                log.warning("this \(dialog.nodes[address.index].kindName) node can never be reached", at: location(address), id: "unreachable-node")
            }
        }
    }

    private mutating func checkDeadEnds(_ reachable: Set<NodeAddress>) {
        let finishing = graph.canFinish()
        var predecessors: [NodeAddress: [NodeAddress]] = [:]
        for (address, targets) in graph.successors {
            for case let .node(next) in targets { predecessors[next, default: []].append(address) }
        }
        for address in graph.addresses where reachable.contains(address) && !finishing.contains(address) {
            let isStart = graph.start == .node(address)
            let entered = isStart || (predecessors[address] ?? []).contains(where: finishing.contains)
            guard entered else { continue }
            log.error("from \(describe(address)) the consultation can never reach an end: every way on loops back or stops; add an 'end' or a way out", at: location(address), id: "cannot-finish")
        }
    }

    /// A loop made only of nodes that never stop for the patient would spin forever at run time.
    private mutating func checkSilentLoops(_ reachable: Set<NodeAddress>) {
        enum Mark { case active, done }
        var marks: [NodeAddress: Mark] = [:]
        for root in graph.addresses where reachable.contains(root) && marks[root] == nil {
            guard consultation.node(at: root)?.isPrompt == false else { continue }
            var stack: [(address: NodeAddress, next: Int)] = [(root, 0)]
            marks[root] = .active
            while let top = stack.last {
                let targets = graph.successors[top.address] ?? []
                guard top.next < targets.count else {
                    marks[top.address] = .done
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                guard case let .node(next) = targets[top.next], consultation.node(at: next)?.isPrompt == false else { continue }
                switch marks[next] {
                case .active?:
                    let cycle = stack.drop { $0.address != next }.map { describe($0.address) } + [describe(next)]
                    log.error("these nodes can loop forever without asking anything: \(cycle.joined(separator: " → "))", at: location(next), id: "loop-without-prompt")
                case .done?:
                    break
                case nil:
                    marks[next] = .active
                    stack.append((next, 0))
                }
            }
        }
    }

    // MARK: - Definitely asked

    /// The answers an expression reads, directly or through computed values.
    func answersRead(by expression: Expression) -> [String] {
        consultation.dependencies(of: expression).answers
    }

    private mutating func checkDefinitelyAsked(_ reachable: Set<NodeAddress>) {
        let asked = AskedOnEveryPath(graph: graph)
        work += asked.work
        for address in graph.addresses where reachable.contains(address) {
            guard let node = consultation.node(at: address) else { continue }
            work += 1
            if case let .branch(cases, _) = node.kind {
                for branchCase in cases {
                    for name in answersRead(by: branchCase.condition.expression) where !asked.isAsked(name, before: address) {
                        log.error("the condition reads '\(name)', which is not asked on every path to here; ask it earlier or branch on it only where it was asked", at: branchCase.condition.location, id: "read-before-asked")
                    }
                }
            }
            for (text, what) in TextInventory.texts(of: node) {
                for (language, template) in text.translations.sorted(by: { $0.key < $1.key }) {
                    guard let parsed = try? TextTemplate.parse(template) else { continue }
                    for (expression, _, offset) in parsed.expressions {
                        for name in answersRead(by: expression) where !asked.isAsked(name, before: address) {
                            let location = sources.location(ofOffset: offset, in: template, from: text.location(of: language))
                            log.error("\(what) reads '\(name)', which is not asked on every path to here", at: location, id: "read-before-asked")
                        }
                    }
                }
            }
        }
    }
}
