import Foundation
import Testing
@testable import ConsultCore

/// The loader's work grows linearly with the nodes of a dialog. Counted in elementary steps, never timed:
/// loading one dialog of 40,000 questions took 15 s (50,000 nodes: 21 s and 125 MB) when the graph
/// rebuilt a dialog's node index for every node and the flow analysis kept, for every node, the set of
/// answers asked before it. Either step coming back makes four times the nodes cost about sixteen times
/// the steps.
@Suite struct LoadingScalingTests {
    /// Steps of building the graph and of the flow analysis, for one dialog of `questions` questions.
    static func work(questions: Int, shape: LongDialog.Shape) throws -> (graph: Int, flow: Int) {
        let result = try LongDialog.load(questions: questions, shape: shape)
        let consultation = try #require(result.consultation, "\(result.errors.prefix(3))")
        let graph = ConsultationGraph(consultation: consultation)
        var flow = FlowAnalysis(consultation: consultation)
        flow.check()
        #expect(flow.log.diagnostics.isEmpty)
        return (graph.work, flow.work)
    }

    @Test("building the graph and the flow analysis take steps linear in the questions", arguments: LongDialog.Shape.allCases)
    func graphAndFlowAnalysis(_ shape: LongDialog.Shape) throws {
        let small = try Self.work(questions: 250, shape: shape)
        let large = try Self.work(questions: 1_000, shape: shape)
        #expect(Double(large.graph) <= 4.5 * Double(small.graph), "graph: \(small.graph) steps, then \(large.graph)")
        #expect(Double(large.flow) <= 4.5 * Double(small.flow), "flow analysis: \(small.flow) steps, then \(large.flow)")
    }

    // MARK: - Dominator tree

    /// Graphs of `size` vertices from vertex 0.
    enum GraphShape: String, CaseIterable, CustomTestStringConvertible {
        /// 0 → 1 → 2 → …
        case chain
        /// A chain where every vertex may also jump to the last one (a screening's early exits): the shape
        /// on which the simpler iterative dominator algorithm walks quadratically.
        case chainWithExits
        /// Diamonds one after another: each vertex branches two ways that join again.
        case diamonds
        /// A chain whose every vertex loops back to the start.
        case loops

        var testDescription: String { rawValue }

        func successors(size: Int) -> [[Int]] {
            (0..<size).map { vertex in
                let next = vertex + 1 < size ? [vertex + 1] : []
                switch self {
                case .chain: return next
                case .chainWithExits: return vertex + 1 < size ? next + [size - 1] : []
                case .diamonds: return vertex % 3 == 0 ? [vertex + 1, vertex + 2].filter { $0 < size } : (vertex % 3 == 1 ? [vertex + 2].filter { $0 < size } : next)
                case .loops: return next + [0]
                }
            }
        }
    }

    @Test("the dominator tree takes steps linear in the graph", arguments: GraphShape.allCases)
    func dominatorTreeWork(_ shape: GraphShape) {
        let small = DominatorTree(successors: shape.successors(size: 5_000), start: 0).work
        let large = DominatorTree(successors: shape.successors(size: 20_000), start: 0).work
        #expect(Double(large) <= 4.5 * Double(small), "\(small) steps, then \(large)")
    }

    /// Dominance by definition: `a` dominates `b` when `b` cannot be reached from the start without `a`.
    static func dominatesByDefinition(_ a: Int, _ b: Int, successors: [[Int]], start: Int) -> Bool {
        func reachable(avoiding avoided: Int?) -> Set<Int> {
            guard start != avoided else { return [] }
            var seen: Set<Int> = [start]
            var stack = [start]
            while let vertex = stack.popLast() {
                for next in successors[vertex] where next != avoided && seen.insert(next).inserted { stack.append(next) }
            }
            return seen
        }
        guard reachable(avoiding: nil).contains(b) else { return false }
        return a == b || !reachable(avoiding: a).contains(b)
    }

    @Test("the dominator tree agrees with the definition on many small graphs")
    func dominatorTreeIsRight() {
        var generator = SplitMix64(seed: 9)
        for _ in 0..<300 {
            let size = Int.random(in: 1...12, using: &generator)
            let successors = (0..<size).map { _ in
                (0..<Int.random(in: 0...3, using: &generator)).map { _ in Int.random(in: 0..<size, using: &generator) }
            }
            let tree = DominatorTree(successors: successors, start: 0)
            for a in 0..<size {
                for b in 0..<size {
                    #expect(tree.dominates(a, b) == Self.dominatesByDefinition(a, b, successors: successors, start: 0),
                            "\(a) dominates \(b) in \(successors)?")
                }
            }
        }
    }

    // MARK: - Answers asked on every path

    /// The answers asked on every path to each node, as the flow analysis used to work them out: a set per
    /// node, intersected over the node's predecessors until nothing changes.
    static func askedBeforeBySets(_ graph: ConsultationGraph) -> [NodeAddress: Set<String>] {
        let consultation = graph.consultation
        let all = Set(consultation.dialogs.values.flatMap { $0.nodes.compactMap { node -> String? in
            if case let .ask(question) = node.kind { return question.id }
            return nil
        } })
        var asked: [NodeAddress: Set<String>] = [:]
        guard case let .node(start) = graph.start else { return asked }
        asked[start] = []
        var work: [NodeAddress] = [start]
        var queued: Set<NodeAddress> = [start]
        while let address = work.popLast() {
            queued.remove(address)
            var out = asked[address] ?? all
            if case let .ask(question)? = consultation.node(at: address)?.kind { out.insert(question.id) }
            for case let .node(next) in graph.successors[address] ?? [] {
                let previous = asked[next]
                let merged = previous.map { $0.intersection(out) } ?? out
                if merged != previous {
                    asked[next] = next == start ? [] : merged
                    if queued.insert(next).inserted { work.append(next) }
                }
            }
        }
        return asked
    }

    /// Every answer at every node, both ways.
    static func expectSameAnswers(_ consultation: Consultation) {
        let graph = ConsultationGraph(consultation: consultation)
        let bySets = askedBeforeBySets(graph)
        let asked = AskedOnEveryPath(graph: graph)
        let answers = Set(bySets.values.flatMap { $0 }).union(consultation.questions.keys)
        for address in graph.reachable() {
            for answer in answers {
                #expect(asked.isAsked(answer, before: address) == (bySets[address]?.contains(answer) ?? false), "\(answer) before \(address)")
            }
        }
    }

    @Test("answers asked on every path: the dominator tree agrees with the sets, on the bundled consultation")
    func askedOnEveryPathInTheBundledConsultation() throws {
        Self.expectSameAnswers(try BundledConsultation.consultation())
    }

    /// An id asked twice in one dialog is an error, but the flow analysis still runs: the answer counts as
    /// asked after either question.
    @Test("answers asked on every path: an answer asked at two nodes counts as asked after either")
    func answerAskedTwice() throws {
        let text = """
            dialog: twice
            version: 1.0.0
            nodes:
              - ask: Left or right?
                id: side
                type: yes-no
              - branch:
                  - if: side
                    goto: again
              - ask: How old are you?
                id: age
                type: number
                next: join
              - id: again
                say: Once more.
              - ask: How old are you, again?
                id: age
                type: number
              - id: join
                say: "You are {age}."
              - end: Bye.

            """
        var log = DiagnosticLog()
        let file = try #require(YAMLFile.parse(Data(text.utf8), path: "twice.yaml", log: &log))
        var parser = DialogFileParser(path: "twice.yaml", sources: SourceFiles())
        let parsedFile = parser.parse(file.root)
        let parsed = try #require(parsedFile)
        var linker = ConsultationLinker(files: [parsed], settings: [:], settingsLocations: [:], settingsFile: nil,
                                        sources: SourceFiles(), checksFlow: true)
        let linked = linker.link()
        let consultation = try #require(linked)
        #expect(linker.log.diagnostics.map(\.description) == ["twice.yaml:16:5: error: duplicate node id 'age'\ntwice.yaml:10:5: note: 'age' is first used here"])
        Self.expectSameAnswers(consultation)
    }
}

/// The log finds a repeat with a set: with a list, a dialog of 20,000 unreachable nodes (20,000 warnings)
/// took 15.7 s to validate, quadratic in the warnings.
@Suite struct DiagnosticLogTests {
    @Test func aRepeatIsLoggedOnceInTheOrderFirstLogged() {
        var log = DiagnosticLog()
        let first = SourceLocation(file: "a.yaml", line: 9, column: 1), second = SourceLocation(file: "a.yaml", line: 2, column: 1)
        log.error("b", at: first, id: "test")
        log.error("a", at: second, id: "test")
        log.error("b", at: first, id: "test")
        log.warning("b", at: first, id: "test")
        #expect(log.diagnostics.map(\.description) == ["a.yaml:9:1: error: b", "a.yaml:2:1: error: a", "a.yaml:9:1: warning: b"])
        #expect(log.sorted.map(\.description) == ["a.yaml:2:1: error: a", "a.yaml:9:1: error: b", "a.yaml:9:1: warning: b"])

        var other = DiagnosticLog()
        other.error("a", at: second, id: "test")
        other.error("c", at: second, id: "test")
        log.append(contentsOf: other)
        #expect(log.diagnostics.count == 4)
    }
}
