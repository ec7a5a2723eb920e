import Foundation
import Testing

/// `consult validate` as a dialog author runs it: diagnostics on standard output, and the exit status.
@Suite("consult validate")
struct ValidateCommandTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // ConsultCLITests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()
    static let fixtures = packageRoot.appendingPathComponent("Tests/ConsultCoreTests/Fixtures")

    /// The outcome of one run.
    struct Run {
        var status: Int32
        var output: String
        var errorOutput: String
    }

    /// Runs `consult` with `arguments` in `directory`, so paths print as given.
    private func consult(_ arguments: [String], in directory: URL) throws -> Run {
        let run = try ConsultProcessRun.run(arguments, input: Data(), in: directory,
                                            environment: ProcessInfo.processInfo.environment)
        return Run(status: run.exitCode, output: run.standardOutput, errorOutput: run.standardError)
    }

    /// Broken fixtures → what `consult validate` prints for them, run from the fixtures folder.
    static let broken: [(String, String)] = [
        ("broken/unknown-node-reference.yaml", """
            broken/unknown-node-reference.yaml:9:15: error: unknown node 'pregant_stop' in dialog 'visit'; did you mean 'pregnant_stop'?
            broken/unknown-node-reference.yaml: 1 error, 0 warnings

            """),
        ("broken/condition-type-error.yaml", """
            broken/condition-type-error.yaml:16:20: error: in the condition: cannot compare a number with 'yes', an answer of a yes/no question
            broken/condition-type-error.yaml:18:25: error: in the condition: 'concern' holds several answers and cannot equal one; write 'acne_scars in concern'
            broken/condition-type-error.yaml: 2 errors, 0 warnings

            """),
        ("broken/duplicate-answer-id", """
            broken/duplicate-answer-id/screening.yaml:3:5: error: duplicate answer id 'age'; every question needs its own id
            broken/duplicate-answer-id/consultation.yaml:5:5: note: 'age' is also asked here
            broken/duplicate-answer-id: 1 error, 0 warnings

            """),
        ("broken/tab-indentation.yaml", """
            broken/tab-indentation.yaml:4:1: error: YAML syntax error: a tab cannot indent YAML; indent with spaces
            broken/tab-indentation.yaml: 1 error, 0 warnings

            """),
    ]

    @Test("--version prints the program's version and exits 0")
    func version() throws {
        let run = try consult(["--version"], in: Self.fixtures)
        #expect(run.status == 0)
        #expect(run.output.wholeMatch(of: /consult [0-9]+\.[0-9]+\.[0-9]+\n/) != nil, "\(run.output)")
    }

    @Test("a mistyped command is a usage error with a suggestion, not a dialog path that does not exist")
    func mistypedCommand() throws {
        let run = try consult(["valdiate", "broken/unknown-node-reference.yaml"], in: Self.fixtures)
        #expect(run.status == 2)
        #expect(run.errorOutput == "consult: error: unknown command 'valdiate'; did you mean 'validate'?\nRun 'consult --help' for the commands.\n")
        #expect(run.output.isEmpty)
    }

    @Test("--json gives every diagnostic with its place, stable id and notes, and the same exit status")
    func jsonDiagnostics() throws {
        let run = try consult(["validate", "--json", "broken/duplicate-answer-id", "broken/unknown-node-reference.yaml"], in: Self.fixtures)
        #expect(run.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        #expect(document["errors"] as? Int == 2)
        let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.compactMap { $0["id"] as? String } == ["duplicate-answer-id", "unknown-node"])
        let duplicate = try #require(diagnostics.first)
        #expect(duplicate["file"] as? String == "broken/duplicate-answer-id/screening.yaml")
        #expect(duplicate["line"] as? Int == 3)
        let notes = try #require(duplicate["notes"] as? [[String: Any]])
        #expect(notes.first?["file"] as? String == "broken/duplicate-answer-id/consultation.yaml")
        #expect(notes.first?["line"] as? Int == 5)
        #expect(notes.first?["message"] as? String == "'age' is also asked here")
    }

    @Test("a broken dialog prints its diagnostics and exits 1", arguments: broken)
    func brokenDialog(_ path: String, _ expected: String) throws {
        let run = try consult(["validate", path], in: Self.fixtures)
        #expect(run.output == expected)
        #expect(run.status == 1)
    }

    @Test("warnings alone exit 0")
    func warningsOnly() throws {
        let run = try consult(["validate", "--quiet", "broken/unreachable-node.yaml"], in: Self.fixtures)
        #expect(run.output == "broken/unreachable-node.yaml:5:5: warning: this say node can never be reached\n")
        #expect(run.status == 0)
    }

    @Test("the shipped dialogs validate cleanly")
    func shippedDialogs() throws {
        let run = try consult(["validate", "dialogs"], in: Self.packageRoot)
        #expect(run.output == "dialogs: 0 errors, 0 warnings\n")
        #expect(run.status == 0)
    }

    @Test("several paths are counted together")
    func severalPaths() throws {
        let run = try consult(["validate", "broken/empty-file.yaml", "broken/unknown-key.yaml"], in: Self.fixtures)
        #expect(run.output == """
            broken/empty-file.yaml:1:1: error: the file is empty
            broken/unknown-key.yaml:3:1: error: unknown key 'titel' in a dialog file; did you mean 'title'?
            2 paths: 2 errors, 0 warnings

            """)
        #expect(run.status == 1)
    }

    @Test("a missing path is an error at the path")
    func missingPath() throws {
        let run = try consult(["validate", "-q", "no-such-folder"], in: Self.fixtures)
        #expect(run.output == "no-such-folder:1:1: error: no such file or folder; give a dialog file or a folder of them (like 'dialogs')\n")
        #expect(run.status == 1)
    }

    @Test("an unknown option is a usage error, exit 2")
    func usageError() throws {
        let run = try consult(["validate", "--no-such-option"], in: Self.fixtures)
        #expect(run.status == 2)
        #expect(run.output == "")
        #expect(run.errorOutput.contains("Unknown option '--no-such-option'"))
    }
}
