import ArgumentParser
import ConsultCore
import Foundation

/// `consult understanding`: how well a consultation reads what patients type, measured on a labelled corpus.
struct UnderstandingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "understanding",
        abstract: "Measure how a consultation reads patients' answers and questions on a labelled corpus.",
        discussion: """
        Reads every labelled answer in the corpus folder's answers*.txt files at its question, and every \
        labelled patient question in its faq*.txt files, exactly as a session would, and prints how many \
        were read right, confirmed, asked again or read wrongly (see tests/corpus/README.md for the format \
        and docs/understanding.md for what the figures mean).

        Exit status: 0 when no answer is stored wrongly without confirmation, 1 when one is (each is \
        listed), 2 when the command is used wrongly.

        Examples:
          consult understanding                     # read tests/corpus
          consult understanding dialogs --corpus my-corpus --show confirmed
        """
    )

    @Argument(help: "A dialog file or a folder of dialogs.", completion: .file())
    var dialog: String = "dialogs"

    @Option(help: "The corpus folder.", completion: .directory)
    var corpus: String = "tests/corpus"

    @Option(help: "Also list these results line by line: right, confirmed, confirmedOther, reasked, wrong, offered, notedForStaff (repeatable).")
    var show: [String] = []

    @Flag(help: "Also time reading every answer and question (repeat it in a release build for stable figures).")
    var timing = false

    func run() throws {
        let consultation = try DialogLoading.load(dialog)
        let folder = URL(fileURLWithPath: corpus)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus).sorted()) ?? []
        guard !names.isEmpty else { throw ValidationError("no corpus files in '\(corpus)'") }
        var anyUnsafe = false
        var reports: [String] = []
        for name in names where name.hasSuffix(".txt") {
            guard let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) else {
                throw ValidationError("cannot read '\(corpus)/\(name)' as UTF-8 text")
            }
            var corpus = UnderstandingCorpus()
            do {
                if name.hasPrefix("answers") {
                    corpus.answers = try UnderstandingCorpus.answers(from: text, name: name)
                } else if name.hasPrefix("faq") {
                    corpus.questions = try UnderstandingCorpus.questions(from: text, name: name)
                } else {
                    continue
                }
            } catch {
                throw ValidationError(error.description)
            }
            let today = UnderstandingCorpus.referenceDay(in: text) ?? CalendarDay(Date())
            // `answers-es.txt` is read as a Spanish session reads, with the dialogs' languages/es/reading.yaml.
            let language = UnderstandingCorpus.language(ofFile: name)
            let reading = try readingLanguage(language)
            let score = UnderstandingScore(corpus: corpus, consultation: consultation, today: today, language: language, reading: reading)
            anyUnsafe = anyUnsafe || !score.unsafe.isEmpty
            let listing = Set(show.compactMap(UnderstandingScore.Result.init(rawValue:))).union([.wrong])
            let questionListing = Set(show.compactMap(UnderstandingScore.QuestionResult.init(rawValue:))).union([.wrong])
            reports.append(score.report(title: name, listing: listing, questionListing: questionListing))
            if timing {
                reports.append(UnderstandingTiming(corpus: corpus, consultation: consultation, today: today, language: language,
                                                   reading: reading).report(title: name))
            }
        }
        print(reports.joined(separator: "\n\n"))
        if anyUnsafe { throw ExitCode(1) }
    }

    /// The reading vocabulary of `code`: English built in, others from the dialogs' `languages/CODE/reading.yaml`.
    private func readingLanguage(_ code: String) throws -> ReadingLanguage {
        guard code != "en" else { return .english }
        var isFolder: ObjCBool = false
        let folder = FileManager.default.fileExists(atPath: dialog, isDirectory: &isFolder) && isFolder.boolValue
            ? dialog : (dialog as NSString).deletingLastPathComponent
        let path = (folder as NSString).appendingPathComponent("languages/\(code)/reading.yaml")
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw ValidationError("the corpus has '\(code)' files but there is no '\(path)'")
        }
        do {
            return try ReadingLanguage(code: code, yaml: text, file: path)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
