import Foundation

/// A random consultation that loads without errors: an entry dialog of questions of every kind that branches,
/// skips, calls other dialogs, shows the outcome and ends early, with computed values and screening rules.
///
/// Conditions of branches read only answers asked on every path to them (the loader's rule); rules read any
/// answer or computed value. Everything comes from one seed, so a failing case is reproduced from its seed.
struct RandomDialog {
    /// A question as the generator knows it.
    struct QuestionSpec {
        enum Kind: CaseIterable { case yesNo, yesNoUnsure, choice, multipleChoice, number }
        var id: String
        var kind: Kind
        var required: Bool
    }

    /// The dialog files: file name → YAML text.
    private(set) var files: [String: String] = [:]
    private(set) var questions: [String: QuestionSpec] = [:]
    /// Numbers written in conditions, so random answers fall on both sides of them.
    private(set) var boundaries: [Int] = [18, 50]

    private var random: SplitMix64
    private var questionCount = 0
    private var labelCount = 0
    /// Computed values, and whether each is a number (else a condition).
    private var computed: [(name: String, expression: String, numeric: Bool)] = []

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
        var entry: [String] = []
        var earlyEnds: [String] = []
        var spine: [String] = []
        var subdialogs = 0
        let segments = Int.random(in: 3...9, using: &random)
        for _ in 0..<segments {
            switch Int.random(in: 0..<10, using: &random) {
            case 0...2:
                let question = newQuestion(required: Int.random(in: 0..<5, using: &random) > 0)
                entry += ask(question)
                spine.append(question.id)
            case 3:
                // Skip a region when a condition holds.
                guard let condition = condition(over: spine) else { fallthrough }
                let label = newLabel()
                entry += ["  - branch:", "      - if: \"\(condition)\"", "        goto: \(label)"]
                for _ in 0..<Int.random(in: 1...2, using: &random) { entry += ask(newQuestion(required: true)) }
                entry += ["  - id: \(label)", "    say: Joined."]
            case 4:
                // Two ways, joined again: `else` and `next`.
                guard let condition = condition(over: spine) else { fallthrough }
                let (yes, other, join) = (newLabel(), newLabel(), newLabel())
                entry += ["  - branch:", "      - if: \"\(condition)\"", "        goto: \(yes)", "    else: \(other)"]
                entry += ["  - id: \(yes)", "    say: One way."] + ask(newQuestion(required: true))
                entry += ["  - say: Then on.", "    next: \(join)"]
                entry += ["  - id: \(other)", "    say: The other way."] + ask(newQuestion(required: true))
                entry += ["  - id: \(join)", "    say: Joined."]
            case 5:
                subdialogs += 1
                let id = "sub\(subdialogs)"
                files["\(id).yaml"] = subdialog(id)
                entry.append("  - call: \(id)")
                if Bool.random(using: &random) { entry.append("  - call: \(id)") }
            case 6:
                // End early on the outcome so far.
                let label = newLabel()
                let status = ["decline", "defer", "review"].randomElement(using: &random)!
                entry += ["  - branch:", "      - if: outcome == \(status)", "        goto: \(label)"]
                earlyEnds += ["  - id: \(label)", "    end: We stop here."]
            case 7:
                entry += ["  - outcome: true"]
            case 8:
                labelCount += 1
                entry += ["  - explain: topic\(labelCount)", "    title: Topic \(labelCount)", "    text: Some words.",
                          "    more: More words."]
            default:
                entry += ["  - say: A few words."]
            }
        }
        entry += ["  - outcome: true", "  - end: Thank you."] + earlyEnds

        for _ in 0..<Int.random(in: 0...2, using: &random) { addComputed() }
        var rules: [String] = []
        for index in 0..<Int.random(in: 1...5, using: &random) {
            guard let condition = condition(over: Array(questions.keys).sorted(), computedToo: true) else { continue }
            let effect = ["review", "defer", "decline", "precaution", "info"].randomElement(using: &random)!
            rules += ["  - id: rule\(index)", "    when: \"\(condition)\"", "    outcome: \(effect)", "    reason: Rule \(index)."]
        }
        var text = ["dialog: main", "version: 1.0.0", "entry: true", "nodes:"] + entry
        if !computed.isEmpty {
            text.append("computed:")
            for value in computed { text.append("  \(value.name): \"\(value.expression)\"") }
        }
        if !rules.isEmpty { text += ["rules:"] + rules }
        files["main.yaml"] = text.joined(separator: "\n") + "\n"
    }

    // MARK: - Parts

    private mutating func newLabel() -> String {
        labelCount += 1
        return "l\(labelCount)"
    }

    private mutating func newQuestion(required: Bool) -> QuestionSpec {
        questionCount += 1
        let question = QuestionSpec(id: "q\(questionCount)", kind: QuestionSpec.Kind.allCases.randomElement(using: &random)!,
                                    required: required)
        questions[question.id] = question
        return question
    }

    private func ask(_ question: QuestionSpec) -> [String] {
        var lines = ["  - ask: Question \(question.id)?", "    id: \(question.id)"]
        switch question.kind {
        case .yesNo: lines.append("    type: yes-no")
        case .yesNoUnsure: lines.append("    type: yes-no-unsure")
        case .choice, .multipleChoice:
            lines.append("    type: \(question.kind == .choice ? "choice" : "multiple-choice")")
            lines.append("    options:")
            for (index, label) in ["Red", "Green", "Blue"].enumerated() { lines.append("      - {id: o\(index + 1), label: \(label)}") }
            if question.kind == .multipleChoice { lines.append("    none: None of these") }
        case .number:
            lines += ["    type: number", "    range: [0, 100]"]
        }
        if !question.required { lines.append("    required: false") }
        return lines
    }

    /// A called dialog: questions, perhaps a skipped region or an early end on its own answers, then a return.
    private mutating func subdialog(_ id: String) -> String {
        var lines = ["dialog: \(id)", "nodes:"]
        var own: [String] = []
        for _ in 0..<Int.random(in: 1...2, using: &random) {
            let question = newQuestion(required: true)
            lines += ask(question)
            own.append(question.id)
        }
        var stop: String?
        if Bool.random(using: &random), let condition = condition(over: own) {
            let label = newLabel()
            if Bool.random(using: &random) {
                stop = label
                lines += ["  - branch:", "      - if: \"\(condition)\"", "        goto: \(label)"]
            } else {
                lines += ["  - branch:", "      - if: \"\(condition)\"", "        goto: \(label)"]
                lines += ask(newQuestion(required: true))
                lines += ["  - id: \(label)", "    say: Joined."]
            }
        }
        if let stop {
            lines += ["  - return: true", "  - id: \(stop)", "    end: Stopped in \(id)."]
        } else if Bool.random(using: &random) {
            lines.append("  - return: true")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private mutating func addComputed() {
        let numbers = questions.values.filter { $0.kind == .number }.map(\.id).sorted()
        let name = "c\(computed.count + 1)"
        if let number = numbers.randomElement(using: &random), Bool.random(using: &random) {
            // Arithmetic on one answer: the explorer's classes cover it exactly. Arithmetic across answers
            // (`q2 + q4 < 173`) is outside them (docs/paths.md says so), so the generator does not write it.
            computed.append((name, "\(number) * \(Int.random(in: 2...3, using: &random)) + \(Int.random(in: 1...9, using: &random))", true))
        } else if let condition = condition(over: Array(questions.keys).sorted()) {
            computed.append((name, condition, false))
        }
    }

    /// A condition over answers among `answers` (and, when `computedToo`, computed values), or `nil` when there are none.
    private mutating func condition(over answers: [String], computedToo: Bool = false, depth: Int = 0) -> String? {
        var sources = answers.filter { questions[$0] != nil }
        if computedToo { sources += computed.map(\.name) }
        guard let source = sources.randomElement(using: &random) else { return nil }
        let atom = atom(reading: source)
        guard depth < 1, Int.random(in: 0..<3, using: &random) == 0,
              let other = condition(over: answers, computedToo: computedToo, depth: depth + 1) else { return atom }
        switch Int.random(in: 0..<3, using: &random) {
        case 0: return "(\(atom)) and (\(other))"
        case 1: return "(\(atom)) or (\(other))"
        default: return "not (\(atom))"
        }
    }

    /// One comparison reading one answer or computed value, its constants drawn at random.
    private mutating func atom(reading source: String) -> String {
        if let value = computed.first(where: { $0.name == source }) {
            return value.numeric ? "\(source) < \(Int.random(in: 1...199, using: &random))" : source
        }
        guard let question = questions[source] else { return "true" }
        let id = question.id
        switch question.kind {
        case .yesNo:
            return ["\(id) == yes", "\(id)", "\(id) == no", "not \(id)"].randomElement(using: &random)!
        case .yesNoUnsure:
            return ["\(id) == yes", "\(id) != no", "\(id) == unsure"].randomElement(using: &random)!
        case .choice:
            let option = "o\(Int.random(in: 1...3, using: &random))"
            return ["\(id) == \(option)", "\(id) != \(option)"].randomElement(using: &random)!
        case .multipleChoice:
            let option = "o\(Int.random(in: 1...3, using: &random))"
            return ["\(option) in \(id)", "count(\(id)) >= 2", "count(\(id)) == 0"].randomElement(using: &random)!
        case .number:
            let boundary = Int.random(in: 1...99, using: &random)
            boundaries.append(boundary)
            return ["\(id) < \(boundary)", "\(id) >= \(boundary)", "\(id) == \(boundary)"].randomElement(using: &random)!
        }
    }
}
