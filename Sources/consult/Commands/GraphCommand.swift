import ArgumentParser
import ConsultCore

/// `consult graph`: the consultation as a flow chart, in Mermaid or Graphviz DOT.
struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Print the consultation as a flow chart (Mermaid or Graphviz DOT).",
        discussion: """
        One box per dialog with its nodes; arrows for the flow, labelled with branch conditions \
        as written; dashed arrows into called dialogs and back; each screening rule coloured by \
        its outcome (decline red, defer orange, review yellow, precaution blue, info grey), \
        joined by dotted lines to the questions whose answers it reads. Long labels are cut at \
        40 characters with '…'.

        Exit status: 0 when the chart was printed, 1 when the dialog has errors, 2 when the \
        command is used wrongly.

        Examples:
          consult graph                                  # Mermaid, for Markdown
          consult graph --format dot | dot -Tsvg > docs/consultation.svg
          consult graph my-dialogs --format dot > chart.dot
        """
    )

    /// The languages the chart can be written in.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case mermaid
        case dot
    }

    @Argument(help: "A dialog file or a folder of dialogs.", completion: .file())
    var dialog: String = "dialogs"

    @Option(help: "The chart language: mermaid or dot.")
    var format: Format = .mermaid

    func run() throws {
        let consultation = try DialogLoading.load(dialog)
        let chart = ConsultationChart(consultation: consultation)
        switch format {
        case .mermaid: print(MermaidRenderer().render(chart), terminator: "")
        case .dot: print(DOTRenderer().render(chart), terminator: "")
        }
    }
}
