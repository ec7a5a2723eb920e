#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing

/// `kill -9` of a real `consult run` after each of a patient's first answers, then a new start on the same folder:
/// the new start writes the interrupted session's summary from its journal, holding exactly the answers given.
@Suite("crash recovery of consult run")
struct CrashRecoveryTests {
    /// A patient's first answers, as typed, and what each is stored as.
    static let answers: [(typed: String, id: String, stored: String)] = [
        ("yes", "consent", "yes"), ("acne scars", "concern", "acne_scars"), ("face", "area", "face"), ("34", "age", "34"),
        ("no", "pregnant", "no"), ("nope", "breastfeeding", "no"), ("no", "active_acne", "no"),
    ]

    @Test("killed after answer k, the next start recovers exactly k answers", arguments: [1, 2, 4, 7])
    func killAfterAnAnswer(_ k: Int) throws {
        let folder = PackagePaths.temporaryFolder("crash")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("summaries")
        let run = try SpawnedConsult(["run", PackagePaths.dialogs, "--out", out.path])
        // Each prompt ends with its instructions ("Type …"); the one after answer k shows only once the answer
        // is in the journal, synced.
        try run.expectOutput("Type ")
        for answer in Self.answers.prefix(k) {
            try run.send(answer.typed + "\n")
            try run.expectOutput("> " + answer.typed)
            try run.expectOutput("Type ")
        }
        kill(run.processID, SIGKILL)
        #expect(try run.waitForExit() == 128 + SIGKILL)
        #expect(try PackagePaths.summaries(in: out).isEmpty, "nothing was written before the kill")

        // A new start on the same folder (with nobody typing) writes the interrupted session's summary first.
        let restart = try ConsultProcessRun.run(["run", "dialogs", "--out", out.path], input: Data())
        #expect(restart.exitCode == 0, "\(restart.standardError)")
        let summaries = try PackagePaths.summaries(in: out)
        let recovered = try #require(summaries.first { $0["recovered"] != nil }, "\(restart.standardError)")
        #expect(summaries.count == 2, "the recovered session and the new, empty one")
        let stored = (recovered["answers"] as? [[String: Any]] ?? []).map { answer -> (String, String) in
            let value = answer["value"]
            let text = (value as? String) ?? (value as? [String])?.joined(separator: ",") ?? (value as? NSNumber).map { "\($0)" } ?? "?"
            return (answer["id"] as? String ?? "?", text)
        }
        #expect(stored.map(\.0) == Self.answers.prefix(k).map(\.id))
        #expect(stored.map(\.1) == Self.answers.prefix(k).map(\.stored))
        #expect((recovered["outcome"] as? [String: Any])?["status"] as? String == "incomplete")
        #expect((recovered["recovered"] as? [String: Any])?["answers"] as? Int == k)
        // Nothing is left behind: no journal, no temporary file.
        let journal = out.appendingPathComponent(".journal")
        let left = (try? FileManager.default.contentsOfDirectory(atPath: journal.path)) ?? []
        #expect(left.filter { $0.hasSuffix(".journal") }.isEmpty, "\(left)")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(!names.contains { $0.hasSuffix(".tmp") || $0.contains(".tmp-") }, "\(names)")
    }
}
