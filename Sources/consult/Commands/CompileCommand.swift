import ArgumentParser
import ConsultCore

/// `consult compile`: checks dialogs and writes their compiled form, for kiosks whose cache cannot be written.
struct CompileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile",
        abstract: "Check a dialog and write its compiled form, so run and kiosk start without re-reading it.",
        discussion: """
        run and kiosk compile their dialog themselves at the first start and reuse the compiled form \
        while the dialog files (and the consult program) stay the same. Run this at install time when \
        the kiosk account cannot write its cache folder, with the same DIALOG path and --cache-dir the \
        kiosk uses; run it again after changing the dialogs or upgrading consult (until then the kiosk \
        simply loads the dialog files at each start).

        Exit status: 0 when the compiled form was written, 1 when the dialog has errors or the folder \
        cannot be written, 2 when the command is used wrongly.

        Examples:
          consult compile
          consult compile /srv/consult/dialogs --cache-dir /var/cache/consult
        """
    )

    @Argument(help: "A dialog file or a folder of dialogs, named as run and kiosk will name it.", completion: .file())
    var dialog: String = "dialogs"

    @Option(name: .customLong("cache-dir"), help: ArgumentHelp(
        "The folder for compiled dialogs (default: $XDG_CACHE_HOME/consult, else ~/.cache/consult).",
        valueName: "DIR"), completion: .directory)
    var cacheDirectory: String?

    func run() throws {
        guard let folder = cacheDirectory ?? ConsultationCache.defaultFolder else {
            throw ValidationError("no cache folder: give one with --cache-dir (neither XDG_CACHE_HOME nor HOME is set)")
        }
        let cache = ConsultationCache(folder: folder)
        let compiled: (result: ConsultationLoader.Result, file: String?)
        do {
            compiled = try cache.compile(path: dialog)
        } catch {
            CommandMessages.error(error.description)
            throw ExitCode(1)
        }
        for diagnostic in compiled.result.diagnostics {
            StandardStreams.writeError(diagnostic.description + "\n")
        }
        guard let file = compiled.file else {
            CommandMessages.error("the dialog '\(dialog)' has errors; run 'consult validate \(dialog)' for the full list")
            throw ExitCode(1)
        }
        print("\(dialog): compiled into \(file)")
    }
}
