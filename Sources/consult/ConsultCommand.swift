import ArgumentParser

/// The `consult` program: patient consultations and the staff tools around them.
@main
struct ConsultCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consult",
        abstract: "A terminal consultation bot for pre-visit screening.",
        subcommands: [ValidateCommand.self, TerminalCheckCommand.self]
    )
}
