/// Finite sets of representative answers for each question, so conditions can be checked
/// against every class of answer (all ages from 22 to 120 behave alike when the dialog
/// only compares age with 18 and 22).
struct AnswerDomains {
    let consultation: Consultation
    /// Every number written in any expression, plus numeric settings: the boundaries that matter.
    let boundaries: [Double]
    let today = CalendarDay(year: 2000, month: 7, day: 1)!

    init(consultation: Consultation) {
        self.consultation = consultation
        var numbers: Set<Double> = []
        var expressions: [Expression] = consultation.rules.map(\.condition.expression)
        expressions += consultation.computed.values.map(\.expression)
        for dialog in consultation.dialogs.values {
            for node in dialog.nodes {
                if case let .branch(cases, _) = node.kind { expressions += cases.map(\.condition.expression) }
            }
        }
        for expression in expressions { numbers.formUnion(expression.numberLiterals) }
        for case let .number(value) in consultation.settings.values { numbers.insert(value) }
        boundaries = numbers.sorted()
    }

    /// Representative values of a question's answer; `nil` stands for "skipped".
    func values(for question: Question) -> [AnswerValue?] {
        var values: [AnswerValue?]
        switch question.type {
        case .yesNo:
            values = [.yesNo(.yes), .yesNo(.no)]
        case .yesNoUnsure:
            values = YesNoUnsure.allCases.map { .yesNo($0) }
        case .choice:
            values = question.options.map { .choice($0.id) }
        case .multipleChoice:
            let ids = question.options.map(\.id)
            if ids.count <= 8 {
                values = (0..<(1 << ids.count)).map { mask in
                    .choices(ids.enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element))
                }
            } else {
                values = [.choices([]), .choices(ids)] + ids.map { .choices([$0]) }
            }
        case .number:
            values = numberClasses(minimum: question.minimum, maximum: question.maximum, integer: question.integer).map { .number($0) }
        case .date:
            // Days ago that straddle every boundary read as days, weeks, months or years.
            var daysAgo: Set<Int> = [0, 1]
            for boundary in boundaries where boundary >= 0 && boundary < 1000 {
                for scale in [1.0, 7.0, 30.5, 365.25] {
                    let days = Int(boundary * scale)
                    daysAgo.formUnion([days - 2, days, days + 2, days + 32, days + 370].filter { $0 >= 0 })
                }
            }
            values = daysAgo.sorted().map { .date(today.adding(days: -$0)) }
        case .text:
            values = [.text("")]
        case .continue:
            values = [.acknowledged]
        }
        if !question.required { values.append(nil) }
        return values
    }

    /// One number per class of numbers that no comparison in the dialog can tell apart.
    func numberClasses(minimum: Double?, maximum: Double?, integer: Bool) -> [Double] {
        let step = integer ? 1.0 : 0.5
        var candidates: Set<Double> = []
        for boundary in boundaries {
            candidates.formUnion([boundary - step, boundary, boundary + step])
        }
        if let minimum { candidates.insert(minimum) }
        if let maximum { candidates.insert(maximum) }
        if minimum == nil, maximum == nil, candidates.isEmpty { candidates.insert(0) }
        return candidates.filter { value in
            (minimum.map { value >= $0 } ?? true) && (maximum.map { value <= $0 } ?? true) && (!integer || value.rounded() == value)
        }.sorted()
    }
}

/// Finds rules whose condition can never hold, whatever the patient answers.
struct RuleSatisfiability {
    /// Largest number of answer combinations tried for one rule; beyond it the rule is not judged.
    static let maximumCombinations = 200_000

    let consultation: Consultation
    var log = DiagnosticLog()

    init(consultation: Consultation) {
        self.consultation = consultation
    }

    mutating func check() {
        let domains = AnswerDomains(consultation: consultation)
        for rule in consultation.rules {
            let names = consultation.dependencies(of: rule.condition.expression).answers
            let questions = names.compactMap { consultation.question($0) }
            let choices = questions.map { domains.values(for: $0) }
            let combinations = choices.reduce(1.0) { $0 * Double($1.count) }
            guard combinations <= Double(Self.maximumCombinations) else { continue }
            if !canHold(rule, names: names, choices: choices, today: domains.today) {
                log.error("the rule '\(rule.id)' can never fire: its condition is false for every possible answer", at: rule.condition.location, id: "rule-never-fires")
            }
        }
    }

    private func canHold(_ rule: ScreeningRule, names: [String], choices: [[AnswerValue?]], today: CalendarDay) -> Bool {
        var indices = [Int](repeating: 0, count: names.count)
        while true {
            var answers: [String: AnswerValue?] = [:]
            for (position, name) in names.enumerated() { answers[name] = .some(choices[position][indices[position]]) }
            if consultation.evaluator(answers: answers, today: today).holds(rule.condition.expression) { return true }
            var position = 0
            while position < indices.count {
                indices[position] += 1
                if indices[position] < choices[position].count { break }
                indices[position] = 0
                position += 1
            }
            if position == indices.count { return false }
        }
    }
}
