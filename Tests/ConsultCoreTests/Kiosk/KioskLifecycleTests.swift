import Testing
@testable import ConsultCore

/// The kiosk's privacy- and safety-relevant decisions, without a terminal: the wipe before every patient, unsaved
/// summaries kept and retried, the stop, and what patients' input can and cannot do.
@Suite("kiosk lifecycle")
struct KioskLifecycleTests {
    static func record(_ id: String) -> ConsultationRecord {
        ConsultationRecord(id: id, dialog: SummaryFixtures.dialog, language: "en", mode: .patient,
                           started: SummaryFixtures.started, finished: SummaryFixtures.finished,
                           outcome: OutcomeSummary(status: .incomplete), answers: [], highlights: [], faq: [])
    }

    static func kiosk(languages: [String] = ["en"], fixed: String? = nil, interactive: Bool = true) -> KioskLifecycle {
        KioskLifecycle(languages: languages, fixedLanguage: fixed, languageNames: ["en": "English", "es": "Español"],
                       interactive: interactive)
    }

    /// Starts a kiosk and brings it to its first welcome.
    static func atWelcome(_ kiosk: inout KioskLifecycle) {
        #expect(kiosk.handle(.started) == .prepareNextPatient(retrying: []))
        _ = kiosk.handle(.retried(stillUnsaved: []))
    }

    @Test("every patient, the first included, starts after the wipe; a finished patient is thanked first")
    func wipeBeforeEveryPatient() {
        var kiosk = Self.kiosk()
        #expect(kiosk.handle(.started) == .prepareNextPatient(retrying: []))
        #expect(kiosk.handle(.retried(stillUnsaved: [])) == .showWelcome(languages: nil))
        #expect(kiosk.handle(.line("")) == .runConsultation(language: "en"))
        #expect(kiosk.handle(.consultationEnded(.finished(walkedAway: false))) == .showThankYou)
        #expect(kiosk.handle(.line("")) == .prepareNextPatient(retrying: []))
        #expect(kiosk.phase == .preparing)
    }

    @Test("after a walk-away nobody is thanked: the wipe comes at once; the thank-you also ends by itself")
    func walkAway() {
        var kiosk = Self.kiosk()
        Self.atWelcome(&kiosk)
        _ = kiosk.handle(.line(""))
        #expect(kiosk.handle(.consultationEnded(.finished(walkedAway: true))) == .prepareNextPatient(retrying: []))
        _ = kiosk.handle(.retried(stillUnsaved: []))
        _ = kiosk.handle(.line(""))
        #expect(kiosk.handle(.consultationEnded(.finished(walkedAway: false))) == .showThankYou)
        #expect(kiosk.handle(.timedOut) == .prepareNextPatient(retrying: []))
    }

    @Test("a summary written nowhere is kept, retried before the next patient and at the stop, and named at the exit")
    func unsavedSummariesAreRetried() {
        var kiosk = Self.kiosk()
        Self.atWelcome(&kiosk)
        _ = kiosk.handle(.line(""))
        let lost = Self.record("aaaa0001")
        #expect(kiosk.handle(.consultationEnded(.summaryNotSaved(lost, stopping: false, walkedAway: false, journaled: false)))
            == .showThankYou)
        #expect(kiosk.handle(.line("")) == .prepareNextPatient(retrying: [lost]))
        // Still not writable: kept for the next attempt.
        #expect(kiosk.handle(.retried(stillUnsaved: [lost])) == .showWelcome(languages: nil))
        #expect(kiosk.unsaved == [lost])
        _ = kiosk.handle(.line(""))
        #expect(kiosk.handle(.terminated) == .stop(retrying: [lost]))
        #expect(kiosk.handle(.retried(stillUnsaved: [lost])) == .exit(clean: false, unsaved: [lost]))
        #expect(kiosk.phase == .stopped(clean: false))
    }

    @Test("a journaled session is not kept in memory: recovery writes it from the journal")
    func journaledSessionsAreNotKept() {
        var kiosk = Self.kiosk()
        Self.atWelcome(&kiosk)
        _ = kiosk.handle(.line(""))
        let journaled = Self.record("aaaa0002")
        #expect(kiosk.handle(.consultationEnded(.summaryNotSaved(journaled, stopping: false, walkedAway: true, journaled: true)))
            == .prepareNextPatient(retrying: []))
        #expect(kiosk.unsaved.isEmpty)
    }

    @Test("staff stopping the kiosk mid-consultation: the session's record is kept and the stop retries it; a clean stop exits clean")
    func stopDuringAConsultation() {
        var kiosk = Self.kiosk()
        Self.atWelcome(&kiosk)
        _ = kiosk.handle(.line(""))
        let partial = Self.record("aaaa0003")
        #expect(kiosk.handle(.consultationEnded(.summaryNotSaved(partial, stopping: true, walkedAway: false, journaled: false)))
            == .stop(retrying: [partial]))
        #expect(kiosk.handle(.retried(stillUnsaved: [])) == .exit(clean: true, unsaved: []))

        var other = Self.kiosk()
        Self.atWelcome(&other)
        _ = other.handle(.line(""))
        #expect(other.handle(.consultationEnded(.terminated)) == .stop(retrying: []))
    }

    @Test("patient input never stops the kiosk at a terminal; piped input that ends does")
    func onlySignalsOrAPipeStopIt() {
        var kiosk = Self.kiosk()
        Self.atWelcome(&kiosk)
        for event in [KioskLifecycle.Event.endOfInput, .interrupted, .timedOut] {
            #expect(kiosk.handle(event) == .readAgain)
        }
        _ = kiosk.handle(.line(""))
        _ = kiosk.handle(.consultationEnded(.finished(walkedAway: false)))
        #expect(kiosk.handle(.endOfInput) == .prepareNextPatient(retrying: []))
        _ = kiosk.handle(.retried(stillUnsaved: []))
        #expect(kiosk.handle(.terminated) == .stop(retrying: []))

        var piped = Self.kiosk(interactive: false)
        Self.atWelcome(&piped)
        #expect(piped.handle(.endOfInput) == .stop(retrying: []))
    }

    @Test("the language is chosen by number, code or name, Enter takes the first, anything else asks again")
    func languageChoice() {
        var kiosk = Self.kiosk(languages: ["en", "es"])
        _ = kiosk.handle(.started)
        #expect(kiosk.handle(.retried(stillUnsaved: [])) == .showWelcome(languages: ["en", "es"]))
        #expect(kiosk.handle(.line("klingon")) == .readAgain)
        #expect(kiosk.handle(.line("  ESPAÑOL ")) == .runConsultation(language: "es"))
        for (typed, language) in [("2", "es"), ("es", "es"), ("1", "en"), ("", "en"), ("english", "en"), ("espanol", "es")] {
            var fresh = Self.kiosk(languages: ["en", "es"])
            Self.atWelcome(&fresh)
            #expect(fresh.handle(.line(typed)) == .runConsultation(language: language), "\(typed)")
        }
        var fixed = Self.kiosk(languages: ["en", "es"], fixed: "es")
        _ = fixed.handle(.started)
        #expect(fixed.handle(.retried(stillUnsaved: [])) == .showWelcome(languages: nil))
        #expect(fixed.handle(.line("anything")) == .runConsultation(language: "es"))
    }
}

/// "Are you still there?" without a terminal.
@Suite("idle warning")
struct IdleWarningTests {
    @Test("the countdown ticks down to a walk-away; typing during it only brings the question back")
    func countdown() {
        var warning = IdleWarning(seconds: 3)
        #expect(warning.first == .count(3))
        #expect(warning.handle(.secondPassed) == .count(2))
        #expect(warning.handle(.line) == .stillThere)
        var nobody = IdleWarning(seconds: 2)
        #expect(nobody.handle(.secondPassed) == .count(1))
        #expect(nobody.handle(.secondPassed) == .walkedAway)
        #expect(IdleWarning(seconds: 0).first == .walkedAway)
    }
}
