import Foundation

/// A consultation loaded for translating into one language: its translatable strings and the files they are in.
struct TranslationSource {
    /// Errors that only say a translation is missing: exporting and importing is how they go away.
    static let completenessDiagnostics: Set<String> = ["missing-translation", "missing-faq-translation",
                                                       "language-catalog-missing", "catalog-incomplete"]

    var language: String
    var consultation: Consultation
    var result: ConsultationLoader.Result
    /// `languages/CODE/messages.yaml` next to the entry dialog.
    var catalogPath: String
    var catalog: CatalogFile?
    var strings: [TranslatableString]

    /// Loads the consultation at `path` for translating into `language`.
    ///
    /// Errors other than missing translations stop it (and errors of the language's catalog, which is read
    /// here on its own, so an incomplete one can be filled).
    static func load(path: String, language: String) throws(TranslationError) -> TranslationSource {
        guard YAMLReader.isLanguageCode(language), language != "en" else { throw .badLanguage(language) }
        let result = ConsultationLoader.load(path: path)
        guard let consultation = result.linked, let entry = consultation.dialogs[consultation.entry] else {
            throw .dialogsHaveErrors(result.errors)
        }
        let catalogPath = LanguageFiles.catalogPath(for: language, entryFile: entry.file)
        let blocking = result.errors.filter { !completenessDiagnostics.contains($0.id) && $0.location.file != catalogPath }
        guard blocking.isEmpty else { throw .dialogsHaveErrors(blocking) }
        let catalog = try CatalogFile.read(catalogPath)
        let strings = TranslationInventory.strings(in: consultation, language: language, catalog: catalog, catalogPath: catalogPath)
        return TranslationSource(language: language, consultation: consultation, result: result, catalogPath: catalogPath,
                                 catalog: catalog, strings: strings)
    }
}
