#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing

/// A patient's Ctrl-S (XOFF) must not freeze a patient session: flow control is off while it runs and comes
/// back at exit, and output the terminal stops anyway never holds up the idle reset or SIGTERM.
@Suite("flow control in patient modes")
struct FlowControlTests {
    private static let welcome = "Press Enter to start."
    private static let consentQuestion = "Is it okay to continue with the screening?"

    private func startKiosk(_ out: URL) throws -> PseudoTerminal {
        let kiosk = try PseudoTerminal(executable: try ConsultBinary.path(), arguments: [
            "kiosk", PackagePaths.dialogs, "--out", out.path, "--lang", "en", "--idle-timeout", "1", "--warning-seconds", "1",
        ])
        try kiosk.expect(Self.welcome)
        try kiosk.expect("> ")
        try kiosk.send("\r")
        try kiosk.expect(Self.consentQuestion)
        try kiosk.expect("> ")
        return kiosk
    }

    @Test("after Ctrl-S the idle timeout still saves the session and brings back the welcome")
    func controlSDoesNotStopTheIdleReset() throws {
        let out = PackagePaths.temporaryFolder("xoff-idle")
        defer { try? FileManager.default.removeItem(at: out) }
        let kiosk = try startKiosk(out)
        try kiosk.send("\u{13}")
        try kiosk.expect("Are you still there?", within: .seconds(10))
        try kiosk.expect(Self.welcome, within: .seconds(10))
        #expect(try PackagePaths.summaries(in: out).count == 1)
        kiosk.sendSignal(SIGTERM)
        #expect(try kiosk.waitForExit(within: .seconds(10)) == 0)
    }

    @Test("after Ctrl-S, SIGTERM still stops the kiosk with the session saved")
    func controlSDoesNotStopSigterm() throws {
        let out = PackagePaths.temporaryFolder("xoff-term")
        defer { try? FileManager.default.removeItem(at: out) }
        let kiosk = try startKiosk(out)
        try kiosk.send("yes")
        try kiosk.expect("yes")
        try kiosk.send("\u{13}")
        kiosk.sendSignal(SIGTERM)
        #expect(try kiosk.waitForExit(within: .seconds(10)) == 0)
        #expect(try PackagePaths.summaries(in: out).count == 1)
    }

    @Test("output the terminal stops itself (as Scroll Lock does) does not stop the idle reset")
    func stoppedOutputDoesNotStopTheIdleReset() throws {
        let out = PackagePaths.temporaryFolder("tcooff")
        defer { try? FileManager.default.removeItem(at: out) }
        let kiosk = try startKiosk(out)
        try kiosk.stopOutput()
        try kiosk.expect("Are you still there?", within: .seconds(10))
        try kiosk.expect(Self.welcome, within: .seconds(10))
        #expect(try PackagePaths.summaries(in: out).count == 1)
        kiosk.sendSignal(SIGTERM)
        #expect(try kiosk.waitForExit(within: .seconds(10)) == 0)
    }

    @Test("consult run turns flow control off while it runs and puts the terminal's modes back at exit")
    func flowControlIsRestoredAtExit() throws {
        let out = PackagePaths.temporaryFolder("xoff-run")
        defer { try? FileManager.default.removeItem(at: out) }
        let terminal = try PseudoTerminal(executable: try ConsultBinary.path(),
                                          arguments: ["run", PackagePaths.dialogs, "--out", out.path])
        let before = try terminal.inputModes()
        #expect(before & tcflag_t(IXON) != 0, "a new terminal starts with flow control on")
        try terminal.expect(Self.consentQuestion)
        try terminal.expect("> ")
        #expect(try terminal.inputModes() & tcflag_t(IXON | IXOFF | IXANY) == 0)
        try terminal.send("\u{04}")
        #expect(try terminal.waitForExit() == 0)
        #expect(try terminal.inputModes() == before)
    }
}
