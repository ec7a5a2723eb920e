import Foundation
import Testing

/// `consult compile`, and `consult run` starting from the compiled form it writes.
@Suite("consult compile and compiled starts")
struct CompileCommandTests {
    @Test("compile writes the compiled form; run then shows the golden screen from it, and again without a cache")
    func compiledRunMatchesGolden() throws {
        let folder = PackagePaths.temporaryFolder("compile")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = folder.appendingPathComponent("cache").path
        let compiled = try ConsultProcessRun.run(["compile", "dialogs", "--cache-dir", cache], input: Data())
        #expect(compiled.exitCode == 0, "\(compiled.standardError)")
        #expect(compiled.standardOutput.hasPrefix("dialogs: compiled into \(cache)/"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache).filter { $0.hasSuffix(".compiled") }.count == 1)

        let input = try PersonaExpectation(persona: "proceed").input
        let golden = try String(contentsOf: packageRoot.appendingPathComponent("Tests/ConsultCLITests/Golden/proceed.stdout"), encoding: .utf8)
        for options in [["--cache-dir", cache], ["--no-cache"]] {
            let out = folder.appendingPathComponent("summaries-\(options.count)-\(options[0])").path
            let run = try ConsultProcessRun.run(["run", "dialogs", "--out", out] + options, input: input)
            #expect(run.exitCode == 0, "\(options): \(run.standardError)")
            #expect(GoldenScreen.masked(run.standardOutput) == golden, "\(options)")
        }
    }

    @Test("compile of a dialog with errors prints them and exits 1, writing nothing")
    func dialogWithErrors() throws {
        let folder = PackagePaths.temporaryFolder("compile-broken")
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = folder.appendingPathComponent("cache").path
        let broken = packageRoot.appendingPathComponent("Tests/ConsultCoreTests/Fixtures/broken/unknown-node-reference.yaml").path
        let run = try ConsultProcessRun.run(["compile", broken, "--cache-dir", cache], input: Data())
        #expect(run.exitCode == 1)
        #expect(run.standardError.contains("error: unknown node 'pregant_stop'"))
        #expect(!FileManager.default.fileExists(atPath: cache))
    }

    @Test("compile into a folder that cannot be made says why and exits 1")
    func unwritableFolder() throws {
        let folder = PackagePaths.temporaryFolder("compile-blocked")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let blocker = folder.appendingPathComponent("a-file").path
        try Data().write(to: URL(fileURLWithPath: blocker))
        let run = try ConsultProcessRun.run(["compile", "dialogs", "--cache-dir", blocker + "/cache"], input: Data())
        #expect(run.exitCode == 1)
        #expect(run.standardError.hasPrefix("consult: error: cannot write the compiled consultation in '\(blocker)/cache': "))
        #expect(run.standardError.contains("choose a writable folder with --cache-dir"))
    }
}
