import Foundation

/// The files that add a language to a consultation, next to its entry dialog:
/// `languages/CODE/messages.yaml`, the program's own words (``MessageCatalog``).
///
/// English is built in; every other language the entry dialog declares needs its files, so a patient who
/// chooses it never meets a word of English from the program.
enum LanguageFiles {
    /// The catalog's path for `language`, next to the entry dialog file.
    static func catalogPath(for language: String, entryFile: String) -> String {
        let folder = (entryFile as NSString).deletingLastPathComponent
        return ((folder as NSString).appendingPathComponent("languages") as NSString)
            .appendingPathComponent("\(language)/messages.yaml")
    }

    static func load(into consultation: inout Consultation, declaredAt languagesLocation: SourceLocation?, sources: inout SourceFiles,
                     sourceFiles: inout [(path: String, bytes: Data)], log: inout DiagnosticLog, limits: YAMLFile.Limits) {
        guard let entry = consultation.dialogs[consultation.entry] else { return }
        let declared = languagesLocation ?? entry.location
        for language in consultation.languages where language != "en" {
            let path = catalogPath(for: language, entryFile: entry.file)
            guard FileManager.default.fileExists(atPath: path) else {
                log.error("language '\(language)' has no catalog of the program's own words (hints, commands, the kiosk's screens): add \(path) (see docs/languages.md), or remove '\(language)' from 'languages'", at: declared, id: "language-catalog-missing")
                continue
            }
            guard let file = YAMLFile.read(path, log: &log, limits: limits) else { continue }
            sources.add(file.text, path: path)
            sourceFiles.append((path, file.bytes))
            var parser = MessageCatalogParser(path: path, sources: sources)
            let catalog = parser.parse(file.root, language: language)
            log.append(contentsOf: parser.log)
            if let catalog { consultation.catalogs[language] = catalog }
        }
    }
}
