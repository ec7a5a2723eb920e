import Foundation

extension ConsultationStateMachine {
    /// Whether the session has finished.
    public var isFinished: Bool {
        if case .finished = state.phase { return true }
        return false
    }

    /// The rules that hold for the answers so far, in dialog order.
    public func firedRules() -> [ScreeningRule] {
        consultation.firedRules(answers: state.answerValues, today: state.today)
    }

    /// The most severe outcome of the fired rules (`proceed` when none).
    public func outcomeStatus() -> OutcomeStatus {
        consultation.outcomeStatus(answers: state.answerValues, today: state.today)
    }

    /// An evaluator over the answers so far (the outcome worked out only when an expression reads it).
    public func currentEvaluator() -> ExpressionEvaluator {
        let answers = state.answerValues
        let consultation = consultation
        let today = state.today
        return consultation.evaluator(answers: answers, today: today) {
            consultation.outcomeStatus(answers: answers, today: today)
        }
    }

    /// The answer kind of a question in the session's language.
    func answerKind(of question: Question) -> AnswerKind {
        question.answerKind(in: state.language) { render($0) }
    }

    // MARK: - Text

    /// Dialog text in the session's language with its `{…}` values filled in.
    public func render(_ text: LocalizedText) -> String {
        render(text, in: state.language)
    }

    /// Dialog text in `language` with its `{…}` values filled in (the staff page's English, whatever the
    /// patient's language).
    func render(_ text: LocalizedText, in language: String) -> String {
        let template = text.template(in: language)
        // Most texts have no braces at all, and parsing one at every render was a tenth of a turn.
        guard template.utf8.contains(where: { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") }) else { return template }
        guard let parsed = consultation.textTemplateCache.template(template) else { return template }
        // Most texts interpolate nothing; only those need the rules and answers evaluated.
        guard !parsed.expressions.isEmpty else {
            return parsed.segments.map { segment in
                if case let .literal(text) = segment { return text }
                return ""
            }.joined()
        }
        let evaluator = currentEvaluator()
        var result = ""
        for segment in parsed.segments {
            switch segment {
            case let .literal(literal):
                result += literal
            case let .value(expression, style, _):
                if case let .name(name) = expression.kind, let stored = state.answers[id: name] {
                    result += sessionText.displayValue(of: stored.answer)
                    continue
                }
                result += format(evaluator.evaluate(expression), as: style)
            }
        }
        return result
    }

    private func format(_ value: Value?, as format: TextTemplate.Format) -> String {
        guard let value else { return "—" }
        let catalog = consultation.catalog(for: state.language)
        switch (value, format) {
        case let (.number(number), .money):
            return catalog.formats.money(number, symbol: currencySymbol, code: currencyCode)
        case let (.number(number), .number):
            return catalog.formats.grouped(number)
        case let (.number(number), .plain):
            return catalog.formats.plain(number)
        case let (.text(text), _):
            return text
        case let (.boolean(flag), _):
            return catalog.text(flag ? .yes : .no)
        case let (.date(day), _):
            return day.description
        case let (.symbol(symbol), _):
            return symbol == "unsure" ? catalog.text(.notSure) : symbol
        case let (.set(ids), _):
            return ids.joined(separator: ", ")
        case let (.list(items), _):
            return items.map { self.format($0, as: .plain) }.joined(separator: ", ")
        }
    }

    private var currencySymbol: String? {
        if case let .text(symbol)? = consultation.settings["currency_symbol"] { return symbol }
        return nil
    }

    private var currencyCode: String {
        if case let .text(code)? = consultation.settings["currency"] { return code }
        return "USD"
    }

    // MARK: - Prompt

    /// The prompt for the current phase.
    func currentPrompt() -> Prompt {
        switch state.phase {
        case let .awaiting(point):
            return prompt(for: point)
        case let .confirming(confirmation, point):
            let base = prompt(for: point)
            return Prompt(style: .confirmation, nodeID: base.nodeID, dialogID: base.dialogID,
                          text: confirmation == .quit ? sessionText.confirmQuit : sessionText.confirmRestart,
                          options: [], instructions: sessionText.confirmationInstructions, kind: .yesNo,
                          isOptional: false, hasWhy: false, completions: sessionText.yesAndNo)
        case let .confirmingAnswer(pending, point):
            let base = prompt(for: point)
            var text = sessionText.isThatRight(pending.readBack)
            if pending.answer.confirmation?.from != nil {
                // Words from an earlier answer: show the question they are offered for, and the words.
                text = base.text + "\n\n" + sessionText.youMentioned(pending.answer.text) + " " + text
            }
            return Prompt(style: .confirmation, nodeID: base.nodeID, dialogID: base.dialogID, text: text, options: [],
                          instructions: sessionText.confirmationInstructions, kind: .yesNo, isOptional: false,
                          hasWhy: base.hasWhy, completions: sessionText.yesAndNo + SessionText.commands(in: readingLanguage))
        case let .choosingFAQ(choice, point):
            let base = prompt(for: point)
            return Prompt(style: .confirmation, nodeID: base.nodeID, dialogID: base.dialogID, text: sessionText.didYouMean,
                          options: choice.entries.map(faqTitle) + [sessionText.noneOfTheseQuestions],
                          instructions: sessionText.faqChoiceInstructions, kind: .acknowledgement, isOptional: false,
                          hasWhy: false, completions: [])
        case .notStarted, .finished:
            return Prompt(style: .question, nodeID: "", dialogID: consultation.entry, text: "", options: [],
                          instructions: "", kind: .acknowledgement, isOptional: false, hasWhy: false, completions: [])
        }
    }

    private func prompt(for point: PromptPoint) -> Prompt {
        guard let node = consultation.node(at: point.address) else {
            preconditionFailure("a prompt at \(point.address), which does not exist")
        }
        let commands = SessionText.commands(in: readingLanguage)
        switch (node.kind, point.stage) {
        case let (.ask(question), _):
            let kind = answerKind(of: question)
            var options: [String] = []
            var answers: [String] = []
            switch kind {
            case let .singleChoice(choices):
                options = choices.map(\.label)
                answers = options
            case let .multipleChoice(choices, none):
                options = choices.map(\.label) + (none.map { [$0.label] } ?? [])
                answers = options
            case .yesNo:
                answers = ["yes", "no"]
            case .yesNoUnsure:
                answers = ["yes", "no", "not sure"]
            case .number, .date, .text, .acknowledgement:
                break
            }
            return Prompt(style: .question, nodeID: question.id, dialogID: point.address.dialog, text: render(question.text),
                          options: options, instructions: sessionText.instructions(for: kind, optional: !question.required),
                          kind: kind, isOptional: !question.required, hasWhy: question.why != nil,
                          completions: answers + commands)
        case let (.explain(topic), .topicMore):
            return Prompt(style: .topicMore, nodeID: node.id ?? topic.id, dialogID: point.address.dialog, text: "",
                          options: [], instructions: sessionText.topicMoreInstructions, kind: .acknowledgement,
                          isOptional: true, hasWhy: false, completions: [readingLanguage.vocabulary.commands["more"]?.first ?? "more"] + commands.filter { $0 != "skip" })
        case let (.explain(topic), _):
            return Prompt(style: .topicOffer, nodeID: node.id ?? topic.id, dialogID: point.address.dialog,
                          text: sessionText.topicOffer(render(topic.title)), options: [],
                          instructions: sessionText.topicOfferInstructions, kind: .acknowledgement,
                          isOptional: true, hasWhy: false, completions: commands)
        default:
            preconditionFailure("a prompt at \(point.address), which is a \(node.kindName) node")
        }
    }

    // MARK: - Record

    /// The summary record of the session as it stands.
    public func record(finishedAt finished: Date) -> ConsultationRecord {
        let answers = state.answerValues
        var status = outcomeStatus()
        if case let .finished(final) = state.phase { status = final } else { status = .incomplete }
        var reasons: [FiredRule] = []
        var precautions: [FiredRule] = []
        var notes: [FiredRule] = []
        for rule in firedRules() {
            // Staff reasons show values, not names: "less than 6 months ago".
            let reason = render(LocalizedText(["en": rule.reason], at: rule.location))
            let fired = FiredRule(rule: rule.id, effect: rule.effect, message: reason,
                                  patientMessage: rule.patientMessage.map { render($0, in: Self.staffLanguage) },
                                  answers: consultation.answersRead(by: rule.condition.expression, among: answers))
            switch rule.effect {
            case .review, .defer, .decline: reasons.append(fired)
            case .precaution: precautions.append(fired)
            case .info: notes.append(fired)
            }
        }
        reasons.sort { ($0.effect.status ?? .proceed) > ($1.effect.status ?? .proceed) }
        return ConsultationRecord(
            id: state.id, dialog: consultation.identity, language: state.language, mode: state.mode,
            started: state.started, finished: finished,
            outcome: OutcomeSummary(status: status, reasons: reasons, precautions: precautions, notes: notes),
            answers: state.answers.map { forStaff($0.answer) }, highlights: consultation.highlights.filter { answers[$0] != nil },
            topics: state.topics, faq: state.faq, estimate: estimate(), patient: patientIdentification(),
            fhirBase: FHIRCanonical(consultation).base
        )
    }

    /// The language of the staff page and of the record's question texts and option labels.
    static let staffLanguage = "en"

    /// An answer as staff read it: the question and its options in the staff's language; what the patient typed
    /// (and what was said back to them) as it was.
    func forStaff(_ answer: AnsweredQuestion) -> AnsweredQuestion {
        guard state.language != Self.staffLanguage, let question = consultation.question(answer.id) else { return answer }
        var staff = answer
        staff.question = render(question.text, in: Self.staffLanguage)
        staff.kind = question.answerKind(in: Self.staffLanguage) { render($0, in: Self.staffLanguage) }
        return staff
    }

    /// The answers to the questions that identify the patient (`identifies:`); `nil` when none was answered.
    func patientIdentification() -> PatientIdentification? {
        var patient = PatientIdentification()
        for stored in state.answers {
            guard let identifier = consultation.question(stored.answer.id)?.identifies, let value = stored.answer.value else { continue }
            switch (identifier, value) {
            case let (.name, .text(text)): patient.name = text
            case let (.appointment, .text(text)): patient.appointment = text
            case let (.birthDate, .date(day)): patient.birthDate = day.description
            default: continue
            }
        }
        return patient == PatientIdentification() ? nil : patient
    }

    /// The cost estimate for the answers so far, when the dialog defines one and its values are known.
    public func estimate() -> CostEstimate? {
        guard let specification = consultation.estimate else { return nil }
        let evaluator = currentEvaluator()
        guard case let .number(low)? = evaluator.evaluate(specification.sessionsMinimum.expression),
              case let .number(high)? = evaluator.evaluate(specification.sessionsMaximum.expression),
              case let .number(price)? = evaluator.evaluate(specification.pricePerSession.expression) else { return nil }
        let minimum = Int(min(low, high).rounded()), maximum = Int(max(low, high).rounded())
        let lowCost = Double(minimum) * price, highCost = Double(maximum) * price
        let money = { (value: Double) in NumberFormatting.money(value, symbol: currencySymbol, code: currencyCode) }
        let text = minimum == maximum
            ? "about \(money(lowCost)) for \(minimum) session\(minimum == 1 ? "" : "s")"
            : "about \(money(lowCost))–\(money(highCost)) for \(minimum)–\(maximum) sessions"
        return CostEstimate(sessionsMinimum: minimum, sessionsMaximum: maximum, low: lowCost, high: highCost,
                            currency: currencyCode, text: text)
    }
}
