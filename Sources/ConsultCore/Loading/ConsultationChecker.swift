/// The compiler-like checks over a linked consultation.
struct ConsultationChecker {
    var consultation: Consultation
    let sources: SourceFiles
    /// Whether to analyse flow and rules once everything else is right.
    let checksFlow: Bool
    var log = DiagnosticLog()
    /// What each number expression can evaluate to, once computed values are checked.
    private var numberIntervals: NumberIntervals?

    init(consultation: Consultation, sources: SourceFiles, checksFlow: Bool = true) {
        self.consultation = consultation
        self.sources = sources
        self.checksFlow = checksFlow
    }

    mutating func checkAll() {
        let computedOrder = checkComputedValues()
        numberIntervals = NumberIntervals(consultation: consultation, order: computedOrder.order)
        let referencesResolve = checkReferences()
        checkConditions()
        checkTexts()
        checkTranslations()
        if checksFlow && referencesResolve && !log.hasErrors {
            var flow = FlowAnalysis(consultation: consultation, sources: sources)
            flow.check()
            log.append(contentsOf: flow.log)
            var rules = RuleSatisfiability(consultation: consultation)
            rules.check()
            log.append(contentsOf: rules.log)
        }
    }

    private var checker: ExpressionTypeChecker { ExpressionTypeChecker(names: consultation.bindings) }

    private mutating func report(_ problems: [ExpressionTypeChecker.Problem], in source: String, at start: SourceLocation, context: String) {
        for problem in problems {
            log.error("in \(context): \(problem.message)", at: sources.location(ofOffset: problem.offset, in: source, from: start), id: "expression-error")
        }
    }

    // MARK: - Computed values

    /// Type-checks computed values in dependency order, so each one's type is known to those that read it, and
    /// bounds what working each out costs a session (see ``ComputedValueOrder``).
    private mutating func checkComputedValues() -> ComputedValueOrder {
        let roots = consultation.computed.values.sorted(by: { $0.location < $1.location }).map(\.name)
        let ordered = ComputedValueOrder(computed: consultation.computed, roots: roots)
        for (name, problem) in ordered.problems {
            guard let location = consultation.computed[name]?.location else { continue }
            switch problem {
            case let .circle(names):
                log.error("computed values depend on each other in a circle: \(names.joined(separator: " → "))", at: location, id: "computed-value-circle")
            case let .tooDeep(depth):
                log.error("working out '\(name)' nests \(depth) levels deep through the computed values it reads; "
                          + "at most \(ComputedValueOrder.maximumDepth) are allowed, so that a session cannot run out of stack: shorten the chain", at: location, id: "computed-value-too-deep")
            case let .tooManySteps(steps):
                log.error("working out '\(name)' takes \(steps < Int.max / 2 ? NumberFormatting.grouped(Double(steps)) : "countless") steps, "
                          + "because a session works a computed value out again each time it is read; at most "
                          + "\(NumberFormatting.grouped(Double(ComputedValueOrder.maximumSteps))) are allowed: read fewer computed values more than once", at: location, id: "computed-value-too-costly")
            }
        }
        // A value in a circle has no type to find; reading the others in it would only repeat the circle.
        var inCircles: Set<String> = []
        for case let (_, .circle(names)) in ordered.problems { inCircles.formUnion(names) }
        for name in ordered.typeCheckingOrder where !inCircles.contains(name) {
            guard let value = consultation.computed[name] else { continue }
            let (type, problems) = checker.check(value.expression, as: .value)
            report(problems, in: value.source, at: value.location, context: "computed value '\(name)'")
            consultation.computed[name]?.type = type
            if let type { consultation.bindings[name] = NameBinding(type, origin: .computed) }
        }
        return ordered
    }

    // MARK: - References

    private mutating func checkReferences() -> Bool {
        let before = log.diagnostics.count
        let nodeIndices = consultation.dialogs.mapValues(\.nodeIndex)
        for dialogID in consultation.dialogOrder {
            guard let dialog = consultation.dialogs[dialogID], let ids = nodeIndices[dialogID] else { continue }
            func resolve(_ reference: NodeReference?) {
                guard let reference, ids[reference.id] == nil else { return }
                var message = "unknown node '\(reference.id)' in dialog '\(dialogID)'\(Suggestion.didYouMean(reference.id, in: ids.keys))"
                if let other = consultation.dialogOrder.first(where: { nodeIndices[$0]?[reference.id] != nil }) {
                    message += " (a node with that id is in dialog '\(other)'; use 'call' to run another dialog)"
                }
                log.error(message, at: reference.location, id: "unknown-node")
            }
            for node in dialog.nodes {
                resolve(node.next)
                switch node.kind {
                case let .branch(cases, otherwise):
                    cases.forEach { resolve($0.target) }
                    resolve(otherwise)
                case let .call(reference):
                    if consultation.dialogs[reference.id] == nil {
                        log.error("unknown dialog '\(reference.id)'\(Suggestion.didYouMean(reference.id, in: consultation.dialogs.keys))", at: reference.location, id: "unknown-dialog")
                    } else if reference.id == consultation.entry {
                        log.error("the entry dialog '\(reference.id)' cannot be called", at: reference.location, id: "entry-dialog-called")
                    }
                case .say, .ask, .explain, .returnToCaller, .end, .outcome:
                    break
                }
            }
        }
        checkCallCycles()
        return log.diagnostics.count == before
    }

    private mutating func checkCallCycles() {
        var callees: [String: [DialogReference]] = [:]
        for dialog in consultation.dialogs.values {
            callees[dialog.id] = dialog.nodes.compactMap { node in
                if case let .call(reference) = node.kind { return reference }
                return nil
            }
        }
        var done: Set<String> = []
        var active: [String] = []
        func visit(_ id: String) {
            guard !done.contains(id) else { return }
            active.append(id)
            for reference in callees[id] ?? [] {
                if let start = active.firstIndex(of: reference.id) {
                    let cycle = (active[start...] + [reference.id]).joined(separator: " → ")
                    log.error("dialogs call each other in a circle (\(cycle)); a called dialog must return", at: reference.location, id: "call-circle")
                } else if consultation.dialogs[reference.id] != nil {
                    visit(reference.id)
                }
            }
            active.removeLast()
            done.insert(id)
        }
        for id in consultation.dialogOrder { visit(id) }
    }

    // MARK: - Conditions

    private mutating func checkConditions() {
        for dialog in consultation.dialogs.values {
            for node in dialog.nodes {
                guard case let .branch(cases, _) = node.kind else { continue }
                for branchCase in cases {
                    let condition = branchCase.condition
                    report(checker.check(condition.expression, as: .condition).problems, in: condition.source,
                           at: condition.location, context: "the condition")
                }
            }
        }
        for rule in consultation.rules {
            let condition = rule.condition
            if consultation.dependencies(of: condition.expression).readsOutcome {
                // Through computed values too: a rule that read the outcome would be part of what it reads.
                log.error("a rule cannot read '\(ConsultationLinker.outcomeName)', directly or through computed values: the outcome is made of the rules", at: condition.location, id: "rule-reads-outcome")
                continue
            }
            report(checker.check(condition.expression, as: .condition).problems, in: condition.source,
                   at: condition.location, context: "the condition of rule '\(rule.id)'")
        }
        if let estimate = consultation.estimate {
            for (written, what) in [(estimate.sessionsMinimum, "the minimum sessions"), (estimate.sessionsMaximum, "the maximum sessions"),
                                    (estimate.pricePerSession, "the price per session")] {
                let (type, problems) = checker.check(written.expression, as: .value)
                report(problems, in: written.source, at: written.location, context: "the estimate's \(what)")
                if let type, type != .number {
                    log.error("\(what) of the estimate should be a number but is \(type)", at: written.location, id: "estimate-not-a-number")
                }
            }
            checkBounds(of: estimate)
        }
    }

    /// A session turns the estimate's sessions into whole numbers and shows them and their cost: each must
    /// stay within what it can show.
    private mutating func checkBounds(of estimate: EstimateSpecification) {
        guard let intervals = numberIntervals else { return }
        var sessions: [NumberIntervals.Interval] = []
        for (written, what) in [(estimate.sessionsMinimum, "minimum sessions"), (estimate.sessionsMaximum, "maximum sessions")] {
            guard let interval = intervals.interval(of: written.expression) else { continue }
            if interval.isShowable {
                sessions.append(interval)
            } else {
                log.error("the estimate's \(what) \(NumberIntervals.excess(of: interval)), but a session shows numbers only up to \(NumberIntervals.bound)", at: written.location, id: "estimate-sessions-out-of-range")
            }
        }
        guard let price = intervals.interval(of: estimate.pricePerSession.expression) else { return }
        guard price.isShowable else {
            log.error("the estimate's price per session \(NumberIntervals.excess(of: price)), but a session shows amounts only up to \(NumberIntervals.bound)", at: estimate.pricePerSession.location, id: "estimate-price-out-of-range")
            return
        }
        for count in sessions {
            guard let cost = NumberIntervals.combine(.multiply, count, price), !cost.isShowable else { continue }
            log.error("the estimate's cost (sessions × price per session) \(NumberIntervals.excess(of: cost)), but a session shows amounts only up to \(NumberIntervals.bound)", at: estimate.pricePerSession.location, id: "estimate-cost-out-of-range")
            return
        }
    }

    // MARK: - Texts

    private mutating func checkTexts() {
        for item in TextInventory.all(in: consultation) {
            check(item.text, what: item.what)
        }
        checkReasons()
    }

    private mutating func check(_ text: LocalizedText, what: String) {
        for (language, template) in text.translations.sorted(by: { $0.key < $1.key }) {
            let start = text.location(of: language)
            do {
                let parsed = try TextTemplate.parse(template)
                for (expression, format, offset) in parsed.expressions {
                    let (type, problems) = checker.check(expression, as: .value)
                    for problem in problems {
                        log.error("in \(what): \(problem.message)", at: sources.location(ofOffset: offset + problem.offset, in: template, from: start), id: "text-expression-error")
                    }
                    if format != .plain, let type, type != .number {
                        log.error("in \(what): '| \(format.rawValue)' formats numbers, but this is \(type)", at: sources.location(ofOffset: offset, in: template, from: start), id: "format-on-non-number")
                    } else if format != .plain, let interval = numberIntervals?.interval(of: expression), !interval.isShowable {
                        log.error("in \(what): '\(expression)' \(NumberIntervals.excess(of: interval)), but '| \(format.rawValue)' shows "
                                  + "\(format == .money ? "amounts" : "numbers") only up to \(NumberIntervals.bound)", at: sources.location(ofOffset: offset, in: template, from: start), id: "shown-number-out-of-range")
                    }
                }
            } catch {
                log.error("in \(what): \(error.message)", at: sources.location(ofOffset: error.offset, in: template, from: start), id: "text-template-error")
            }
        }
    }

    /// Values in rules' staff reasons (`{isotretinoin_wait_months}`) are checked like the patient texts'.
    private mutating func checkReasons() {
        for rule in consultation.rules {
            let text = LocalizedText(["en": rule.reason], at: rule.reasonLocation ?? rule.location)
            check(text, what: "the reason of rule '\(rule.id)'")
        }
    }

    private mutating func checkTranslations() {
        let languages = consultation.languages
        guard languages.count > 1 else { return }
        for item in TextInventory.all(in: consultation) {
            let missing = languages.filter { item.text.translations[$0] == nil }
            if !missing.isEmpty {
                log.error("\(item.what) has no \(missing.map { "'\($0)'" }.joined(separator: ", ")) translation; a patient in that language would read English here: translate it (consult strings export --lang \(missing[0]))", at: item.text.location, id: "missing-translation")
            }
        }
        // A language's own example questions are what its FAQ matches; without them its patients' questions
        // would be matched against English.
        for entry in consultation.faq {
            let missing = languages.filter { $0 != "en" && !entry.questions.isWritten(in: $0) }
            if !missing.isEmpty {
                log.error("the FAQ entry '\(entry.id)' has no example questions in \(missing.map { "'\($0)'" }.joined(separator: ", ")), so questions in that language cannot find it: add 'questions: {\(missing[0]): [...]}'", at: entry.location, id: "missing-faq-translation")
            }
        }
    }
}

/// Every patient-visible text of a consultation, with what it is and where it is shown.
enum TextInventory {
    struct Item {
        var text: LocalizedText
        var what: String
        /// The node showing it; `nil` for texts not tied to one place (rules, FAQ).
        var address: NodeAddress?
    }

    static func all(in consultation: Consultation) -> [Item] {
        var items: [Item] = []
        for dialogID in consultation.dialogOrder {
            guard let dialog = consultation.dialogs[dialogID] else { continue }
            if let title = dialog.title { items.append(Item(text: title, what: "the title of '\(dialogID)'", address: nil)) }
            for (index, node) in dialog.nodes.enumerated() {
                let address = NodeAddress(dialog: dialogID, index: index)
                for (text, what) in texts(of: node) {
                    items.append(Item(text: text, what: what, address: address))
                }
            }
        }
        for rule in consultation.rules {
            if let message = rule.patientMessage {
                items.append(Item(text: message, what: "the patient message of rule '\(rule.id)'", address: nil))
            }
        }
        for entry in consultation.faq {
            items.append(Item(text: entry.answer, what: "the answer of FAQ '\(entry.id)'", address: nil))
        }
        return items
    }

    static func texts(of node: DialogNode) -> [(LocalizedText, String)] {
        switch node.kind {
        case let .say(text):
            return [(text, "the text")]
        case let .ask(question):
            var texts: [(LocalizedText, String)] = [(question.text, "the question '\(question.id)'")]
            texts += question.options.map { ($0.label, "the label of option '\($0.id)'") }
            if let none = question.noneLabel { texts.append((none, "the none-of-these label of '\(question.id)'")) }
            if let unit = question.unit { texts.append((unit, "the unit of '\(question.id)'")) }
            if let why = question.why { texts.append((why, "the 'why' of '\(question.id)'")) }
            for word in YesNoUnsure.allCases {
                if let text = question.readback[word] { texts.append((text, "the readback of '\(question.id)' for \(word.rawValue)")) }
            }
            return texts
        case let .explain(topic):
            var texts: [(LocalizedText, String)] = [(topic.title, "the title of topic '\(topic.id)'"), (topic.text, "the text of topic '\(topic.id)'")]
            if let more = topic.more { texts.append((more, "the 'more' of topic '\(topic.id)'")) }
            return texts
        case let .end(text), let .outcome(text):
            return text.map { [($0, "the text")] } ?? []
        case .branch, .call, .returnToCaller:
            return []
        }
    }
}
