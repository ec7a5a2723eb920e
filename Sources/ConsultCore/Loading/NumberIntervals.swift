import Foundation

/// The values a number expression can take, worked out when a dialog loads, so that every number shown
/// with `| money` or `| number`, and every value the cost estimate uses, is known to stay within what a
/// session can show (``NumberFormatting/largestShown``).
///
/// It over-approximates, never under: both branches of an `if` count whatever the condition, and a number
/// question may be answered anywhere in its `range` (anywhere at all without one). So a dialog it accepts
/// cannot show a number beyond the bound, whatever the patient answers.
struct NumberIntervals {
    /// All the values an expression can take, from `lower` to `upper` (either may be infinite).
    struct Interval: Equatable {
        var lower: Double
        var upper: Double
        /// Whether every value is a whole number, so a divisor that is not 0 is at least 1 in size.
        var isWhole: Bool
        /// What makes it unbounded, for a diagnostic ("the question 'weight' has no 'range'"); `nil` when bounded.
        var unboundedBecause: String?

        init(lower: Double, upper: Double, isWhole: Bool, unboundedBecause: String? = nil) {
            self.lower = lower
            self.upper = upper
            self.isWhole = isWhole
            self.unboundedBecause = lower.isInfinite || upper.isInfinite ? unboundedBecause : nil
        }

        static func exactly(_ value: Double) -> Interval {
            Interval(lower: value, upper: value, isWhole: value.rounded() == value)
        }

        static func unbounded(because reason: String, isWhole: Bool = false) -> Interval {
            Interval(lower: -.infinity, upper: .infinity, isWhole: isWhole, unboundedBecause: reason)
        }

        /// The largest magnitude of a value in the interval.
        var magnitude: Double { max(abs(lower), abs(upper)) }

        /// Whether every value can be shown exactly.
        var isShowable: Bool { magnitude <= NumberFormatting.largestShown }

        /// Both intervals at once (the two branches of an `if`, the bounds of `min` and `max`).
        func union(_ other: Interval) -> Interval {
            Interval(lower: min(lower, other.lower), upper: max(upper, other.upper), isWhole: isWhole && other.isWhole,
                     unboundedBecause: unboundedBecause ?? other.unboundedBecause)
        }
    }

    /// Days, months and years between two calendar days (years 1 to 9999): what `days_since` and its
    /// siblings can return.
    static let daysBetweenAnyDays = 3_652_059.0
    static let monthsBetweenAnyDays = 120_000.0
    static let yearsBetweenAnyDays = 10_000.0

    let consultation: Consultation
    /// The interval of each computed value that holds a number and whose settings are all showable.
    private var computed: [String: Interval] = [:]

    /// Works out the computed values in `order`, where each comes after every computed value it reads;
    /// values left out (in a circle, nested too deeply) are not judged, and neither is anything reading them.
    init(consultation: Consultation, order: [String]) {
        self.consultation = consultation
        for name in order {
            guard let value = consultation.computed[name] else { continue }
            computed[name] = interval(of: value.expression)
        }
    }

    /// The values `expression` can take; `nil` when it is not a number, or reads something not judged
    /// (a setting already reported as too large, a computed value in a circle).
    func interval(of expression: Expression) -> Interval? {
        switch expression.kind {
        case let .number(value):
            return .exactly(value)
        case .text, .boolean, .answerWord, .list, .not:
            return nil
        case let .name(name):
            return interval(ofName: name)
        case let .negate(operand):
            return interval(of: operand).map { Interval(lower: -$0.upper, upper: -$0.lower, isWhole: $0.isWhole, unboundedBecause: $0.unboundedBecause) }
        case let .binary(op, left, right):
            guard let a = interval(of: left), let b = interval(of: right) else { return nil }
            return Self.combine(op, a, b)
        case let .call(function, arguments):
            return interval(ofCall: function, arguments)
        case let .conditional(_, then, otherwise):
            guard let a = interval(of: then), let b = interval(of: otherwise) else { return nil }
            return a.union(b)
        }
    }

    private func interval(ofName name: String) -> Interval? {
        if let question = consultation.question(name) {
            guard question.type == .number else { return nil }
            guard let minimum = question.minimum, let maximum = question.maximum else {
                return .unbounded(because: "the question '\(name)' has no 'range'", isWhole: question.integer)
            }
            return Interval(lower: minimum, upper: maximum, isWhole: question.integer)
        }
        if case let .number(value)? = consultation.settings[name] {
            // A setting beyond the bound is reported where it is written, once.
            let interval = Interval.exactly(value)
            return interval.isShowable ? interval : nil
        }
        return computed[name]
    }

    private func interval(ofCall function: String, _ arguments: [Expression]) -> Interval? {
        switch function {
        case "min", "max":
            let intervals = arguments.map(interval(of:))
            guard var result = intervals.first ?? nil else { return nil }
            for case let next? in intervals.dropFirst() {
                result = function == "min"
                    ? Interval(lower: min(result.lower, next.lower), upper: min(result.upper, next.upper),
                               isWhole: result.isWhole && next.isWhole, unboundedBecause: result.unboundedBecause ?? next.unboundedBecause)
                    : Interval(lower: max(result.lower, next.lower), upper: max(result.upper, next.upper),
                               isWhole: result.isWhole && next.isWhole, unboundedBecause: result.unboundedBecause ?? next.unboundedBecause)
            }
            return intervals.contains(nil) ? nil : result
        case "round":
            guard let value = arguments.first.flatMap(interval(of:)) else { return nil }
            return Interval(lower: value.lower.rounded(), upper: value.upper.rounded(), isWhole: true, unboundedBecause: value.unboundedBecause)
        case "count":
            // A multiple choice's options and its "none"; through a computed value, those of the largest one.
            let options: Int
            if case let .name(name)? = arguments.first?.kind, let question = consultation.question(name) {
                options = question.options.count
            } else {
                options = consultation.questions.keys.compactMap { consultation.question($0)?.options.count }.max() ?? 0
            }
            return Interval(lower: 0, upper: Double(options + 1), isWhole: true)
        case "days_since":
            return Interval(lower: -Self.daysBetweenAnyDays, upper: Self.daysBetweenAnyDays, isWhole: true)
        case "months_since":
            return Interval(lower: -Self.monthsBetweenAnyDays, upper: Self.monthsBetweenAnyDays, isWhole: true)
        case "years_since":
            return Interval(lower: -Self.yearsBetweenAnyDays, upper: Self.yearsBetweenAnyDays, isWhole: true)
        default:
            return nil
        }
    }

    /// Interval arithmetic for `+ - * /`; `nil` for the operators that do not give numbers.
    static func combine(_ op: BinaryOperator, _ a: Interval, _ b: Interval) -> Interval? {
        let because = a.unboundedBecause ?? b.unboundedBecause
        switch op {
        case .add:
            return Interval(lower: a.lower + b.lower, upper: a.upper + b.upper, isWhole: a.isWhole && b.isWhole, unboundedBecause: because)
        case .subtract:
            return Interval(lower: a.lower - b.upper, upper: a.upper - b.lower, isWhole: a.isWhole && b.isWhole, unboundedBecause: because)
        case .multiply:
            // 0 × ∞ is 0 here: every value a session computes is finite, and 0 times it is 0.
            let products = [a.lower * b.lower, a.lower * b.upper, a.upper * b.lower, a.upper * b.upper].map { $0.isNaN ? 0 : $0 }
            return Interval(lower: products.min()!, upper: products.max()!, isWhole: a.isWhole && b.isWhole, unboundedBecause: because)
        case .divide:
            if b.lower > 0 || b.upper < 0 {
                let quotients = [a.lower / b.lower, a.lower / b.upper, a.upper / b.lower, a.upper / b.upper].map { $0.isNaN ? 0 : $0 }
                return Interval(lower: quotients.min()!, upper: quotients.max()!, isWhole: false, unboundedBecause: because)
            }
            // A session leaves a division by 0 unknown; any other whole divisor is at least 1 in size.
            if b.isWhole {
                return Interval(lower: -a.magnitude, upper: a.magnitude, isWhole: false, unboundedBecause: a.unboundedBecause)
            }
            return .unbounded(because: because ?? "it divides by a number that can be close to 0")
        case .or, .and, .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .in:
            return nil
        }
    }

    // MARK: - Messages

    /// `1,000,000,000,000,000`.
    static var bound: String { NumberFormatting.grouped(NumberFormatting.largestShown) }

    /// A value for a message: digits up to the bound, else `about 1.2e+19`.
    static func describe(_ value: Double) -> String {
        abs(value) <= NumberFormatting.largestShown ? NumberFormatting.plain(value) : "about " + String(format: "%.2g", value)
    }

    /// Why `interval` cannot be shown, as the end of a sentence: "can reach about 1.2e+19" or
    /// "has no bound (the question 'weight' has no 'range')".
    static func excess(of interval: Interval) -> String {
        if interval.magnitude.isInfinite {
            return "has no bound (\(interval.unboundedBecause ?? "it can grow without limit"))"
        }
        let extreme = abs(interval.upper) >= abs(interval.lower) ? interval.upper : interval.lower
        return "can reach \(describe(extreme))"
    }
}
