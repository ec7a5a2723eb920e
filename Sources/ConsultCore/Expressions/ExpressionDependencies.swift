/// What an expression reads, directly or through computed values: the one dependency analysis that the session,
/// the rule explainer, flow analysis, the chart and the path model share.
public struct ExpressionDependencies: Sendable, Hashable {
    /// Every answer, setting and computed value read, in the order a reader meets them: each name of the expression
    /// in turn, a computed value followed at once by what it reads (depth first), each name once.
    public private(set) var names: [String] = []
    /// The answer ids among ``names``, in the same order.
    public private(set) var answers: [String] = []
    /// The settings among ``names``.
    public private(set) var settings: [String] = []
    /// The computed values among ``names``.
    public private(set) var computed: [String] = []
    /// Whether the built-in `outcome` (the outcome so far) is read.
    public private(set) var readsOutcome = false

    /// The dependencies of `expression` in `consultation`.
    public init(of expression: Expression, in consultation: Consultation) {
        var seen: Set<String> = []
        // An explicit stack, not recursion: computed values may nest deeply in generated dialogs.
        var pending: [ArraySlice<String>] = [expression.names[...]]
        while var top = pending.popLast() {
            guard let name = top.popFirst() else { continue }
            pending.append(top)
            guard seen.insert(name).inserted else { continue }
            if consultation.questions[name] != nil {
                names.append(name)
                answers.append(name)
            } else if let value = consultation.computed[name] {
                names.append(name)
                computed.append(name)
                pending.append(value.expression.names[...])
            } else if consultation.settings[name] != nil {
                names.append(name)
                settings.append(name)
            } else if name == ConsultationLinker.outcomeName {
                readsOutcome = true
            }
        }
    }
}

extension Consultation {
    /// What `expression` reads, directly or through computed values.
    public func dependencies(of expression: Expression) -> ExpressionDependencies {
        ExpressionDependencies(of: expression, in: self)
    }
}
