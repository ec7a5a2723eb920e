import ConsultCore
import Foundation

/// Runs one rehearsal at a terminal: the consultation with the staff view, persona playback,
/// the summary in the rehearsal folder and the coverage line at the end.
struct RehearsalDriver {
    let consultation: Consultation
    let reader: any LineReader
    let screen: TerminalScreen
    let folder: RehearsalFolder
    let language: String
    /// A transcript to play before the staff member takes over.
    let personaFile: String?

    func run() -> ConsultationDriver.Ending {
        let presenter = SessionPresenter(screen: screen, styled: reader.isInteractive,
                                         catalog: consultation.catalog(for: language))
        let staff = RehearsalPresenter(screen: screen, styled: reader.isInteractive)
        var session = RehearsalSession(consultation: consultation, language: language,
                                       id: ConsultationStateMachine.newSessionID(), started: Date())
        var persona = PersonaPlayback()
        staff.showBanner()
        if let personaFile { persona.load(personaFile, staff: staff) }
        var step = session.start(at: Date())
        while true {
            staff.show(step.reports)
            switch step.action {
            case let .prompt(messages, prompt, showQuestion):
                presenter.show(messages)
                if showQuestion { presenter.show(prompt, header: step.place.map(RehearsalScreenText.header)) }
                if let file = step.personaFile { persona.load(file, staff: staff) }
                if let line = persona.next() {
                    screen.writeLine(RehearsalScreenText.personaLine(TerminalSanitizer.clean(line)))
                    step = session.lineReceived(line, at: Date())
                    continue
                }
                persona.handOver(staff: staff)
                switch reader.readLine(prompt: "> ", completions: session.completions(for: prompt), timeout: nil) {
                case let .line(line):
                    // Piped input is not echoed by a terminal; writing it back keeps transcripts readable.
                    if !reader.isInteractive { screen.writeLine("> " + TerminalSanitizer.clean(line)) }
                    step = session.lineReceived(line, at: Date())
                case .endOfInput, .timedOut, .terminated:
                    step = session.endOfInput(at: Date())
                case .interrupted:
                    screen.writeLine()
                    step = session.interrupted(at: Date())
                }
            case let .finish(messages, record):
                presenter.show(messages)
                let saver = ConsultationDriver(consultation: consultation, reader: reader, screen: screen,
                                               summaryFolder: folder.url.path, language: language, mode: .rehearsal)
                guard saver.save(record, presenter: presenter) else { return .summaryNotSaved(record) }
                recordCoverage(session.coverage, staff: staff)
                return .finished(record.outcome.status)
            }
        }
    }

    /// Adds this rehearsal to the coverage file and shows the coverage line.
    private func recordCoverage(_ coverage: RehearsalCoverage, staff: RehearsalPresenter) {
        let key = RehearsalCoverage.ledgerKey(of: consultation)
        let this = CoverageFigures(coverage, of: consultation)
        do {
            let total = try folder.record(coverage, under: key)
            staff.showCoverage(RehearsalScreenText.coverage(this: this, total: CoverageFigures(total, of: consultation),
                                                            rehearsals: total.rehearsals, dialog: key))
        } catch {
            staff.showCoverage(RehearsalScreenText.coverage(this: this, total: this, rehearsals: 1, dialog: key))
            CommandMessages.warning(RehearsalScreenText.coverageNotSaved(folder.coverageFile.path, "\(error)"))
        }
    }
}

/// The lines of a persona transcript still to be typed.
private struct PersonaPlayback {
    private var lines: [String] = []
    private var played = 0
    private var file: String?
    private var stoppedEarly = false

    /// Reads a transcript; its lines replace any still pending.
    mutating func load(_ path: String, staff: RehearsalPresenter) {
        do {
            let script = PersonaScript(parsing: try String(contentsOfFile: path, encoding: .utf8))
            lines = script.lines
            played = 0
            file = path
            stoppedEarly = script.stoppedEarly
        } catch {
            staff.showNotice(RehearsalScreenText.personaUnreadable(path, error.localizedDescription))
        }
    }

    /// The next line to type, if the transcript has one left.
    mutating func next() -> String? {
        guard !lines.isEmpty else { return nil }
        played += 1
        return lines.removeFirst()
    }

    /// Tells the staff member the transcript is done, once.
    mutating func handOver(staff: RehearsalPresenter) {
        guard let file else { return }
        staff.showNotice(RehearsalScreenText.personaHandover(file, lines: played, stopped: stoppedEarly))
        self.file = nil
    }
}
