/// The computed values in an order where each comes after the computed values it reads, and what working
/// each out costs a session.
///
/// A session works a computed value out again every time it is read, recursively. A long chain
/// (`c2: c1 + 1`, `c3: c2 + 1`…) would overflow the stack, and a value reading another twice at each
/// step (`c2: c1 + c1`) would take exponential time, so both are bounded here, where a dialog is checked.
/// Everything here is iterative: however the values read each other, checking them cannot overflow the stack.
struct ComputedValueOrder {
    /// Deepest nesting of expressions, through the computed values they read, a session evaluates.
    static let maximumDepth = 256
    /// Most parts of expressions a session evaluates to work out one computed value.
    static let maximumSteps = 10_000

    /// A problem with one computed value, reported at it.
    enum Problem: Equatable {
        /// The value reads itself through the others: `a → b → a`.
        case circle([String])
        /// Working it out nests deeper than ``maximumDepth``.
        case tooDeep(depth: Int)
        /// Working it out takes more than ``maximumSteps`` steps.
        case tooManySteps(steps: Int)
    }

    /// Values whose cost is known and within the bounds, dependencies first.
    private(set) var order: [String] = []
    /// Every value, dependencies first, with those in a circle where the circle was found.
    private(set) var typeCheckingOrder: [String] = []
    /// Problems by value name, in the order found.
    private(set) var problems: [(name: String, problem: Problem)] = []
    /// Nesting depth and steps of each value in `order`.
    private(set) var depth: [String: Int] = [:]
    private(set) var steps: [String: Int] = [:]

    /// Orders `computed`, visiting values in `roots` order (as written) and each value's dependencies in the order it reads them.
    init(computed: [String: ComputedValue], roots: [String]) {
        enum Mark { case active, done }
        var marks: [String: Mark] = [:]
        /// Values that cannot be costed: in a circle, over a bound, or reading one that is.
        var uncosted: Set<String> = []
        for root in roots where marks[root] == nil {
            guard computed[root] != nil else { continue }
            var stack: [(name: String, dependencies: [String], next: Int)] = []
            func push(_ name: String) {
                marks[name] = .active
                let dependencies = computed[name]?.expression.names.filter { computed[$0] != nil } ?? []
                stack.append((name, dependencies, 0))
            }
            push(root)
            while let top = stack.last {
                guard top.next < top.dependencies.count else {
                    stack.removeLast()
                    marks[top.name] = .done
                    typeCheckingOrder.append(top.name)
                    finish(top.name, computed: computed, uncosted: &uncosted)
                    continue
                }
                stack[stack.count - 1].next += 1
                let dependency = top.dependencies[top.next]
                switch marks[dependency] {
                case .active?:
                    let path = stack.map(\.name)
                    problems.append((dependency, .circle(Array(path.drop { $0 != dependency }) + [dependency])))
                    uncosted.insert(dependency)
                case .done?:
                    break
                case nil:
                    push(dependency)
                }
            }
        }
    }

    /// Costs a value whose dependencies are all done.
    private mutating func finish(_ name: String, computed: [String: ComputedValue], uncosted: inout Set<String>) {
        guard let expression = computed[name]?.expression else { return }
        if uncosted.contains(name) || expression.names.contains(where: uncosted.contains) {
            uncosted.insert(name)
            return
        }
        let (valueDepth, valueSteps) = cost(of: expression)
        if valueDepth > Self.maximumDepth {
            problems.append((name, .tooDeep(depth: valueDepth)))
            uncosted.insert(name)
        } else if valueSteps > Self.maximumSteps {
            problems.append((name, .tooManySteps(steps: valueSteps)))
            uncosted.insert(name)
        } else {
            depth[name] = valueDepth
            steps[name] = valueSteps
            order.append(name)
        }
    }

    /// Nesting depth and number of parts a session evaluates for `expression`, counting each computed
    /// value it reads in full every time it is read. Saturates rather than overflows.
    func cost(of expression: Expression) -> (depth: Int, steps: Int) {
        var inner = (depth: 0, steps: 0)
        if case let .name(name) = expression.kind, let known = depth[name], let count = steps[name] {
            inner = (known, count)
        }
        for child in expression.children {
            let cost = cost(of: child)
            inner.depth = max(inner.depth, cost.depth)
            inner.steps = inner.steps > Int.max / 2 || cost.steps > Int.max / 2 ? Int.max / 2 : inner.steps + cost.steps
        }
        return (inner.depth + 1, min(Int.max / 2, inner.steps + 1))
    }
}
