import ConsultCore
import Foundation

/// Serves patient after patient: welcome, consultation, summary, thank-you, clear, again.
/// After a walk-away (nobody answered "Are you still there?") there is no thank-you: the screen is cleared at once.
///
/// Patient input never ends it; only SIGTERM or SIGHUP (or the end of piped input) does.
/// Between patients the screen and its scrollback are cleared and the line history is
/// forgotten, so the next patient never sees the previous one's answers.
struct KioskLoop {
    let consultation: Consultation
    let reader: any LineReader
    let screen: TerminalScreen
    let summaryDirectory: URL
    /// The language when the patient is not asked to choose one.
    let language: String?
    let idleTimeout: Duration
    let idleWarning: Duration

    /// Serves patients until staff stop the kiosk (SIGTERM or SIGHUP), the screen's reader goes away, or
    /// piped input ends.
    ///
    /// Every summary that could not be written is tried once more before it returns; those that still
    /// cannot be written are named on standard error, with the reason, for staff.
    ///
    /// - Returns: Whether every session's summary was written.
    func run() -> Bool {
        // Summaries that could not be written stay in their session's journal, which recovery writes after every
        // patient; only a session whose journal could not be written either is kept here, in memory.
        var unsaved: [ConsultationRecord] = []
        while true {
            SummaryFolder.recover(in: summaryDirectory, for: consultation)
            unsaved = saveAgain(unsaved).map(\.record)
            resetScreen()
            guard let language = welcome() else { break }
            var random = SystemRandomNumberGenerator()
            let reference = SummaryWriter(directory: summaryDirectory).newReference(using: &random)
            let driver = ConsultationDriver(
                consultation: consultation, reader: reader, screen: screen, summaryDirectory: summaryDirectory,
                language: language, mode: .patient, idleTimeout: idleTimeout, idleWarning: idleWarning,
                reference: reference, announcesReference: false
            )
            switch driver.run() {
            case let .finished(_, walkedAway):
                // Nobody is there to thank after a walk-away: the screen is cleared for the next patient at once.
                if walkedAway { continue }
            case .terminated:
                return stop(unsaved)
            case let .summaryNotSaved(record, stopping, walkedAway, journaled):
                if !journaled { unsaved.append(record) }
                if stopping { return stop(unsaved) }
                if walkedAway { continue }
            }
            guard thankYou(reference) else { break }
        }
        return stop(unsaved)
    }

    /// The last attempt to write the unsaved summaries; names for staff those that still cannot be written.
    ///
    /// Their answers are not written anywhere else: a log is no place for health answers.
    private func stop(_ unsaved: [ConsultationRecord]) -> Bool {
        // Journaled sessions: written now if the folder can take them, else kept on disk for the next start.
        if SummaryFolder.recover(in: summaryDirectory, for: consultation) > 0 {
            StandardStreams.writeError("consult: \(SessionScreenText.keptInJournal)\n")
        }
        let failures = saveAgain(unsaved, reportingEach: false)
        guard !failures.isEmpty else { return true }
        StandardStreams.writeError(KioskStaffText.unsavedAtStop(failures.map { ($0.record, $0.error.description) }))
        return false
    }

    /// Tries to write each summary again.
    ///
    /// - Parameter reportingEach: Also tells standard error of each failure as it happens (between patients).
    /// - Returns: The records still not written, with why.
    private func saveAgain(
        _ unsaved: [ConsultationRecord], reportingEach: Bool = true
    ) -> [(record: ConsultationRecord, error: SummaryWriteError)] {
        var stillUnsaved: [(record: ConsultationRecord, error: SummaryWriteError)] = []
        for record in unsaved {
            do {
                let files = try SummaryWriter(directory: summaryDirectory).write(record)
                StandardStreams.writeError(KioskStaffText.writtenLater(files.map(\.lastPathComponent)))
            } catch {
                stillUnsaved.append((record, error))
                if reportingEach { StandardStreams.writeError(KioskStaffText.stillNotWritten(error.description)) }
            }
        }
        return stillUnsaved
    }

    private func resetScreen() {
        reader.clearHistory()
        if reader.isInteractive {
            screen.clearScreenAndScrollback()
        } else {
            screen.writeLine(SessionScreenText.nextPatientSeparator)
        }
    }

    /// Shows the welcome and, when the dialog has several languages, asks for one.
    /// Returns `nil` when the kiosk should stop.
    private func welcome() -> String? {
        screen.writeLine(SessionScreenText.welcome(consultation.identity.title))
        let languages = consultation.languages
        if let language, languages.contains(language) || languages.count == 1 {
            return waitForStart() ? (languages.contains(language) ? language : "en") : nil
        }
        if languages.count == 1 { return waitForStart() ? languages[0] : nil }
        screen.writeLine()
        screen.writeLine(SessionScreenText.chooseLanguage)
        for (number, code) in languages.enumerated() {
            screen.writeLine("  \(number + 1)) \(SessionScreenText.languageName(code))")
        }
        while true {
            switch reader.readLine(prompt: "> ", completions: languages.map(SessionScreenText.languageName), timeout: nil) {
            case let .line(line):
                let typed = TextNormalizer.normalize(TerminalSanitizer.clean(line))
                if let number = Int(typed), languages.indices.contains(number - 1) { return languages[number - 1] }
                if let code = languages.first(where: { typed == $0 || typed == TextNormalizer.normalize(SessionScreenText.languageName($0)) }) {
                    return code
                }
                if typed.isEmpty { return languages[0] }
            case .endOfInput:
                if !reader.isInteractive { return nil }
            case .interrupted, .timedOut:
                continue
            case .terminated:
                return nil
            }
        }
    }

    private func waitForStart() -> Bool {
        screen.writeLine(SessionScreenText.pressEnterToStart)
        while true {
            switch reader.readLine(prompt: "> ", completions: [], timeout: nil) {
            case .line:
                return true
            case .endOfInput:
                // Ctrl-D at the welcome does nothing at a terminal; a pipe that ends stops the kiosk.
                if !reader.isInteractive { return false }
            case .interrupted, .timedOut:
                continue
            case .terminated:
                return false
            }
        }
    }

    /// The thank-you screen, left by Enter or after the idle time. Returns `false` when the kiosk should stop.
    /// The code is shown even when the summary could not be written yet: the journal (or memory) keeps it with
    /// the answers, and the summary is written under it later.
    private func thankYou(_ reference: ReferenceCode) -> Bool {
        screen.writeLine()
        screen.writeLine(SessionScreenText.thankYou)
        showReference(reference, screen: screen, styled: reader.isInteractive)
        screen.writeLine(SessionScreenText.pressEnterToFinish)
        switch reader.readLine(prompt: "> ", completions: [], timeout: idleTimeout) {
        case .line, .timedOut, .interrupted:
            return true
        case .endOfInput:
            return reader.isInteractive
        case .terminated:
            return false
        }
    }
}
