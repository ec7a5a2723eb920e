import Foundation
import Testing
@testable import ConsultCore

@Suite struct RehearsalSessionTests {
    static let now = SessionTestDialog.finished

    static func session() throws -> RehearsalSession {
        RehearsalSession(consultation: try SessionTestDialog.load(), id: "0000abcd", started: SessionTestDialog.started)
    }

    /// Feeds lines in order and returns the last step.
    static func feed(_ session: inout RehearsalSession, _ lines: String...) -> RehearsalStep {
        var step = session.start(at: SessionTestDialog.started)
        for line in lines { step = session.lineReceived(line, at: now) }
        return step
    }

    @Test func eachQuestionShowsItsPlaceAndTheRulesItFeeds() throws {
        var session = try Self.session()
        let first = session.start(at: SessionTestDialog.started)
        #expect(first.place == PromptPlace(place: "clinic/concern", feeds: []))
        let step = session.lineReceived("acne", at: Self.now)
        #expect(step.place?.place == "clinic/age")
        #expect(step.place?.feeds.map(\.id) == ["minor"])
        #expect(session.machine.state.mode == .rehearsal)
    }

    @Test func anAnswerThatFiresARuleIsExplainedWithTheValuesItSaw() throws {
        var session = try Self.session()
        let step = Self.feed(&session, "wrinkles", "16")
        guard case let .ruleChanges(changes)? = step.reports.first else {
            Issue.record("no rule changes in \(step.reports)")
            return
        }
        #expect(changes.fired.map(\.rule.id) == ["minor"])
        #expect(changes.fired.first?.condition == "age < 18")
        #expect(changes.fired.first?.values == [SeenValue(name: "age", text: "16")])
        #expect(changes.unfired.isEmpty)
        #expect(changes.outcomeBefore == .proceed && changes.outcomeAfter == .decline)
    }

    @Test func anOwnQuestionShowsStaffTheBestFAQEntriesWithScores() throws {
        var session = try Self.session()
        let step = Self.feed(&session, "acne", "does it hurt?")
        guard case let .faqMatches(matches)? = step.reports.first else {
            Issue.record("no FAQ matches in \(step.reports)")
            return
        }
        #expect(matches.question == "does it hurt?")
        #expect(matches.best.map(\.entryID) == ["pain"])
        #expect(matches.decision == .answer(try #require(matches.best.first)))
        #expect(step.action.prompt?.nodeID == "age")

        // A question the FAQ cannot answer shows that nothing fits, and a plain answer shows nothing.
        let unanswered = session.lineReceived("what is the capital of France?", at: Self.now)
        #expect(unanswered.reports == [.faqMatches(FAQMatches(question: "what is the capital of France?", best: [], decision: .none(best: [])))])
        #expect(session.lineReceived("34", at: Self.now).reports.allSatisfy {
            if case .faqMatches = $0 { false } else { true }
        })
    }

    @Test func setReadsTheValueReEvaluatesRulesAndStaysPut() throws {
        var session = try Self.session()
        _ = Self.feed(&session, "wrinkles", "16")
        #expect(session.machine.state.phase == .awaiting(PromptPoint(address: NodeAddress(dialog: "clinic", index: 5), stage: .question)))
        let step = session.lineReceived("set age thirty", at: Self.now)
        #expect(step.reports.first == .answerChanged(id: "age", from: "16 years", to: "30 years"))
        guard case let .ruleChanges(changes)? = step.reports.last else {
            Issue.record("no rule changes in \(step.reports)")
            return
        }
        #expect(changes.unfired.map(\.rule.id) == ["minor"])
        #expect(changes.unfired.first?.values == [SeenValue(name: "age", text: "30")])
        #expect(changes.outcomeAfter == .proceed)
        #expect(step.action.prompt?.nodeID == "guardian")
        #expect(session.machine.state.answerValues["age"] == .some(.number(30)))

        // back undoes the set.
        _ = session.lineReceived("back", at: Self.now)
        #expect(session.machine.state.answerValues["age"] == .some(.number(16)))
    }

    @Test func setRejectsUnknownIdsWithASuggestionAndUnreadableValuesWithAHint() throws {
        var session = try Self.session()
        var step = Self.feed(&session, "wrinkles", "set agee 30")
        #expect(step.reports == [.rejected(.unknownAnswer("agee", suggestion: "age"))])
        #expect(step.reports.first.map { "\($0)" }?.isEmpty == false)
        step = session.lineReceived("set age old", at: Self.now)
        guard case let .rejected(.unreadable(id, hint))? = step.reports.first else {
            Issue.record("not rejected: \(step.reports)")
            return
        }
        #expect(id == "age" && !hint.isEmpty)
        #expect(session.machine.state.answerValues["age"] == nil)
        #expect(step.action.prompt?.nodeID == "age")
    }

    @Test func gotoACalledDialogPushesTheCallSiteAndReturnsToTheCaller() throws {
        var session = try Self.session()
        var step = Self.feed(&session, "wrinkles", "goto keloid")
        #expect(step.reports == [.moved(to: "screening/keloid", callStack: ["clinic/screening call screening"])])
        #expect(step.place?.place == "screening/keloid")
        #expect(step.place?.feeds.map(\.id) == ["keloid_review", "keloid_note"])
        #expect(session.machine.state.answerValues["concern"] == .some(.choice("wrinkles")))  // answers stay

        step = session.lineReceived("no", at: Self.now)
        #expect(step.action.prompt?.nodeID == "notes")
        step = session.lineReceived("", at: Self.now)
        #expect(step.action.prompt?.nodeID == "costs")  // back in the caller after the call
        #expect(session.machine.state.callStack.isEmpty)
    }

    @Test func gotoBackToTheCallerUnwindsAndBackUndoesIt() throws {
        var session = try Self.session()
        _ = Self.feed(&session, "wrinkles", "40", "no")
        #expect(session.machine.state.callStack.count == 1)
        var step = session.lineReceived("goto clinic/age", at: Self.now)
        #expect(step.action.prompt?.nodeID == "age")
        #expect(session.machine.state.callStack.isEmpty)
        step = session.lineReceived("back", at: Self.now)
        #expect(step.action.prompt?.nodeID == "keloid")
        #expect(session.machine.state.callStack.count == 1)
    }

    @Test func gotoAnUnknownNodeSuggestsTheClosest() throws {
        var session = try Self.session()
        let step = Self.feed(&session, "goto keliod")
        #expect(step.reports == [.rejected(.unknownNode("keliod", suggestion: "keloid"))])
        #expect(step.action.prompt?.nodeID == "concern")
        #expect(Self.feed(&session, "goto").reports == [.rejected(.usage("goto NODE"))])
    }

    @Test func rulesAnswersAndWhereDescribeTheSessionSoFar() throws {
        var session = try Self.session()
        _ = Self.feed(&session, "acne", "30", "not sure")

        let rules = session.lineReceived("rules", at: Self.now)
        guard case let .rules(fired, notFired)? = rules.reports.first else {
            Issue.record("no rules report: \(rules.reports)")
            return
        }
        #expect(fired.map(\.rule.id) == ["pregnancy"])
        #expect(fired.first?.values == [SeenValue(name: "pregnant", text: "unsure")])
        #expect(notFired.map(\.rule.id) == ["minor", "keloid_review", "keloid_note"])
        #expect(notFired.last?.values == [SeenValue(name: "keloid", text: "not asked")])

        let answers = session.lineReceived("answers", at: Self.now)
        #expect(answers.reports == [.answers([
            AnswerLine(id: "concern", value: "Acne scars", typed: "acne"),
            AnswerLine(id: "age", value: "30 years", typed: "30"),
            AnswerLine(id: "pregnant", value: "not sure", typed: "not sure"),
        ])])

        let path = session.lineReceived("where", at: Self.now)
        #expect(path.reports == [.path([
            RehearsalPlace(place: "clinic/concern", answer: "Acne scars", isCurrent: false),
            RehearsalPlace(place: "clinic/age", answer: "30 years", isCurrent: false),
            RehearsalPlace(place: "clinic/pregnant", answer: "not sure", isCurrent: false),
            RehearsalPlace(place: "screening/keloid", answer: nil, isCurrent: true),
        ], callStack: ["clinic/screening call screening"])])
        #expect(path.action.prompt?.nodeID == "keloid")
    }

    @Test func personaAsksTheDriverToPlayTheFile() throws {
        var session = try Self.session()
        let step = Self.feed(&session, "persona tests/some persona.txt")
        #expect(step.personaFile == "tests/some persona.txt")
        #expect(step.action.prompt?.nodeID == "concern")
    }

    @Test func completionsOfferStaffCommandsWithIds() throws {
        var session = try Self.session()
        let step = session.start(at: SessionTestDialog.started)
        let completions = session.completions(for: try #require(step.action.prompt))
        #expect(completions.contains("Acne scars"))
        #expect(completions.contains("goto keloid"))
        #expect(completions.contains("goto costs"))
        #expect(completions.contains("set age "))
        #expect(completions.contains("rules") && completions.contains("where") && completions.contains("answers"))
    }

    // MARK: - Coverage

    @Test func coverageCountsTheBranchCasesTakenAndRulesFired() throws {
        var session = try Self.session()
        let consultation = session.consultation
        #expect(RehearsalCoverage.branchKeys(of: consultation) == ["clinic#3 if age < 18", "clinic#3 otherwise"])

        _ = Self.feed(&session, "acne", "16", "back", "30", "yes")
        let coverage = session.coverage
        #expect(coverage.rehearsals == 1)
        #expect(coverage.branches == ["clinic#3 if age < 18": 1, "clinic#3 otherwise": 1])
        #expect(coverage.rules == ["minor": 1, "pregnancy": 1])
        let figures = CoverageFigures(coverage, of: consultation)
        #expect([figures.branchCasesTaken, figures.branchCases, figures.rulesFired, figures.rules] == [Int]([2, 2, 2, 4]))
    }

    @Test func setAndGotoTakeNoBranch() throws {
        var session = try Self.session()
        _ = Self.feed(&session, "acne", "set age 16", "goto keloid")
        #expect(session.coverage.branches.isEmpty)
        #expect(session.coverage.rules == ["minor": 1])  // it fired while the answer was 16
    }

    @Test func theLedgerAddsRehearsalsPerDialogVersion() throws {
        var ledger = CoverageLedger()
        ledger.add(RehearsalCoverage(rehearsals: 1, branches: ["a if x": 1], rules: ["r": 1]), under: "clinic 2.1.0")
        ledger.add(RehearsalCoverage(rehearsals: 1, branches: ["a if x": 2, "a otherwise": 1], rules: [:]), under: "clinic 2.1.0")
        ledger.add(RehearsalCoverage(rehearsals: 1, branches: [:], rules: ["r": 1]), under: "clinic 2.2.0")
        #expect(ledger.dialogs["clinic 2.1.0"] == RehearsalCoverage(rehearsals: 2, branches: ["a if x": 3, "a otherwise": 1], rules: ["r": 1]))
        #expect(ledger.dialogs["clinic 2.2.0"]?.rehearsals == 1)
        let decoded = try JSONDecoder().decode(CoverageLedger.self, from: JSONEncoder().encode(ledger))
        #expect(decoded == ledger)
    }

    // MARK: - Persona scripts

    @Test func personaScriptsSkipCommentsKeepEmptyLinesAndStopAtTheStopLine() {
        let script = PersonaScript(parsing: "# a comment\nyes\n\n#> outcome: defer\n  # indented comment\n34\n#> stop\nno\n")
        #expect(script.lines == ["yes", "", "34"])
        #expect(script.stoppedEarly)
        let whole = PersonaScript(parsing: "yes\r\nno")
        #expect(whole.lines == ["yes", "no"])
        #expect(!whole.stoppedEarly)
    }
}
