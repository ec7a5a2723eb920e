import ArgumentParser
import ConsultCore
import Foundation

/// `consult validate`: checks dialog files like a compiler.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check dialog files and folders and report problems as file:line:column.",
        discussion: """
        Each folder is checked as one consultation (its entry dialog, the dialogs it calls and its \
        settings file); each file is checked on its own with the settings file it names.

        Exit status: 0 when there are no errors (warnings allowed), 1 when any path has errors, \
        2 when the command is used wrongly.

        With --json, prints one JSON document for editors and CI: every diagnostic with its file, line, \
        column, severity, message, stable id (`unknown-node`, `read-before-asked`…) and notes.

        Examples:
          consult validate                 # the bundled consultation in ./dialogs
          consult validate dialogs my.yaml
          consult validate --json dialogs
          consult validate --lang es       # what is not yet translated into Spanish
        """
    )

    @Argument(help: "Dialog files or folders to check.", completion: .file())
    var paths: [String] = ["dialogs"]

    @Flag(name: .shortAndLong, help: "Print only errors and warnings, not the summary line.")
    var quiet = false

    @Flag(help: "Print the diagnostics as JSON, with their stable ids and notes.")
    var json = false

    @Option(help: ArgumentHelp("List what is not translated into this language (file:line:column, what it is), and count it; exit 1 when anything is.", valueName: "CODE"))
    var lang: String?

    func run() throws {
        if let lang { return try listUntranslated(in: lang) }
        var errorCount = 0
        var warningCount = 0
        var all: [Diagnostic] = []
        for path in paths {
            let result = ConsultationLoader.load(path: path)
            all += result.diagnostics
            if !json {
                for diagnostic in result.diagnostics { print(diagnostic.description) }
            }
            errorCount += result.errors.count
            warningCount += result.warnings.count
        }
        if json {
            print(try Self.json(all, errors: errorCount, warnings: warningCount))
            if errorCount > 0 { throw ExitCode(1) }
            return
        }
        if !quiet {
            let checked = paths.count == 1 ? paths[0] : "\(paths.count) paths"
            print("\(checked): \(errorCount) error\(errorCount == 1 ? "" : "s"), \(warningCount) warning\(warningCount == 1 ? "" : "s")")
        }
        if errorCount > 0 { throw ExitCode(1) }
    }

    /// `--lang CODE`: every text with no translation in `language`, where it is and what it is, then a count.
    private func listUntranslated(in language: String) throws {
        var total = 0
        for path in paths {
            let strings: ConsultationStrings
            do {
                strings = try ConsultationStrings.load(dialogs: path, language: language)
            } catch {
                StandardStreams.writeError("consult: \(error.description)\n")
                throw ExitCode(1)
            }
            for string in strings.missing {
                print("\(string.location): untranslated: \(string.context) [\(string.id)]")
            }
            total += strings.missing.count
            if !quiet {
                let missing = strings.missing.count
                print(missing == 0 ? "\(path): every text is translated into \(language) (\(strings.strings.count) texts)"
                      : "\(path): \(missing) of \(strings.strings.count) texts untranslated into \(language); "
                        + "export them with 'consult strings export \(path) --lang \(language) --missing'")
            }
        }
        if total > 0 { throw ExitCode(1) }
    }

    /// The diagnostics as a JSON document: `{"errors": N, "warnings": N, "diagnostics": [...]}`.
    static func json(_ diagnostics: [Diagnostic], errors: Int, warnings: Int) throws -> String {
        func place(_ location: SourceLocation) -> [String: Any] {
            ["file": location.file, "line": location.line, "column": location.column]
        }
        let list: [[String: Any]] = diagnostics.map { diagnostic in
            place(diagnostic.location).merging([
                "severity": diagnostic.severity.rawValue, "id": diagnostic.id, "message": diagnostic.message,
                "notes": diagnostic.notes.map { place($0.location).merging(["message": $0.message]) { $1 } },
            ]) { $1 }
        }
        let document: [String: Any] = ["errors": errors, "warnings": warnings, "diagnostics": list]
        let data = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}
