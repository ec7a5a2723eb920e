import Foundation
import Testing

/// `consult strings` and `consult validate --lang` as a translator's coordinator runs them: the built binary,
/// its output and its exit status.
@Suite("consult strings")
struct StringsCommandTests {
    struct Run {
        var status: Int32
        var output: String
        var errorOutput: String
    }

    private func consult(_ arguments: [String], in directory: URL) throws -> Run {
        let run = try ConsultProcessRun.run(arguments, input: Data(), in: directory,
                                            environment: ProcessInfo.processInfo.environment)
        return Run(status: run.exitCode, output: run.standardOutput, errorOutput: run.standardError)
    }

    static let dialog = """
        dialog: visit
        version: 1.0.0
        entry: true
        languages: [en, es]
        nodes:
          # The only question.
          - ask: How old are you?
            id: age
            type: number
            range: [18, 120]
          - end: {en: Thank you., es: Gracias.}
        """

    /// A folder holding the dialog and the bundled Spanish catalog.
    private func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("consult-strings-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("dialogs/languages/es"), withIntermediateDirectories: true)
        try Self.dialog.write(to: folder.appendingPathComponent("dialogs/visit.yaml"), atomically: true, encoding: .utf8)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        try FileManager.default.copyItem(at: root.appendingPathComponent("dialogs/languages/es/messages.yaml"),
                                         to: folder.appendingPathComponent("dialogs/languages/es/messages.yaml"))
        try FileManager.default.copyItem(at: root.appendingPathComponent("dialogs/languages/es/reading.yaml"),
                                         to: folder.appendingPathComponent("dialogs/languages/es/reading.yaml"))
        return folder
    }

    @Test func exportListsTheMissingThenImportFillsThemAndValidatePasses() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }

        let untranslated = try consult(["validate", "--lang", "es"], in: folder)
        #expect(untranslated.status == 1)
        let lines = untranslated.output.split(separator: "\n")
        #expect(lines.first == "dialogs/visit.yaml:7:10: untranslated: question 'age' (visit.yaml:7) [visit/age/text]")
        #expect(lines.count == 2)
        #expect(lines.last?.hasPrefix("dialogs: 1 of ") == true)
        #expect(lines.last?.hasSuffix(" texts untranslated into es; export them with 'consult strings export dialogs --lang es --missing'") == true)

        let export = try consult(["strings", "export", "--lang", "es", "--missing"], in: folder)
        #expect(export.status == 0)
        #expect(export.output == "\u{FEFF}\"id\",\"context\",\"english\",\"translation\",\"status\",\"language\"\r\n"
            + "\"visit/age/text\",\"question 'age' (visit.yaml:7)\",\"How old are you?\",\"\",\"missing\",\"es\"\r\n")

        let translated = export.output.replacingOccurrences(of: "\"\",\"missing\"", with: "\"¿Cuántos años tiene? \"\"edad\"\"\",\"missing\"")
        try translated.write(to: folder.appendingPathComponent("es.csv"), atomically: true, encoding: .utf8)
        let imported = try consult(["strings", "import", "es.csv"], in: folder)
        #expect(imported.errorOutput == "")
        #expect(imported.output == "dialogs/visit.yaml: 1 text updated\n1 text updated in 1 file; 0 errors\n")
        #expect(imported.status == 0)
        #expect(try String(contentsOf: folder.appendingPathComponent("dialogs/visit.yaml"), encoding: .utf8).contains("""
              # The only question.
              - ask:
                  en: How old are you?
                  es: ¿Cuántos años tiene? "edad"
                id: age
            """))

        let validated = try consult(["validate", "--lang", "es"], in: folder)
        #expect(validated.status == 0)
        #expect(try consult(["validate"], in: folder).status == 0)
    }

    @Test func importReportsRowsItSkipsAndExitsOne() throws {
        let folder = try folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "id,english,translation,language\nvisit/agee/text,How old are you?,¿Edad?,es\n"
            .write(to: folder.appendingPathComponent("es.csv"), atomically: true, encoding: .utf8)
        let run = try consult(["strings", "import", "es.csv"], in: folder)
        #expect(run.status == 1)
        #expect(run.errorOutput == "es.csv:2: unknown id 'visit/agee/text'; did you mean 'visit/age/text'?; row skipped\n")
        #expect(run.output.hasPrefix("0 texts updated in 0 files; 0 errors; 1 row skipped\n"))
    }
}
