/// The staff summary (`.md`): one page that puts the outcome and its reasons first.
///
/// Every piece of text that comes from a dialog or a patient goes through
/// ``MarkdownSummary/escape(_:)``, so nothing typed at the kiosk can add
/// headings, emphasis, links, HTML or table columns, or reorder or hide words.
struct MarkdownSummary {
    let record: ConsultationRecord

    /// The whole page, ending with a newline.
    func render() -> String {
        var blocks: [String] = [title()]
        if let patient = record.patient { blocks.append("**\(SummaryText.patientLabel):** \(escape(patient.display))") }
        if record.mode == .rehearsal { blocks.append("> **\(escape(SummaryText.rehearsalBanner))**") }
        if let recovered = record.recovered { blocks.append("> **\(escape(SummaryText.recoveredBanner(recovered)))**") }
        // Staff read the page in English; say when the patient answered in another language.
        if !record.language.isEmpty, record.language != "en" {
            blocks.append("**\(SummaryText.languageLabel):** \(escape(SummaryText.language(record.language)))")
        }
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
        // The code first: staff look for the one the patient quoted.
        let code = record.reference.map { "\($0) · " } ?? ""
        return "# \(code)\(escape(dialogTitle)) — \(SummaryText.titleSuffix)"
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
        let reference = record.reference.map { "\(SummaryText.footerReference) \($0) · " } ?? ""
        let engine = record.consultVersion.isEmpty ? "" : " · \(SummaryText.footerConsult) \(escape(record.consultVersion))"
        return """
            ---

            \(SummaryText.footerDialog) \(code(record.dialog.id))\(version) · \(reference)\(SummaryText.footerSession) \(code(record.id)) · \
            \(SummaryText.footerLanguage) \(code(record.language)) · \(SummaryText.footerMode) \(record.mode.rawValue)

            \(SummaryText.footerStarted) \(SummaryTimestamp.iso8601(record.started)) · \
            \(SummaryText.footerFinished) \(SummaryTimestamp.iso8601(record.finished))\(engine)
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

    /// Text that reads as itself in Markdown, on one line, wherever it is placed: inside a table cell, in bold,
    /// or at the start of a line or list item.
    ///
    /// Works on Unicode code points, as Markdown renderers do, not on grapheme clusters: a combining mark after
    /// `|` or an Arabic number sign (U+0600) before `[` makes one `Character` of both, yet a renderer still sees
    /// the `|` or `[`. So every special code point is escaped whatever cluster it sits in; a combining mark on it
    /// is kept, as typed, since the backslash already neutralises the punctuation it follows.
    ///
    /// - Backslash-escapes the punctuation that could start emphasis, code, links, images, headings, HTML,
    ///   autolinks, entities, strikethrough or table columns.
    /// - Drops format characters (Unicode category Cf: bidi overrides and isolates, zero-width spaces and joiners,
    ///   Arabic number signs, soft hyphens), which would reorder, hide or glue words on the page; and drops other
    ///   control characters.
    /// - Turns every run of whitespace, line breaks included, into one space, and trims the ends.
    /// - Escapes a leading `-`, `+`, `>` or `1.` that would start a list, a quote or a rule.
    static func escape(_ text: String) -> String {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.unicodeScalars.count)
        var spacePending = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                spacePending = !scalars.isEmpty
                continue
            }
            switch scalar.properties.generalCategory {
            case .format, .control:
                continue
            default:
                break
            }
            if spacePending {
                scalars.append(" ")
                spacePending = false
            }
            if markdownPunctuation.contains(scalar) { scalars.append("\\") }
            scalars.append(scalar)
        }
        if let marker = leadingBlockMarker(scalars) { scalars.insert("\\", at: marker) }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars)
        return String(result)
    }

    private func escape(_ text: String) -> String { Self.escape(text) }

    /// Punctuation that has a meaning anywhere in a line of Markdown (GitHub's tables and strikethrough included).
    private static let markdownPunctuation: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "#", "|", "<", "[", "]", "~", "&"]

    /// Where a backslash keeps the text from starting a block when it begins a line or a list item: before a
    /// bullet (`- `, `+ `, or `---`, a rule), a quote (`>`) or the `.` or `)` of a number (`1. `, `2) `).
    private static func leadingBlockMarker(_ scalars: [Unicode.Scalar]) -> Int? {
        guard let first = scalars.first else { return nil }
        let endsMarker = { (index: Int) in index == scalars.count || scalars[index] == " " }
        switch first {
        case ">":
            return 0
        case "-", "+":
            let isRule = first == "-" && scalars.allSatisfy { $0 == "-" || $0 == " " } && scalars.count { $0 == "-" } >= 3
            return endsMarker(1) || isRule ? 0 : nil
        default:
            let digits = scalars.prefix { ("0"..."9").contains($0) }.count
            guard (1...9).contains(digits), digits < scalars.count, [".", ")"].contains(scalars[digits]),
                  endsMarker(digits + 1) else { return nil }
            return digits
        }
    }

    /// An id as inline code when it is a plain word (letters, digits, `_`, `-`, `.`), otherwise as escaped text:
    /// inside code nothing is escaped, yet a `|` there would still split a table cell.
    private func code(_ id: String) -> String {
        let plain = !id.isEmpty && id.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_-.".unicodeScalars.contains(scalar))
        }
        return plain ? "`\(id)`" : escape(id)
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
