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
    let summaryFolder: String
    /// The reference codes the folder's summaries and journals used at start (``SummaryFolderCheck``); the codes
    /// the kiosk hands out are added as it goes, so the folder is never listed again.
    let usedReferences: Set<ReferenceCode>
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
        // The decisions (when to wipe, what to keep, when to stop) are KioskLifecycle's; this performs them.
        var lifecycle = KioskLifecycle(
            languages: consultation.languages, fixedLanguage: language,
            languageNames: Dictionary(uniqueKeysWithValues: consultation.languages.map { ($0, SessionScreenText.languageName($0, in: consultation)) }),
            interactive: reader.isInteractive
        )
        var action = lifecycle.handle(.started)
        var reasons: [String: String] = [:]
        var reference: ReferenceCode?
        // What Tab completes at the welcome; a line read again there keeps it (the language names).
        var completions: [String] = []
        // Codes already in the summary folder, listed at start and kept up to date after.
        var usedReferences = self.usedReferences
        // The thank-you screen speaks the language the patient chose.
        var patientText = SessionScreenText(consultation, language: language ?? "en")
        while true {
            switch action {
            case let .prepareNextPatient(retrying):
                // Summaries that could not be written stay in their session's journal, which recovery writes after
                // every patient; only a session whose journal could not be written either is kept in memory.
                SummaryFolder.recover(in: summaryFolder, for: consultation)
                let still = saveAgain(retrying).map(\.record)
                resetScreen()
                action = lifecycle.handle(.retried(stillUnsaved: still))
            case let .showWelcome(languages):
                showWelcome(languages: languages)
                completions = (languages ?? []).map { SessionScreenText.languageName($0, in: consultation) }
                action = lifecycle.handle(readLine(timeout: nil, completions: completions))
            case .readAgain:
                // Only the welcome reads again: the thank-you screen ends with any event.
                action = lifecycle.handle(readLine(timeout: nil, completions: completions))
            case let .runConsultation(language):
                patientText = SessionScreenText(consultation, language: language)
                var random = SystemRandomNumberGenerator()
                // The folder was listed once, at start, not per patient: it may hold hundreds of thousands.
                let code = ReferenceCode.random(avoiding: usedReferences, using: &random)
                usedReferences.insert(code)
                reference = code
                let driver = ConsultationDriver(
                    consultation: consultation, reader: reader, screen: screen, summaryFolder: summaryFolder,
                    language: language, mode: .patient, idleTimeout: idleTimeout, idleWarning: idleWarning,
                    reference: reference, announcesReference: false
                )
                action = lifecycle.handle(.consultationEnded(Self.ending(driver.run())))
            case .showThankYou:
                screen.writeLine()
                screen.writeLine(patientText.thankYou)
                // The code is shown even when the summary could not be written yet: the journal (or memory) keeps
                // it with the answers, and the summary is written under it later.
                if let reference { showReference(reference, text: patientText, screen: screen, styled: reader.isInteractive) }
                screen.writeLine(patientText.pressEnterToFinish)
                action = lifecycle.handle(readLine(timeout: idleTimeout, completions: []))
            case let .stop(retrying):
                let failures = stop(retrying)
                for failure in failures { reasons[failure.record.id] = failure.error.description }
                action = lifecycle.handle(.retried(stillUnsaved: failures.map(\.record)))
            case let .exit(clean, unsaved):
                if !unsaved.isEmpty {
                    StandardStreams.writeError(KioskStaffText.unsavedAtStop(unsaved.map { ($0, reasons[$0.id] ?? "") }))
                }
                return clean
            }
        }
    }

    /// The driver's ending as the lifecycle knows it.
    static func ending(_ ending: ConsultationDriver.Ending) -> KioskLifecycle.ConsultationEnding {
        switch ending {
        case let .finished(_, walkedAway): .finished(walkedAway: walkedAway)
        case .terminated: .terminated
        case let .summaryNotSaved(record, stopping, walkedAway, journaled):
            .summaryNotSaved(record, stopping: stopping, walkedAway: walkedAway, journaled: journaled)
        }
    }

    /// A line read at the welcome or thank-you screen, as a lifecycle event.
    private func readLine(timeout: Duration?, completions: [String]) -> KioskLifecycle.Event {
        switch reader.readLine(prompt: "> ", completions: completions, timeout: timeout) {
        case let .line(line): .line(line)
        case .endOfInput: .endOfInput
        case .interrupted: .interrupted
        case .timedOut: .timedOut
        case .terminated: .terminated
        }
    }

    /// The welcome in the kiosk's language, or, when the patient chooses, in every language offered (nobody
    /// can choose from words they cannot read).
    private func showWelcome(languages: [String]?) {
        guard let languages else {
            let text = SessionScreenText(consultation, language: language ?? "en")
            screen.writeLine(text.welcome(title(in: language ?? "en")))
            screen.writeLine(text.pressEnterToStart)
            return
        }
        for code in languages { screen.writeLine(SessionScreenText(consultation, language: code).welcome(title(in: code))) }
        screen.writeLine()
        for code in languages { screen.writeLine(SessionScreenText(consultation, language: code).chooseLanguage) }
        for (number, code) in languages.enumerated() {
            screen.writeLine("  \(number + 1)) \(SessionScreenText.languageName(code, in: consultation))")
        }
    }

    /// The consultation's title in `language` (the entry dialog's `title`).
    private func title(in language: String) -> String {
        consultation.dialogs[consultation.entry]?.title.map { $0.template(in: language) } ?? consultation.identity.title
    }

    /// The last attempt to write the unsaved summaries.
    ///
    /// - Returns: those that still cannot be written; their answers are written nowhere else (a log is no place
    ///   for health answers), and the exit names them for staff.
    private func stop(_ unsaved: [ConsultationRecord]) -> [(record: ConsultationRecord, error: SummaryWriteError)] {
        // Journaled sessions: written now if the folder can take them, else kept on disk for the next start.
        if SummaryFolder.recover(in: summaryFolder, for: consultation) > 0 {
            CommandMessages.note(SessionScreenText.keptInJournal)
        }
        return saveAgain(unsaved, reportingEach: false)
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
                let files = try SummaryWriter(path: summaryFolder).write(record)
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
}
