import Foundation

/// `consult strings import`: writes a translated CSV back into the dialog files and the language's catalog.
///
/// Every change is made in the files' own text (``YAMLTranslationEditor``), tried on a copy of the dialog
/// folder first, and kept only when the copy validates and every imported text reads back exactly as written
/// while every English text stays as it was. A bad import leaves the dialogs as they were.
public enum StringsImport {
    /// A row that was not imported, with the CSV line it starts on.
    public struct RowProblem: Sendable, Equatable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var message: String

        /// `translations.csv:14: unknown id 'screening/pregant/text'; …; row skipped`.
        public var description: String { "\(file):\(line): \(message)" }
    }

    /// What an import did.
    public struct Report: Sendable {
        /// Rows skipped, in CSV order.
        public var problems: [RowProblem] = []
        /// Ids whose translation was written.
        public var updated: [String] = []
        /// Files written, with how many texts each got.
        public var files: [(path: String, texts: Int)] = []
        /// The catalog file created from the template, when there was none.
        public var createdCatalog: String?
        /// Strings still without a translation after the import.
        public var stillMissing = 0
        /// Warnings of the dialogs after the import (errors stop it).
        public var warnings: [Diagnostic] = []
    }

    /// Imports the CSV text `csv` (read from `csvName`) into the consultation at `dialogs`.
    ///
    /// - Parameter language: the language to import; `nil` takes it from the CSV's `language` column.
    /// - Parameter write: `false` checks everything and writes nothing.
    public static func run(csv: String, csvName: String, dialogs: String, language: String? = nil, write: Bool = true) throws(TranslationError) -> Report {
        let table = try CSVRows(csv: csv, csvName: csvName, language: language)
        let source = try TranslationSource.load(path: dialogs, language: table.language)
        var report = Report()
        report.problems = table.problems
        var plan = ImportPlan(source: source, csvName: csvName)
        for row in table.rows { plan.add(row, problems: &report.problems) }
        var files = try plan.editedFiles(problems: &report.problems)
        report.problems.sort { $0.line < $1.line }
        if source.catalog == nil, files[source.catalogPath] != nil { report.createdCatalog = source.catalogPath }
        files = files.filter { $0.value.text != $0.value.original }
        let check = try FolderTrial.check(files: files, dialogs: dialogs, source: source, expected: plan.expected)
        report.stillMissing = check.stillMissing
        report.warnings = check.warnings
        if write {
            for (path, file) in files.sorted(by: { $0.key < $1.key }) { try file.write(to: path) }
        }
        report.updated = plan.expected.keys.filter { id in files[plan.fileOf[id] ?? ""] != nil }.sorted()
        report.files = files.keys.sorted().map { path in (path, plan.fileOf.values.filter { $0 == path }.count) }
        return report
    }
}

// MARK: - Reading the rows

/// The CSV's rows, checked for form: columns present, quoting sound, one language, no id twice.
private struct CSVRows {
    struct Row {
        var line: Int
        var id: String
        var english: String
        var translation: String
    }

    var language: String
    var rows: [Row]
    var problems: [StringsImport.RowProblem]

    init(csv: String, csvName: String, language: String?) throws(TranslationError) {
        let records: [CSVTable.Record]
        do {
            records = try CSVTable.read(csv)
        } catch {
            throw .unreadableCSV(file: csvName, error)
        }
        let header = records.first?.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? []
        let missing = ["id", "english", "translation"].filter { !header.contains($0) }
        guard missing.isEmpty else { throw .missingColumns(file: csvName, missing: missing) }
        func column(_ name: String) -> Int? { header.firstIndex(of: name) }
        let (id, english, translation, languageColumn) = (column("id")!, column("english")!, column("translation")!, column("language"))
        var problems: [StringsImport.RowProblem] = []
        func skip(_ line: Int, _ message: String) {
            problems.append(.init(file: csvName, line: line, message: message + "; row skipped"))
        }
        var languages: [String] = []
        var candidates: [Row] = []
        for record in records.dropFirst() {
            if let problem = record.problem { skip(record.line, problem); continue }
            guard record.fields.count <= header.count else {
                skip(record.line, "it has \(record.fields.count) fields and the first row names \(header.count) columns (a comma outside quotes?)")
                continue
            }
            let fields = record.fields + Array(repeating: "", count: header.count - record.fields.count)
            if fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            if let languageColumn, !fields[languageColumn].isEmpty { languages.append(fields[languageColumn]) }
            candidates.append(Row(line: record.line, id: fields[id].trimmingCharacters(in: .whitespaces),
                                  english: fields[english], translation: fields[translation]))
        }
        guard let chosen = language ?? languages.first else {
            throw .missingColumns(file: csvName, missing: ["language"])
        }
        var firstLine: [String: Int] = [:]
        var repeated: Set<String> = []
        for row in candidates {
            if firstLine[row.id] != nil { repeated.insert(row.id) } else { firstLine[row.id] = row.line }
        }
        var rows: [Row] = []
        for row in candidates {
            if repeated.contains(row.id) {
                let others = candidates.filter { $0.id == row.id && $0.line != row.line }.map { String($0.line) }
                skip(row.line, "the id '\(row.id)' is also on line \(others.joined(separator: ", ")); which translation is meant cannot be told")
                continue
            }
            rows.append(row)
        }
        let other = Set(languages).subtracting([chosen])
        if !other.isEmpty {
            throw .mixedLanguages(file: csvName, languages: [chosen] + other.sorted())
        }
        self.language = chosen
        self.rows = rows
        self.problems = problems
    }
}

// MARK: - Planning the edits

/// The translations to write, file by file.
private struct ImportPlan {
    let source: TranslationSource
    let csvName: String
    /// Id → the translation each imported string must read back as.
    var expected: [String: String] = [:]
    /// Id → the file it is written in.
    var fileOf: [String: String] = [:]
    private var accepted: [(line: Int, string: TranslatableString, translation: String)] = []
    private let byID: [String: TranslatableString]

    init(source: TranslationSource, csvName: String) {
        self.source = source
        self.csvName = csvName
        byID = Dictionary(source.strings.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    mutating func add(_ row: CSVRows.Row, problems: inout [StringsImport.RowProblem]) {
        func skip(_ message: String) { problems.append(.init(file: csvName, line: row.line, message: message + "; row skipped")) }
        guard let string = byID[row.id] else {
            skip("unknown id '\(row.id)'\(Suggestion.didYouMean(row.id, in: byID.keys))")
            return
        }
        let isList = string.kind == .words || row.id == "format/months"
        let sameEnglish = isList ? TranslatableString.words(in: row.english) == TranslatableString.words(in: string.english)
            : row.english == string.english
        guard sameEnglish else {
            skip("the English of '\(row.id)' has changed since the export (it is now \(string.english.debugDescription)); "
                 + "translate the new English from a fresh export")
            return
        }
        let translation = isList ? TranslatableString.joined(TranslatableString.words(in: row.translation)) : row.translation
        // An empty cell is a text not translated yet: the import never removes a translation.
        guard !translation.isEmpty, translation != string.translation else { return }
        if isList, TranslatableString.words(in: row.translation).contains(where: { $0.contains("|") }) {
            skip("an item holds '|', which separates items")
            return
        }
        accepted.append((row.line, string, translation))
        expected[string.id] = translation
        fileOf[string.id] = string.place.file ?? source.catalogPath
    }

    /// Every touched file's text before and after; rows that cannot be written are dropped with a problem.
    mutating func editedFiles(problems: inout [StringsImport.RowProblem]) throws(TranslationError) -> [String: EditedFile] {
        var files: [String: EditedFile] = [:]
        let grouped = Dictionary(grouping: accepted, by: { $0.string.place.file ?? source.catalogPath })
        for (path, rows) in grouped {
            var file = try EditedFile.open(path, language: source.language, isCatalog: path == source.catalogPath)
            var editor = YAMLTranslationEditor(map: file.map, language: source.language)
            for row in rows {
                do {
                    try Self.write(row.translation, of: row.string, with: &editor)
                } catch {
                    problems.append(.init(file: csvName, line: row.line, message: "'\(row.string.id)': \(error); row skipped"))
                    expected[row.string.id] = nil
                    fileOf[row.string.id] = nil
                }
            }
            file.text = try editor.applied()
            files[path] = file
        }
        return files
    }

    private static func write(_ translation: String, of string: TranslatableString, with editor: inout YAMLTranslationEditor) throws(TranslationRowProblem) {
        switch string.place {
        case let .text(_, position):
            try editor.setText(at: position, to: translation)
        case let .words(_, anchorKey, anchorIsKey, position, key):
            try editor.setWords(anchorKey: anchorKey, anchorIsKey: anchorIsKey, at: position, key: key,
                                to: TranslatableString.words(in: translation))
        case let .message(id):
            try editor.setEntry(id.rawValue, in: "messages", to: translation)
        case let .format(key):
            let items = key == "months" ? TranslatableString.words(in: translation) : nil
            try editor.setEntry(key, in: key == "name" ? nil : "formats", to: translation, items: items)
        }
    }
}

/// One file's text as read and as edited.
struct EditedFile {
    var original: String
    var text: String
    var map: YAMLSourceMap
    /// Whether the file started with a byte-order mark, which is written back.
    var byteOrderMark: Bool

    static func open(_ path: String, language: String, isCatalog: Bool) throws(TranslationError) -> EditedFile {
        var text: String
        if let data = FileManager.default.contents(atPath: path) {
            guard let read = String(data: data, encoding: .utf8) else { throw .unreadableFile(path) }
            text = read
        } else if isCatalog {
            text = CatalogTemplate.text(language: language)
        } else {
            throw .unreadableFile(path)
        }
        let mark = text.hasPrefix(CSVTable.byteOrderMark)
        if mark { text.removeFirst() }
        guard let map = YAMLSourceMap(text: text) else { throw .unreadableFile(path) }
        return EditedFile(original: isCatalog && !FileManager.default.fileExists(atPath: path) ? "" : text, text: text, map: map, byteOrderMark: mark)
    }

    /// Replaces the file at `path` with the edited text in one rename, so it is never seen half written.
    func write(to path: String) throws(TranslationError) {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(((byteOrderMark ? CSVTable.byteOrderMark : "") + text).utf8).write(to: url, options: .atomic)
        } catch {
            throw .cannotWrite(path: path, reason: error.localizedDescription)
        }
    }
}
