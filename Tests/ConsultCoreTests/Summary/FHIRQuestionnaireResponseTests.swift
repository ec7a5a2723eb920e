import Foundation
import Testing
@testable import ConsultCore

@Suite struct FHIRQuestionnaireResponseTests {
    private func resource(_ record: ConsultationRecord) throws -> [String: Any] {
        try SummaryFixtures.object(SummaryRenderer.fhirQuestionnaireResponse(record))
    }

    private func items(_ record: ConsultationRecord) throws -> [String: [String: Any]] {
        let items = try #require(try resource(record)["item"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: items.map { ($0["linkId"] as? String ?? "", $0) })
    }

    private func answers(_ item: [String: Any]?) -> [[String: Any]] {
        item?["answer"] as? [[String: Any]] ?? []
    }

    @Test func headerOfACompletedConsultation() throws {
        let json = try resource(SummaryFixtures.proceedPatient)
        #expect(json["resourceType"] as? String == "QuestionnaireResponse")
        #expect(json["id"] as? String == "3f9a1c2e")
        #expect(json["status"] as? String == "completed")
        #expect(json["authored"] as? String == "2026-11-26T05:31:27Z")
        #expect(json["language"] as? String == "en")
        #expect(json["questionnaire"] as? String == "http://consult.example.org/fhir/Questionnaire/microneedling|1.2.0")
        #expect(json["meta"] == nil)
        let extensions = try #require(json["extension"] as? [[String: String]])
        #expect(extensions == [
            ["url": "http://consult.example.org/fhir/StructureDefinition/outcome", "valueCode": "proceed"],
            ["url": "http://consult.example.org/fhir/StructureDefinition/consult-version", "valueString": ConsultVersion.current],
        ])
    }

    @Test(arguments: [
        (OutcomeStatus.proceed, "completed"), (.review, "completed"), (.defer, "completed"),
        (.decline, "completed"), (.incomplete, "stopped"),
    ])
    func statusMapping(outcome: OutcomeStatus, status: String) throws {
        var record = SummaryFixtures.proceedPatient
        record.outcome.status = outcome
        let json = try resource(record)
        #expect(json["status"] as? String == status)
        #expect((json["extension"] as? [[String: String]])?.first?["valueCode"] == outcome.rawValue)
    }

    @Test func aRehearsalIsTaggedAsTestData() throws {
        let meta = try #require(try resource(SummaryFixtures.incompleteRehearsal)["meta"] as? [String: Any])
        #expect(meta["tag"] as? [[String: String]] == [[
            "system": "http://terminology.hl7.org/CodeSystem/v3-ActReason", "code": "HTEST", "display": "test health data",
        ]])
    }

    @Test func typedValuesPerAnswerType() throws {
        let items = try items(SummaryFixtures.proceedPatient)
        #expect(items["welcome"] == nil, "a 'press Enter' step is not an answer")
        #expect(items["concern"]?["text"] as? String == "What would you like to improve?")
        #expect(answers(items["concern"]).map { $0["valueCoding"] as? [String: String] } == [
            ["system": "http://consult.example.org/fhir/CodeSystem/microneedling-concern", "code": "acne_scars", "display": "Acne scars"],
            ["system": "http://consult.example.org/fhir/CodeSystem/microneedling-concern", "code": "wrinkles", "display": "Wrinkles or fine lines"],
        ])
        #expect(answers(items["area"]).first?["valueCoding"] as? [String: String] ==
                ["system": "http://consult.example.org/fhir/CodeSystem/microneedling-area", "code": "face", "display": "Face"])
        #expect(answers(items["age"]).map { Set($0.keys) } == [["valueInteger"]])
        #expect(answers(items["age"]).first?["valueInteger"] as? Int == 34)
        #expect(answers(items["weight"]).map { Set($0.keys) } == [["valueDecimal"]])
        #expect(answers(items["weight"]).first?["valueDecimal"] as? Double == 72.5)
        #expect(answers(items["smoker"]).first?["valueBoolean"] as? Bool == false)
        #expect(answers(items["last_peel"]).first?["valueDate"] as? String == "2026-08-26")
        #expect(answers(items["goal"]).first?["valueString"] as? String == "Wedding in March")
    }

    @Test func unsureSkippedAndNoneOfThese() throws {
        let rehearsal = try items(SummaryFixtures.incompleteRehearsal)
        #expect(try resource(SummaryFixtures.incompleteRehearsal)["status"] as? String == "stopped")
        #expect(answers(rehearsal["pregnant"]).first?["valueCoding"] as? [String: String] ==
                ["system": "http://terminology.hl7.org/CodeSystem/v3-NullFlavor", "code": "UNK", "display": "unknown"])
        #expect(rehearsal["allergies"] == nil, "a skipped question is left out, not kept empty")

        let decline = try items(SummaryFixtures.declineTwoReasons)
        #expect(answers(decline["concern"]).first?["valueCoding"] as? [String: String] ==
                ["system": "http://consult.example.org/fhir/CodeSystem/microneedling-concern", "code": "none", "display": "None of these"])
        // A yes/no/not sure question is a choice item, so "yes" is a coding too (HL7 v2 table 0136).
        #expect(answers(decline["pregnant"]).first?["valueCoding"] as? [String: String] ==
                ["system": "http://terminology.hl7.org/CodeSystem/v2-0136", "code": "Y", "display": "Yes"])
    }

    @Test func emptyTextAndNoItemsLeaveNothingEmpty() throws {
        var record = SummaryFixtures.incompleteRehearsal
        record.answers = [AnsweredQuestion(id: "goal", question: "", kind: .text(pattern: nil), value: .text(""), text: "")]
        #expect(try resource(record)["item"] == nil, "an empty text is no answer: no item, and no empty item list")
        record.answers = []
        record.language = ""
        record.dialog.version = ""
        let json = try resource(record)
        #expect(json["item"] == nil)
        #expect(json["language"] == nil)
        #expect(json["questionnaire"] as? String == "http://consult.example.org/fhir/Questionnaire/microneedling")
        #expect(Self.emptyValues(in: json, at: "$").isEmpty)
    }

    @Test(arguments: SummaryFixtures.all)
    func noEmptyArraysStringsOrObjectsAnywhere(record: ConsultationRecord) throws {
        let json = try resource(record)
        #expect(Self.emptyValues(in: json, at: "$") == [])
    }

    @Test func idsStayWithinFHIRsAlphabet() {
        #expect(FHIRQuestionnaireResponse.resourceID("3f9a_1c2e/x") == "3f9a-1c2e-x")
        #expect(FHIRQuestionnaireResponse.resourceID(String(repeating: "a", count: 80)).count == 64)
        #expect(FHIRQuestionnaireResponse.resourceID("") == "unknown")
    }

    /// JSON paths of empty strings, arrays and objects, which FHIR forbids.
    static func emptyValues(in value: Any, at path: String) -> [String] {
        switch value {
        case let text as String:
            return text.isEmpty ? [path] : []
        case let array as [Any]:
            return array.isEmpty ? [path] : array.enumerated().flatMap { emptyValues(in: $1, at: "\(path)[\($0)]") }
        case let object as [String: Any]:
            return object.isEmpty ? [path] : object.sorted { $0.key < $1.key }.flatMap { emptyValues(in: $1, at: "\(path).\($0)") }
        default:
            return []
        }
    }
}
