import ArgumentParser
import ConsultCore
import Foundation

/// `consult run`: one consultation for one patient.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run one consultation and write its summary (the default command).",
        discussion: """
        Answers are read one per line. At a terminal, readline edits the line and Tab completes \
        the answers; piped input works too, one answer per line. Ctrl-C cancels the line; \
        Ctrl-D (or the end of piped input) ends the session, and its summary is written as \
        incomplete when questions remained. No history file is kept.

        Exit status: 0 when the summary was written, 1 when the dialog has errors or the \
        summary could not be written, 2 when the command is used wrongly.

        Examples:
          consult                                  # the micro-needling consultation
          consult run dialogs --out /srv/summaries
          printf 'yes\\nno\\n' | consult run
        """
    )

    @Argument(help: "A dialog file or a folder of dialogs.", completion: .file())
    var dialog: String = "dialogs"

    @OptionGroup(title: "Compiled dialogs")
    var cacheOptions: CacheOptions

    @Option(help: "The folder for summary files (created with mode 0700).", completion: .directory)
    var out: String = "summaries"

    @Option(help: "A staff group that may read the summaries: the folder is made 2750 and the files 0640 for it.")
    var group: String?

    @Option(help: "The patient's language code, e.g. en.")
    var lang: String = "en"

    func run() throws {
        try Self.run(settings)
    }

    /// The settings the parser read.
    var settings: Settings {
        Settings(dialog: dialog, cacheDirectory: cacheOptions.cacheDirectory, noCache: cacheOptions.noCache,
                 out: out, group: group, lang: lang)
    }

    /// What `consult run` was asked to do, whether read by the argument parser or by ``PatientLaunch``.
    struct Settings: Equatable {
        var dialog = "dialogs"
        var cacheDirectory: String?
        var noCache = false
        var out = "summaries"
        var group: String?
        var lang = "en"
    }

    /// Runs one consultation with these settings.
    static func run(_ settings: Settings) throws {
        let cache = CacheOptions.cache(directory: settings.cacheDirectory, noCache: settings.noCache)
        let lang = settings.lang
        let consultation = try DialogLoading.load(settings.dialog, language: lang, cache: cache)
        let (directory, usedReferences) = try SummaryFolder.open(settings.out, for: consultation,
                                                                 group: try SummaryGroup.option(settings.group))
        PatientModes.prepare()
        let reader = LineReaderFactory.make(historyFile: nil)
        var random = SystemRandomNumberGenerator()
        let driver = ConsultationDriver(
            consultation: consultation, reader: reader, screen: TerminalScreen(),
            summaryFolder: directory, language: lang, mode: .patient, idleTimeout: nil,
            reference: ReferenceCode.random(avoiding: usedReferences, using: &random)
        )
        switch driver.run() {
        case .finished, .terminated:
            return
        case let .summaryNotSaved(record, stopping, _, journaled):
            // The answers stay in memory: at a terminal, staff can fix the folder and retry (unless asked to stop).
            // A journaled session is also kept on disk, and the next start writes it if nobody retries now.
            let presenter = SessionPresenter(screen: driver.screen, styled: reader.isInteractive,
                                             catalog: consultation.catalog(for: lang))
            while reader.isInteractive && !stopping {
                driver.screen.writeLine(SessionScreenText.retrySaving)
                guard case .line = reader.readLine(prompt: "> ", completions: [], timeout: nil) else { break }
                if journaled {
                    // Recovery writes it from the journal and removes the journal, so nothing is written twice.
                    if SummaryFolder.recover(in: directory, for: consultation) == 0 { return }
                } else if driver.save(record, presenter: presenter) {
                    return
                }
            }
            if journaled { CommandMessages.note(SessionScreenText.keptInJournal) }
            throw ExitCode(1)
        }
    }
}
