import Foundation
import Testing

/// A patient who walks away mid-consultation: the session is saved as incomplete and the screen is cleared
/// for the next patient at once, not after another idle period on a thank-you screen nobody reads.
@Suite("kiosk walk-away")
struct KioskWalkAwayTests {
    private static let welcome = "Press Enter to start."
    private static let consentQuestion = "Is it okay to continue with the screening?"
    private static let concernQuestion = "What would you like to improve?"
    /// Clears the screen and its scrollback (`TerminalScreen.clearScreenAndScrollback`).
    private static let clearScreenAndScrollback = "\u{1B}[H\u{1B}[2J\u{1B}[3J"

    @Test("after a walk-away the screen and scrollback are cleared before anything else is shown")
    func walkAwayClearsTheScreenAtOnce() throws {
        let out = PackagePaths.temporaryFolder("walk-away")
        defer { try? FileManager.default.removeItem(at: out) }
        let kiosk = try PseudoTerminal(executable: try ConsultBinary.path(), arguments: [
            "kiosk", PackagePaths.dialogs, "--out", out.path, "--lang", "en", "--idle-timeout", "2", "--warning-seconds", "1",
        ])
        try kiosk.expect(Self.welcome)
        try kiosk.send("\r")
        try kiosk.expect(Self.consentQuestion)
        try kiosk.expect("> ")
        try kiosk.send("yes\r")
        try kiosk.expect(Self.concernQuestion)
        try kiosk.expect("Are you still there?", within: .seconds(10))
        let shownBeforeClearing = try kiosk.expect(Self.clearScreenAndScrollback, within: .seconds(10))
        #expect(!shownBeforeClearing.contains("Thank you!"), "\(kiosk.screenDump())")
        #expect(!shownBeforeClearing.contains("Press Enter to finish."))
        try kiosk.expect(Self.welcome)
        #expect(!kiosk.unmatchedOutput.contains(Self.concernQuestion))
        let summaries = try PackagePaths.summaries(in: out)
        #expect(summaries.count == 1)
        #expect((summaries.first?["outcome"] as? [String: Any])?["status"] as? String == "incomplete")
        kiosk.sendSignal(SIGTERM)
        #expect(try kiosk.waitForExit(within: .seconds(10)) == 0)
    }
}
