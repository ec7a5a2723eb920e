/// Which answers are asked on every path from the consultation's start to each node, for the check that a
/// condition or text reads only answers it is sure to have.
///
/// Every answer id is asked at one node, so it is asked on every path to a node exactly when its question
/// node dominates that node (comes before it on every path): one dominator tree answers for every answer
/// and node, in space and time linear in the nodes. An id asked at several nodes (already an error) is
/// worked out on its own, by the nodes reached from the start without passing any of them.
struct AskedOnEveryPath {
    private let number: [NodeAddress: Int]
    private let tree: DominatorTree
    /// The nodes asking each answer, by number.
    private let askedAt: [String: [Int]]
    /// The number of a node standing for the consultation's end, after every node that finishes it.
    private let finish: Int
    /// For an answer asked at several nodes: the nodes some path from the start reaches before any of them.
    private var reachedFirst: [String: Set<Int>] = [:]
    /// Elementary steps taken (see ``DominatorTree/work``).
    private(set) var work = 0

    init(graph: ConsultationGraph) {
        let addresses = graph.addresses
        var number: [NodeAddress: Int] = [:]
        for (position, address) in addresses.enumerated() { number[address] = position }
        // One more node, the end, after every node that finishes: an answer asked on every path to the end is
        // one whose node dominates it.
        let finish = addresses.count
        let successors = addresses.map { address in
            (graph.successors[address] ?? []).compactMap { target -> Int? in
                switch target {
                case let .node(next): number[next]
                case .finish: finish
                }
            }
        } + [[]]
        var start = -1
        if case let .node(address) = graph.start, let position = number[address] { start = position }
        tree = DominatorTree(successors: successors, start: start)
        work = tree.work

        var askedAt: [String: [Int]] = [:]
        for (position, address) in addresses.enumerated() {
            if case let .ask(question)? = graph.consultation.node(at: address)?.kind {
                askedAt[question.id, default: []].append(position)
            }
        }
        for (answer, places) in askedAt where places.count > 1 && start >= 0 {
            let stops = Set(places)
            var seen: Set<Int> = [start]
            var stack = [start]
            while let next = stack.popLast() {
                work += 1
                guard !stops.contains(next) else { continue }
                for successor in successors[next] where seen.insert(successor).inserted { stack.append(successor) }
            }
            reachedFirst[answer] = seen
        }
        self.number = number
        self.askedAt = askedAt
        self.finish = finish
    }

    /// Whether `answer` is asked on every path from the start to the end of the consultation (so a form of it can
    /// require it).
    func isAskedOnEveryPathToTheEnd(_ answer: String) -> Bool {
        guard tree.isReachable(finish), let places = askedAt[answer] else { return false }
        if places.count == 1 { return tree.strictlyDominates(places[0], finish) }
        return reachedFirst[answer]?.contains(finish) == false
    }

    /// Whether `answer` is asked on every path from the start to `address`, before it.
    func isAsked(_ answer: String, before address: NodeAddress) -> Bool {
        guard let position = number[address], tree.isReachable(position), let places = askedAt[answer] else { return false }
        if places.count == 1 { return tree.strictlyDominates(places[0], position) }
        return reachedFirst[answer]?.contains(position) == false
    }
}
