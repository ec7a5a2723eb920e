/// One class of answers to a question: answers that every condition of the dialog (and of the
/// properties being checked) treats alike, so exploring one of them explores them all.
public struct AnswerClass: Sendable, Hashable {
    /// The class's representative, as a patient would type it (`yes`, `Acne scars`, `34`, `7 months ago`, `skip`).
    public var typed: String
    /// What the session makes of `typed`; `nil` when it skips an optional question.
    public var value: AnswerValue?
    /// Every representative tried that fell in this class, as typed.
    public var members: [String]
    /// For number questions: the smallest and largest representative in the class (`22…120`).
    public var numberRange: ClosedRange<Double>?
    /// Classes that only properties tell apart share this index: paths are counted by it.
    public var dialogClass: Int
}

/// Builds the answer classes of each question from representative answers: the answer domains the
/// validator uses (yes/no, each option, subsets of a multiple choice), numbers on both sides of every
/// number written in a condition, and dates "N days/weeks/months/years ago" around every such number.
///
/// Each representative is typed the way a patient would and read back with the session's own
/// interpreter, so a path made of them replays in `consult run` exactly; answers that cannot be typed
/// (an empty multiple choice without a "none of these" option) are not representatives.
struct PathAnswerClasses {
    let model: PathModel
    let today: CalendarDay
    private let interpreter: AnswerInterpreter
    private let domains: AnswerDomains
    private let datePhrases: [(typed: String, value: AnswerValue)]

    init(model: PathModel, today: CalendarDay) {
        self.model = model
        self.today = today
        self.interpreter = AnswerInterpreter(today: today)
        self.domains = AnswerDomains(consultation: model.consultation)
        var phrases: [(String, AnswerValue)] = []
        var seen: Set<AnswerValue> = []
        var amounts: Set<Int> = [1]
        for boundary in model.boundaries where boundary >= 0 && boundary < 1000 {
            let whole = Int(boundary.rounded())
            amounts.formUnion([whole - 1, whole, whole + 1].filter { $0 >= 1 })
        }
        let interpreter = self.interpreter
        func add(_ typed: String) {
            if case let .answer(value) = interpreter.interpret(typed, as: .date), seen.insert(value).inserted {
                phrases.append((typed, value))
            }
        }
        add("today")
        for unit in ["day", "week", "month", "year"] {
            for amount in amounts.sorted() { add("\(amount) \(unit)\(amount == 1 ? "" : "s") ago") }
        }
        add("50 years ago")
        datePhrases = phrases
    }

    /// The classes of a question, in the order of their first representative.
    func classes(of questionIndex: Int) -> [AnswerClass] {
        let id = model.questionIDs[questionIndex]
        guard let question = model.consultation.question(id) else { return [] }
        let kind = question.answerKind(in: "en") { $0.template(in: "en") }
        let dialogAtoms = model.dialogAtoms[questionIndex]
        let propertyAtoms = model.propertyAtoms[questionIndex]
        var classes: [AnswerClass] = []
        var fineIndex: [[Value?]: Int] = [:]
        var dialogIndex: [[Value?]: Int] = [:]
        for (typed, value) in representatives(of: question, index: questionIndex, kind: kind) {
            let evaluator = model.consultation.evaluator(answers: [id: value], today: today)
            let dialogSignature = dialogAtoms.map { evaluator.evaluate($0) }
            let signature = dialogSignature + propertyAtoms.map { evaluator.evaluate($0) }
            var number: Double?
            if case let .number(typedNumber)? = value { number = typedNumber }
            if let existing = fineIndex[signature] {
                classes[existing].members.append(typed)
                if let number, let range = classes[existing].numberRange {
                    classes[existing].numberRange = min(range.lowerBound, number)...max(range.upperBound, number)
                }
                continue
            }
            let dialogClass: Int
            if let known = dialogIndex[dialogSignature] {
                dialogClass = known
            } else {
                dialogClass = dialogIndex.count
                dialogIndex[dialogSignature] = dialogClass
            }
            fineIndex[signature] = classes.count
            classes.append(AnswerClass(typed: typed, value: value, members: [typed], numberRange: number.map { $0...$0 },
                                       dialogClass: dialogClass))
        }
        return classes
    }

    /// What every condition of the dialog and the properties makes of `value` as the answer to question
    /// `questionIndex`: answers with the same signature are in the same class.
    func signature(of value: AnswerValue?, question questionIndex: Int) -> [Value?] {
        let evaluator = model.consultation.evaluator(answers: [model.questionIDs[questionIndex]: value], today: today)
        return (model.dialogAtoms[questionIndex] + model.propertyAtoms[questionIndex]).map { evaluator.evaluate($0) }
    }

    // MARK: - Representatives

    private func representatives(of question: Question, index questionIndex: Int, kind: AnswerKind) -> [(typed: String, value: AnswerValue?)] {
        var result: [(typed: String, value: AnswerValue?)] = []
        var seen: Set<AnswerValue> = []
        func add(_ value: AnswerValue, typedAs candidates: [String]) {
            guard !seen.contains(value), let typed = candidates.first(where: { reads($0, as: value, kind: kind) }) else { return }
            seen.insert(value)
            result.append((typed, value))
        }
        switch question.type {
        case .yesNo, .yesNoUnsure, .choice, .multipleChoice:
            for case let value? in domains.values(for: question) { add(value, typedAs: typings(of: value, kind: kind)) }
        case .number:
            for value in refined(numbers(for: question), for: question, index: questionIndex) {
                add(.number(value), typedAs: [NumberFormatting.plain(value)])
            }
        case .date:
            for (typed, value) in datePhrases where !seen.contains(value) {
                seen.insert(value)
                result.append((typed, value))
            }
        case .text:
            for typed in ["none", "0", "12345", "AB12345", "a@example.com"] {
                if case let .answer(value) = interpreter.interpret(typed, as: kind) {
                    result.append((typed, value))
                    break
                }
            }
        case .continue:
            result.append(("", .acknowledged))
        }
        if !question.required { result.append(("skip", nil)) }
        return result
    }

    /// Ways to type a yes/no or choice answer, the most natural first.
    private func typings(of value: AnswerValue, kind: AnswerKind) -> [String] {
        switch (value, kind) {
        case let (.yesNo(word), _):
            return [word == .unsure ? "not sure" : word.rawValue]
        case let (.choice(id), .singleChoice(options)):
            guard let index = options.firstIndex(where: { $0.id == id }) else { return [] }
            return [options[index].label, String(index + 1)]
        case let (.choices(ids), .multipleChoice(options, none)):
            if ids.isEmpty {
                guard let none else { return [] }
                return [none.label, String(options.count + 1)]
            }
            let chosen = options.enumerated().filter { ids.contains($0.element.id) }
            return [chosen.map(\.element.label).joined(separator: ", "), chosen.map { String($0.offset + 1) }.joined(separator: " ")]
        default:
            return []
        }
    }

    /// Whether the session reads `typed` at this question as exactly `value` (and not as a command or an own question).
    private func reads(_ typed: String, as value: AnswerValue, kind: AnswerKind) -> Bool {
        guard SessionCommand(TextNormalizer.normalize(typed), language: .english) == nil, !FAQMatcher.looksLikeQuestion(typed) else { return false }
        return interpreter.interpret(typed, as: kind) == .answer(value)
    }

    /// `numbers` with, wherever a condition part reading this answer changes its value between two neighbours, the
    /// two numbers on either side of the change, found by bisection.
    ///
    /// Boundaries written in conditions are not enough once a computed value does arithmetic on the answer:
    /// `c1 < 182` with `c1: "q * 2 + 9"` changes between 86 and 87, a number written nowhere. Without this, a class
    /// of answers (here 73…86, where `c1 < 182` holds but `c2 < 150` with `c2: "q * 2 + 4"` does not) was never
    /// tried, and the paths it leads to never explored — the differential test found it.
    private func refined(_ numbers: [Double], for question: Question, index questionIndex: Int) -> [Double] {
        let atoms = model.dialogAtoms[questionIndex] + model.propertyAtoms[questionIndex]
        guard numbers.count >= 2, !atoms.isEmpty else { return numbers }
        let id = model.questionIDs[questionIndex]
        let step = question.integer ? 1.0 : 0.5
        func value(of atom: Expression, at number: Double) -> Value? {
            model.consultation.evaluator(answers: [id: .number(number)], today: today).evaluate(atom)
        }
        var result = Set(numbers)
        for atom in atoms {
            for (low, high) in zip(numbers, numbers.dropFirst()) where value(of: atom, at: low) != value(of: atom, at: high) {
                // Invariant: the atom's value at `low` differs from its value at `high`.
                var (low, high) = (low, high)
                let lowValue = value(of: atom, at: low)
                var rounds = 0
                while high - low > step, rounds < 64 {
                    rounds += 1
                    var middle = ((low + high) / 2 / step).rounded(.down) * step
                    if middle <= low { middle = low + step }
                    if value(of: atom, at: middle) == lowValue { low = middle } else { high = middle }
                }
                result.formUnion([low, high])
            }
        }
        return result.sorted()
    }

    /// Numbers on both sides of every boundary, within the question's range.
    private func numbers(for question: Question) -> [Double] {
        let step = question.integer ? 1.0 : 0.5
        var candidates: Set<Double> = []
        for case let .number(value)? in domains.values(for: question) { candidates.insert(value) }
        for boundary in model.boundaries { candidates.formUnion([boundary - step, boundary, boundary + step]) }
        if let minimum = question.minimum { candidates.insert(minimum) }
        if let maximum = question.maximum { candidates.insert(maximum) }
        if candidates.isEmpty { candidates.insert(0) }
        return candidates.filter { value in
            (question.minimum.map { value >= $0 } ?? true) && (question.maximum.map { value <= $0 } ?? true)
                && (!question.integer || value.rounded() == value)
        }.sorted()
    }
}
