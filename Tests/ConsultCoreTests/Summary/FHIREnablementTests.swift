import Foundation
import Testing
@testable import ConsultCore

/// The Questionnaire's conditions, texts, help, translations and codes, and responses that agree with them.
@Suite struct FHIREnablementTests {
    private static let base = "https://clinic.example/fhir"
    private static let concernSystem = base + "/CodeSystem/frontdesk-concern"

    private func questionnaire(_ consultation: Consultation) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: FHIRQuestionnaire.json(for: consultation)) as? [String: Any])
    }

    private func items(_ resource: [String: Any]) -> [String: [String: Any]] {
        let list = resource["item"] as? [[String: Any]] ?? []
        return Dictionary(list.map { ($0["linkId"] as? String ?? "", $0) }, uniquingKeysWith: { first, _ in first })
    }

    private func enableWhen(_ item: [String: Any]?) -> NSArray? {
        (item?["enableWhen"] as? [[String: Any]]).map { $0 as NSArray }
    }

    private func expression(_ item: [String: Any]?) -> String? {
        let extensions = item?["extension"] as? [[String: Any]] ?? []
        let found = extensions.first { $0["url"] as? String == FHIRItemEnabling.expressionExtensionURL }
        let value = found?["valueExpression"] as? [String: String]
        #expect(value == nil || value?["language"] == "text/fhirpath")
        return value?["expression"]
    }

    // MARK: - Conditions

    @Test func branchesOnAYesNoAChoiceANumberAndAnOrBecomeEnableWhen() throws {
        let byID = try items(questionnaire(FHIRFrontDeskDialog.load()))
        // Asked on every path: no condition, and required.
        for id in ["smoker", "concern", "age"] {
            #expect(byID[id]?["enableWhen"] == nil && expression(byID[id]) == nil, "\(id)")
            #expect(byID[id]?["required"] as? Bool == true, "\(id)")
        }
        // `smoker == no` skips it: asked when that is false, and a required yes/no is then yes.
        #expect(enableWhen(byID["cigarettes"]) == [["question": "smoker", "operator": "=", "answerBoolean": true]] as NSArray)
        #expect(byID["cigarettes"]?["enableBehavior"] == nil)
        // `not acne_scars in concern` skips it.
        #expect(enableWhen(byID["scar_years"]) == [[
            "question": "concern", "operator": "=", "answerCoding": ["system": Self.concernSystem, "code": "acne_scars"],
        ]] as NSArray)
        // `smoker or wrinkles in concern` leads to it: either, with enableBehavior any.
        #expect(enableWhen(byID["sunscreen"]) == [
            ["question": "smoker", "operator": "=", "answerBoolean": true],
            ["question": "concern", "operator": "=", "answerCoding": ["system": Self.concernSystem, "code": "wrinkles"]],
        ] as NSArray)
        #expect(byID["sunscreen"]?["enableBehavior"] as? String == "any")
        // `age < minimum_age` ends the consultation: the setting is written in.
        #expect(enableWhen(byID["peel"]) == [["question": "age", "operator": ">=", "answerInteger": 18]] as NSArray)
        // Each conditional item is required when enabled, as the consultation requires it when it asks it.
        for id in ["cigarettes", "scar_years", "sunscreen", "peel"] { #expect(byID[id]?["required"] as? Bool == true, "\(id)") }
    }

    @Test func aNestedConditionBecomesAnSDCEnableWhenExpression() throws {
        let item = try items(questionnaire(FHIRFrontDeskDialog.load()))["review_note"]
        #expect(item?["enableWhen"] == nil)
        let age = "%resource.item.where(linkId = 'age').answer"
        let peel = "%resource.item.where(linkId = 'peel').answer"
        let smoker = "%resource.item.where(linkId = 'smoker').answer"
        #expect(expression(item) == "(\(age).value.where($this >= 18).exists())"
            + " and ((\(peel).value.where(system = 'http://terminology.hl7.org/CodeSystem/v2-0136' and code = 'N').empty())"
            + " or (\(age).value.where($this >= 60).exists()))"
            + " and (\(smoker).value.where($this = true).exists())")
        #expect(item?["required"] as? Bool == false, "an optional question stays optional")
    }

    @Test func theBundledConsultationLeavesOnlyTheQuestionAfterTheOutcomeBranchUnconditional() throws {
        let consultation = try BundledConsultation.consultation()
        let unconditional = FHIRQuestionnaire.unconditionalItems(for: consultation)
        // `outcome == decline` skips the treatment information: the outcome is the rules' verdict, not an answer.
        #expect(unconditional.map(\.question) == ["understands_course"])
        #expect(unconditional.first?.reason.contains("outcome") == true)
        let byID = items(try questionnaire(consultation))
        #expect(byID["understands_course"]?["required"] as? Bool == false)
        #expect(enableWhen(byID["isotretinoin_stopped"]) == [
            ["question": "consent", "operator": "=", "answerBoolean": true],
            ["question": "age", "operator": ">=", "answerInteger": 18],
            ["question": "isotretinoin", "operator": "=",
             "answerCoding": ["system": "http://terminology.hl7.org/CodeSystem/v2-0136", "code": "Y"]],
            ["question": "isotretinoin_status", "operator": "!=",
             "answerCoding": ["system": "http://consult.example.org/fhir/CodeSystem/microneedling-isotretinoin_status", "code": "still_taking"]],
        ] as NSArray)
        #expect(byID["isotretinoin_stopped"]?["enableBehavior"] as? String == "all")
    }

    // MARK: - Texts

    @Test func settingsAreFilledInAndAnswersStayPlaceholders() throws {
        let byID = try items(questionnaire(FHIRFrontDeskDialog.load()))
        #expect(byID["peel"]?["text"] as? String == "In the last 9 months, have you had a chemical peel at Test Clinic?")
        #expect(byID["review_note"]?["text"] as? String == "Anything else we should know, [age]-year-old?")
        let bundled = items(try questionnaire(BundledConsultation.consultation()))
        let recent = try #require(bundled["recent_treatments"]?["text"] as? String)
        #expect(recent.hasPrefix("In the last 12 months,"), "\(recent)")
        let texts = bundled.values.flatMap { item in
            [item["text"] as? String ?? ""] + (item["item"] as? [[String: Any]] ?? []).map { $0["text"] as? String ?? "" }
        }
        #expect(texts.count > bundled.count, "help texts are there too")
        #expect(texts.filter { $0.contains("{") || $0.contains("}") } == [], "no {…} left in any text")
    }

    @Test func whyTextsAreHelpItems() throws {
        let smoker = try #require(try items(questionnaire(FHIRFrontDeskDialog.load()))["smoker"])
        let help = try #require((smoker["item"] as? [[String: Any]])?.first)
        #expect(help["linkId"] as? String == "smoker.help")
        #expect(help["type"] as? String == "display")
        #expect(help["text"] as? String == "Smoking slows healing.")
        let control = try #require((help["extension"] as? [[String: Any]])?.first)
        #expect(control["url"] as? String == "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl")
        let coding = ((control["valueCodeableConcept"] as? [String: Any])?["coding"] as? [[String: String]])?.first
        #expect(coding?["system"] == "http://hl7.org/fhir/questionnaire-item-control")
        #expect(coding?["code"] == "help")
    }

    @Test func otherLanguagesAreTranslationExtensions() throws {
        let resource = try questionnaire(FHIRFrontDeskDialog.load())
        func translations(_ element: Any?) -> [String: String] {
            let extensions = (element as? [String: Any])?["extension"] as? [[String: Any]] ?? []
            var found: [String: String] = [:]
            for translation in extensions where translation["url"] as? String == "http://hl7.org/fhir/StructureDefinition/translation" {
                let parts = translation["extension"] as? [[String: String]] ?? []
                let lang = parts.first { $0["url"] == "lang" }?["valueCode"]
                let content = parts.first { $0["url"] == "content" }?["valueString"]
                if let lang, let content { found[lang] = content }
            }
            return found
        }
        let byID = items(resource)
        #expect(translations(resource["_title"]) == ["es": "Control de recepción"])
        #expect(translations(byID["smoker"]?["_text"]) == ["es": "¿Fuma?"])
        #expect(translations(byID["peel"]?["_text"]) == ["es": "En los últimos 9 meses, ¿se ha hecho un peeling químico en Test Clinic?"])
        #expect(translations((byID["smoker"]?["item"] as? [[String: Any]])?.first?["_text"]) == ["es": "Fumar retrasa la curación."])
        let options = byID["concern"]?["answerOption"] as? [[String: Any]] ?? []
        #expect(options.map { translations(($0["valueCoding"] as? [String: Any])?["_display"]) }
            == [["es": "Cicatrices de acné"], ["es": "Arrugas"], ["es": "Ninguna de estas"]])
        // The bundled consultation carries its Spanish the same way.
        let bundled = try JSONSerialization.jsonObject(with: try FHIRQuestionnaire.json(for: BundledConsultation.consultation())) as? [String: Any] ?? [:]
        #expect(translations(items(bundled)["pregnant"]?["_text"]) == ["es": "¿Está embarazada o podría estarlo?"])
    }

    @Test func itemsAreCodedInTheConsultationsQuestionSystem() throws {
        let resource = try questionnaire(FHIRFrontDeskDialog.load())
        #expect(resource["url"] as? String == Self.base + "/Questionnaire/frontdesk")
        let codes = try #require(items(resource)["age"]?["code"] as? [[String: String]])
        #expect(codes == [["system": Self.base + "/CodeSystem/frontdesk-questions", "code": "age", "display": "How old are you?"]])
        let options = items(resource)["concern"]?["answerOption"] as? [[String: Any]] ?? []
        #expect(options.compactMap { ($0["valueCoding"] as? [String: Any])?["system"] as? String } == Array(repeating: Self.concernSystem, count: 3))
    }

    @Test func theCanonicalBaseDefaultsAndIsTrimmed() {
        #expect(FHIRCanonical(base: nil).base == "http://consult.example.org/fhir")
        #expect(FHIRCanonical(base: "  ").base == FHIRCanonical.defaultBase)
        #expect(FHIRCanonical(base: "https://clinic.example/fhir//").questionnaire("x") == "https://clinic.example/fhir/Questionnaire/x")
    }

    // MARK: - Responses

    @Test func aResponseNamesTheClinicsQuestionnaireAndSystems() throws {
        let consultation = try FHIRFrontDeskDialog.load()
        var record = try FHIRFrontDeskDialog.record(consultation, answers: [
            "smoker": "yes", "cigarettes": "10", "concern": "wrinkles", "sunscreen": "yes", "age": "30", "peel": "no",
            "review_note": "skip",
        ])
        record.reference = ReferenceCode("K7M-4QX")
        let response = try #require(JSONSerialization.jsonObject(with: SummaryRenderer.fhirQuestionnaireResponse(record)) as? [String: Any])
        #expect(response["questionnaire"] as? String == Self.base + "/Questionnaire/frontdesk|1.0.0")
        #expect((response["identifier"] as? [String: String])?["system"] == Self.base + "/NamingSystem/reference-code")
        let answered = (response["item"] as? [[String: Any]] ?? []).compactMap { $0["linkId"] as? String }
        #expect(answered == ["smoker", "cigarettes", "concern", "sunscreen", "age", "peel"], "the skipped note is left out")
        let extensions = response["extension"] as? [[String: String]] ?? []
        #expect(extensions.contains(["url": Self.base + "/StructureDefinition/consult-version", "valueString": ConsultVersion.current]))
    }

    @Test func anAbandonedSessionIsStopped() throws {
        let record = try FHIRFrontDeskDialog.record(try FHIRFrontDeskDialog.load(), answers: ["smoker": "no"], quitAt: "concern")
        let response = try #require(JSONSerialization.jsonObject(with: SummaryRenderer.fhirQuestionnaireResponse(record)) as? [String: Any])
        #expect(response["status"] as? String == "stopped")
        #expect((response["item"] as? [[String: Any]])?.count == 1)
    }

    /// Patients taking every way through the front-desk dialog: each yes/no, choice, age class and peel answer.
    static func frontDeskRecords(_ consultation: Consultation) throws -> [ConsultationRecord] {
        var records: [ConsultationRecord] = []
        for smoker in ["yes", "no"] {
            for concern in ["acne scars", "wrinkles", "none of these"] {
                for age in ["15", "30", "65"] {
                    for peel in ["yes", "no", "not sure"] {
                        records.append(try FHIRFrontDeskDialog.record(consultation, answers: [
                            "smoker": smoker, "cigarettes": "10", "concern": concern, "scar_years": "3", "sunscreen": "no",
                            "age": age, "peel": peel, "review_note": peel == "yes" ? "skip" : "Nothing else",
                        ]))
                    }
                }
            }
        }
        records.append(try FHIRFrontDeskDialog.record(consultation, answers: ["smoker": "yes", "cigarettes": "3", "concern": "acne scars"],
                                                      quitAt: "scar_years"))
        return records
    }

    @Test("every answered item is enabled by the response's own answers; every enabled required item is answered")
    func responsesAgreeWithTheQuestionnairesConditions() throws {
        let frontDesk = try FHIRFrontDeskDialog.load()
        let frontDeskRecords = try Self.frontDeskRecords(frontDesk)
        #expect(Set(frontDeskRecords.map { $0.answers.map(\.id) }).count >= 10, "the patients take many different paths")
        let bundled = try BundledConsultation.consultation()
        let bundledRecords = try FHIRValidationTests.transcriptRecords(bundled)
        for (consultation, records) in [(frontDesk, frontDeskRecords), (bundled, bundledRecords)] {
            let documents = try [FHIRQuestionnaire.json(for: consultation)] + records.map(SummaryRenderer.fhirQuestionnaireResponse)
            let verdicts = try Self.checkEnablement(documents)
            #expect(verdicts.count == records.count)
            for (index, verdict) in verdicts.enumerated() where verdict != "ok" {
                Issue.record("\(consultation.identity.id) response \(index) (\(records[index].answers.map(\.id))): \(verdict)")
            }
        }
    }

    @Test func theCheckerCatchesAnItemThatIsNotEnabled() throws {
        // The judge itself: a response answering `cigarettes` after "no, I don't smoke" must be refused.
        let consultation = try FHIRFrontDeskDialog.load()
        var record = try FHIRFrontDeskDialog.record(consultation, answers: [
            "smoker": "no", "concern": "wrinkles", "sunscreen": "no", "age": "30", "peel": "no",
        ])
        record.answers.insert(AnsweredQuestion(id: "cigarettes", question: "How many?", kind: .number(.init(minimum: 0, maximum: 100, integer: true)),
                                               value: .number(5), text: "5"), at: 1)
        record.answers.removeAll { $0.id == "peel" }
        let verdicts = try Self.checkEnablement([FHIRQuestionnaire.json(for: consultation), SummaryRenderer.fhirQuestionnaireResponse(record)])
        #expect(verdicts.first?.contains("cigarettes is answered but not enabled") == true, "\(verdicts)")
        #expect(verdicts.first?.contains("peel is required and enabled but not answered") == true, "\(verdicts)")
    }

    @Test("the front-desk Questionnaire and its responses are valid FHIR")
    func frontDeskDocumentsValidate() throws {
        let consultation = try FHIRFrontDeskDialog.load()
        let documents = try [FHIRQuestionnaire.json(for: consultation)]
            + Self.frontDeskRecords(consultation).map(SummaryRenderer.fhirQuestionnaireResponse)
        let verdicts = try FHIRValidationTests.validate(documents)
        #expect(verdicts.count == documents.count)
        for (index, verdict) in verdicts.enumerated() where verdict != "ok" { Issue.record("document \(index): \(verdict)") }
    }

    /// One verdict per response (`ok` or `problem: …`) from `Tests/Support/check-fhir-enablement.py`; the first
    /// document is the Questionnaire.
    static func checkEnablement(_ documents: [Data]) throws -> [String] {
        var lines = Data()
        for document in documents {
            lines += try JSONSerialization.data(withJSONObject: JSONSerialization.jsonObject(with: document)) + Data([0x0A])
        }
        let run = try PythonScript.run([PythonScript.support("check-fhir-enablement.py")], input: lines)
        guard run.status == 0 else { throw FHIRValidationTests.ValidatorUnavailable(output: run.errorOutput) }
        return run.text.split(separator: "\n").map(String.init)
    }
}
