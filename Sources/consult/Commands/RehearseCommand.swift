import ArgumentParser
import ConsultCore
import Foundation

/// `consult rehearse`: the consultation with a staff view, for practising and checking dialogs.
struct RehearseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rehearse",
        abstract: "Rehearse a consultation with a staff view: node ids, rules and why they fired.",
        discussion: """
        Runs the consultation as a patient would see it, and shows staff above each question its \
        node id and the rules its answer feeds, and after each answer the rules that fired or \
        un-fired, with the condition as written and the values it saw.

        Staff commands (Tab completes them; help lists them):
          goto NODE      stand at any question or topic, by id or dialog/id. The answers stay. \
        A target in the running dialog keeps the call stack; one in a calling dialog returns to \
        it; one only reachable through calls pushes the shortest chain of call sites from the \
        entry dialog, so its dialog returns where the consultation would. back undoes a goto.
          answers        every answer so far (id = value)
          set ID VALUE   change an answer with the normal interpreter and show the rules that \
        changed; the position stays (use goto or back to walk a new branch). back undoes it.
          rules          the rules that fired and not, with their conditions and values
          where          the path so far and the call stack
          persona FILE   type a transcript's answer lines (lines starting with # are skipped) up \
        to its end or a "#> stop" line, then hand over

        Summaries are marked REHEARSAL (mode rehearsal) and go to the rehearsal folder, never to \
        the patients' summaries folder. The folder also keeps a line history (.history, 0600) \
        and coverage.json (0600): the branch cases and rules exercised, added up across \
        rehearsals per dialog id and version; the last line shows both.

        Exit status: 0 when the summary was written, 1 when the dialog has errors or the summary \
        could not be written, 2 when the command is used wrongly.

        Examples:
          consult rehearse
          consult rehearse dialogs --persona tests/transcripts/pregnant.txt
          printf 'yes\\ngoto screening/pregnant\\nrules\\n' | consult rehearse --out /tmp/r
        """
    )

    @Argument(help: "A dialog file or a folder of dialogs.", completion: .file())
    var dialog: String = "dialogs"

    @Option(help: ArgumentHelp("Play this transcript's answers first, then hand over.", valueName: "file"), completion: .file())
    var persona: String?

    @Option(help: "The rehearsal folder for summaries, history and coverage (created with mode 0700).", completion: .directory)
    var out: String = "rehearsals"

    @Option(help: "The language code of the session, e.g. en.")
    var lang: String = "en"

    func validate() throws {
        if RehearsalFolder.isPatientFolder(URL(fileURLWithPath: out)) {
            throw ValidationError("--out \(out) is the patients' summary folder; rehearsals go to a folder of their own")
        }
    }

    func run() throws {
        let consultation = try DialogLoading.load(dialog, language: lang)
        let folder = RehearsalFolder(url: URL(fileURLWithPath: out))
        do {
            try folder.prepare()
        } catch {
            CommandMessages.error("cannot prepare the rehearsal folder: \(error)")
            throw ExitCode(1)
        }
        let driver = RehearsalDriver(
            consultation: consultation, reader: LineReaderFactory.make(historyFile: folder.historyFile.path),
            screen: TerminalScreen(), folder: folder, language: lang, personaFile: persona
        )
        switch driver.run() {
        case .finished, .terminated:
            return
        case .summaryNotSaved:
            throw ExitCode(1)
        }
    }
}
