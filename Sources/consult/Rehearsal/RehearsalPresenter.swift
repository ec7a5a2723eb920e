import ConsultCore

/// Turns the rehearsal's staff reports into text on the screen.
struct RehearsalPresenter {
    let screen: TerminalScreen
    /// Whether styling may be used (a person at a terminal, colour allowed).
    let styled: Bool

    private func write(_ text: String, _ style: TerminalScreen.Style? = nil) {
        let wrapped = lines(text).joined(separator: "\n")
        if styled, let style {
            screen.writeLine(screen.styled(wrapped, style))
        } else {
            screen.writeLine(wrapped)
        }
    }

    /// Each line of `text` as it is when it fits the screen, else wrapped with its continuation indented.
    private func lines(_ text: String) -> [String] {
        let width = max(20, screen.width - 1)
        return text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
            if line.count <= width { return [String(line)] }
            let indent = line.prefix { $0 == " " }.count
            let parts = TerminalScreen.wrap(String(line.dropFirst(indent)), width: max(8, width - indent - 4)).split(separator: "\n")
            return parts.enumerated().map { String(repeating: " ", count: $0.offset == 0 ? indent : indent + 4) + $0.element }
        }
    }

    /// A rule's explanation: on one line when it fits, else its values on a line of their own.
    private func write(_ explanation: (rule: String, values: String?), _ style: TerminalScreen.Style? = nil) {
        guard let values = explanation.values else { return write(explanation.rule, style) }
        let oneLine = explanation.rule + "   " + values
        write(oneLine.count <= max(20, screen.width - 1) ? oneLine : explanation.rule + "\n      " + values, style)
    }

    func showBanner() {
        write(RehearsalScreenText.banner, .warning)
    }

    func showNotice(_ text: String) {
        write(text, .dim)
    }

    func showCoverage(_ text: String) {
        screen.writeLine()
        write(text, .bold)
    }

    func show(_ reports: [RehearsalReport]) {
        for report in reports {
            show(report)
        }
    }

    private func show(_ report: RehearsalReport) {
        switch report {
        case let .ruleChanges(changes):
            changes.fired.forEach { write(RehearsalScreenText.explanation($0, verb: RehearsalScreenText.fired), .warning) }
            changes.unfired.forEach { write(RehearsalScreenText.explanation($0, verb: RehearsalScreenText.unfired), .success) }
            if changes.fired.isEmpty, changes.unfired.isEmpty { write(RehearsalScreenText.noRuleChanged, .dim) }
            if changes.outcomeBefore != changes.outcomeAfter {
                write(RehearsalScreenText.outcome(changes.outcomeBefore, changes.outcomeAfter), .bold)
            }
        case let .faqMatches(matches):
            write(RehearsalScreenText.faqMatches(matches), .dim)
        case let .answerChanged(id, from, to):
            write(RehearsalScreenText.answerChanged(id, from: from, to: to))
        case let .moved(place, callStack):
            write(RehearsalScreenText.moved(place, callStack: callStack))
        case let .answers(lines):
            write(RehearsalScreenText.answersHeading(lines.count), .bold)
            if lines.isEmpty { write(RehearsalScreenText.noAnswers) }
            lines.forEach { write(RehearsalScreenText.answer($0)) }
        case let .rules(fired, notFired):
            write(RehearsalScreenText.firedHeading(fired.count), .bold)
            fired.forEach { write(RehearsalScreenText.explanation($0)) }
            write(RehearsalScreenText.notFiredHeading(notFired.count), .bold)
            notFired.forEach { write(RehearsalScreenText.explanation($0)) }
        case let .path(steps, callStack):
            write(RehearsalScreenText.pathHeading, .bold)
            for (number, step) in steps.enumerated() { write(RehearsalScreenText.pathStep(number + 1, step)) }
            write(RehearsalScreenText.callStack(callStack))
        case let .help(text):
            write(text, .dim)
        case let .rejected(rejection):
            write(RehearsalScreenText.rejected(rejection), .warning)
        }
    }
}
