import Foundation
import Testing

/// The kiosk's welcome offers the dialog's languages and runs the consultation in the one chosen.
@Suite struct KioskLanguageTests {
    /// The two-language example of docs/dialog-format.md, written to a temporary folder.
    private func exampleDialog() throws -> URL {
        let doc = try String(contentsOf: packageRoot.appendingPathComponent("docs/dialog-format.md"), encoding: .utf8)
        let folder = PackagePaths.temporaryFolder("example")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let pattern = try NSRegularExpression(pattern: "`example/([\\w.]+)`[^\\n]*\\n\\n```yaml\\n(.*?)```", options: [.dotMatchesLineSeparators])
        let range = NSRange(doc.startIndex..., in: doc)
        let matches = pattern.matches(in: doc, range: range)
        #expect(matches.count == 3)
        for match in matches {
            guard let name = Range(match.range(at: 1), in: doc), let body = Range(match.range(at: 2), in: doc) else { continue }
            try String(doc[body]).write(to: folder.appendingPathComponent(String(doc[name])), atomically: true, encoding: .utf8)
        }
        // The example's Spanish needs the program's own words in Spanish: the bundled ones, as the document says.
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("dialogs/languages"),
                                         to: folder.appendingPathComponent("languages"))
        return folder
    }

    @Test func choosingTheSecondLanguageRunsTheConsultationInIt() throws {
        let dialog = try exampleDialog()
        let out = PackagePaths.temporaryFolder("kiosk-language")
        defer {
            try? FileManager.default.removeItem(at: dialog)
            try? FileManager.default.removeItem(at: out)
        }
        let run = try ConsultProcessRun.run(["kiosk", dialog.path, "--out", out.path], input: Data("2\n1\n".utf8))
        #expect(run.exitCode == 0)
        #expect(run.standardOutput.contains("Choose your language"))
        #expect(run.standardOutput.contains("  2) Español"))
        #expect(run.standardOutput.contains("Bienvenido a Bright Skin Clinic."))
        #expect(run.standardOutput.contains("¿Qué le gustaría mejorar?"))
        #expect(run.standardOutput.contains("Cicatrices de acné"))
        let summaries = try PackagePaths.summaries(in: out)
        #expect(summaries.first?["language"] as? String == "es")
    }
}

/// In a real terminal, a patient chooses Spanish at the kiosk's welcome and finishes the consultation in it.
@Suite("kiosk in Spanish", .serialized, .enabled(if: TmuxSession.isAvailable, "needs tmux (apt-get install tmux)"))
struct KioskSpanishTests {
    @Test("choosing Español at the welcome runs the whole consultation in Spanish, to a Spanish thank-you")
    func aSpanishPatientFinishes() throws {
        let out = PackagePaths.temporaryFolder("kiosk-es")
        defer { try? FileManager.default.removeItem(at: out) }
        let kiosk = try TmuxSession(command: [try ConsultBinary.path(), "kiosk", PackagePaths.dialogs, "--out", out.path,
                                              "--idle-timeout", "600", "--warning-seconds", "1"])
        try kiosk.waitFor("Elija su idioma (escriba su número):")
        let welcome = try kiosk.screenAndScrollback()
        #expect(welcome.contains("Choose your language (type its number):"))
        #expect(welcome.contains("2) Español"))
        try kiosk.send("2", literal: true)
        try kiosk.send("Enter")
        try kiosk.waitFor("¿Le parece bien continuar con el cuestionario?")
        // The scripted healthy patient of tests/transcripts/es/proceed.txt, typed line by line.
        let script = try String(contentsOf: packageRoot.appendingPathComponent("tests/transcripts/es/proceed.txt"), encoding: .utf8)
        // One line per answer; the newline that ends the file ends the last one (one Enter more would leave the
        // thank-you screen before it can be read).
        let answers = script.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
            .filter { !$0.hasPrefix("#") }
        for answer in answers {
            if !answer.isEmpty { try kiosk.send(answer, literal: true) }
            try kiosk.send("Enter")
        }
        do {
            try kiosk.waitFor("Por favor, diga en recepción su código:", within: .seconds(30))
        } catch {
            Issue.record("\(error)\n\(try kiosk.screenAndScrollback())")
            return
        }
        let screen = try kiosk.screenAndScrollback()
        #expect(screen.contains("¡Gracias! Ha terminado."))
        // Nothing of the program's own English reached the patient.
        for english in ["Type yes or no", "Press Enter", "I understood", "Please answer", "Thank you! You are done.", "summary written"] {
            #expect(!screen.contains(english), "\(english) in:\n\(screen)")
        }
        let summary = try #require(try PackagePaths.summaries(in: out).first)
        #expect(summary["language"] as? String == "es")
        #expect((summary["outcome"] as? [String: Any])?["status"] as? String == "proceed")
    }
}
