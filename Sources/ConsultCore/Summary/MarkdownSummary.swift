/// The staff summary (`.md`): one page that puts the outcome and its reasons first.
///
/// Every piece of text that comes from a dialog or a patient goes through
/// ``MarkdownSummary/escape(_:)``, so nothing typed at the kiosk can add
/// headings, emphasis, links, HTML or table columns.
struct MarkdownSummary {
    let record: ConsultationRecord

    /// The whole page, ending with a newline.
    func render() -> String {
        var blocks: [String] = [title()]
        if record.mode == .rehearsal { blocks.append("> **\(escape(SummaryText.rehearsalBanner))**") }
        if let recovered = record.recovered { blocks.append("> **\(escape(SummaryText.recoveredBanner(recovered)))**") }
        blocks.append(outcome())
        blocks += rules(record.outcome.precautions, heading: SummaryText.precautionsHeading)
        blocks += rules(record.outcome.notes, heading: SummaryText.notesHeading)
        blocks += highlights()
        blocks.append(answers())
        blocks += topics()
        blocks += questions()
        if let estimate = record.estimate {
            blocks.append("## \(SummaryText.estimateHeading)\n\n\(escape(estimate.text))")
        }
        blocks.append(footer())
        return blocks.joined(separator: "\n\n") + "\n"
    }

    // MARK: - Sections

    private func title() -> String {
        let dialogTitle = record.dialog.title.isEmpty ? record.dialog.id : record.dialog.title
        return "# \(escape(dialogTitle)) — \(SummaryText.titleSuffix)"
    }

    private func outcome() -> String {
        let status = record.outcome.status
        var lines = ["## \(SummaryText.outcomeHeading): \(SummaryText.status(status))"]
        if status == .incomplete { lines += ["", SummaryText.incompleteNote] }
        let reasons = record.outcome.reasons
        if reasons.isEmpty {
            if status == .proceed { lines += ["", SummaryText.noReasons] }
            return lines.joined(separator: "\n")
        }
        lines += ["", "**\(SummaryText.reasonsLabel)**", ""]
        for (index, reason) in reasons.enumerated() {
            lines.append("\(index + 1). **\(escape(reason.message))** (\(SummaryText.ruleLabel) \(code(reason.rule)), \(reason.effect.rawValue))")
            lines += evidence(reason, indent: "   ")
            if let told = reason.patientMessage, !told.isEmpty {
                lines.append("   - \(SummaryText.toldPatient): \"\(escape(told))\"")
            }
        }
        return lines.joined(separator: "\n")
    }

    private func rules(_ rules: [FiredRule], heading: String) -> [String] {
        guard !rules.isEmpty else { return [] }
        var lines = ["## \(heading)", ""]
        for rule in rules {
            lines.append("- **\(escape(rule.message))** (\(SummaryText.ruleLabel) \(code(rule.rule)))")
            lines += evidence(rule, indent: "  ")
        }
        return [lines.joined(separator: "\n")]
    }

    /// One line per answer a rule read: the question as asked → the answer as given.
    private func evidence(_ rule: FiredRule, indent: String) -> [String] {
        rule.answers.map { id in
            guard let answer = answer(id) else { return "\(indent)- \(code(id)) → \(SummaryText.notAnswered)" }
            return "\(indent)- \(escape(answer.question)) → **\(given(answer))**"
        }
    }

    private func highlights() -> [String] {
        guard !record.highlights.isEmpty else { return [] }
        let lines = record.highlights.map { id in
            guard let answer = answer(id) else { return "- \(code(id)): \(SummaryText.notAnswered)" }
            return "- \(escape(answer.question)) **\(given(answer))**"
        }
        return ["## \(SummaryText.highlightsHeading)\n\n" + lines.joined(separator: "\n")]
    }

    private func answers() -> String {
        let heading = "## \(SummaryText.answersHeading)\n\n"
        guard !record.answers.isEmpty else { return heading + SummaryText.noAnswers }
        var lines = ["| \(SummaryText.questionColumn) | \(SummaryText.answerColumn) | \(SummaryText.confirmedColumn) |", "|---|---|---|"]
        for answer in record.answers {
            lines.append("| \(escape(answer.question)) | \(given(answer)) | \(confirmation(answer)) |")
        }
        return heading + lines.joined(separator: "\n")
    }

    private func topics() -> [String] {
        guard !record.topics.isEmpty else { return [] }
        let explained = record.topics.filter { !$0.skipped }.map { escape($0.title) }
        let skipped = record.topics.filter(\.skipped).map { escape($0.title) }
        var lines: [String] = []
        if !skipped.isEmpty { lines.append("- **\(SummaryText.topicsSkipped):** " + skipped.joined(separator: ", ")) }
        if !explained.isEmpty { lines.append("- \(SummaryText.topicsExplained): " + explained.joined(separator: ", ")) }
        return ["## \(SummaryText.topicsHeading)\n\n" + lines.joined(separator: "\n")]
    }

    private func questions() -> [String] {
        guard !record.faq.isEmpty else { return [] }
        let unanswered = record.faq.filter { !$0.answered }
        let answered = record.faq.filter(\.answered)
        var lines: [String] = []
        if !unanswered.isEmpty {
            lines.append("- **\(SummaryText.faqUnanswered):**")
            lines += unanswered.map { "  - \"\(escape($0.asked))\"" }
        }
        if !answered.isEmpty {
            lines.append("- \(SummaryText.faqAnswered):")
            lines += answered.map { question in
                let entry = question.entry.map { " (\(SummaryText.faqEntry) \(code($0)))" } ?? ""
                return "  - \"\(escape(question.asked))\"" + entry
            }
        }
        return ["## \(SummaryText.faqHeading)\n\n" + lines.joined(separator: "\n")]
    }

    private func footer() -> String {
        let version = record.dialog.version.isEmpty ? "" : " " + escape(record.dialog.version)
        return """
            ---

            \(SummaryText.footerDialog) \(code(record.dialog.id))\(version) · \(SummaryText.footerSession) \(code(record.id)) · \
            \(SummaryText.footerLanguage) \(code(record.language)) · \(SummaryText.footerMode) \(record.mode.rawValue)

            \(SummaryText.footerStarted) \(SummaryTimestamp.iso8601(record.started)) · \
            \(SummaryText.footerFinished) \(SummaryTimestamp.iso8601(record.finished))
            """
    }

    // MARK: - Answers

    private func answer(_ id: String) -> AnsweredQuestion? {
        record.answers.first { $0.id == id }
    }

    /// The answer in words, escaped, followed by what the patient typed unless the words already contain it.
    private func given(_ answer: AnsweredQuestion) -> String {
        let display = answer.displayValue
        let typed = answer.text.trimmingWhitespace
        guard !typed.isEmpty, !display.lowercased().contains(typed.lowercased()) else { return escape(display) }
        return "\(escape(display)) (\(SummaryText.typedPrefix): \"\(escape(typed))\")"
    }

    /// How the reading was checked with the patient: said back and accepted, or clear as typed.
    private func confirmation(_ answer: AnsweredQuestion) -> String {
        guard let confirmation = answer.confirmation else { return SummaryText.clearAsTyped }
        var text = "\(SummaryText.confirmedPrefix): \"\(escape(confirmation.readBack))\""
        if let from = confirmation.from { text += " (\(SummaryText.fromAnswerPrefix) \(code(from)))" }
        return text
    }

    // MARK: - Escaping

    /// Text that reads as itself in Markdown and inside a table cell, on one line.
    ///
    /// Backslash-escapes the punctuation that could start emphasis, code, links,
    /// headings, HTML, entities or table columns, and turns line breaks into spaces.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "#", "|", "<", "[", "]", "~", "&":
                result.append("\\")
                result.append(character)
            case "\n", "\r", "\r\n", "\t", "\u{2028}", "\u{2029}":
                result.append(" ")
            default:
                result.append(character)
            }
        }
        return result
    }

    private func escape(_ text: String) -> String { Self.escape(text) }

    /// An id as inline code, or as escaped text when it holds a backtick or a line break.
    private func code(_ id: String) -> String {
        id.isEmpty || id.contains(where: { $0 == "`" || $0.isNewline }) ? escape(id) : "`\(id)`"
    }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        var slice = Substring(self)
        while slice.first?.isWhitespace == true { slice.removeFirst() }
        while slice.last?.isWhitespace == true { slice.removeLast() }
        return String(slice)
    }
}
