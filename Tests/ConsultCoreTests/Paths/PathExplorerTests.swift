import Foundation
import Testing
@testable import ConsultCore

/// `PathExplorer` on small dialogs written here, and on the bundled consultation.
@Suite("path explorer")
struct PathExplorerTests {
    static let today = CalendarDay(year: 2026, month: 5, day: 15)!

    /// Loads one dialog file (and optionally a settings file) from text.
    static func load(_ dialog: String, settings: String? = nil) throws -> Consultation {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("consult-paths-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try dialog.write(to: folder.appendingPathComponent("visit.yaml"), atomically: true, encoding: .utf8)
        if let settings { try settings.write(to: folder.appendingPathComponent("clinic.yaml"), atomically: true, encoding: .utf8) }
        let result = ConsultationLoader.load(path: folder.path)
        return try #require(result.consultation, "does not load: \(result.diagnostics.map(\.description))")
    }

    static func properties(_ text: String, for consultation: Consultation) throws -> [SafetyProperty] {
        let parsed = SafetyPropertiesFile.parse(text, path: "properties.yaml", consultation: consultation)
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics.map(\.description))")
        return parsed.properties
    }

    /// Plays a transcript through the session state machine; the outcome it finishes with, if it finishes.
    static func replay(_ transcript: String, in consultation: Consultation) -> OutcomeStatus? {
        var machine = ConsultationStateMachine(consultation: consultation, id: "test", started: Date())
        _ = machine.start(at: Date())
        for line in transcript.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            _ = machine.lineReceived(String(line), at: Date())
        }
        if case let .finished(status) = machine.state.phase { return status }
        return nil
    }

    static let ages = """
        dialog: visit
        version: 1.0.0
        nodes:
          - ask: How old are you?
            id: age
            type: number
            range: [0, 120]
          - ask: Are you pregnant?
            id: pregnant
            type: yes-no-unsure
          - ask: Please read this.
            id: notice
            type: continue
          - explain: aftercare
            title: Aftercare
            text: Keep out of the sun.
          - end: Thanks.
        rules:
          - id: minor
            when: age < 18
            outcome: decline
            reason: Under 18.
          - id: young
            when: age >= 18 and age < 22
            outcome: review
            reason: Under 22.
          - id: pregnancy
            when: pregnant != no
            outcome: defer
            reason: Pregnant or not sure.
        """

    @Test("numbers are grouped into the ranges conditions tell apart, and paths are counted by class")
    func numberClasses() throws {
        let consultation = try Self.load(Self.ages)
        let exploration = PathExplorer(consultation: consultation, today: Self.today).explore()
        let ages = try #require(exploration.answerClasses["age"])
        #expect(ages.compactMap(\.numberRange) == [0...17, 18...21, 22...120])
        // pregnant: `yes` and `not sure` are one class (the only rule reads it as `!= no`); the topic does not fork.
        #expect(exploration.answerClasses["pregnant"]?.map(\.members) == [["yes", "not sure"], ["no"]])
        #expect(exploration.pathCount == PathCount(3 * 2))
        #expect(exploration.pathCountByOutcome == [.proceed: PathCount(1), .review: PathCount(1), .defer: PathCount(2), .decline: PathCount(2)])
        #expect(exploration.complete)
    }

    @Test("number classes follow arithmetic in computed values, not only numbers written in conditions")
    func numberClassesThroughArithmetic() throws {
        // Found by the differential test: `q * 2 + 9 < 182` and `q * 2 + 4 < 150` change at 86/87 and 72/73,
        // numbers written nowhere; the class 73…86 (a note, no review) was never tried before.
        let consultation = try Self.load("""
            dialog: visit
            version: 1.0.0
            nodes:
              - ask: How many?
                id: q
                type: number
                range: [0, 100]
              - end: Thanks.
            computed:
              c1: "q * 2 + 9"
              c2: "q * 2 + 4"
            rules:
              - id: low
                when: c2 < 150
                outcome: review
                reason: Low.
              - id: note
                when: c1 < 182
                outcome: info
                reason: Note.
            """)
        let exploration = PathExplorer(consultation: consultation, today: Self.today).explore()
        #expect(exploration.answerClasses["q"]?.compactMap(\.numberRange) == [0...72, 73...86, 87...100])
        #expect(exploration.pathCountByOutcome == [.review: PathCount(1), .proceed: PathCount(2)])
    }

    @Test("conditions doing arithmetic on several answers are named as checked at representatives only")
    func approximateConditionsAreNamed() throws {
        let consultation = try Self.load("""
            dialog: visit
            version: 1.0.0
            nodes:
              - ask: Weight?
                id: weight
                type: number
                range: [0, 300]
              - ask: Height?
                id: height
                type: number
                range: [0, 250]
              - end: Thanks.
            computed:
              total: "weight + height"
              doubled: "weight * 2"
            rules:
              - id: big
                when: total > 400
                outcome: review
                reason: Big.
              - id: heavy
                when: doubled > 400
                outcome: review
                reason: Heavy.
            """)
        let exploration = PathExplorer(consultation: consultation, today: Self.today).explore()
        // `doubled` does arithmetic on one answer only: its classes are exact (bisection), so it is not named.
        #expect(exploration.approximateConditions == ["rule 'big': total > 400"])
        let exact = PathExplorer(consultation: try Self.load(Self.ages), today: Self.today).explore()
        #expect(exact.approximateConditions.isEmpty)
    }

    @Test("the shortest path to each outcome, answers as typed")
    func shortestPaths() throws {
        let consultation = try Self.load(Self.ages)
        let exploration = PathExplorer(consultation: consultation, today: Self.today).explore()
        #expect(exploration.outcomes == [.proceed, .review, .defer, .decline])
        let proceed = try #require(exploration.shortestPaths[.proceed])
        #expect(proceed.map(\.id) == ["age", "pregnant", "notice", "aftercare"])
        #expect(proceed.map(\.answer) == ["22", "no", "", "skip"])
        #expect(proceed.last?.prompt == .topic)
        for (outcome, path) in exploration.shortestPaths {
            let transcript = Counterexample(outcome: outcome, steps: path).transcript
            #expect(Self.replay(transcript, in: consultation) == outcome, "\(outcome): \(transcript)")
        }
    }

    static let branching = """
        dialog: visit
        version: 1.0.0
        nodes:
          - ask: Have you had filler?
            id: filler
            type: yes-no
          - branch:
              - if: filler == no
                goto: sections
          - ask: When did you last have filler?
            id: filler_date
            type: date
          - id: sections
            call: screening
          - branch:
              - if: outcome == decline
                goto: goodbye
          - ask: Which areas?
            id: area
            type: multiple-choice
            options:
              - {id: face, label: Face}
              - {id: neck, label: Neck}
              - {id: hands, label: Hands}
            none: None of these
          - outcome: true
          - end: Thanks.
          - id: goodbye
            end: Sorry.
        rules:
          - id: filler_recent
            when: filler and months_since(filler_date) < 6
            outcome: defer
            reason: Recent filler.
          - id: hands_note
            when: hands in area
            outcome: precaution
            reason: Hands.
        """

    static let screening = """
        dialog: screening
        nodes:
          - ask: Have you had a keloid?
            id: keloid
            type: yes-no
          - ask: Anything else?
            id: notes
            type: text
            required: false
          - return: true
        rules:
          - id: keloid_decline
            when: keloid
            outcome: decline
            reason: Keloid.
        """

    static func loadBranching() throws -> Consultation {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("consult-paths-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.branching.write(to: folder.appendingPathComponent("visit.yaml"), atomically: true, encoding: .utf8)
        try Self.screening.write(to: folder.appendingPathComponent("screening.yaml"), atomically: true, encoding: .utf8)
        let result = ConsultationLoader.load(path: folder.path)
        return try #require(result.consultation, "does not load: \(result.diagnostics.map(\.description))")
    }

    @Test("calls, branches on answers and on the outcome so far, dates and multiple choices")
    func branchingCounts() throws {
        let consultation = try Self.loadBranching()
        let exploration = PathExplorer(consultation: consultation, today: Self.today).explore()
        // filler: no (1) or yes with a date recent or not (2); keloid yes ends at goodbye (1), keloid no goes on
        // to area: hands chosen or not (2). Nothing reads notes, so answering and skipping it are one class.
        #expect(exploration.pathCount == PathCount(3 * (1 + 2)))
        #expect(exploration.answerClasses["notes"]?.map(\.members) == [["none", "skip"]])
        #expect(exploration.outcomes == [.proceed, .defer, .decline])
        let dates = try #require(exploration.answerClasses["filler_date"])
        #expect(dates.count == 2)
        #expect(dates.map(\.typed).allSatisfy { $0.hasSuffix("ago") || $0 == "today" })
        let decline = try #require(exploration.shortestPaths[.decline])
        #expect(decline.map(\.id) == ["filler", "keloid", "notes"])
        #expect(Self.replay(Counterexample(outcome: .decline, steps: decline).transcript, in: consultation) == .decline)
    }

    static let unsafe = """
        dialog: visit
        version: 1.0.0
        nodes:
          - ask: How old are you?
            id: age
            type: number
            range: [0, 120]
          - branch:
              - if: age < 16
                goto: minor
          - ask: Are you pregnant?
            id: pregnant
            type: yes-no-unsure
          - outcome: true
          - end: Thanks.
          - id: minor
            end: Bye.
        rules:
          - id: too_young
            when: age < 16
            outcome: decline
            reason: Under 16.
          - id: pregnancy
            when: pregnant == yes
            outcome: defer
            reason: Pregnant.
        """

    @Test("a property that fails comes with the shortest counterexample, which the session replays to the same outcome")
    func counterexample() throws {
        let consultation = try Self.load(Self.unsafe)
        let properties = try Self.properties("""
            properties:
              - id: unsure_defers
                never: {outcome: proceed, when: "pregnant != no"}
              - id: minors
                never: {outcome: [proceed, review], when: "age < 18"}
              - id: pregnant_defers
                never: {outcome: proceed, when: "pregnant == yes"}
              - id: outcome_shown
                always_summary: age
              - reachable: all_questions
              - can_fire: all_rules
            """, for: consultation)
        let exploration = PathExplorer(consultation: consultation, properties: properties, today: Self.today).explore()
        let results = Dictionary(uniqueKeysWithValues: exploration.properties.map { ($0.property.id, $0) })
        #expect(results["pregnant_defers"]?.holds == true)
        #expect(results["reachable"]?.holds == true)
        #expect(results["can_fire"]?.holds == true)

        let unsure = try #require(results["unsure_defers"]?.counterexample)
        #expect(results["unsure_defers"]?.holds == false)
        #expect(unsure.outcome == .proceed)
        #expect(unsure.steps.map(\.answer) == ["16", "not sure"])
        #expect(unsure.transcript == "16\nnot sure\n")
        #expect(Self.replay(unsure.transcript, in: consultation) == .proceed)

        // 16 and 17 are not minors to the dialog, but the property splits them off (its own number, 18).
        let minors = try #require(results["minors"]?.counterexample)
        #expect(minors.steps.first?.answer == "16")
        #expect(Self.replay(minors.transcript, in: consultation) == .proceed)

        // Under 16 ends without the outcome node.
        let shown = try #require(results["outcome_shown"]?.counterexample)
        #expect(shown.steps.map(\.answer) == ["0"])
        #expect(Self.replay(shown.transcript, in: consultation) == .decline)
    }

    @Test("unknown names and kinds in a properties file are reported with their place")
    func propertyErrors() throws {
        let consultation = try Self.load(Self.unsafe)
        let parsed = SafetyPropertiesFile.parse("""
            properties:
              - never: {outcome: procede, when: "pregnant == yes"}
              - can_fire: [too_yung]
              - reachable: nowhere
              - sometimes: true
              - never: {when: "age < 'x'"}
            """, path: "properties.yaml", consultation: consultation)
        let messages = parsed.diagnostics.map(\.description)
        #expect(messages.contains { $0.hasPrefix("properties.yaml:2:") && $0.contains("unknown outcome 'procede'") && $0.contains("proceed") })
        #expect(messages.contains { $0.hasPrefix("properties.yaml:3:") && $0.contains("no rule 'too_yung'") && $0.contains("too_young") })
        #expect(messages.contains { $0.hasPrefix("properties.yaml:4:") && $0.contains("no node or question 'nowhere'") })
        #expect(messages.contains { $0.hasPrefix("properties.yaml:5:") && $0.contains("unknown key 'sometimes'") })
        #expect(messages.contains { $0.hasPrefix("properties.yaml:6:") && $0.contains("in the condition") })
        #expect(parsed.properties.isEmpty)
    }

    @Test("a loop through a question makes the paths unbounded, and still finds every outcome")
    func loop() throws {
        let consultation = try Self.load("""
            dialog: visit
            version: 1.0.0
            nodes:
              - ask: Ready?
                id: ready
                type: yes-no
              - branch:
                  - if: ready == no
                    goto: ready
              - end: Thanks.
            """)
        let exploration = PathExplorer(consultation: consultation, today: Self.today).explore()
        #expect(exploration.pathCount == nil)
        #expect(exploration.outcomes == [.proceed])
        #expect(exploration.neverEnding == nil)
    }

    @Test("the bundled consultation: every property holds, and every shortest path replays to its outcome")
    func bundled() throws {
        let consultation = try BundledConsultation.consultation()
        let url = BundledConsultation.packageRoot.appendingPathComponent("dialogs/properties.yaml")
        let properties = try Self.properties(String(contentsOf: url, encoding: .utf8), for: consultation)
        #expect(properties.count == 10)
        let exploration = PathExplorer(consultation: consultation, properties: properties, today: CalendarDay(Date())).explore()
        for result in exploration.properties {
            #expect(result.holds, "\(result.property.id): \(result.detail)")
        }
        #expect(exploration.outcomes == [.proceed, .review, .defer, .decline])
        for (outcome, path) in exploration.shortestPaths {
            #expect(Self.replay(Counterexample(outcome: outcome, steps: path).transcript, in: consultation) == outcome)
        }
        let ages = try #require(exploration.answerClasses["age"])
        #expect(ages.compactMap(\.numberRange).contains(22...120))
    }
}
