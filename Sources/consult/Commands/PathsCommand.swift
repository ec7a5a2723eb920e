import ArgumentParser
import ConsultCore
import Foundation

/// `consult paths`: every distinct path through a consultation, and proof of its safety properties.
struct PathsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paths",
        abstract: "Explore every distinct path through a consultation and check its safety properties.",
        discussion: """
        Walks the consultation as a session does, trying one answer of each class at every \
        question (answers that every condition treats alike form one class: all ages from 22 to \
        120, say) and skipping every topic. Reports how many distinct paths there are, the \
        outcomes they reach, and the shortest path to each outcome.

        With --check, also verifies the properties in the dialog folder's properties.yaml (see \
        docs/dialog-format.md, "Safety properties"). A property that fails prints a counterexample: \
        the answers one per line, also written to counterexample-<property>.txt, which \
        consult run plays as it is (the last example).

        A progress bar appears on standard error when exploring takes more than a second at a terminal.

        Exit status: 0 when the exploration (and every property) is fine, 1 when a property fails, \
        the dialog or properties file has errors, or exploration stops at --max-states; 2 when the \
        command is used wrongly (including --check without a properties file).

        Examples:
          consult paths                          # the bundled dialogs' paths
          consult paths dialogs --check          # prove properties.yaml
          consult paths dialogs --check --json   # the same, as JSON for CI
          consult paths my.yaml --check --properties p.yaml --counterexamples out/
          consult run dialogs < counterexample-no_proceed_when_pregnant.txt
        """
    )

    @Argument(help: "A dialog file or a folder of dialogs.", completion: .file())
    var dialog: String = "dialogs"

    @Flag(help: "Check the safety properties (properties.yaml beside the dialog, or --properties).")
    var check = false

    @Flag(help: "Print a JSON document instead of the summary.")
    var json = false

    @Option(help: "The properties file (default: properties.yaml in the dialog folder, or beside the dialog file).", completion: .file())
    var properties: String?

    @Option(help: "The folder counterexample files are written to.", completion: .directory)
    var counterexamples: String = "."

    @Option(help: "Stop (and fail) after exploring this many states.")
    var maxStates: Int = 2_000_000

    func validate() throws {
        guard maxStates > 0 else { throw ValidationError("--max-states must be a positive number") }
        if properties != nil && !check { throw ValidationError("--properties needs --check") }
    }

    func run() throws {
        let consultation = try DialogLoading.load(dialog)
        var checked: [SafetyProperty] = []
        var propertiesPath: String?
        if check {
            let path = properties ?? defaultPropertiesPath()
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                let exists = FileManager.default.fileExists(atPath: path)
                throw ValidationError(exists ? "cannot read the properties file '\(path)'"
                                             : "no properties file '\(path)'; write one (see docs/dialog-format.md, \"Safety properties\") or pass --properties FILE")
            }
            let parsed = SafetyPropertiesFile.parse(text, path: path, consultation: consultation)
            for diagnostic in parsed.diagnostics {
                FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
            }
            guard parsed.errors.isEmpty else { throw ExitCode(1) }
            checked = parsed.properties
            propertiesPath = path
        }

        let explorer = PathExplorer(consultation: consultation, properties: checked, today: CalendarDay(Date()), maximumStates: maxStates)
        let bar = ProgressBar()
        let clock = ContinuousClock()
        let started = clock.now
        let exploration = explorer.explore { bar.update($0) }
        bar.finish()
        let elapsed = clock.now - started

        var written: [String: String] = [:]
        for result in exploration.properties where !result.holds {
            guard let counterexample = result.counterexample else { continue }
            let url = URL(fileURLWithPath: counterexamples).appendingPathComponent("counterexample-\(result.property.id).txt")
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try counterexample.transcript.write(to: url, atomically: true, encoding: .utf8)
                written[result.property.id] = url.path
            } catch {
                CommandMessages.error("cannot write \(url.path): \(error.localizedDescription)")
            }
        }

        let report = PathsReport(dialog: dialog, consultation: consultation, propertiesFile: propertiesPath,
                                 exploration: exploration, counterexampleFiles: written, elapsed: elapsed)
        if json {
            print(report.json())
        } else {
            print(report.text(), terminator: "")
        }
        if !exploration.complete || !exploration.properties.allSatisfy(\.holds) { throw ExitCode(1) }
    }

    /// `properties.yaml` in the dialog folder, or in the folder of a dialog file.
    private func defaultPropertiesPath() -> String {
        var isDirectory: ObjCBool = false
        let folder = FileManager.default.fileExists(atPath: dialog, isDirectory: &isDirectory) && isDirectory.boolValue
            ? dialog : (dialog as NSString).deletingLastPathComponent
        return ((folder.isEmpty ? "." : folder) as NSString).appendingPathComponent(SafetyPropertiesFile.fileName)
    }
}
