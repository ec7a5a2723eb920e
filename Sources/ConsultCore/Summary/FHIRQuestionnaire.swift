import Foundation

/// A consultation as an HL7 FHIR R4 `Questionnaire`, the definition that the `.fhir.json`
/// `QuestionnaireResponse` summaries answer, so a clinic's EHR (or a form filler such as LHC-Forms) can take both.
///
/// Items are flat and in the order the consultation asks them (the entry dialog, with each called dialog's
/// questions where it is called), each `linkId` being the answer id, exactly as in the responses. A question that
/// is not asked on every path carries the condition under which the consultation asks it (``QuestionReachability``
/// over the branches, written by ``FHIRConditionTranslator``): `enableWhen` entries where they can say it, SDC's
/// `enableWhenExpression` (FHIRPath) otherwise. A condition FHIR cannot express (the outcome so far, dates) leaves
/// the item unconditional and not `required`; ``unconditionalItems(for:)`` lists them. `docs/summary-format.md`
/// describes the whole export.
public enum FHIRQuestionnaire {
    /// The Questionnaire as deterministic JSON (sorted keys, a final newline).
    public static func json(for consultation: Consultation, language: String = "en") throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(Resource(consultation, language: language))
        data.append(0x0A)
        return data
    }

    /// The questions asked on some paths only whose condition could not be written in FHIR, with the reason: their
    /// items are shown unconditionally and are not `required`.
    public static func unconditionalItems(for consultation: Consultation) -> [(question: String, reason: String)] {
        let conditions = Conditions(consultation)
        return questionsInAskingOrder(consultation).filter { $0.type != .continue }.compactMap { question in
            conditions.of(question).untranslatable.map { (question.id, $0) }
        }
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

    /// Each question's enabling, worked out once for the consultation.
    private struct Conditions {
        let reachability: QuestionReachability
        let translator: FHIRConditionTranslator
        let asked: AskedOnEveryPath

        init(_ consultation: Consultation) {
            reachability = QuestionReachability(consultation: consultation)
            translator = FHIRConditionTranslator(consultation: consultation, canonical: FHIRCanonical(consultation),
                                                 rank: reachability.rank)
            asked = AskedOnEveryPath(graph: ConsultationGraph(consultation: consultation))
        }

        /// How the question's item is enabled, whether `required` may be set, and why no condition could be written.
        func of(_ question: Question) -> (enabling: FHIRItemEnabling, required: Bool, untranslatable: String?) {
            let everyPath = asked.isAskedOnEveryPathToTheEnd(question.id)
            if everyPath { return (.always, question.required, nil) }
            guard let conditions = reachability.conditions else {
                return (.always, false, "cannot be worked out: the consultation loops, so when it asks a question is no condition on the answers")
            }
            // A question no path reaches has no terms: never enabled.
            let terms = conditions[question.id] ?? []
            do {
                let condition = try translator.condition(of: terms)
                // Required when enabled: only when the condition is exactly when the consultation asks it (and it can
                // be asked at all: a branch on a setting may rule it out for this clinic).
                let required = question.required && reachability.isExact && condition != .constant(false)
                return (FHIRItemEnabling(condition), required, nil)
            } catch {
                return (.always, false, error.reason)
            }
        }
    }

    private struct Resource: Encodable {
        let resourceType = "Questionnaire"
        var id: String
        var url: String
        var version: String
        var name: String
        var title: String
        var _title: FHIRText.Translations?
        var status = "active"
        var language: String
        var subjectType = ["Patient"]
        var item: [Item]?

        init(_ consultation: Consultation, language: String) {
            let identity = consultation.identity
            let canonical = FHIRCanonical(consultation)
            let text = FHIRText(consultation: consultation)
            id = FHIRQuestionnaireResponse.resourceID(identity.id)
            url = canonical.questionnaire(identity.id)
            version = identity.version
            name = Self.computableName(identity.id)
            title = identity.title
            self.language = language
            let entryTitle = consultation.dialogs[consultation.entry]?.title
            _title = entryTitle.flatMap { text.translations($0, besides: language) }
            let conditions = Conditions(consultation)
            let context = Item.Context(dialog: identity.id, language: language, canonical: canonical, text: text)
            let items = questionsInAskingOrder(consultation)
                .filter { $0.type != .continue }
                .map { question in
                    let condition = conditions.of(question)
                    return Item(question, enabling: condition.enabling, required: condition.required, context: context)
                }
            item = items.isEmpty ? nil : items
        }

        /// FHIR's `name` is a computer-friendly name: `microneedling` → `Microneedling`.
        static func computableName(_ id: String) -> String {
            id.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
        }
    }

    private struct Item: Encodable {
        var linkId: String
        var code: [Coding]?
        var text: String?
        var _text: FHIRText.Translations?
        var type: String
        var required: Bool?
        var repeats: Bool?
        var enableWhen: [FHIREnableWhen]?
        var enableBehavior: String?
        var answerOption: [AnswerOption]?
        var `extension`: [ItemExtension]?
        /// The `why` text, as a help item.
        var item: [HelpItem]?

        struct Context {
            var dialog: String
            var language: String
            var canonical: FHIRCanonical
            var text: FHIRText
        }

        init(_ question: Question, enabling: FHIRItemEnabling, required: Bool, context: Context) {
            let render = { (text: LocalizedText) in context.text.render(text, in: context.language) }
            let translate = { (text: LocalizedText) in context.text.translations(text, besides: context.language) }
            linkId = question.id
            let asked = render(question.text)
            text = asked.isEmpty ? nil : asked
            _text = translate(question.text)
            // The question in the consultation's own code system: the same id in every language and version.
            code = [Coding(system: context.canonical.questionSystem(dialog: context.dialog), code: question.id, display: text)]
            self.required = required
            var extensions: [ItemExtension] = []
            switch enabling {
            case .always: break
            case let .enableWhen(entries, behavior):
                enableWhen = entries
                enableBehavior = behavior
            case let .expression(expression):
                extensions.append(.enableWhenExpression(expression))
            }
            if let why = question.why, !render(why).isEmpty {
                item = [HelpItem(linkId: question.id + ".help", text: render(why), _text: translate(why))]
            }
            let system = context.canonical.optionSystem(dialog: context.dialog, answer: question.id)
            func option(_ id: String, _ label: LocalizedText, exclusive: Bool = false) -> AnswerOption {
                let display = render(label)
                return AnswerOption(valueCoding: Coding(system: system, code: id, display: display.isEmpty ? nil : display,
                                                        _display: translate(label)),
                                    extension: exclusive ? [OptionExclusive()] : nil)
            }
            switch question.type {
            case .yesNo:
                type = "boolean"
            case .yesNoUnsure:
                type = "choice"
                answerOption = YesNoUnsure.allCases.map { word in
                    let coding = FHIRQuestionnaireResponse.coding(for: word)
                    return AnswerOption(valueCoding: Coding(system: coding.system, code: coding.code, display: coding.display))
                }
            case .choice:
                type = "choice"
                answerOption = question.options.map { option($0.id, $0.label) }
            case .multipleChoice:
                type = "choice"
                repeats = true
                var all = question.options.map { option($0.id, $0.label) }
                if let none = question.noneLabel {
                    // "None of these" excludes the others: SDC's optionExclusive says so to a form filler.
                    all.append(option("none", none, exclusive: true))
                }
                answerOption = all
            case .number:
                type = question.integer ? "integer" : "decimal"
                if let unit = question.unit.map(render), !unit.isEmpty {
                    extensions.append(.unit(.init(system: context.canonical.unitSystem, code: unit, display: unit)))
                }
                // The range the session accepts, as the standard minValue and maxValue extensions.
                for (url, bound) in [(ItemExtension.minValueURL, question.minimum), (ItemExtension.maxValueURL, question.maximum)] {
                    guard let bound else { continue }
                    extensions.append(question.integer && bound.rounded() == bound && abs(bound) < 2e9
                        ? .integer(url: url, Int(bound)) : .decimal(url: url, bound))
                }
            case .date:
                type = "date"
            case .text:
                type = "string"
            case .continue:
                type = "display"
            }
            `extension` = extensions.isEmpty ? nil : extensions
        }
    }

    /// A coding of the Questionnaire, whose display may carry translations.
    private struct Coding: Encodable {
        var system: String
        var code: String
        var display: String?
        var _display: FHIRText.Translations?
    }

    /// A question's `why`, as SDC shows help: a display item with the `help` item control.
    private struct HelpItem: Encodable {
        var linkId: String
        var text: String
        var _text: FHIRText.Translations?
        var type = "display"
        var `extension` = [ItemExtension.itemControl("help")]
    }

    private struct AnswerOption: Encodable {
        var valueCoding: Coding
        var `extension`: [OptionExclusive]? = nil
    }

    /// SDC's `questionnaire-optionExclusive`: choosing this option excludes the others.
    private struct OptionExclusive: Encodable {
        let url = "http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive"
        let valueBoolean = true
    }

    /// An item's extensions: the standard `questionnaire-unit` (a number question's unit), `minValue` and
    /// `maxValue`, `questionnaire-itemControl`, and SDC's `enableWhenExpression`.
    private enum ItemExtension: Encodable {
        static let minValueURL = "http://hl7.org/fhir/StructureDefinition/minValue"
        static let maxValueURL = "http://hl7.org/fhir/StructureDefinition/maxValue"
        static let itemControlURL = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl"
        static let itemControlSystem = "http://hl7.org/fhir/questionnaire-item-control"

        case unit(FHIRQuestionnaireResponse.Coding)
        case integer(url: String, Int)
        case decimal(url: String, Double)
        case itemControl(String)
        case enableWhenExpression(String)

        private enum Keys: String, CodingKey { case url, valueCoding, valueInteger, valueDecimal, valueCodeableConcept, valueExpression }

        private struct Concept: Encodable {
            var coding: [FHIRQuestionnaireResponse.Coding]
        }

        private struct FHIRPathExpression: Encodable {
            var language = "text/fhirpath"
            var expression: String
        }

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
            case let .itemControl(code):
                try container.encode(Self.itemControlURL, forKey: .url)
                let coding = FHIRQuestionnaireResponse.Coding(system: Self.itemControlSystem, code: code, display: "Help-Button")
                try container.encode(Concept(coding: [coding]), forKey: .valueCodeableConcept)
            case let .enableWhenExpression(expression):
                try container.encode(FHIRItemEnabling.expressionExtensionURL, forKey: .url)
                try container.encode(FHIRPathExpression(expression: expression), forKey: .valueExpression)
            }
        }
    }
}
