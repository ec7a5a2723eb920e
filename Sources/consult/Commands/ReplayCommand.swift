import ArgumentParser
import ConsultCore
import Foundation

/// `consult replay`: plays scripted consultations and checks what they show, store and conclude.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay transcripts of answers through a dialog and check their expectations.",
        discussion: """
        A transcript is a text file of answers, one a line, exactly as `consult run` reads them \
        from a pipe, with checks on lines that start with '#>' and comments on lines that start \
        with '#' (docs/transcripts.md):

          yes
          34 years
          #> expect prompt: pregnant
          nope
          #> expect line: You can go ahead and book
          #> expect outcome: proceed

        The session runs in this process without a terminal; the input ends after the last \
        answer (or at '#> end of input'), and checks after that see the finished session. \
        A failed check prints the transcript's file:line with what was expected and what came.

        Exit status: 0 when every check passed, 1 when a check failed, a transcript has errors \
        or the dialog has errors, 2 when the command is used wrongly.

        Examples:
          consult replay tests/transcripts/pregnant.txt
          consult replay --all tests/transcripts
          consult replay dialogs --all tests/transcripts --out /tmp/replayed
          consult replay --screen tests/transcripts/proceed.txt   # show the screen
        """
    )

    @Argument(help: ArgumentHelp("An optional dialog file or folder (default: dialogs), then transcript files.",
                                 valueName: "dialog-and-transcripts"), completion: .file())
    var arguments: [String] = []

    @Option(help: ArgumentHelp("Replay every *.txt transcript in this folder.", valueName: "dir"), completion: .directory)
    var all: String?

    @Option(help: ArgumentHelp("Also write each replay's summary files (marked as a rehearsal) to this folder.", valueName: "dir"),
            completion: .directory)
    var out: String?

    @Option(help: "The patient's language code, e.g. en.")
    var lang: String = "en"

    @Flag(help: "Print each replayed screen, as a piped `consult run` would show it.")
    var screen = false

    /// The dialog: the first argument when it is a folder or a YAML file.
    var dialog: String {
        guard let first = arguments.first, Self.isDialog(first) else { return "dialogs" }
        return first
    }

    var transcriptArguments: [String] {
        guard let first = arguments.first, Self.isDialog(first) else { return arguments }
        return Array(arguments.dropFirst())
    }

    static func isDialog(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        return (exists && isDirectory.boolValue) || path.hasSuffix(".yaml") || path.hasSuffix(".yml")
    }

    func validate() throws {
        if all != nil, !transcriptArguments.isEmpty {
            throw ValidationError("give transcript files or --all DIR, not both")
        }
        if all == nil, transcriptArguments.isEmpty {
            throw ValidationError("no transcripts to replay; name transcript files or use --all DIR")
        }
        for path in transcriptArguments where !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("no transcript at '\(path)'")
        }
    }

    func run() throws {
        let transcripts = try transcriptPaths()
        let consultation = try DialogLoading.load(dialog, language: lang)
        let replayer = TranscriptReplayer(consultation: consultation, language: lang, started: Date())
        var failed = 0
        for path in transcripts {
            if !replay(path, with: replayer) { failed += 1 }
        }
        if transcripts.count > 1 { print(ReplayReport.total(transcripts: transcripts.count, failed: failed)) }
        if failed > 0 { throw ExitCode(1) }
    }

    /// The transcripts named, or the `*.txt` files of `--all` in name order.
    private func transcriptPaths() throws -> [String] {
        guard let all else { return transcriptArguments }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: all, isDirectory: &isDirectory), isDirectory.boolValue,
              let names = try? FileManager.default.contentsOfDirectory(atPath: all) else {
            throw ValidationError("--all needs a folder; '\(all)' is not one")
        }
        let transcripts = names.filter { $0.hasSuffix(".txt") }.sorted()
        guard !transcripts.isEmpty else { throw ValidationError("no *.txt transcripts in '\(all)'") }
        return transcripts.map { URL(fileURLWithPath: all).appendingPathComponent($0).relativePath }
    }

    /// Replays one transcript and prints its report; returns whether it passed.
    private func replay(_ path: String, with replayer: TranscriptReplayer) -> Bool {
        guard let data = FileManager.default.contents(atPath: path) else {
            print(ReplayReport.text(forUnreadable: path, diagnostics: ["\(path): error: cannot read the file"]))
            return false
        }
        let (transcript, diagnostics) = TranscriptParser.parse(String(decoding: data, as: UTF8.self), path: path)
        guard diagnostics.isEmpty else {
            print(ReplayReport.text(forUnreadable: path, diagnostics: diagnostics.map(\.description)))
            return false
        }
        if let language = transcript.language, !replayer.consultation.languages.contains(language) {
            let declared = replayer.consultation.languages.joined(separator: ", ")
            print(ReplayReport.text(forUnreadable: path, diagnostics: ["\(path): error: the transcript is in '\(language)', which the dialog does not offer (it offers \(declared))"]))
            return false
        }
        let result = replayer.replay(transcript)
        if screen { print(result.screen.joined(separator: "\n")) }
        print(ReplayReport.text(for: result))
        if let out, let record = result.record {
            do {
                let files = try SummaryWriter(directory: URL(fileURLWithPath: out)).write(record)
                let names = files.map(\.lastPathComponent).joined(separator: ", ")
                CommandMessages.note("summary written to \(out): \(names)")
            } catch {
                CommandMessages.error(error.description)
                return false
            }
        }
        return result.passed
    }
}
