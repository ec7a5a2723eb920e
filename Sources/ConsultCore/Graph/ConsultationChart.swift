/// The consultation as a flow chart: one box per dialog, its nodes, the edges between them, and the
/// screening rules coloured by outcome beside the questions they read.
///
/// A plain model with no syntax of its own; ``MermaidRenderer`` and ``DOTRenderer`` write it out.
/// Building it from the same consultation always gives the same chart: ids are derived from dialog
/// ids and node positions, dialogs come in calling order, edges in walking order.
public struct ConsultationChart: Sendable, Hashable {
    /// The chart's title (the consultation's title).
    public var title: String
    /// Nodes outside every dialog: where the consultation starts and finishes.
    public var nodes: [Node]
    /// One group per dialog: the entry dialog first, then the dialogs in the order they are first called.
    public var clusters: [Cluster]
    public var edges: [Edge]

    public init(title: String, nodes: [Node], clusters: [Cluster], edges: [Edge]) {
        self.title = title
        self.nodes = nodes
        self.clusters = clusters
        self.edges = edges
    }

    /// The nodes of one dialog, and the rules it declares.
    public struct Cluster: Sendable, Hashable {
        /// A stable id (`d_screening`): letters, digits and underscores.
        public var id: String
        public var label: String
        public var nodes: [Node]

        public init(id: String, label: String, nodes: [Node]) {
            self.id = id
            self.label = label
            self.nodes = nodes
        }
    }

    /// One box of the chart.
    public struct Node: Sendable, Hashable {
        /// A stable id (`n_screening_3`, `rule_pregnancy`): letters, digits and underscores.
        public var id: String
        /// What the box says; lines are separated by `\n` and already shortened.
        public var label: String
        public var shape: Shape

        public init(id: String, label: String, shape: Shape) {
            self.id = id
            self.label = label
            self.shape = shape
        }
    }

    /// What a box stands for, which decides how it is drawn.
    public enum Shape: Sendable, Hashable {
        case say
        case ask
        case explain
        case branch
        case call
        case returnToCaller
        case end
        case outcome
        /// A screening rule, coloured by its effect.
        case rule(RuleEffect)
        /// Where the consultation starts.
        case start
        /// Where the consultation finishes.
        case finish
    }

    /// One arrow of the chart.
    public struct Edge: Sendable, Hashable {
        public var from: String
        public var to: String
        /// The condition of a branch case as written, `else`, or nothing.
        public var label: String?
        public var kind: EdgeKind

        public init(from: String, to: String, label: String? = nil, kind: EdgeKind) {
            self.from = from
            self.to = to
            self.label = label
            self.kind = kind
        }
    }

    /// Why one node leads to another, which decides how the arrow is drawn.
    public enum EdgeKind: Sendable, Hashable {
        /// On to the following node in the list (solid).
        case sequence
        /// On to the node named by `next` (solid).
        case next
        /// A branch case whose condition holds (solid, labelled with the condition).
        case branchCase
        /// A branch's `else`, or on when no case holds (solid, labelled `else`).
        case otherwise
        /// Into the first node of a called dialog (dashed).
        case call
        /// Back from a called dialog (its `return`, or its last node) to each node that calls it (dashed);
        /// the calling node's own arrows show where the caller continues.
        case returnToCaller
        /// To the finish: an `end` node, or the end of the entry dialog (solid).
        case finish
        /// From a question to a rule that reads its answer (dotted).
        case ruleReads
    }
}

// MARK: - Building

extension ConsultationChart {
    /// The longest line of a label, in characters, before it is cut with `…`.
    public static let labelLimit = 40

    /// The id of the node where the consultation starts.
    public static let startID = "start"
    /// The id of the node where the consultation finishes.
    public static let finishID = "finish"

    /// The chart of a loaded consultation, with labels in `language` (falling back to English).
    public init(consultation: Consultation, language: String = "en") {
        var builder = ChartBuilder(consultation: consultation, language: language)
        self = builder.build()
    }

    /// `text` on one line (runs of whitespace made one space, control characters dropped), cut to
    /// ``labelLimit`` characters with `…`.
    public static func shortened(_ text: String, limit: Int = labelLimit) -> String {
        let visible = text.unicodeScalars.map { scalar -> Character in
            scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format
                ? " " : Character(scalar)
        }
        let words = String(visible).split(whereSeparator: \.isWhitespace)
        let line = words.joined(separator: " ")
        guard line.count > limit else { return line }
        let kept = line.prefix(max(0, limit - 1))
        return String(kept.reversed().drop(while: \.isWhitespace).reversed()) + "…"
    }
}

/// Walks a consultation's dialogs and writes down the chart's boxes and arrows.
private struct ChartBuilder {
    let consultation: Consultation
    let language: String
    /// Call sites of each dialog, in chart order.
    var callSites: [String: [NodeAddress]] = [:]

    init(consultation: Consultation, language: String) {
        self.consultation = consultation
        self.language = language
    }

    mutating func build() -> ConsultationChart {
        let order = dialogsInCallingOrder()
        for dialogID in order {
            for (index, node) in (consultation.dialogs[dialogID]?.nodes ?? []).enumerated() {
                if case let .call(reference) = node.kind {
                    callSites[reference.id, default: []].append(NodeAddress(dialog: dialogID, index: index))
                }
            }
        }

        var clusters: [ConsultationChart.Cluster] = []
        var edges: [ConsultationChart.Edge] = []
        if let first = firstNode(of: consultation.entry) {
            edges.append(.init(from: ConsultationChart.startID, to: first, kind: .sequence))
        }
        for dialogID in order {
            guard let dialog = consultation.dialogs[dialogID] else { continue }
            var nodes: [ConsultationChart.Node] = []
            for index in dialog.nodes.indices {
                let address = NodeAddress(dialog: dialogID, index: index)
                nodes.append(chartNode(at: address, of: dialog.nodes[index]))
                edges += outgoingEdges(of: address, node: dialog.nodes[index])
            }
            for rule in consultation.rules where rule.dialog == dialogID {
                nodes.append(ruleNode(rule))
                edges += ruleEdges(rule)
            }
            clusters.append(.init(id: "d_\(dialogID)", label: clusterLabel(dialog), nodes: nodes))
        }
        let placed = Set(order)
        var loose: [ConsultationChart.Node] = [
            .init(id: ConsultationChart.startID, label: "start", shape: .start),
            .init(id: ConsultationChart.finishID, label: "finish", shape: .finish),
        ]
        for rule in consultation.rules where !placed.contains(rule.dialog) {
            loose.append(ruleNode(rule))
            edges += ruleEdges(rule)
        }
        return ConsultationChart(title: ConsultationChart.shortened(consultation.identity.title, limit: 80),
                                 nodes: loose, clusters: clusters, edges: edges)
    }

    // MARK: Order and ids

    /// The entry dialog, then each dialog when it is first called (depth first), then any others by id.
    func dialogsInCallingOrder() -> [String] {
        var order: [String] = []
        var seen: Set<String> = []
        func visit(_ dialogID: String) {
            guard let dialog = consultation.dialogs[dialogID], seen.insert(dialogID).inserted else { return }
            order.append(dialogID)
            for node in dialog.nodes {
                if case let .call(reference) = node.kind { visit(reference.id) }
            }
        }
        visit(consultation.entry)
        for dialogID in consultation.dialogs.keys.sorted() { visit(dialogID) }
        return order
    }

    static func nodeID(_ address: NodeAddress) -> String { "n_\(address.dialog)_\(address.index)" }

    static func ruleID(_ rule: ScreeningRule) -> String { "rule_\(rule.id)" }

    func firstNode(of dialogID: String) -> String? {
        guard let dialog = consultation.dialogs[dialogID], !dialog.nodes.isEmpty else { return nil }
        return Self.nodeID(NodeAddress(dialog: dialogID, index: 0))
    }

    // MARK: Boxes

    func text(_ text: LocalizedText) -> String { ConsultationChart.shortened(text.template(in: language)) }

    func clusterLabel(_ dialog: Dialog) -> String {
        guard let title = dialog.title else { return dialog.id }
        return ConsultationChart.shortened("\(dialog.id): \(title.template(in: language))", limit: 60)
    }

    func chartNode(at address: NodeAddress, of node: DialogNode) -> ConsultationChart.Node {
        var lines: [String] = []
        let shape: ConsultationChart.Shape
        switch node.kind {
        case let .say(say):
            shape = .say
            lines = [node.id, text(say)].compactMap { $0 }
        case let .ask(question):
            shape = .ask
            lines = [question.id, text(question.text)]
        case let .explain(topic):
            shape = .explain
            lines = [topic.id, text(topic.title)]
        case .branch:
            shape = .branch
            lines = [node.id ?? "branch"]
        case let .call(reference):
            shape = .call
            lines = [node.id, "call \(reference.id)"].compactMap { $0 }
        case .returnToCaller:
            shape = .returnToCaller
            lines = [node.id, "return"].compactMap { $0 }
        case let .end(closing):
            shape = .end
            lines = [node.id ?? "end", closing.map(text)].compactMap { $0 }
        case let .outcome(introduction):
            shape = .outcome
            lines = [node.id ?? "outcome", introduction.map(text)].compactMap { $0 }
        }
        let label = lines.map { ConsultationChart.shortened($0) }.filter { !$0.isEmpty }.joined(separator: "\n")
        return .init(id: Self.nodeID(address), label: label, shape: shape)
    }

    func ruleNode(_ rule: ScreeningRule) -> ConsultationChart.Node {
        .init(id: Self.ruleID(rule), label: "\(ConsultationChart.shortened(rule.id))\n\(rule.effect.rawValue)",
              shape: .rule(rule.effect))
    }

    // MARK: Arrows

    /// The arrows of every step ``DialogControl`` can take from the node.
    func outgoingEdges(of address: NodeAddress, node: DialogNode) -> [ConsultationChart.Edge] {
        let control = consultation.control
        guard let number = control.number(of: address) else { return [] }
        let from = Self.nodeID(address)
        var edges: [ConsultationChart.Edge] = []
        for step in control.possibleSteps(number) {
            switch step {
            case let .go(exit, link):
                edges += self.edges(from: from, in: address.dialog, to: exit, by: link, node: node)
            case let .stop(resume: exit):
                edges += self.edges(from: from, in: address.dialog, to: exit, by: control.onward(number).link, node: node)
            case let .call(entry, resume):
                edges.append(.init(from: from, to: Self.nodeID(control.addresses[entry]), kind: .call))
                edges += self.edges(from: from, in: address.dialog, to: resume, by: control.onward(number).link, node: node)
            case .end:
                edges.append(.init(from: from, to: ConsultationChart.finishID, kind: .finish))
            }
        }
        return edges
    }

    /// The arrows of one step: to a node of the same dialog, or out of the dialog.
    func edges(from: String, in dialogID: String, to exit: Exit, by link: ControlStep.Link,
               node: DialogNode) -> [ConsultationChart.Edge] {
        var edges: [ConsultationChart.Edge]
        switch exit {
        case let .node(target):
            let to = Self.nodeID(consultation.control.addresses[target])
            switch link {
            case .next: edges = [.init(from: from, to: to, kind: .next)]
            case .following, .fallThrough, .returnToCaller: edges = [.init(from: from, to: to, kind: .sequence)]
            case .otherwise: edges = [.init(from: from, to: to, label: "else", kind: .otherwise)]
            case let .branchCase(index):
                guard case let .branch(cases, _) = node.kind, cases.indices.contains(index) else { return [] }
                edges = [.init(from: from, to: to, label: ConsultationChart.shortened(cases[index].condition.source), kind: .branchCase)]
            }
        case .leave:
            edges = leaving(dialogID, from: from)
        }
        if link == .fallThrough {
            // A branch with no case taken and no `otherwise` goes on in the list: an "else" arrow like `otherwise`'s.
            edges = edges.map { edge in
                var edge = edge
                edge.label = "else"
                if edge.kind == .sequence { edge.kind = .otherwise }
                return edge
            }
        }
        return edges
    }

    /// The arrows out of a dialog: to the finish from the entry dialog, else back to every node that calls it
    /// (where the caller then continues with its own arrows).
    func leaving(_ dialogID: String, from: String) -> [ConsultationChart.Edge] {
        if dialogID == consultation.entry { return [.init(from: from, to: ConsultationChart.finishID, kind: .finish)] }
        return (callSites[dialogID] ?? []).map { .init(from: from, to: Self.nodeID($0), kind: .returnToCaller) }
    }

    /// Dotted arrows from each question whose answer the rule reads, directly or through computed values.
    func ruleEdges(_ rule: ScreeningRule) -> [ConsultationChart.Edge] {
        consultation.dependencies(of: rule.condition.expression).answers.compactMap { answer in
            consultation.questions[answer].map { .init(from: Self.nodeID($0), to: Self.ruleID(rule), kind: .ruleReads) }
        }
    }
}
