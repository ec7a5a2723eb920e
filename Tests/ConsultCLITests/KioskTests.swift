import Foundation
import Testing

/// `consult kiosk` in tmux: patient after patient, walk-aways and interruptions, and nothing of
/// one patient left for the next.
@Suite("kiosk", .serialized, .enabled(if: TmuxSession.isAvailable, "needs tmux (apt-get install tmux)"))
struct KioskTests {
    private static let welcome = "Press Enter to start."
    private static let consentQuestion = "Is it okay to continue with the screening?"
    private static let concernQuestion = "What would you like to improve?"

    private func startKiosk(_ out: URL, idle: Int = 60) throws -> TmuxSession {
        let kiosk = try TmuxSession(command: [try ConsultBinary.path(), "kiosk", PackagePaths.dialogs, "--out", out.path, "--lang", "en",
                                              "--idle-timeout", String(idle), "--warning-seconds", "1"])
        try kiosk.waitFor(Self.welcome)
        return kiosk
    }

    @Test("the thank-you screen shows the code of the summary just written, and the next welcome no longer shows it")
    func thankYouShowsTheReferenceCode() throws {
        let out = PackagePaths.temporaryFolder("kiosk-code")
        defer { try? FileManager.default.removeItem(at: out) }
        let kiosk = try startKiosk(out)
        try kiosk.send("Enter")
        try kiosk.waitFor(Self.consentQuestion)
        try kiosk.send("C-d")
        try kiosk.waitFor("Please tell the front desk your code:")
        let summaries = try PackagePaths.summaries(in: out)
        let code = try #require(summaries.first?["reference"] as? String)
        #expect(code.wholeMatch(of: /[2-9A-HJKMNP-TV-Z]{3}-[2-9A-HJKMNP-TV-Z]{3}/) != nil)
        let thankYou = try kiosk.screenAndScrollback()
        #expect(thankYou.contains("    \(code)"), "\(thankYou)")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { !$0.hasPrefix(".") }
        #expect(names.count == 3 && names.allSatisfy { $0.contains("-\(code)-") }, "\(names)")
        try kiosk.send("Enter")
        try kiosk.waitFor(Self.welcome)
        let deadline = ContinuousClock.now + .seconds(15)
        var screen = try kiosk.screenAndScrollback()
        while screen.contains(code) && ContinuousClock.now < deadline {
            try ProcessWait.pause(milliseconds: 50)
            screen = try kiosk.screenAndScrollback()
        }
        #expect(!screen.contains(code), "\(screen)")
    }

    @Test("after the idle timeout the welcome returns and the previous answers are gone from screen and scrollback")
    func idleTimeoutClearsThePreviousPatient() throws {
        let out = PackagePaths.temporaryFolder("kiosk-idle")
        defer { try? FileManager.default.removeItem(at: out) }
        let kiosk = try startKiosk(out, idle: 1)
        try kiosk.send("Enter")
        try kiosk.waitFor(Self.consentQuestion)
        try kiosk.send("yes", literal: true)
        try kiosk.send("Enter")
        try kiosk.waitFor(Self.concernQuestion)
        try kiosk.send("Are you still there", literal: false)
        try kiosk.waitFor("Are you still there? Press Enter to continue.")
        // Nobody is there to thank: everything is cleared for the next patient at once.
        try kiosk.waitFor(Self.welcome)
        let deadline = ContinuousClock.now + .seconds(15)
        var screen = try kiosk.screenAndScrollback()
        while screen.contains(Self.concernQuestion) && ContinuousClock.now < deadline {
            try ProcessWait.pause(milliseconds: 50)
            screen = try kiosk.screenAndScrollback()
        }
        #expect(!screen.contains(Self.consentQuestion), "\(screen)")
        #expect(!screen.contains(Self.concernQuestion))
        #expect(!screen.contains("> yes"))
        #expect(!screen.contains("Thank you!"))
        #expect(screen.contains(Self.welcome))
        let summaries = try PackagePaths.summaries(in: out)
        #expect(summaries.count == 1)
        #expect((summaries.first?["outcome"] as? [String: Any])?["status"] as? String == "incomplete")
    }

    @Test("Ctrl-D and quit end the session and return to the welcome; SIGTERM stops the kiosk cleanly")
    func patientInputNeverEndsTheKiosk() throws {
        let out = PackagePaths.temporaryFolder("kiosk-keys")
        defer { try? FileManager.default.removeItem(at: out) }
        let kiosk = try startKiosk(out)
        try kiosk.send("Enter")
        try kiosk.waitFor(Self.consentQuestion)
        // A Ctrl-C that arrives before the line editor is reading is dropped (there is no line
        // to cancel), so press it until the kiosk answers, within the deadline.
        let deadline = ContinuousClock.now + .seconds(15)
        while try !kiosk.screenAndScrollback().contains("To leave the consultation, type quit."), ContinuousClock.now < deadline {
            try kiosk.send("C-c")
            try ProcessWait.pause(milliseconds: 200)
        }
        try kiosk.waitFor("To leave the consultation, type quit.")
        try kiosk.send("C-d")
        try kiosk.waitFor("Thank you!")
        try kiosk.send("Enter")
        try kiosk.waitFor(Self.welcome)

        try kiosk.send("Enter")
        try kiosk.waitFor(Self.consentQuestion)
        try kiosk.send("quit", literal: true)
        try kiosk.send("Enter")
        try kiosk.waitFor("Do you want to leave the consultation?")
        try kiosk.send("yes", literal: true)
        try kiosk.send("Enter")
        try kiosk.waitFor("Thank you!")
        try kiosk.send("Enter")
        try kiosk.waitFor(Self.welcome)

        try kiosk.send("Enter")
        try kiosk.waitFor(Self.consentQuestion)
        let shell = try kiosk.processID()
        // The pane runs `consult …; sleep 5`: signal the consult child of that shell.
        let pkill = Process()
        pkill.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        pkill.arguments = ["pkill", "-TERM", "-P", String(shell), "-f", "consult"]
        try pkill.run()
        pkill.waitUntilExit()
        let saveDeadline = ContinuousClock.now + .seconds(15)
        while try PackagePaths.summaries(in: out).count < 3, ContinuousClock.now < saveDeadline {
            try ProcessWait.pause(milliseconds: 50)
        }
        let statuses = try PackagePaths.summaries(in: out).map { ($0["outcome"] as? [String: Any])?["status"] as? String }
        #expect(statuses == ["incomplete", "incomplete", "incomplete"])
    }
}
