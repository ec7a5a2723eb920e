/// The questions and topics of a consultation that `goto` can reach, and the call stack each needs.
public struct RehearsalPlaces: Sendable {
    /// A question or topic, with the names staff can give it.
    public struct Place: Sendable, Hashable {
        public var address: NodeAddress
        /// The node's id (for questions, the answer id).
        public var id: String
        /// `dialog/id`, unique across the consultation.
        public var qualifiedID: String { "\(address.dialog)/\(id)" }
    }

    public let consultation: Consultation
    /// Every question and topic, in dialog order.
    public let places: [Place]

    public init(consultation: Consultation) {
        self.consultation = consultation
        var places: [Place] = []
        for dialogID in consultation.dialogOrder {
            for (index, node) in (consultation.dialogs[dialogID]?.nodes ?? []).enumerated() {
                let id: String?
                switch node.kind {
                case let .ask(question): id = question.id
                case let .explain(topic): id = node.id ?? topic.id
                case .say, .branch, .call, .returnToCaller, .end, .outcome: id = nil
                }
                if let id { places.append(Place(address: NodeAddress(dialog: dialogID, index: index), id: id)) }
            }
        }
        self.places = places
    }

    /// The place `name` names: `id` when only one dialog has it, `dialog/id`, or a dialog's id for its first question or topic.
    public func resolve(_ name: String) -> Result<Place, RehearsalRejection> {
        if let place = places.first(where: { $0.qualifiedID == name }) { return .success(place) }
        let matches = places.filter { $0.id == name }
        if matches.count == 1 { return .success(matches[0]) }
        if matches.count > 1 { return .failure(.ambiguousNode(name, candidates: matches.map(\.qualifiedID))) }
        if let first = places.first(where: { $0.address.dialog == name }) { return .success(first) }
        let suggestion = Suggestion.closest(to: name, in: places.map(\.id) + places.map(\.qualifiedID))
        return .failure(.unknownNode(name, suggestion: suggestion))
    }

    /// The call stack for standing at `target`, given the current one.
    ///
    /// - When the target's dialog is running (the current dialog or a caller), the stack unwinds to it.
    /// - Otherwise the stack is the shortest chain of `call` nodes from the entry dialog to the target's
    ///   dialog (the first call sites in dialog order), as if the consultation had walked there.
    public func callStack(for target: NodeAddress, current: [NodeAddress], currentDialog: String) -> [NodeAddress] {
        if target.dialog == currentDialog { return current }
        if let frame = current.lastIndex(where: { $0.dialog == target.dialog }) {
            return Array(current[..<frame])  // the call site in the target's dialog and those inside it are left
        }
        return shortestCallChain(to: target.dialog) ?? []
    }

    /// The `call` nodes leading from the entry dialog to `dialogID`, outermost first; `nil` when no chain exists.
    func shortestCallChain(to dialogID: String) -> [NodeAddress]? {
        if dialogID == consultation.entry { return [] }
        var chains: [String: [NodeAddress]] = [consultation.entry: []]
        var queue = [consultation.entry]
        while !queue.isEmpty {
            let dialog = queue.removeFirst()
            let chain = chains[dialog] ?? []
            for (index, node) in (consultation.dialogs[dialog]?.nodes ?? []).enumerated() {
                guard case let .call(reference) = node.kind, chains[reference.id] == nil else { continue }
                let extended = chain + [NodeAddress(dialog: dialog, index: index)]
                if reference.id == dialogID { return extended }
                chains[reference.id] = extended
                queue.append(reference.id)
            }
        }
        return nil
    }
}
