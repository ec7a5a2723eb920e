import ArgumentParser
import ConsultCore
import Foundation

/// Loads the consultation a command runs, or explains on standard error why it cannot.
enum DialogLoading {
    /// The consultation at `path`; diagnostics go to standard error, and errors end the command with status 1.
    static func load(_ path: String) throws -> Consultation {
        let result = ConsultationLoader.load(path: path)
        for diagnostic in result.diagnostics where diagnostic.severity == .error {
            StandardStreams.writeError(diagnostic.description + "\n")
        }
        guard let consultation = result.consultation else {
            StandardStreams.writeError("consult: the dialog '\(path)' has errors; run 'consult validate \(path)' for the full list\n")
            throw ExitCode(1)
        }
        return consultation
    }

    /// The consultation at `path`, checked to have text in `language` (when one is asked for).
    static func load(_ path: String, language: String?) throws -> Consultation {
        let consultation = try load(path)
        if let language, !consultation.languages.contains(language) {
            throw ValidationError("the dialog has no '\(language)' text; choose one of: \(consultation.languages.joined(separator: ", "))")
        }
        return consultation
    }
}
