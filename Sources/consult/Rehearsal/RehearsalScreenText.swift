import ConsultCore

/// The words of the rehearsal's staff view, in one place for review.
enum RehearsalScreenText {
    static let banner = "REHEARSAL: a staff practice run. Node ids and rules are shown; type help for the staff commands."

    static func header(_ place: PromptPlace) -> String {
        let feeds = place.feeds.isEmpty ? "feeds no rules" : "feeds " + place.feeds.map(rule).joined(separator: ", ")
        return "[\(place.place)] \(feeds)"
    }

    static func rule(_ rule: RuleSummary) -> String { "\(rule.id) (\(rule.effect.rawValue))" }

    /// `pregnancy (defer): pregnant != no` and `with pregnant = unsure`, shown on one line when they fit.
    static func explanation(_ explanation: RuleExplanation, verb: String = "") -> (rule: String, values: String?) {
        let values = explanation.values.map { "\($0.name) = \($0.text)" }.joined(separator: ", ")
        return ("  \(verb)\(rule(explanation.rule)): \(explanation.condition)", values.isEmpty ? nil : "with \(values)")
    }

    static let fired = "fired "
    static let unfired = "unfired "
    static let noRuleChanged = "  rules: no change"
    static func outcome(_ before: OutcomeStatus, _ after: OutcomeStatus) -> String { "  outcome: \(before.rawValue) -> \(after.rawValue)" }
    static func outcomeStays(_ status: OutcomeStatus) -> String { "  outcome: \(status.rawValue)" }

    /// `  faq: faq_pain 0.82 · faq_numbing 0.30   (answered)`: the best entries, then what the session did.
    static func faqMatches(_ matches: FAQMatches) -> String {
        let best = matches.best.isEmpty
            ? "no entry shares a word with it"
            : matches.best.map { "\($0.entryID) \(String(format: "%.2f", $0.score))" }.joined(separator: " · ")
        return "  faq: \(best)   (\(faqDecision(matches.decision)))"
    }

    static func faqDecision(_ decision: FAQDecision) -> String {
        switch decision {
        case .answer: "answered"
        case let .offer(candidates): candidates.count == 1 ? "offered" : "\(candidates.count) offered"
        case .none: "left to staff"
        }
    }

    static func answerChanged(_ id: String, from: String?, to: String) -> String {
        "  set \(id): \(from ?? "(no answer)") -> \(to)"
    }

    static func moved(_ place: String, callStack: [String]) -> String {
        "  now at \(place)" + (callStack.isEmpty ? "" : "   (called from \(callStack.joined(separator: " > ")))")
    }

    static func answersHeading(_ count: Int) -> String { "Answers (\(count)):" }
    static func answer(_ line: AnswerLine) -> String { "  \(line.id) = \(line.value)" }
    static let noAnswers = "  (none yet)"
    static func firedHeading(_ count: Int) -> String { "Fired (\(count)):" }
    static func notFiredHeading(_ count: Int) -> String { "Not fired (\(count)):" }
    static let pathHeading = "Path so far:"
    static func pathStep(_ number: Int, _ step: RehearsalPlace) -> String {
        "  \(number). \(step.place)" + (step.answer.map { " = \($0)" } ?? "") + (step.isCurrent ? "   (now)" : "")
    }
    static func callStack(_ frames: [String]) -> String {
        "  call stack: " + (frames.isEmpty ? "(entry dialog)" : frames.joined(separator: " > "))
    }
    static func rejected(_ rejection: RehearsalRejection) -> String { "  \(rejection.description)" }

    static func personaLine(_ line: String) -> String { "> \(line)   [persona]" }
    static func personaUnreadable(_ path: String, _ reason: String) -> String { "  cannot read persona file \(path): \(reason)" }
    static func personaHandover(_ path: String, lines: Int, stopped: Bool) -> String {
        "  persona \(path): \(lines) line\(lines == 1 ? "" : "s") played\(stopped ? " up to its #> stop line" : ""); over to you."
    }

    static func coverage(this: CoverageFigures, total: CoverageFigures, rehearsals: Int, dialog: String) -> String {
        "Coverage: this rehearsal \(this.branchCasesTaken)/\(this.branchCases) branch cases, \(this.rulesFired)/\(this.rules) rules; "
            + "all \(rehearsals) rehearsal\(rehearsals == 1 ? "" : "s") of \(dialog): "
            + "\(total.branchCasesTaken)/\(total.branchCases) branch cases, \(total.rulesFired)/\(total.rules) rules."
    }
    static func coverageNotSaved(_ path: String, _ reason: String) -> String {
        "the coverage file \(path) was not updated: \(reason)"
    }
}
