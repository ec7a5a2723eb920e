/// The static type of an expression, known when a dialog loads.
public enum ValueType: Sendable, Hashable, CustomStringConvertible {
    case boolean
    case number
    case text
    case date
    /// A yes/no answer (`allowsUnsure` for yes/no/not sure questions).
    case yesNo(question: String, allowsUnsure: Bool)
    /// A single-choice answer with its option ids.
    case choice(question: String, options: [String])
    /// A multiple-choice answer: a set of option ids.
    case choices(question: String, options: [String])

    /// How the type reads in an error message.
    public var description: String {
        switch self {
        case .boolean: "a condition"
        case .number: "a number"
        case .text: "text"
        case .date: "a date"
        case let .yesNo(question, allowsUnsure): "the \(allowsUnsure ? "yes/no/not sure" : "yes/no") answer '\(question)'"
        case let .choice(question, _): "the choice '\(question)'"
        case let .choices(question, _): "the multiple choice '\(question)'"
        }
    }

    /// Whether a value of this type can stand as a condition (`pregnant` means `pregnant == yes`).
    var isConditionLike: Bool {
        switch self {
        case .boolean, .yesNo: true
        case .number, .text, .date, .choice, .choices: false
        }
    }

    /// The symbols a value of this type may equal (`yes`, `no`, option ids), if it is symbolic.
    var symbols: [String]? {
        switch self {
        case let .yesNo(_, allowsUnsure): allowsUnsure ? ["yes", "no", "unsure"] : ["yes", "no"]
        case let .choice(_, options): options
        case .boolean, .number, .text, .date, .choices: nil
        }
    }

    /// Whether two types can be compared with `==`.
    func isComparable(with other: ValueType) -> Bool {
        switch (self, other) {
        case (.boolean, .boolean), (.number, .number), (.text, .text), (.date, .date): true
        case (.yesNo, .yesNo): true
        case let (.choice(_, a), .choice(_, b)): a == b
        default: false
        }
    }
}

/// What a name in an expression refers to.
public struct NameBinding: Sendable, Hashable {
    public enum Origin: String, Sendable, Hashable {
        case answer
        case computed
        case setting
        case builtin
    }

    public var type: ValueType
    public var origin: Origin

    public init(_ type: ValueType, origin: Origin) {
        self.type = type
        self.origin = origin
    }
}
