import Foundation
import Testing

/// Nothing a patient typed reaches the next patient through the line editor: not the kill ring (Ctrl-Y,
/// Alt-Y), the line saved while browsing history (Down), the undo list (Ctrl-_) or a keyboard macro.
@Suite("kiosk line editor between patients")
struct KioskLineEditorTests {
    private static let welcome = "Press Enter to start."
    private static let consentQuestion = "Is it okay to continue with the screening?"
    private static let concernQuestion = "What would you like to improve?"

    /// A kiosk in English whose first patient has said yes to consent and waits at the concern question.
    private static func kioskAtConcern(out: URL) throws -> PseudoTerminal {
        let kiosk = try PseudoTerminal(executable: try ConsultBinary.path(),
                                       arguments: ["kiosk", PackagePaths.dialogs, "--out", out.path, "--lang", "en"])
        try kiosk.expect(welcome)
        try kiosk.send("\r")
        try kiosk.expect(consentQuestion)
        try kiosk.expect("> ")
        try kiosk.send("yes\r")
        try kiosk.expect(concernQuestion)
        try kiosk.expect("> ")
        return kiosk
    }

    @Test("text erased with Ctrl-U and Ctrl-W, or left behind with Up, cannot be pasted or recalled at the next welcome")
    func erasedTextDoesNotReachTheNextPatient() throws {
        let out = PackagePaths.temporaryFolder("kill-ring")
        defer { try? FileManager.default.removeItem(at: out) }
        let kiosk = try Self.kioskAtConcern(out: out)
        // Typed and erased: Ctrl-U, then Ctrl-W twice; each goes to readline's kill ring. Each step waits for
        // its echo: a Ctrl-C makes the kernel drop whatever input has not been read yet.
        try kiosk.send("secret one")
        try kiosk.expect("secret one")
        try kiosk.send("\u{15}alpha secret-two")
        try kiosk.expect("secret-two")
        try kiosk.send("\u{17}\u{17}")
        // A keyboard macro that types a secret, then erased.
        try kiosk.send("\u{18}(secret-macro")
        try kiosk.expect("secret-macro")
        try kiosk.send("\u{18})\u{15}")
        // Typed, then Up (readline keeps the line to come back to), then the line is cancelled.
        try kiosk.send("secret three")
        try kiosk.expect("secret three")
        try kiosk.send("\u{1B}[A")
        try kiosk.expect("yes")
        try kiosk.send("\u{03}")
        try kiosk.expect("To leave the consultation, type quit.")
        try kiosk.expect("> ")
        try kiosk.send("\u{04}")
        try kiosk.expect("Press Enter to finish.")
        try kiosk.send("\r")

        try kiosk.expect(Self.welcome)
        try kiosk.expect("> ")
        // Ctrl-Y, Alt-Y, Alt-Y, Down, Ctrl-_ (undo), Ctrl-X e (the last macro), then a marker to know the keys were read.
        try kiosk.send("\u{19}\u{1B}y\u{1B}y\u{1B}[B\u{1F}\u{18}emarker")
        let shown = try kiosk.expect("marker")
        #expect(!shown.contains("secret"), "\(kiosk.screenDump())")
        try kiosk.send("\u{15}\r")
        try kiosk.expect(Self.consentQuestion)
        kiosk.sendSignal(SIGTERM)
        _ = try kiosk.waitForExit()
    }

    @Test("a history search string cannot be recalled by the next patient (Ctrl-R Ctrl-R)")
    func searchStringDoesNotReachTheNextPatient() throws {
        let out = PackagePaths.temporaryFolder("search")
        defer { try? FileManager.default.removeItem(at: out) }
        let kiosk = try Self.kioskAtConcern(out: out)
        // A line in this patient's history, then found again by an incremental search that is accepted.
        try kiosk.send("secret words\r")
        try kiosk.expect("Please type the numbers")
        try kiosk.expect("> ")
        try kiosk.send("\u{12}secret")
        try kiosk.expect("secret")
        try kiosk.send("\r")  // ends the search and sends the line found, which is no answer
        try kiosk.expect("Please type the numbers")
        try kiosk.expect("> ")
        try kiosk.send("\u{04}")
        try kiosk.expect("Press Enter to finish.")
        try kiosk.send("\r")

        try kiosk.expect(Self.welcome)
        try kiosk.expect("> ")
        // Ctrl-R Ctrl-R (and Alt-P, the non-incremental search) would bring back the last search string.
        try kiosk.send("\u{12}\u{12}\u{07}\u{1B}p\u{07}marker")
        let shown = try kiosk.expect("marker")
        #expect(!shown.contains("secret"), "\(kiosk.screenDump())")
        kiosk.sendSignal(SIGTERM)
        _ = try kiosk.waitForExit()
    }
}
