import ArgumentParser
import ConsultCore

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

        Examples:
          consult validate                 # the bundled consultation in ./dialogs
          consult validate dialogs my.yaml
        """
    )

    @Argument(help: "Dialog files or folders to check.")
    var paths: [String] = ["dialogs"]

    @Flag(name: .shortAndLong, help: "Print only errors and warnings, not the summary line.")
    var quiet = false

    func run() throws {
        var errorCount = 0
        var warningCount = 0
        for path in paths {
            let result = ConsultationLoader.load(path: path)
            for diagnostic in result.diagnostics {
                print(diagnostic.description)
            }
            errorCount += result.errors.count
            warningCount += result.warnings.count
        }
        if !quiet {
            let checked = paths.count == 1 ? paths[0] : "\(paths.count) paths"
            print("\(checked): \(errorCount) error\(errorCount == 1 ? "" : "s"), \(warningCount) warning\(warningCount == 1 ? "" : "s")")
        }
        if errorCount > 0 { throw ExitCode(1) }
    }
}
