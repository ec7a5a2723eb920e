extension Consultation {
    /// An evaluator over a set of answers.
    ///
    /// - Parameters:
    ///   - answers: answer id → value; a present key with `nil` is a skipped question, a missing key one not asked.
    ///   - today: the reference day for `days_since` and friends (the session's start day).
    ///   - outcome: the value of the built-in `outcome`, when known.
    public func evaluator(answers: [String: AnswerValue?], today: CalendarDay, outcome: OutcomeStatus? = nil) -> ExpressionEvaluator {
        evaluator(answers: answers, today: today, outcome: { outcome })
    }

    /// An evaluator whose built-in `outcome` is worked out only if an expression reads it.
    ///
    /// The outcome evaluates every rule; most conditions and texts never read it, and a dialog of thousands of
    /// rules paid for all of them at every branch.
    public func evaluator(answers: [String: AnswerValue?], today: CalendarDay, outcome: @escaping () -> OutcomeStatus?) -> ExpressionEvaluator {
        let computed = self.computed
        let settings = self.settings
        let questions = self.questions
        func lookup(_ name: String) -> NameValue {
            if let answer = answers[name] {
                return answer.flatMap(Value.init).map(NameValue.value) ?? .unknown
            }
            if questions[name] != nil { return .unknown }
            if let setting = settings[name] { return .value(setting) }
            if let value = computed[name] {
                let evaluator = ExpressionEvaluator(today: today, lookup: lookup)
                return evaluator.evaluate(value.expression).map(NameValue.value) ?? .unknown
            }
            if name == ConsultationLinker.outcomeName {
                return outcome().map { .value(.symbol($0.rawValue)) } ?? .unknown
            }
            return .notAName
        }
        return ExpressionEvaluator(today: today, lookup: lookup)
    }

    /// The rules whose conditions hold for these answers, in dialog order.
    ///
    /// A rule reading a vague date ("last year", "can't remember") is evaluated at both ends of each such
    /// date's range. When it holds at every end it fires; when it holds at some ends only, whether it applies
    /// depends on a day nobody knows, so it fires *possibly* (``ScreeningRule/possibly(_:)``): a clinician
    /// reviews instead of the rule deferring or declining on a guess, and never proceeding on one either.
    public func firedRules(answers: [String: AnswerValue?], today: CalendarDay) -> [ScreeningRule] {
        let evaluator = evaluator(answers: answers, today: today)
        let vague = hasVagueDate(answers)
        var fired: [ScreeningRule] = []
        for index in rules.indices {
            switch firing(of: rules[index], answers: answers, today: today, evaluator: evaluator, vague: vague) {
            case .fires: fired.append(rules[index])
            case let .possibly(ranges): fired.append(rules[index].possibly(ranges, catalogs: catalogs))
            case .holdsNot: break
            }
        }
        return fired
    }

    /// The most severe outcome of the rules that fire for these answers (`proceed` when none does): the status
    /// of ``firedRules(answers:today:)`` without evaluating notes, and stopping at the first decline.
    public func outcomeStatus(answers: [String: AnswerValue?], today: CalendarDay) -> OutcomeStatus {
        let evaluator = evaluator(answers: answers, today: today)
        let vague = hasVagueDate(answers)
        var status = OutcomeStatus.proceed
        for index in rules.indices {
            guard let effect = rules[index].effect.status, effect > status else { continue }
            switch firing(of: rules[index], answers: answers, today: today, evaluator: evaluator, vague: vague) {
            case .fires: status = effect
            case let .possibly(ranges): status = max(status, rules[index].possibly(ranges, catalogs: catalogs).effect.status ?? .proceed)
            case .holdsNot: break
            }
            if status == .decline { break }
        }
        return status
    }

    /// Whether a rule fires for these answers, or fires possibly because a vague date it reads leaves it open.
    private enum Firing {
        case fires
        case possibly([DateRange])
        case holdsNot
    }

    /// Whether any answer is a vague date: most sessions have none, and then no rule needs to know which answers
    /// it reads.
    private func hasVagueDate(_ answers: [String: AnswerValue?]) -> Bool {
        answers.values.contains { if case .dateRange? = $0 { true } else { false } }
    }

    /// - Parameter vague: ``hasVagueDate(_:)`` of the answers, worked out once per call of the caller.
    private func firing(of rule: ScreeningRule, answers: [String: AnswerValue?], today: CalendarDay,
                        evaluator: ExpressionEvaluator, vague anyVague: Bool) -> Firing {
        guard anyVague else { return evaluator.holds(rule.condition.expression) ? .fires : .holdsNot }
        let vague = dependencies(of: rule.condition.expression).answers.compactMap { id -> (String, DateRange)? in
            if case let .dateRange(range)?? = answers[id] { return (id, range) }
            return nil
        }
        guard !vague.isEmpty else {
            return evaluator.holds(rule.condition.expression) ? .fires : .holdsNot
        }
        // Every combination of ends; a rule rarely reads more than one date, so this stays small.
        var combinations: [[String: AnswerValue?]] = [answers]
        for (id, range) in vague.prefix(6) {
            combinations = combinations.flatMap { base in
                [range.earliest ?? DateRange.distantPast, range.latest].map { day in
                    var changed = base
                    changed[id] = .some(.date(day))
                    return changed
                }
            }
        }
        let holds = combinations.map { self.evaluator(answers: $0, today: today).holds(rule.condition.expression) }
        if holds.allSatisfy({ $0 }) { return .fires }
        return holds.contains(true) ? .possibly(vague.map(\.1)) : .holdsNot
    }

    /// The answers a rule's condition reads that hold a value, directly or through computed values.
    public func answersRead(by expression: Expression, among answers: [String: AnswerValue?]) -> [String] {
        dependencies(of: expression).answers.filter { if case .some(.some) = answers[$0] { true } else { false } }
    }
}
