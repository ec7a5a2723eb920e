import Foundation
import Testing

/// Staff stop the kiosk with SIGTERM or SIGHUP: it always stops, tries once more to save every session that
/// is not saved yet, and when some still cannot be saved says which and why, and exits 1.
@Suite("stopping the kiosk")
struct KioskStopTests {
    private static let welcome = "Press Enter to start."
    private static let consentQuestion = "Is it okay to continue with the screening?"
    private static let concernQuestion = "What would you like to improve?"

    /// A summary folder that the kiosk can prepare at start, and the file that will block it once the kiosk runs
    /// (a kiosk refuses to start with an unusable folder, so the folder goes away only later, as a disk can).
    private func blockedFolder() throws -> (blocker: URL, out: URL) {
        let blocker = PackagePaths.temporaryFolder("blocker")
        return (blocker, blocker.appendingPathComponent("summaries"))
    }

    /// Replaces the folder above the summary folder, journal and all, with a file.
    private func block(_ blocker: URL) throws {
        try FileManager.default.removeItem(at: blocker)
        try Data("not a folder".utf8).write(to: blocker)
    }

    @Test("SIGTERM at a terminal with two unsaved sessions: both are named for staff, with the reason, and it exits 1")
    func unsavedSessionsAreReportedAtATerminal() throws {
        let (blocker, out) = try blockedFolder()
        defer { try? FileManager.default.removeItem(at: blocker) }
        let kiosk = try PseudoTerminal(executable: try ConsultBinary.path(),
                                       arguments: ["kiosk", PackagePaths.dialogs, "--out", out.path, "--lang", "en"])
        // The first patient ends the session with Ctrl-D and leaves the thank-you screen.
        try kiosk.expect(Self.welcome)
        try block(blocker)
        try kiosk.send("\r")
        try kiosk.expect(Self.consentQuestion)
        try kiosk.expect("> ")
        try kiosk.send("\u{04}")
        try kiosk.expect("Please tell the front desk")
        try kiosk.expect("Press Enter to finish.")
        try kiosk.send("\r")
        // The second patient is half-way through when staff stop the kiosk.
        try kiosk.expect(Self.welcome)
        try kiosk.send("\r")
        try kiosk.expect(Self.consentQuestion)
        try kiosk.expect("> ")
        try kiosk.send("yes\r")
        try kiosk.expect(Self.concernQuestion)
        try kiosk.expect("> ")
        kiosk.sendSignal(SIGTERM)
        try kiosk.expect("2 consultations could not be saved", within: .seconds(10))
        try kiosk.expect("incomplete, 0 answers")
        try kiosk.expect("Not a directory")
        try kiosk.expect("incomplete, 1 answer")
        try kiosk.expect("Not a directory")
        let status = try kiosk.waitForExit(within: .seconds(10))
        #expect(status == 1, "\(kiosk.screenDump())")
        #expect(!kiosk.unmatchedOutput.contains(Self.welcome))
    }

    /// (The session being stopped saves in time here, so this passed before the fix too; it guards the last attempt.)
    @Test("SIGTERM with piped input stops at once, and the last attempt saves what it now can")
    func stopWithPipedInputSavesAgain() throws {
        let (blocker, out) = try blockedFolder()
        defer {
            try? FileManager.default.removeItem(at: blocker)
        }
        let kiosk = try SpawnedConsult(["kiosk", PackagePaths.dialogs, "--out", out.path, "--lang", "en"])
        try kiosk.expectOutput(Self.welcome)
        try block(blocker)
        // The first patient leaves at once; their summary cannot be written.
        try kiosk.send("\nquit\nyes\n")
        try kiosk.expectOutput("Please tell the front desk")
        try kiosk.expectOutput("Press Enter to finish.")
        try kiosk.send("\n\nyes\n")
        try kiosk.expectOutput(Self.concernQuestion)
        // Staff free the folder, then stop the kiosk during the second patient.
        try FileManager.default.removeItem(at: blocker)
        kill(kiosk.processID, SIGTERM)
        let status = try kiosk.waitForExit(within: .seconds(10))
        let standardError = kiosk.standardError()
        #expect(status == 0, "standard error:\n\(standardError)")
        #expect(standardError.contains("an earlier summary is now written"), "\(standardError)")
        let statuses = try PackagePaths.summaries(in: out).map { ($0["outcome"] as? [String: Any])?["status"] as? String }
        #expect(statuses == ["incomplete", "incomplete"])
        #expect(!kiosk.unmatchedOutput.contains("Welcome"))
    }

    @Test("SIGHUP with piped input and the folder still blocked: the session is named and it exits 1")
    func hangUpWithPipedInputReportsTheUnsavedSession() throws {
        let (blocker, out) = try blockedFolder()
        defer { try? FileManager.default.removeItem(at: blocker) }
        let kiosk = try SpawnedConsult(["kiosk", PackagePaths.dialogs, "--out", out.path, "--lang", "en"])
        try kiosk.expectOutput(Self.welcome)
        try block(blocker)
        try kiosk.send("\nyes\n")
        try kiosk.expectOutput(Self.concernQuestion)
        kill(kiosk.processID, SIGHUP)
        let status = try kiosk.waitForExit(within: .seconds(10))
        let standardError = kiosk.standardError()
        #expect(status == 1)
        #expect(standardError.contains("1 consultation could not be saved"), "\(standardError)")
        #expect(standardError.contains(blocker.path))
    }
}
