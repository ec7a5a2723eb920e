import Foundation
import Testing

/// What every `consult` command shares: one prefix for its own errors and warnings, and shell completion of the
/// files and folders its arguments name.
@Suite struct CommandLineConventionsTests {
    private func run(_ arguments: [String]) throws -> ConsultProcessRun {
        try ConsultProcessRun.run(arguments, input: Data())
    }

    @Test("errors start with 'consult: error:', whoever finds them", arguments: [
        (["valdiate"], "consult: error: unknown command 'valdiate'"),
        (["export-questionnaire", "--bogus"], "consult: error: Unknown option '--bogus'"),
        (["paths", "--properties", "dialogs/properties.yaml"], "consult: error: --properties needs --check"),
        (["replay", "--all", "no-such-folder"], "consult: error: --all needs a folder"),
    ])
    func errorsShareOnePrefix(arguments: [String], firstLine: String) throws {
        let result = try run(arguments)
        #expect(result.exitCode == 2, "\(result.standardError)")
        #expect(result.standardError.hasPrefix(firstLine), "\(result.standardError)")
    }

    @Test func aDialogWithErrorsEndsWithOneErrorLineAfterItsDiagnostics() throws {
        let result = try run(["export-questionnaire", "no-such-dialog.yaml"])
        #expect(result.exitCode == 1)
        let lines = result.standardError.split(separator: "\n").map(String.init)
        // The dialog's own diagnostics keep the compiler form; the command's verdict has the prefix.
        #expect(lines.first?.hasPrefix("no-such-dialog.yaml:1:1: error: ") == true, "\(lines)")
        #expect(lines.last?.hasPrefix("consult: error: the dialog 'no-such-dialog.yaml' has errors") == true, "\(lines)")
        #expect(result.standardOutput.isEmpty)
    }

    @Test func warningsStartWithConsultWarning() throws {
        let result = try run(["export-questionnaire", "dialogs"])
        #expect(result.exitCode == 0)
        #expect(result.standardError == "consult: warning: question 'understands_course' is shown unconditionally and not required "
            + "in the Questionnaire: its condition reads the outcome so far, which the screening rules decide\n")
        #expect(result.standardOutput.contains("\"resourceType\" : \"Questionnaire\""))
    }

    // MARK: - Completion

    /// What bash completes after `option` (or, with `nil`, for the first positional argument, `1)` or `*)` for
    /// an argument list) in `command`'s completion function: the line after the case, `nil` when there is none.
    private func bashCompletion(_ command: String, _ option: String?, in script: String) -> String? {
        let lines = script.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let start = lines.firstIndex(of: "_consult_\(command)() {") else { return nil }
        let end = lines[(start + 1)...].firstIndex(of: "}") ?? lines.endIndex
        let body = lines[start..<end]
        let markers = option.map { ["'\($0)')"] } ?? ["1)", "*)"]
        guard let at = body.firstIndex(where: markers.contains), at + 1 < end else { return nil }
        return lines[at + 1]
    }

    @Test func bashCompletesFilesAndFoldersForPathArguments() throws {
        let result = try run(["--generate-completion-script", "bash"])
        #expect(result.exitCode == 0)
        let script = result.standardOutput
        let files = "__consult_add_completions -f"
        let folders = "__consult_add_completions -d"
        // The dialog: a file or a folder (`-f` offers both).
        for command in ["run", "kiosk", "rehearse", "validate", "compile", "graph", "paths", "replay", "understanding",
                        "export-questionnaire"] {
            #expect(bashCompletion(command, nil, in: script) == files, "\(command)'s dialog argument")
        }
        for command in ["run", "kiosk", "rehearse", "replay"] {
            #expect(bashCompletion(command, "--out", in: script) == folders, "\(command) --out")
        }
        #expect(bashCompletion("rehearse", "--persona", in: script) == files)
        #expect(bashCompletion("replay", "--all", in: script) == folders)
        #expect(bashCompletion("run", "--cache-dir", in: script) == folders)
        // Not every option is a path: a language code completes nothing.
        #expect(bashCompletion("run", "--lang", in: script) == "return")
    }

    /// `--help` in an 80-column terminal: no example command is broken across lines, and no command quoted in the
    /// text either, so staff can copy one whole.
    @Test("--help at 80 columns never breaks an example command across lines", arguments: [
        ["run"], ["kiosk"], ["compile"], ["rehearse"], ["validate"], ["graph"], ["paths"], ["replay"], ["understanding"],
        ["export-questionnaire"], ["summaries"], ["summaries", "show"], ["summaries", "print"],
    ])
    func helpKeepsExamplesWhole(_ command: [String]) throws {
        var environment = ConsultProcessRun.environment()
        environment["COLUMNS"] = "80"
        let run = try ConsultProcessRun.run(command + ["--help"], input: Data(), environment: environment)
        #expect(run.exitCode == 0)
        let help = run.standardOutput
        let examples = try #require(help.components(separatedBy: "Examples:\n").dropFirst().first, "\(command) has no examples")
        for line in examples.components(separatedBy: "\n\n")[0].split(separator: "\n") {
            #expect(line.hasPrefix("  "), "\(command): an example continues on a line of its own: '\(line)'")
            #expect(line.count <= 80, "\(command): '\(line)'")
        }
        for quoted in help.split(separator: "`").enumerated() where quoted.offset % 2 == 1 {
            #expect(!quoted.element.contains("\n"), "\(command): `\(quoted.element)` is broken across lines")
        }
    }
}
