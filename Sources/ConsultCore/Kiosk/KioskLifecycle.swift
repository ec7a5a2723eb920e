/// The kiosk's life, patient after patient, as an explicit state machine: welcome, language choice, consultation,
/// thank-you, the wipe between patients, summaries retried, and the stop.
///
/// Pure, like ``ConsultationStateMachine``: no terminal, no files, no clock. Each event returns the action the
/// driver performs (`consult kiosk` in the executable), which reports back with the next event. What matters for
/// privacy and safety is decided here and tested without a terminal: every patient starts after a wipe; a summary
/// written nowhere is kept and retried before the next patient and at the stop; patient input never stops the
/// kiosk, only a signal (or piped input that ends) does.
public struct KioskLifecycle: Sendable {
    /// Where the kiosk is.
    public enum Phase: Sendable, Hashable {
        /// Not started.
        case idle
        /// Between patients: journals recovered, unsaved summaries retried, the screen and line editor wiped.
        case preparing
        /// The welcome screen, waiting for Enter (or, with several languages, a choice).
        case welcome(choosingLanguage: Bool)
        /// A patient's consultation runs.
        case consulting(language: String)
        /// The thank-you screen, left by Enter or after the idle time.
        case thankingPatient
        /// The last attempt to write what is unsaved.
        case stopping
        /// Stopped; `clean` when every summary was written (or is safe in a journal).
        case stopped(clean: Bool)
    }

    /// What happened.
    public enum Event: Sendable, Hashable {
        /// The kiosk starts.
        case started
        /// A line typed at the welcome, the language choice or the thank-you screen.
        case line(String)
        /// Ctrl-D, or the end of piped input.
        case endOfInput
        /// Ctrl-C.
        case interrupted
        /// Nobody typed for the idle time.
        case timedOut
        /// SIGTERM or SIGHUP: staff stop the kiosk.
        case terminated
        /// The consultation the kiosk ran has ended.
        case consultationEnded(ConsultationEnding)
        /// Unsaved summaries were written again (``Action/prepareNextPatient(retrying:)`` or ``Action/stop(retrying:)``);
        /// these still could not be.
        case retried(stillUnsaved: [ConsultationRecord])
    }

    /// How a consultation run by the kiosk ended, as its driver reports it.
    public enum ConsultationEnding: Sendable, Hashable {
        /// The summary was written. `walkedAway`: nobody answered "Are you still there?".
        case finished(walkedAway: Bool)
        /// Staff stopped the kiosk, or nobody sees the screen any more; the session was saved.
        case terminated
        /// The summary could not be written. `journaled`: the session's journal holds it, so recovery writes it
        /// later and the kiosk need not keep it; `stopping`: the kiosk must stop too.
        case summaryNotSaved(ConsultationRecord, stopping: Bool, walkedAway: Bool, journaled: Bool)
    }

    /// What the driver does next.
    public enum Action: Sendable, Hashable {
        /// Recover orphaned journals, try to write these summaries again (answering with ``Event/retried(stillUnsaved:)``),
        /// and wipe the screen, its scrollback and the line editor's history, kill ring and undo list.
        case prepareNextPatient(retrying: [ConsultationRecord])
        /// Show the welcome, with the languages to choose from when there is a choice, and read a line.
        case showWelcome(languages: [String]?)
        /// Read another line at the same screen (nothing to show).
        case readAgain
        /// Run a consultation in this language, answering with ``Event/consultationEnded(_:)``.
        case runConsultation(language: String)
        /// Show the thank-you screen and read a line with the idle timeout.
        case showThankYou
        /// Recover journals and try these summaries a last time (answering with ``Event/retried(stillUnsaved:)``).
        case stop(retrying: [ConsultationRecord])
        /// Name for staff the summaries that could not be written (never in a log: they hold health answers), and exit.
        case exit(clean: Bool, unsaved: [ConsultationRecord])
    }

    public private(set) var phase: Phase = .idle
    /// Summaries written nowhere, not even in a journal: kept in memory until they can be written.
    public private(set) var unsaved: [ConsultationRecord] = []

    let languages: [String]
    let fixedLanguage: String?
    let languageNames: [String: String]
    let interactive: Bool

    /// - Parameters:
    ///   - languages: the consultation's languages, English first.
    ///   - fixedLanguage: the language staff chose (`--lang`); the patient is then not asked.
    ///   - languageNames: each language's name in itself (`es` → `Español`), which patients may type.
    ///   - interactive: whether input is a terminal (Ctrl-D at the welcome is then ignored) or a pipe (its end stops).
    public init(languages: [String], fixedLanguage: String?, languageNames: [String: String], interactive: Bool) {
        self.languages = languages.isEmpty ? ["en"] : languages
        self.fixedLanguage = fixedLanguage
        self.languageNames = languageNames
        self.interactive = interactive
    }

    /// The language of the next consultation when no one is asked: staff's choice, or the only one.
    var preset: String? {
        if let fixedLanguage { return languages.contains(fixedLanguage) ? fixedLanguage : "en" }
        return languages.count == 1 ? languages[0] : nil
    }

    public mutating func handle(_ event: Event) -> Action {
        switch (phase, event) {
        case (_, .terminated) where phase != .stopping && !isStopped:
            return stop()
        case (.idle, .started):
            return prepareNextPatient()

        case let (.preparing, .retried(still)):
            unsaved = still
            phase = .welcome(choosingLanguage: preset == nil)
            return .showWelcome(languages: preset == nil ? languages : nil)

        case let (.welcome(choosing), .line(text)):
            if !choosing, let preset { return consult(in: preset) }
            guard let language = chosenLanguage(text) else { return .readAgain }
            return consult(in: language)
        case (.welcome, .endOfInput):
            // Ctrl-D at a terminal does nothing here; a pipe that ends stops the kiosk.
            return interactive ? .readAgain : stop()
        case (.welcome, .interrupted), (.welcome, .timedOut):
            return .readAgain

        case let (.consulting, .consultationEnded(ending)):
            switch ending {
            case let .finished(walkedAway):
                // Nobody is there to thank after a walk-away: the next patient's screen comes at once.
                return walkedAway ? prepareNextPatient() : thank()
            case .terminated:
                return stop()
            case let .summaryNotSaved(record, stopping, walkedAway, journaled):
                if !journaled { unsaved.append(record) }
                if stopping { return stop() }
                return walkedAway ? prepareNextPatient() : thank()
            }

        case (.thankingPatient, .line), (.thankingPatient, .timedOut), (.thankingPatient, .interrupted):
            return prepareNextPatient()
        case (.thankingPatient, .endOfInput):
            return interactive ? prepareNextPatient() : stop()

        case let (.stopping, .retried(still)):
            unsaved = still
            phase = .stopped(clean: still.isEmpty)
            return .exit(clean: still.isEmpty, unsaved: still)

        default:
            // An event that cannot happen in this phase (the driver's mistake): nothing changes.
            return isStopped ? .exit(clean: unsaved.isEmpty, unsaved: unsaved) : .readAgain
        }
    }

    private var isStopped: Bool {
        if case .stopped = phase { return true }
        return false
    }

    private mutating func prepareNextPatient() -> Action {
        phase = .preparing
        return .prepareNextPatient(retrying: unsaved)
    }

    private mutating func consult(in language: String) -> Action {
        phase = .consulting(language: language)
        return .runConsultation(language: language)
    }

    private mutating func thank() -> Action {
        phase = .thankingPatient
        return .showThankYou
    }

    private mutating func stop() -> Action {
        phase = .stopping
        return .stop(retrying: unsaved)
    }

    /// The language a patient chose at the welcome: its number, code or name; Enter alone takes the first.
    func chosenLanguage(_ line: String) -> String? {
        let typed = TextNormalizer.normalize(TerminalSanitizer.clean(line))
        if typed.isEmpty { return languages[0] }
        if let number = Int(typed), languages.indices.contains(number - 1) { return languages[number - 1] }
        return languages.first { code in
            typed == code || typed == TextNormalizer.normalize(languageNames[code] ?? code)
        }
    }
}
