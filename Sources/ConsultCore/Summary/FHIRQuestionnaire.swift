import Foundation

/// A consultation as an HL7 FHIR R4 `Questionnaire`, the definition that the `.fhir.json`
/// `QuestionnaireResponse` summaries answer, so a clinic's EHR can take both.
///
/// Items are flat and in the order the consultation asks them (the entry dialog, with each
/// called dialog's questions where it is called), each `linkId` being the answer id, exactly
/// as in the responses. Conditions are not exported as `enableWhen`: the dialog language is
/// richer than FHIR's, and a response simply leaves out questions that were not asked.
public enum FHIRQuestionnaire {
    /// The Questionnaire as deterministic JSON (sorted keys, a final newline).
    public static func json(for consultation: Consultation, language: String = "en") throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(Resource(consultation, language: language))
        data.append(0x0A)
        return data
    }

    /// Questions in the order the consultation asks them.
    static func questionsInAskingOrder(_ consultation: Consultation) -> [Question] {
        var questions: [Question] = []
        var visited: Set<String> = []
        func visit(_ dialogID: String) {
            guard visited.insert(dialogID).inserted, let dialog = consultation.dialogs[dialogID] else { return }
            for node in dialog.nodes {
                switch node.kind {
                case let .ask(question): questions.append(question)
                case let .call(reference): visit(reference.id)
                case .say, .explain, .branch, .returnToCaller, .end, .outcome: break
                }
            }
        }
        visit(consultation.entry)
        for id in consultation.dialogOrder { visit(id) }
        return questions
    }

    private struct Resource: Encodable {
        let resourceType = "Questionnaire"
        var id: String
        var url: String
        var version: String
        var name: String
        var title: String
        var status = "active"
        var language: String
        var subjectType = ["Patient"]
        var item: [Item]?

        init(_ consultation: Consultation, language: String) {
            let identity = consultation.identity
            id = FHIRQuestionnaireResponse.resourceID(identity.id)
            url = "urn:consult:questionnaire:" + identity.id
            version = identity.version
            name = Self.computableName(identity.id)
            title = identity.title
            self.language = language
            let render = { (text: LocalizedText) in text.template(in: language) }
            // `required` only where every path to the end asks the question: a form filler would otherwise demand
            // an answer the consultation itself never asks on some paths (after an early end, in a skipped branch).
            let asked = AskedOnEveryPath(graph: ConsultationGraph(consultation: consultation))
            let items = questionsInAskingOrder(consultation)
                .filter { $0.type != .continue }
                .map { Item($0, dialog: identity.id, askedOnEveryPath: asked.isAskedOnEveryPathToTheEnd($0.id), render: render) }
            item = items.isEmpty ? nil : items
        }

        /// FHIR's `name` is a computer-friendly name: `microneedling` → `Microneedling`.
        static func computableName(_ id: String) -> String {
            id.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        }
    }

    private struct Item: Encodable {
        var linkId: String
        var text: String?
        var type: String
        var required: Bool
        var repeats: Bool?
        var answerOption: [AnswerOption]?
        var `extension`: [ItemExtension]?

        init(_ question: Question, dialog: String, askedOnEveryPath: Bool, render: (LocalizedText) -> String) {
            linkId = question.id
            let asked = render(question.text)
            text = asked.isEmpty ? nil : asked
            required = question.required && askedOnEveryPath
            let system = FHIRQuestionnaireResponse.optionSystem(dialog: dialog, answer: question.id)
            func options() -> [AnswerOption] {
                question.options.map { AnswerOption(valueCoding: .init(system: system, code: $0.id, display: render($0.label))) }
            }
            switch question.type {
            case .yesNo:
                type = "boolean"
            case .yesNoUnsure:
                type = "choice"
                answerOption = YesNoUnsure.allCases.map { AnswerOption(valueCoding: FHIRQuestionnaireResponse.coding(for: $0)) }
            case .choice:
                type = "choice"
                answerOption = options()
            case .multipleChoice:
                type = "choice"
                repeats = true
                var all = options()
                if let none = question.noneLabel {
                    // "None of these" excludes the others: SDC's optionExclusive says so to a form filler.
                    all.append(AnswerOption(valueCoding: .init(system: system, code: "none", display: render(none)),
                                            extension: [OptionExclusive()]))
                }
                answerOption = all
            case .number:
                type = question.integer ? "integer" : "decimal"
                var extensions: [ItemExtension] = []
                if let unit = question.unit.map(render), !unit.isEmpty {
                    extensions.append(.unit(.init(system: "urn:consult:unit", code: unit, display: unit)))
                }
                // The range the session accepts, as the standard minValue and maxValue extensions.
                for (url, bound) in [(ItemExtension.minValueURL, question.minimum), (ItemExtension.maxValueURL, question.maximum)] {
                    guard let bound else { continue }
                    extensions.append(question.integer && bound.rounded() == bound && abs(bound) < 2e9
                        ? .integer(url: url, Int(bound)) : .decimal(url: url, bound))
                }
                `extension` = extensions.isEmpty ? nil : extensions
            case .date:
                type = "date"
            case .text:
                type = "string"
            case .continue:
                type = "display"
            }
        }
    }

    private struct AnswerOption: Encodable {
        var valueCoding: FHIRQuestionnaireResponse.Coding
        var `extension`: [OptionExclusive]? = nil
    }

    /// SDC's `questionnaire-optionExclusive`: choosing this option excludes the others.
    private struct OptionExclusive: Encodable {
        let url = "http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive"
        let valueBoolean = true
    }

    /// An item's extensions: the standard `questionnaire-unit` (a number question's unit), `minValue` and `maxValue`.
    private enum ItemExtension: Encodable {
        static let minValueURL = "http://hl7.org/fhir/StructureDefinition/minValue"
        static let maxValueURL = "http://hl7.org/fhir/StructureDefinition/maxValue"

        case unit(FHIRQuestionnaireResponse.Coding)
        case integer(url: String, Int)
        case decimal(url: String, Double)

        private enum Keys: String, CodingKey { case url, valueCoding, valueInteger, valueDecimal }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            switch self {
            case let .unit(coding):
                try container.encode("http://hl7.org/fhir/StructureDefinition/questionnaire-unit", forKey: .url)
                try container.encode(coding, forKey: .valueCoding)
            case let .integer(url, value):
                try container.encode(url, forKey: .url)
                try container.encode(value, forKey: .valueInteger)
            case let .decimal(url, value):
                try container.encode(url, forKey: .url)
                try container.encode(value, forKey: .valueDecimal)
            }
        }
    }
}
