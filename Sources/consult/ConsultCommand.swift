import ArgumentParser
import Foundation

/// The `consult` program: patient consultations and the staff tools around them.
struct ConsultCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consult",
        abstract: "A terminal consultation bot for pre-visit screening.",
        discussion: """
        Exit status: 0 on success, 1 when a check fails or a summary cannot be written, \
        2 when the command is used wrongly.
        """,
        subcommands: [
            RunCommand.self, KioskCommand.self, RehearseCommand.self, ValidateCommand.self, CompileCommand.self, GraphCommand.self,
            PathsCommand.self, ReplayCommand.self, UnderstandingCommand.self, ExportQuestionnaireCommand.self,
            SummariesCommand.self,
            TerminalCheckCommand.self,
        ],
        defaultSubcommand: RunCommand.self
    )
}

/// The entry point: runs the command and maps failures to the documented exit codes,
/// so a usage mistake exits 2 and no Swift error text ever reaches the user.
@main
enum ConsultMain {
    static func main() {
        do {
            var command = try ConsultCommand.parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = ConsultCommand.exitCode(for: error)
            let message = ConsultCommand.fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                Foundation.exit(0)
            }
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
