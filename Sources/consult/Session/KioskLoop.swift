import ConsultCore
import Foundation

/// Serves patient after patient: welcome, consultation, summary, thank-you, clear, again.
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

    func run() {
        // Summaries that could not be written stay here and are tried again after every patient.
        var unsaved: [ConsultationRecord] = []
        defer { retry(&unsaved) }
        while true {
            retry(&unsaved)
            resetScreen()
            guard let language = welcome() else { return }
            let driver = ConsultationDriver(
                consultation: consultation, reader: reader, screen: screen, summaryDirectory: summaryDirectory,
                language: language, mode: .patient, idleTimeout: idleTimeout, idleWarning: idleWarning
            )
            let ending = driver.run()
            if case let .summaryNotSaved(record) = ending { unsaved.append(record) }
            if case .terminated = ending { return }
            guard thankYou() else { return }
        }
    }

    private func retry(_ unsaved: inout [ConsultationRecord]) {
        var stillUnsaved: [ConsultationRecord] = []
        for record in unsaved {
            do {
                let files = try SummaryWriter(directory: summaryDirectory).write(record)
                StandardStreams.writeError("consult: an earlier summary is now written: \(files.map(\.lastPathComponent).joined(separator: ", "))\n")
            } catch {
                stillUnsaved.append(record)
                StandardStreams.writeError("consult: a summary is still not written: \(error.description)\n")
            }
        }
        unsaved = stillUnsaved
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
    private func thankYou() -> Bool {
        screen.writeLine()
        screen.writeLine(SessionScreenText.thankYou)
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
