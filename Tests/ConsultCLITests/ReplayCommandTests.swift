import Foundation
import Testing

@Suite("consult replay: exit status and reports")
struct ReplayCommandTests {
    @Test("a failed check exits 1 with the transcript's file:line, expected and got")
    func failingTranscript() throws {
        let folder = PackagePaths.temporaryFolder("replay")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let transcript = folder.appendingPathComponent("short.txt")
        try Data("yes\n#> expect outcome: proceed\n".utf8).write(to: transcript)
        let run = try ConsultProcessRun.run(["replay", "dialogs", transcript.path], input: Data())
        #expect(run.exitCode == 1)
        #expect(run.standardOutput == """
            \(transcript.path):2: error: the outcome differs
              expected: proceed
              got:      incomplete

            ✗ \(transcript.path)  incomplete  (1 answer, 1 check, 1 failed)

            """)
    }

    @Test("usage errors exit 2", arguments: [["replay"], ["replay", "no-such-file.txt"], ["replay", "--all", "no-such-folder"],
                                             ["replay", "--all", "tests/transcripts", "tests/transcripts/proceed.txt"]])
    func usageErrors(_ arguments: [String]) throws {
        let run = try ConsultProcessRun.run(arguments, input: Data())
        #expect(run.exitCode == 2, "\(run.standardError)")
    }
}
