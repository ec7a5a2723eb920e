import ArgumentParser
import ConsultCore
import Foundation

/// `consult summaries`: the front desk's view of a summary folder — list, show one by its code, print it.
struct SummariesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summaries",
        abstract: "List the summaries of a folder, show one by its code, or print it.",
        discussion: """
        Staff read the kiosk's folder as its user or as a member of the group it writes for \
        (consult kiosk --group GROUP). Nothing in the folder is changed.

        Exit status: 0 on success, 1 when the folder or a summary cannot be read or the output cannot \
        be written, 2 when the command is used wrongly.

        Examples:
          consult summaries --out /home/kiosk/summaries --today
          consult summaries show K7M-4QX --out /home/kiosk/summaries
          consult summaries print K7M-4QX --html k7m-4qx.html --out /srv/summaries
        """,
        subcommands: [SummariesListCommand.self, SummariesShowCommand.self, SummariesPrintCommand.self],
        defaultSubcommand: SummariesListCommand.self
    )
}

/// `consult summaries [list]`: a table of the folder's summaries, newest first.
struct SummariesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the folder's summaries, newest first (the default).",
        discussion: """
        Columns: when the consultation finished (local time), its code, the outcome (INCOMPLETE in \
        capitals, recovered and rehearsal marked), the patient's questions left unanswered, and the \
        reasons in short. A folder of hundreds of thousands of summaries is listed from its index \
        (.index.tsv); summaries the index lacks are read in full.

        Examples:
          consult summaries --today
          consult summaries --since 2026-11-20 --outcome review --outcome defer
          consult summaries --reference k7m4qx --json
        """
    )

    @OptionGroup var folder: SummaryFolderOption

    @Flag(help: "Only summaries finished today (local time).")
    var today = false

    @Option(help: "Only summaries finished on or after this day or time (local): YYYY-MM-DD or YYYY-MM-DDTHH:MM.")
    var since: String?

    @Option(help: "Only this outcome (proceed, review, defer, decline, incomplete); repeat for several.")
    var outcome: [String] = []

    @Option(help: "Only the summary with this code (K7M-4QX; any case, dash optional).")
    var reference: String?

    @Flag(help: "Print JSON for programs instead of a table.")
    var json = false

    func validate() throws {
        if let since, SummariesTime.parse(since) == nil {
            throw ValidationError("--since '\(since)' is not a day (YYYY-MM-DD) or a time (YYYY-MM-DDTHH:MM)")
        }
        for word in outcome where OutcomeStatus(rawValue: word) == nil {
            throw ValidationError("--outcome '\(word)' is not one of proceed, review, defer, decline, incomplete")
        }
        if let reference, ReferenceCode(reference) == nil {
            throw ValidationError("--reference '\(reference)' is not a code like K7M-4QX (six of 23456789ABCDEFGHJKMNPQRSTVWXYZ)")
        }
    }

    func run() throws {
        let listing = try folder.list()
        var filter = SummaryFilter(statuses: Set(outcome.compactMap(OutcomeStatus.init)), reference: reference.flatMap(ReferenceCode.init))
        let starts = [today ? SummariesTime.startOfToday() : nil, since.flatMap(SummariesTime.parse)].compactMap { $0 }
        filter.since = starts.max()
        let shown = listing.summaries.filter(filter.accepts)
        if json {
            try SummariesOutput.write(String(decoding: try SummaryListingReport.json(shown), as: UTF8.self))
            return
        }
        if shown.isEmpty {
            try SummariesOutput.write(SummariesText.noneFound(listing.summaries.count))
            return
        }
        try SummariesOutput.write(SummaryListingReport.table(shown, width: SummariesOutput.width, timeZone: .current))
    }
}

/// `consult summaries show REF`: the staff page drawn for the terminal.
struct SummariesShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show the staff page of the summary with this code.",
        discussion: """
        Headings, bold text, lists and tables are drawn for the terminal; at a terminal a long page \
        goes through the pager ($PAGER, or less).

        Examples:
          consult summaries show K7M-4QX
          consult summaries show k7m4qx --out /home/kiosk/summaries | lpr
        """
    )

    @Argument(help: "The code the patient quoted (K7M-4QX; any case, dash optional).")
    var reference: String

    @OptionGroup var folder: SummaryFolderOption

    func validate() throws { _ = try SummariesText.code(reference) }

    func run() throws {
        let markdown = try folder.staffPage(try SummariesText.code(reference))
        let interactive = isatty(STDOUT_FILENO) == 1
        let styled = interactive && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        let lines = StaffPage(markdown: markdown).terminalLines(width: SummariesOutput.width, styled: styled)
        let text = lines.joined(separator: "\n") + "\n"
        if interactive, lines.count > SummariesOutput.height, SummariesOutput.page(text) { return }
        try SummariesOutput.write(text)
    }
}

/// `consult summaries print REF --html FILE`: a printable page.
struct SummariesPrintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print",
        abstract: "Write the summary with this code as a printable HTML page.",
        discussion: """
        The page is self-contained (no scripts, images or fonts to fetch), prints on A4 and Letter, \
        and puts the code large at the top, then the outcome and its reasons. FILE is created with \
        mode 0600 and never overwritten: it holds the patient's answers.

        Examples:
          consult summaries print K7M-4QX --html k7m-4qx.html
          chromium --headless --print-to-pdf=k7m-4qx.pdf k7m-4qx.html
        """
    )

    @Argument(help: "The code the patient quoted (K7M-4QX; any case, dash optional).")
    var reference: String

    @Option(help: "The HTML file to write (created 0600, never overwritten).")
    var html: String

    @OptionGroup var folder: SummaryFolderOption

    func validate() throws { _ = try SummariesText.code(reference) }

    func run() throws {
        let code = try SummariesText.code(reference)
        let page = StaffPage(markdown: try folder.staffPage(code))
        let text = page.html(title: "\(code) — consultation summary", reference: code.description)
        let descriptor = open(html, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            let reason = String(cString: strerror(errno))
            CommandMessages.error("cannot create \(html): \(reason); choose a new file name")
            throw ExitCode(1)
        }
        let result = StandardStreams.write(text, to: descriptor)
        let closed = close(descriptor) == 0
        guard result == .written, closed else {
            unlink(html)
            CommandMessages.error("could not write \(html) (the disk may be full); nothing was left behind")
            throw ExitCode(1)
        }
        CommandMessages.note("\(code) written to \(html)")
    }
}

// MARK: - Shared

/// `--out DIR`, and reading the folder it names.
struct SummaryFolderOption: ParsableArguments {
    @Option(help: "The summary folder (the kiosk's --out).", completion: .directory)
    var out: String = "summaries"

    func list() throws -> SummaryFolderListing {
        do {
            let listing = try SummaryIndex.list(directory: URL(fileURLWithPath: out))
            for name in listing.unreadable { CommandMessages.warning(SummariesText.unreadable(name)) }
            return listing
        } catch {
            CommandMessages.error(error.description)
            throw ExitCode(1)
        }
    }

    /// The staff page of the summary with `code`, found by its file name; exit 1 when there is none.
    func staffPage(_ code: ReferenceCode) throws -> String {
        let stems: [String]
        do {
            stems = try SummaryIndex.stems(with: code, in: URL(fileURLWithPath: out))
        } catch {
            CommandMessages.error(error.description)
            throw ExitCode(1)
        }
        guard let newest = stems.first else {
            CommandMessages.error(SummariesText.notFound(code, in: out))
            throw ExitCode(1)
        }
        if stems.count > 1 { CommandMessages.warning(SummariesText.several(code, stems.count)) }
        let file = URL(fileURLWithPath: out).appendingPathComponent(newest + ".md")
        guard let data = try? Data(contentsOf: file) else {
            CommandMessages.error("cannot read \(file.path); check that you may read the folder's files")
            throw ExitCode(1)
        }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Standard output for the summaries commands: a failed write is an error (exit 1), never silent.
enum SummariesOutput {
    static func write(_ text: String) throws {
        switch StandardStreams.write(text, to: STDOUT_FILENO) {
        case .written: return
        case .readerGone: throw ExitCode(0) // `| head`: the reader has what it wanted
        case let .failed(code):
            CommandMessages.error("could not write the output: \(String(cString: strerror(code)))")
            throw ExitCode(1)
        }
    }

    static var width: Int { size.columns }
    static var height: Int { size.rows }

    private static var size: (columns: Int, rows: Int) {
        var window = winsize()
        if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &window) == 0, window.ws_col > 0 {
            return (Int(window.ws_col), Int(window.ws_row))
        }
        return (Int(ProcessInfo.processInfo.environment["COLUMNS"] ?? "") ?? 100, .max)
    }

    /// Shows `text` through `$PAGER` (or `less -R`); `false` when no pager could be started.
    static func page(_ text: String) -> Bool {
        let pager = ProcessInfo.processInfo.environment["PAGER"].flatMap { $0.isEmpty ? nil : $0 } ?? "less -R"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", pager]
        let pipe = Pipe()
        process.standardInput = pipe
        do { try process.run() } catch { return false }
        _ = StandardStreams.write(text, to: pipe.fileHandleForWriting.fileDescriptor)
        try? pipe.fileHandleForWriting.close()
        process.waitUntilExit()
        return true
    }
}

/// Times for `--today` and `--since`, in the local time zone.
enum SummariesTime {
    static func parse(_ text: String) -> Date? {
        guard let match = text.wholeMatch(of: /([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[T ]([0-9]{2}):([0-9]{2}))?/) else { return nil }
        var components = DateComponents()
        components.year = Int(match.1)
        components.month = Int(match.2)
        components.day = Int(match.3)
        components.hour = match.4.flatMap { Int($0) } ?? 0
        components.minute = match.5.flatMap { Int($0) } ?? 0
        guard (1...12).contains(components.month ?? 0), (1...31).contains(components.day ?? 0),
              (0...23).contains(components.hour ?? 0), (0...59).contains(components.minute ?? 0) else { return nil }
        return Calendar.current.date(from: components)
    }

    static func startOfToday() -> Date {
        Calendar.current.startOfDay(for: Date())
    }
}

/// What the summaries commands say, in one place for review.
enum SummariesText {
    static func code(_ text: String) throws -> ReferenceCode {
        guard let code = ReferenceCode(text) else {
            throw ValidationError("'\(text)' is not a code like K7M-4QX (six of 23456789ABCDEFGHJKMNPQRSTVWXYZ; any case, dash optional)")
        }
        return code
    }

    static func noneFound(_ total: Int) -> String {
        total == 0 ? "No summaries in this folder.\n" : "No summaries match (the folder has \(total)).\n"
    }

    static func notFound(_ code: ReferenceCode, in folder: String) -> String {
        "no summary with the code \(code) in \(folder); check the code with the patient, or list the folder with "
            + "'consult summaries --today --out \(folder)'"
    }

    static func several(_ code: ReferenceCode, _ count: Int) -> String {
        "\(count) summaries have the code \(code) (two kiosks drew it at once); showing the newest — "
            + "list them with 'consult summaries --reference \(code)'"
    }

    static func unreadable(_ name: String) -> String {
        "\(name) is not a summary Consult can read; it is left out of the list"
    }
}
