import Foundation

/// One FHIR `Questionnaire.item.enableWhen`: a question, an operator and exactly one `answer[x]`.
struct FHIREnableWhen: Encodable, Hashable {
    var question: String
    var `operator`: String
    var answerBoolean: Bool?
    var answerDecimal: Double?
    var answerInteger: Int?
    var answerString: String?
    var answerCoding: FHIRQuestionnaireResponse.Coding?

    init(_ question: String, _ op: String, boolean: Bool? = nil, decimal: Double? = nil, integer: Int? = nil,
         string: String? = nil, coding: FHIRQuestionnaireResponse.Coding? = nil) {
        self.question = question
        self.operator = op
        answerBoolean = boolean
        answerDecimal = decimal
        answerInteger = integer
        answerString = string
        answerCoding = coding
    }

    /// `exists`: whether the question has an answer.
    static func exists(_ question: String, _ exists: Bool) -> FHIREnableWhen { FHIREnableWhen(question, "exists", boolean: exists) }

    /// The same test as a FHIRPath boolean over the response (`%resource`), never empty, so it composes with
    /// `and` and `or` as the `enableWhen` list does with `enableBehavior`.
    var fhirPath: String {
        let answer = "%resource.item.where(linkId = \(FHIRPathText.string(question))).answer"
        if self.operator == "exists" { return answerBoolean == true ? "\(answer).exists()" : "\(answer).empty()" }
        let value: String
        if let coding = answerCoding {
            return "\(answer).value.where(system = \(FHIRPathText.string(coding.system)) and code = \(FHIRPathText.string(coding.code)))"
                + (self.operator == "!=" ? ".empty()" : ".exists()")
        } else if let answerBoolean {
            value = answerBoolean ? "true" : "false"
        } else if let answerInteger {
            value = String(answerInteger)
        } else if let answerDecimal {
            value = FHIRPathText.number(answerDecimal)
        } else {
            value = FHIRPathText.string(answerString ?? "")
        }
        // `!=` is "no answer equals" (FHIR R4), true for an unanswered question too.
        if self.operator == "!=" { return "\(answer).value.where($this = \(value)).empty()" }
        return "\(answer).value.where($this \(self.operator) \(value)).exists()"
    }
}

/// When a question is asked, over the answers a response holds: the `enableWhen` entries where they say it, else
/// FHIRPath booleans.
indirect enum FHIRAnswerCondition: Hashable {
    case constant(Bool)
    case when(FHIREnableWhen)
    /// A FHIRPath boolean over `%resource` that is true or false, never empty.
    case path(String)
    case all([FHIRAnswerCondition])
    case any([FHIRAnswerCondition])

    /// Nested `all`s and `any`s flattened, constants folded, repeats dropped.
    var simplified: FHIRAnswerCondition {
        switch self {
        case .constant, .when, .path: return self
        case let .all(parts): return Self.combine(parts, isAll: true)
        case let .any(parts): return Self.combine(parts, isAll: false)
        }
    }

    private static func combine(_ parts: [FHIRAnswerCondition], isAll: Bool) -> FHIRAnswerCondition {
        var flat: [FHIRAnswerCondition] = []
        for part in parts.map(\.simplified) {
            switch (part, isAll) {
            case let (.constant(value), _):
                if value != isAll { return .constant(value) } // false in `all`, true in `any`
            case let (.all(inner), true), let (.any(inner), false):
                for piece in inner where !flat.contains(piece) { flat.append(piece) }
            default:
                if !flat.contains(part) { flat.append(part) }
            }
        }
        if flat.isEmpty { return .constant(isAll) }
        if flat.count == 1 { return flat[0] }
        return isAll ? .all(flat) : .any(flat)
    }

    /// The condition as one FHIRPath boolean.
    var fhirPath: String {
        switch self {
        case let .constant(value): value ? "true" : "false"
        case let .when(entry): entry.fhirPath
        case let .path(path): path
        case let .all(parts): parts.map { "(\($0.fhirPath))" }.joined(separator: " and ")
        case let .any(parts): parts.map { "(\($0.fhirPath))" }.joined(separator: " or ")
        }
    }
}

/// How a Questionnaire item says when it is enabled.
enum FHIRItemEnabling: Hashable {
    /// On every path, or no faithful condition could be written (then the item is not `required` either).
    case always
    /// `enableWhen` entries, with `enableBehavior` (`all` or `any`) when there are several.
    case enableWhen([FHIREnableWhen], behavior: String?)
    /// SDC's `enableWhenExpression`, a FHIRPath boolean.
    case expression(String)

    static let expressionExtensionURL = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression"

    init(_ condition: FHIRAnswerCondition) {
        switch condition.simplified {
        case .constant(true): self = .always
        case let .when(entry): self = .enableWhen([entry], behavior: nil)
        case let .all(parts) where parts.allSatisfy(\.isEntry): self = .enableWhen(parts.compactMap(\.entry), behavior: "all")
        case let .any(parts) where parts.allSatisfy(\.isEntry): self = .enableWhen(parts.compactMap(\.entry), behavior: "any")
        case let other: self = .expression(other.fhirPath)
        }
    }
}

extension FHIRAnswerCondition {
    fileprivate var entry: FHIREnableWhen? {
        if case let .when(entry) = self { return entry }
        return nil
    }

    fileprivate var isEntry: Bool { entry != nil }
}

/// FHIRPath literals.
enum FHIRPathText {
    /// A string literal: `'it''s'` is written `'it\'s'`.
    static func string(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }

    /// A number literal, exact: `18`, `2.5`, `0.125`.
    static func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
