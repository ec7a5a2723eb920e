import ArgumentParser
import CReadline
import ConsultCore
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
        version: "consult \(ConsultVersion.current)",
        subcommands: [
            RunCommand.self, KioskCommand.self, RehearseCommand.self, ValidateCommand.self, CompileCommand.self, GraphCommand.self,
            PathsCommand.self, ReplayCommand.self, UnderstandingCommand.self, ExportQuestionnaireCommand.self,
            SummariesCommand.self, StringsCommand.self,
            TerminalCheckCommand.self,
        ],
        defaultSubcommand: RunCommand.self
    )
}

/// A first argument that is no command, option or existing path but is a command's name mistyped (`valdiate`):
/// without this, `run` (the default command) would take it as a dialog path and say "no such file".
func mistypedSubcommand(_ argument: String?) -> (typed: String, meant: String)? {
    guard let argument, !argument.hasPrefix("-"), !argument.contains("/"), !argument.contains("."),
          !FileManager.default.fileExists(atPath: argument) else { return nil }
    let names = ConsultCommand.configuration.subcommands.map { $0.configuration.commandName ?? "" }.filter { !$0.isEmpty }
    guard !names.contains(argument) else { return nil }
    let best = names.map { ($0, EditDistance.distance(argument.lowercased(), $0)) }.min { $0.1 < $1.1 }
    guard let (meant, distance) = best, distance <= max(1, min(2, meant.count / 3)) else { return nil }
    return (argument, meant)
}

/// The entry point: runs the command and maps failures to the documented exit codes,
/// so a usage mistake exits 2 and no Swift error text ever reaches the user.
@main
enum ConsultMain {
    static func main() {
        consult_use_local_accounts_when_static()
        let arguments = Array(CommandLine.arguments.dropFirst())
        // The patient commands start without the argument parser (see PatientLaunch); the rest use it.
        let launch = PatientLaunch(arguments: arguments)
        if launch == nil, let mistyped = mistypedSubcommand(arguments.first) {
            CommandMessages.error("unknown command '\(TerminalSanitizer.clean(mistyped.typed))'; did you mean '\(mistyped.meant)'?")
            StandardStreams.writeError("Run 'consult --help' for the commands.\n")
            Foundation.exit(2)
        }
        do {
            if let launch {
                try launch.run()
            } else {
                var command = try ConsultCommand.parseAsRoot()
                try command.run()
            }
            // Output that never arrived (a full disk, a closed file) is a failure, not a success.
            if let problem = StandardStreams.finishOutput() {
                CommandMessages.error("cannot write the output: \(problem)")
                Foundation.exit(1)
            }
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = ConsultCommand.exitCode(for: error)
            let message = ConsultCommand.fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                Foundation.exit(0)
            }
            if !message.isEmpty { StandardStreams.writeError(CommandMessages.parserError(message) + "\n") }
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
