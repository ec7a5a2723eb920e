import ArgumentParser
import ConsultCore
import Foundation

/// `consult kiosk`: the consultation, patient after patient, on a kiosk terminal.
struct KioskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk",
        abstract: "Serve patient after patient at a kiosk terminal.",
        discussion: """
        Shows a welcome screen (with a language choice when the dialog has several), runs the \
        consultation, writes its summary, thanks the patient, then clears the screen and its \
        scrollback for the next one. Ctrl-C, Ctrl-D and quit never stop the kiosk: they return \
        to the welcome. A patient who stops typing is asked "Are you still there?" after the idle \
        timeout; without an answer the session is saved as incomplete and the welcome returns.

        Staff stop the kiosk with SIGTERM or SIGHUP (the last example); the \
        current session is saved as incomplete first, and every summary that could not be written \
        is tried once more. Those that still cannot be written are named on standard error, with \
        the reason. No history file is kept.

        Exit status: 0 after a clean stop, 1 when the dialog has errors or a summary could not be \
        written, 2 when the command is used wrongly.

        Examples:
          consult kiosk
          consult kiosk dialogs --out /var/lib/consult/summaries --idle-timeout 90
          pkill -TERM -x consult      # stop it: the current patient's answers are saved
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

    @Option(help: "Seconds without a key before \"Are you still there?\".")
    var idleTimeout: Int = 120

    @Option(help: "Seconds of the \"Are you still there?\" countdown.")
    var warningSeconds: Int = 30

    @Option(help: "Use this language instead of asking the patient.")
    var lang: String?

    func validate() throws {
        guard idleTimeout > 0 else { throw ValidationError("--idle-timeout must be a positive number of seconds") }
        guard warningSeconds > 0 else { throw ValidationError("--warning-seconds must be a positive number of seconds") }
    }

    func run() throws {
        try Self.run(settings)
    }

    /// The settings the parser read.
    var settings: Settings {
        Settings(dialog: dialog, cacheDirectory: cacheOptions.cacheDirectory, noCache: cacheOptions.noCache,
                 out: out, group: group, idleTimeout: idleTimeout, warningSeconds: warningSeconds, lang: lang)
    }

    /// What `consult kiosk` was asked to do, whether read by the argument parser or by ``PatientLaunch``.
    struct Settings: Equatable {
        var dialog = "dialogs"
        var cacheDirectory: String?
        var noCache = false
        var out = "summaries"
        var group: String?
        var idleTimeout = 120
        var warningSeconds = 30
        var lang: String?
    }

    /// Serves patients with these settings until staff stop the kiosk.
    static func run(_ settings: Settings) throws {
        let cache = CacheOptions.cache(directory: settings.cacheDirectory, noCache: settings.noCache)
        let consultation = try DialogLoading.load(settings.dialog, language: settings.lang, cache: cache)
        let (directory, usedReferences) = try SummaryFolder.open(settings.out, for: consultation,
                                                                 group: try SummaryGroup.option(settings.group))
        PatientModes.prepare()
        let kiosk = KioskLoop(
            consultation: consultation, reader: LineReaderFactory.make(historyFile: nil), screen: TerminalScreen(),
            summaryFolder: directory, usedReferences: usedReferences, language: settings.lang,
            idleTimeout: .seconds(settings.idleTimeout), idleWarning: .seconds(settings.warningSeconds)
        )
        guard kiosk.run() else { throw ExitCode(1) }
    }
}
