import ArgumentParser
import ConsultCore
import Foundation

/// `consult strings`: the translator workflow, a spreadsheet of every text out and its translations back in.
struct StringsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "strings",
        abstract: "Export the texts to translate as a CSV spreadsheet, and import the translations back.",
        discussion: """
        A translator opens the exported CSV in a spreadsheet, fills the 'translation' column, saves it as \
        CSV UTF-8 and hands it back; import writes each translation into the dialog files (keeping their \
        comments and layout) and into languages/CODE/messages.yaml. See docs/languages.md, "Translator workflow".

        Examples:
          consult strings export --lang es --output es.csv
          consult strings export dialogs --lang es --missing > todo.csv
          consult strings import es.csv
        """,
        subcommands: [StringsExportCommand.self, StringsImportCommand.self]
    )
}

/// `consult strings export`: every translatable text as CSV.
struct StringsExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every text of the consultation, with its translation, as a CSV.",
        discussion: """
        Columns: id, context (what the text is and where), english, translation (empty when missing), \
        status (missing or translated) and language. A word list is one cell, its items separated by ' | '.

        Exit status: 0 when the CSV was written, 1 when the dialogs have errors other than missing \
        translations or the file cannot be written, 2 when the command is used wrongly.
        """
    )

    @Argument(help: "A dialog folder or entry dialog file.")
    var dialogs: String = "dialogs"

    @Option(help: ArgumentHelp("The language to translate into, like es.", valueName: "CODE"))
    var lang: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the CSV to this file instead of standard output.", valueName: "FILE"))
    var output: String?

    @Flag(help: "Export only the texts with no translation yet.")
    var missing = false

    func run() throws {
        let strings: ConsultationStrings
        do {
            strings = try ConsultationStrings.load(dialogs: dialogs, language: lang)
        } catch {
            StandardStreams.writeError("consult: \(error.description)\n")
            throw ExitCode(1)
        }
        let csv = strings.csv(onlyMissing: missing)
        guard let output else {
            StandardStreams.writeOutput(csv)
            return
        }
        do {
            try Data(csv.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            StandardStreams.writeError("consult: cannot write \(output): \(error.localizedDescription)\n")
            throw ExitCode(1)
        }
        let count = missing ? strings.missing.count : strings.strings.count
        print("\(output): \(count) text\(count == 1 ? "" : "s") in \(lang) (\(strings.missing.count) missing)")
    }
}

/// `consult strings import`: a translated CSV written back into the dialogs.
struct StringsImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Write the translations of a CSV into the dialog files and the language's catalog.",
        discussion: """
        Rows with an unknown id, an id given twice, or English that no longer matches the dialog's (it \
        changed since the export) are skipped and reported with their line; an empty translation leaves \
        the text as it is. The changes are tried on a copy first: when the dialogs would not validate, \
        nothing is written.

        Exit status: 0 when every row was imported (or was already so), 1 when rows were skipped or \
        the translations would break the dialogs (then nothing is written), 2 when the command is used wrongly.
        """
    )

    @Argument(help: "The CSV file, as exported and translated.")
    var file: String

    @Argument(help: "A dialog folder or entry dialog file.")
    var dialogs: String = "dialogs"

    @Option(help: ArgumentHelp("The language of the translations, when the CSV has no language column.", valueName: "CODE"))
    var lang: String?

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            StandardStreams.writeError("consult: cannot read \(file)\n")
            throw ExitCode(1)
        }
        guard let csv = String(data: data, encoding: .utf8) else {
            StandardStreams.writeError("consult: \(file) is not UTF-8 text; in the spreadsheet, save it as \"CSV UTF-8\"\n")
            throw ExitCode(1)
        }
        let report: StringsImport.Report
        do {
            report = try StringsImport.run(csv: csv, csvName: file, dialogs: dialogs, language: lang)
        } catch {
            StandardStreams.writeError("consult: \(error.description)\n")
            throw ExitCode(1)
        }
        for problem in report.problems { StandardStreams.writeError(problem.description + "\n") }
        for (path, texts) in report.files { print("\(path): \(texts) text\(texts == 1 ? "" : "s") updated") }
        if let created = report.createdCatalog { print("\(created): created; its formats are English until translated") }
        let count = report.updated.count, files = report.files.count
        var summary = "\(count) text\(count == 1 ? "" : "s") updated in \(files) file\(files == 1 ? "" : "s"); 0 errors"
        if !report.problems.isEmpty { summary += "; \(report.problems.count) row\(report.problems.count == 1 ? "" : "s") skipped" }
        print(summary)
        if report.stillMissing > 0 {
            print("\(report.stillMissing) text\(report.stillMissing == 1 ? "" : "s") still untranslated (consult validate --lang lists them)")
        }
        if !report.problems.isEmpty { throw ExitCode(1) }
    }
}
