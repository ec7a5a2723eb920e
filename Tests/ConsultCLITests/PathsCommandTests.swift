import Foundation
import Testing

/// `consult paths` run as CI runs it: the built binary on the bundled consultation and on an unsafe dialog.
@Suite("consult paths")
struct PathsCommandTests {
    @Test("the bundled consultation passes --check and exits 0")
    func bundledPasses() throws {
        let run = try ConsultProcessRun.run(["paths", "dialogs", "--check"], input: Data())
        #expect(run.exitCode == 0, "\(run.standardOutput)\n\(run.standardError)")
        #expect(run.standardOutput.contains("Properties (dialogs/properties.yaml): 10 of 10 hold, in en, es."))
        #expect(run.standardOutput.contains("Outcomes reachable: proceed"))
        #expect(!run.standardOutput.contains("FAILED"))
        // Not a terminal: no progress bar.
        #expect(run.standardError.isEmpty)
    }

    @Test("--json is one JSON document with paths, outcomes, shortest paths and property results")
    func json() throws {
        let run = try ConsultProcessRun.run(["paths", "dialogs", "--check", "--json"], input: Data())
        #expect(run.exitCode == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
        #expect(document["dialog"] as? String == "microneedling")
        #expect(document["complete"] as? Bool == true)
        let paths = try #require(document["paths"] as? String)
        #expect(paths.allSatisfy(\.isNumber) && paths.count > 6)
        #expect(document["outcomes"] as? [String] == ["proceed", "review", "defer", "decline"])
        let shortest = try #require(document["shortestPaths"] as? [String: [[String: String]]])
        #expect(shortest["review"]?.first == ["prompt": "question", "id": "consent", "answer": "no"])
        let properties = try #require(document["properties"] as? [String: Any])
        #expect(properties["allHold"] as? Bool == true)
        #expect((properties["results"] as? [[String: Any]])?.count == 10)
    }

    @Test("a failing property exits 1 and writes a counterexample that consult run plays to the claimed outcome")
    func counterexample() throws {
        let folder = PackagePaths.temporaryFolder("paths")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
            dialog: visit
            version: 1.0.0
            nodes:
              - ask: Are you pregnant?
                id: pregnant
                type: yes-no-unsure
              - outcome: true
              - end: Thanks.
            rules:
              - id: pregnancy
                when: pregnant == yes
                outcome: defer
                reason: Pregnant.
            """.write(to: folder.appendingPathComponent("visit.yaml"), atomically: true, encoding: .utf8)
        try """
            properties:
              - id: unsure_defers
                never: {outcome: proceed, when: "pregnant != no"}
            """.write(to: folder.appendingPathComponent("properties.yaml"), atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let run = try ConsultProcessRun.run(["paths", folder.path, "--check", "--counterexamples", out.path], input: Data())
        #expect(run.exitCode == 1)
        #expect(run.standardOutput.contains("FAILED  unsure_defers"))
        let file = out.appendingPathComponent("counterexample-unsure_defers.txt")
        #expect(run.standardOutput.contains(file.path))
        let transcript = try String(contentsOf: file, encoding: .utf8)
        #expect(transcript == "not sure\n")

        let summaries = folder.appendingPathComponent("summaries")
        let session = try ConsultProcessRun.run([folder.path, "--out", summaries.path], input: Data(transcript.utf8))
        #expect(session.exitCode == 0)
        let records = try PackagePaths.summaries(in: summaries)
        #expect((records.first?["outcome"] as? [String: Any])?["status"] as? String == "proceed")
    }

    @Test("--check without a properties file is a usage error")
    func missingProperties() throws {
        let folder = PackagePaths.temporaryFolder("paths-none")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "dialog: visit\nversion: 1.0.0\nnodes:\n  - end: Bye.\n".write(to: folder.appendingPathComponent("visit.yaml"), atomically: true, encoding: .utf8)
        let run = try ConsultProcessRun.run(["paths", folder.path, "--check"], input: Data())
        #expect(run.exitCode == 2)
        #expect(run.standardError.contains("no properties file"))
        let plain = try ConsultProcessRun.run(["paths", folder.path], input: Data())
        #expect(plain.exitCode == 0)
        #expect(plain.standardOutput.contains("1 distinct path "))
    }
}
