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
