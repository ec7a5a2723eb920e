extension Consultation {
    /// An evaluator over a set of answers.
    ///
    /// - Parameters:
    ///   - answers: answer id → value; a present key with `nil` is a skipped question, a missing key one not asked.
    ///   - today: the reference day for `days_since` and friends (the session's start day).
    ///   - outcome: the value of the built-in `outcome`, when known.
    public func evaluator(answers: [String: AnswerValue?], today: CalendarDay, outcome: OutcomeStatus? = nil) -> ExpressionEvaluator {
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
                return outcome.map { .value(.symbol($0.rawValue)) } ?? .unknown
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
        var fired: [ScreeningRule] = []
        for rule in rules {
            let vague = rule.answersRead.compactMap { id -> (String, DateRange)? in
                if case let .dateRange(range)?? = answers[id] { return (id, range) }
                return nil
            }
            guard !vague.isEmpty else {
                if evaluator.holds(rule.condition.expression) { fired.append(rule) }
                continue
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
            if holds.allSatisfy({ $0 }) {
                fired.append(rule)
            } else if holds.contains(true) {
                fired.append(rule.possibly(vague.map(\.1)))
            }
        }
        return fired
    }

    /// The answers a rule's condition reads that hold a value, directly or through computed values.
    public func answersRead(by expression: Expression, among answers: [String: AnswerValue?]) -> [String] {
        answersRead(by: expression).filter { if case .some(.some) = answers[$0] { true } else { false } }
    }

    /// Every answer an expression reads, directly or through computed values, in order of first mention.
    func answersRead(by expression: Expression) -> [String] {
        var result: [String] = []
        var seenComputed: Set<String> = []
        func visit(_ names: [String]) {
            for name in names {
                if questions[name] != nil {
                    if !result.contains(name) { result.append(name) }
                } else if let value = computed[name], seenComputed.insert(name).inserted {
                    visit(value.expression.names)
                }
            }
        }
        visit(expression.names)
        return result
    }
}
