import ArgumentParser
import ConsultCore
import Foundation

/// Loads the consultation a command runs, or explains on standard error why it cannot.
enum DialogLoading {
    /// The consultation at `path`; diagnostics go to standard error, and errors end the command with status 1.
    ///
    /// - Parameter cache: where compiled consultations are kept; `nil` loads and checks the files every time.
    static func load(_ path: String, cache: ConsultationCache? = nil) throws -> Consultation {
        let result = cache?.load(path: path).result ?? ConsultationLoader.load(path: path)
        for diagnostic in result.diagnostics where diagnostic.severity == .error {
            StandardStreams.writeError(diagnostic.description + "\n")
        }
        guard let consultation = result.consultation else {
            CommandMessages.error("the dialog '\(path)' has errors; run 'consult validate \(path)' for the full list")
            throw ExitCode(1)
        }
        return consultation
    }

    /// The consultation at `path`, checked to have text in `language` (when one is asked for).
    static func load(_ path: String, language: String?, cache: ConsultationCache? = nil) throws -> Consultation {
        let consultation = try load(path, cache: cache)
        if let language, !consultation.languages.contains(language) {
            throw ValidationError("the dialog has no '\(language)' text; choose one of: \(consultation.languages.joined(separator: ", "))")
        }
        return consultation
    }
}

/// Where the patient commands keep the compiled form of their dialogs (see ``ConsultationCache``).
struct CacheOptions: ParsableArguments {
    @Option(name: .customLong("cache-dir"), help: ArgumentHelp(
        "The folder for compiled dialogs (default: $XDG_CACHE_HOME/consult, else ~/.cache/consult).",
        valueName: "DIR"), completion: .directory)
    var cacheDirectory: String?

    @Flag(help: "Load and check the dialog files at every start; read and write no compiled form.")
    var noCache = false

    /// The cache to use; `nil` with --no-cache or when no folder is known.
    var cache: ConsultationCache? { Self.cache(directory: cacheDirectory, noCache: noCache) }

    /// The cache for `--cache-dir` and `--no-cache` as given.
    static func cache(directory: String?, noCache: Bool) -> ConsultationCache? {
        guard !noCache, let folder = directory ?? ConsultationCache.defaultFolder else { return nil }
        return ConsultationCache(folder: folder)
    }
}
