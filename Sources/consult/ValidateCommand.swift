import ArgumentParser
import ConsultCore

/// `consult validate`: checks dialog files like a compiler.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check dialog files and folders and report problems as file:line:column."
    )

    @Argument(help: "Dialog files or folders to check.")
    var paths: [String] = ["dialogs"]

    func run() throws {
        print("validate: not implemented yet (\(paths.joined(separator: ", ")))")
    }
}
