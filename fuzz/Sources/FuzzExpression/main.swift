import ConsultCore
import FuzzSupport

// The expression parser, the text template parser, the type checker, and the evaluator for what type-checks.
//
// Properties: a syntax error points inside the source (or just after it); an expression that type-checks
// against the bundled consultation's names evaluates without trapping, as the type checker promises.
FuzzDriver.run { data, size in
    let source = FuzzInput(data, size).text
    ExpressionTarget.test(source)
    return 0
}

enum ExpressionTarget {
    static let checker = ExpressionTypeChecker(names: BundledDialogs.consultation.bindings)
    /// Made for each input: an evaluator holds a closure and is not `Sendable`.
    static var evaluator: ExpressionEvaluator {
        BundledDialogs.consultation.evaluator(
            answers: ["age": .number(34), "pregnant": .yesNo(.unsure), "concern": .choices(["acne_scars"]),
                      "area": .choices(["face", "neck"]), "health_notes": nil],
            today: BundledDialogs.today, outcome: .review)
    }

    static func test(_ source: String) {
        let evaluator = evaluator
        do {
            let expression = try ExpressionParser.parse(source)
            for use in [ExpressionTypeChecker.Use.condition, .value] {
                let (_, problems) = checker.check(expression, as: use)
                for problem in problems where !(0...source.count).contains(problem.offset) {
                    Finding.report("a type error at offset \(problem.offset), outside the source", input: source)
                }
                if problems.isEmpty {
                    _ = evaluator.evaluate(expression)
                    if case .condition = use { _ = evaluator.holds(expression) }
                }
            }
        } catch {
            if !(0...source.count).contains(error.offset) {
                Finding.report("a syntax error at offset \(error.offset), outside the source", input: source)
            }
        }
        if let template = try? TextTemplate.parse(source) {
            for (expression, _, _) in template.expressions where checker.check(expression, as: .value).problems.isEmpty {
                _ = evaluator.evaluate(expression)
            }
        }
    }
}
