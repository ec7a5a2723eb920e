/// Why `consult strings` could not export or import at all. Each says what to do.
public enum TranslationError: Error, Equatable, CustomStringConvertible {
    /// The language code is not one (`es`, `pt-BR`), or is English, which is the source.
    case badLanguage(String)
    /// A file could not be read or is not YAML libyaml reads.
    case unreadableFile(String)
    /// The dialogs do not load, or have errors besides missing translations.
    case dialogsHaveErrors([Diagnostic])
    /// The CSV could not be read.
    case unreadableCSV(file: String, CSVReadingError)
    /// The CSV's rows are in several languages.
    case mixedLanguages(file: String, languages: [String])
    /// The CSV's first row does not name the columns `id`, `english` and `translation`.
    case missingColumns(file: String, missing: [String])
    /// Two changes fell on the same text of a file (a fault of the import, not of the CSV).
    case overlappingEdits
    /// After the changes, the dialogs did not validate; nothing was written.
    case importWouldBreakDialogs([Diagnostic])
    /// After the changes, a text did not read back as written; nothing was written (a fault of the import).
    case roundTripFailed(id: String, expected: String, found: String)
    /// A file could not be written.
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case let .badLanguage(code):
            code == "en"
                ? "English is the language translations are made from; give the language to translate into, like --lang es"
                : "'\(code)' is not a language code; give one like es, fr or pt-BR"
        case let .unreadableFile(path):
            "cannot read \(path) as UTF-8 YAML; run 'consult validate' to see why"
        case let .dialogsHaveErrors(diagnostics):
            (diagnostics.prefix(20).map(\.description) + [
                "the dialogs have errors other than missing translations; fix them first (consult validate shows them all)",
            ]).joined(separator: "\n")
        case let .unreadableCSV(file, problem):
            "\(file): \(problem)"
        case let .mixedLanguages(file, languages):
            "\(file): the rows are in several languages (\(languages.joined(separator: ", "))); import one language at a time"
        case let .missingColumns(file, missing) where missing == ["language"]:
            "\(file): no row says its language (there is no 'language' column); give it with --lang CODE"
        case let .missingColumns(file, missing):
            "\(file):1: the first row must name the columns; \(missing.map { "'\($0)'" }.joined(separator: ", ")) "
                + "\(missing.count == 1 ? "is" : "are") missing (export a fresh file with 'consult strings export')"
        case .overlappingEdits:
            "two translations fell on the same place of a dialog file; nothing was written (please report this)"
        case let .importWouldBreakDialogs(diagnostics):
            (diagnostics.prefix(20).map(\.description) + [
                "with these translations the dialogs would not validate, so nothing was written; correct the rows above in the CSV and import again",
            ]).joined(separator: "\n")
        case let .roundTripFailed(id, expected, found):
            "after writing '\(id)' the dialog reads \(found.debugDescription), not \(expected.debugDescription); nothing was written (please report this)"
        case let .cannotWrite(path, reason):
            "cannot write \(path): \(reason)"
        }
    }
}

/// Why one row of a CSV cannot be written into its file.
public enum TranslationRowProblem: Error, Equatable, CustomStringConvertible {
    /// The text is not where the loader read it (the file changed while importing).
    case notFoundInFile
    /// The value is written in a shape the import does not rewrite.
    case unexpectedShape(String)

    public var description: String {
        switch self {
        case .notFoundInFile: "its text was not found in the file; run the import again"
        case let .unexpectedShape(what): "it cannot be written in place: \(what)"
        }
    }
}
