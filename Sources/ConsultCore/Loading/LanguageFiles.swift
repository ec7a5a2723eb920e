import Foundation

/// The files that add a language to a consultation, next to its entry dialog:
/// `languages/CODE/messages.yaml`, the program's own words (``MessageCatalog``), and `languages/CODE/reading.yaml`,
/// how answers typed in it are read (``ReadingLanguage``).
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

    /// The reading vocabulary's path for `language`, next to the entry dialog file.
    static func readingPath(for language: String, entryFile: String) -> String {
        (catalogPath(for: language, entryFile: entryFile) as NSString).deletingLastPathComponent + "/reading.yaml"
    }

    private static func loadReading(_ language: String, into consultation: inout Consultation, declared: SourceLocation,
                                     sources: inout SourceFiles, sourceFiles: inout [(path: String, bytes: Data)],
                                     log: inout DiagnosticLog, limits: YAMLFile.Limits, entryFile: String) {
        let path = readingPath(for: language, entryFile: entryFile)
        guard FileManager.default.fileExists(atPath: path) else {
            log.error("language '\(language)' has no reading vocabulary, so its patients' answers could not be read: add \(path) (see docs/languages.md), or remove '\(language)' from 'languages'", at: declared, id: "language-reading-missing")
            return
        }
        switch RegularFileReader.contents(of: path, maximumBytes: limits.maximumBytes) {
        case let .failure(problem):
            log.error("cannot read the file: \(problem.description)", at: SourceLocation(file: path, line: 1, column: 1), id: "file-unreadable")
        case let .success(data):
            let text = String(decoding: data, as: UTF8.self)
            sources.add(text, path: path)
            sourceFiles.append((path, data))
            do {
                let reading = try ReadingLanguage(code: language, yaml: text, file: path)
                if !reading.missingParts.isEmpty {
                    log.error("the reading vocabulary of '\(language)' lacks \(reading.missingParts.joined(separator: ", ")); without them some answers in it could not be read (see docs/languages.md)", at: SourceLocation(file: path, line: 1, column: 1), id: "reading-incomplete")
                    return
                }
                consultation.readingSources[language] = ReadingSource(text: text, file: path)
                consultation.readingLanguageCache.store(reading)
            } catch {
                log.error(error.message, at: error.location, id: "reading-vocabulary")
            }
        }
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
            loadReading(language, into: &consultation, declared: declared, sources: &sources, sourceFiles: &sourceFiles,
                        log: &log, limits: limits, entryFile: entry.file)
        }
    }
}
