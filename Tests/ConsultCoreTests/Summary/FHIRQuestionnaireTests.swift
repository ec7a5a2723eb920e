import Foundation
import Testing
@testable import ConsultCore

@Suite struct FHIRQuestionnaireTests {
    private func questionnaire(_ consultation: Consultation) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: FHIRQuestionnaire.json(for: consultation)) as? [String: Any])
    }

    private func items(_ resource: [String: Any]) -> [String: [String: Any]] {
        let list = resource["item"] as? [[String: Any]] ?? []
        return Dictionary(list.map { ($0["linkId"] as? String ?? "", $0) }, uniquingKeysWith: { first, _ in first })
    }

    @Test func theBundledConsultationHasOneTypedItemPerQuestion() throws {
        let consultation = try BundledConsultation.consultation()
        let resource = try questionnaire(consultation)
        #expect(resource["resourceType"] as? String == "Questionnaire")
        #expect(resource["url"] as? String == "http://consult.example.org/fhir/Questionnaire/microneedling")
        #expect(resource["version"] as? String == consultation.identity.version)
        #expect(resource["status"] as? String == "active")
        let byID = items(resource)
        let expectedTypes: [QuestionType: String] = [
            .yesNo: "boolean", .yesNoUnsure: "choice", .choice: "choice", .multipleChoice: "choice",
            .date: "date", .text: "string",
        ]
        for id in consultation.questions.keys {
            let question = try #require(consultation.question(id))
            guard question.type != .continue else { continue }
            let item = try #require(byID[id], "no item for \(id)")
            if question.type == .number {
                #expect(["integer", "decimal"].contains(item["type"] as? String ?? ""))
            } else {
                #expect(item["type"] as? String == expectedTypes[question.type], "\(id)")
            }
            // Required where every path to the end asks it (only consent: a "no" there ends the consultation), or
            // where the item's condition says exactly when the consultation asks it, which is then when it is required.
            let conditional = item["enableWhen"] != nil
            // The identification questions are asked only under other clinic settings: never enabled here.
            if question.identifies != nil {
                let expressions = item["extension"] as? [[String: Any]] ?? []
                #expect(expressions.contains { ($0["valueExpression"] as? [String: Any])?["expression"] as? String == "false" }, "\(id)")
                continue
            }
            #expect(item["required"] as? Bool == (question.required && (id == "consent" || conditional)), "\(id)")
            if id != "consent" && id != "understands_course" { #expect(conditional, "\(id) is asked on some paths only") }
            if question.type == .multipleChoice { #expect(item["repeats"] as? Bool == true) }
        }
    }

    @Test func everyResponseAnswerFitsItsQuestionnaireItem() throws {
        var machine = try SessionTestDialog.machine()
        let action = machine.answer("acne", "40", "not sure", "yes", "I bruise easily", "skip")
        let record = try #require(action.record)
        let response = try #require(JSONSerialization.jsonObject(with: SummaryRenderer.fhirQuestionnaireResponse(record)) as? [String: Any])
        let resource = try questionnaire(machine.consultation)
        #expect((response["questionnaire"] as? String)?.hasPrefix(resource["url"] as? String ?? "-") == true)
        let byID = items(resource)
        let answered = response["item"] as? [[String: Any]] ?? []
        #expect(answered.count == 5)
        for responseItem in answered {
            let linkID = responseItem["linkId"] as? String ?? ""
            let item = try #require(byID[linkID], "the response answers \(linkID), which the Questionnaire lacks")
            for answer in responseItem["answer"] as? [[String: Any]] ?? [] {
                switch item["type"] as? String {
                case "boolean": #expect(answer["valueBoolean"] is Bool, "\(linkID)")
                case "integer": #expect(answer["valueInteger"] is Int, "\(linkID)")
                case "string": #expect(answer["valueString"] is String, "\(linkID)")
                case "choice":
                    let coding = try #require(answer["valueCoding"] as? [String: Any], "\(linkID)")
                    let options = (item["answerOption"] as? [[String: Any]] ?? []).compactMap { $0["valueCoding"] as? [String: Any] }
                    #expect(options.contains { $0["code"] as? String == coding["code"] as? String && $0["system"] as? String == coding["system"] as? String },
                            "\(linkID): \(coding) is not an option")
                default: Issue.record("unexpected item type for \(linkID)")
                }
            }
        }
    }
}
