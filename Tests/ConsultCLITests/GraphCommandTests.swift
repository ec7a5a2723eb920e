import Foundation
import Testing

/// `consult graph` as staff run it: the chart on standard output, and the exit status.
@Suite("consult graph")
struct GraphCommandTests {
    @Test("--format dot prints exactly the committed docs/consultation.dot")
    func dotMatchesCommittedChart() throws {
        let run = try ConsultProcessRun.run(["graph", "--format", "dot"], input: Data())
        let committed = try String(contentsOf: packageRoot.appendingPathComponent("docs/consultation.dot"), encoding: .utf8)
        #expect(run.exitCode == 0)
        #expect(run.standardError == "")
        #expect(run.standardOutput == committed, """
            docs/consultation.dot is out of date; refresh it with: \
            swift run consult graph --format dot > docs/consultation.dot && dot -Tsvg docs/consultation.dot > docs/consultation.svg
            """)
    }

    @Test("Mermaid is the default format")
    func mermaidByDefault() throws {
        let run = try ConsultProcessRun.run(["graph", "dialogs"], input: Data())
        #expect(run.exitCode == 0)
        #expect(run.standardOutput.hasPrefix("flowchart TB\n    %% Micro-needling consultation\n"))
        #expect(run.standardOutput.contains("    subgraph d_screening [\"screening: Health questions\"]\n"))
    }

    @Test("--help shows how to draw the chart with Graphviz")
    func help() throws {
        let run = try ConsultProcessRun.run(["graph", "--help"], input: Data())
        #expect(run.exitCode == 0)
        #expect(run.standardOutput.contains("consult graph --format dot | dot -Tsvg > docs/consultation.svg"))
    }

    @Test("an unknown format is a usage error, exit 2")
    func unknownFormat() throws {
        let run = try ConsultProcessRun.run(["graph", "--format", "png"], input: Data())
        #expect(run.exitCode == 2)
        #expect(run.standardOutput == "")
        #expect(run.standardError.contains("'png'"))
    }

    @Test("a dialog with errors prints them on standard error and exits 1, with no chart")
    func brokenDialog() throws {
        let path = "Tests/ConsultCoreTests/Fixtures/broken/unknown-node-reference.yaml"
        let run = try ConsultProcessRun.run(["graph", path], input: Data())
        #expect(run.exitCode == 1)
        #expect(run.standardOutput == "")
        #expect(run.standardError.contains("\(path):9:15: error: unknown node 'pregant_stop'"))
    }
}
