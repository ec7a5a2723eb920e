import Foundation
import Testing

/// When the summary cannot be written, the patient is told to see the front desk, staff see the path and
/// the reason, and the command fails instead of pretending.
@Suite struct SummaryFailureTests {
    /// The folder is checked before the first question, so no patient answers questions whose answers could not be kept.
    @Test func aFolderThatCannotBeCreatedIsRefusedBeforeTheFirstQuestion() throws {
        let blocker = FileManager.default.temporaryDirectory.appendingPathComponent("consult-blocker-\(UUID().uuidString)")
        try Data("not a folder".utf8).write(to: blocker)
        defer { try? FileManager.default.removeItem(at: blocker) }
        let out = blocker.appendingPathComponent("summaries").path
        let run = try ConsultProcessRun.run(["run", "dialogs", "--out", out], input: Data("yes\n".utf8))
        #expect(run.exitCode == 1)
        #expect(!run.standardOutput.contains("Is it okay to continue"), "\(run.standardOutput)")
        #expect(run.standardError.contains(blocker.path))
        #expect(run.standardError.contains("Not a directory"))
        #expect(!run.standardError.contains("Fatal error"))
    }

    @Test func usageMistakesExitTwo() throws {
        let run = try ConsultProcessRun.run(["run", "--idle", "3"], input: Data())
        #expect(run.exitCode == 2)
        #expect(run.standardError.contains("Unknown option"))
    }

    @Test func aDialogWithErrorsExitsOneAndSaysWhere() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("consult-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("dialog: x\nnodes:\n  - sayy: hello\n".utf8).write(to: folder.appendingPathComponent("x.yaml"))
        let run = try ConsultProcessRun.run(["run", folder.path], input: Data())
        #expect(run.exitCode == 1)
        #expect(run.standardError.contains("x.yaml:3:5: error: a node needs one of"))
        #expect(run.standardOutput.isEmpty)
    }
}
