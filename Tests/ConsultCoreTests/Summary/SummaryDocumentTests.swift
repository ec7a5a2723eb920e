import Foundation
import Testing
@testable import ConsultCore

@Suite struct SummaryDocumentTests {
    @Test func topLevelFieldsAndValues() throws {
        let json = try SummaryFixtures.object(SummaryRenderer.json(SummaryFixtures.proceedPatient))
        #expect(Set(json.keys) == ["format_version", "consult_version", "id", "dialog", "language", "mode", "started", "finished",
                                   "outcome", "answers", "highlights", "topics", "faq", "estimate"])
        #expect(json["format_version"] as? Int == 1)
        #expect(json["consult_version"] as? String == ConsultVersion.current)
        #expect(json["id"] as? String == "3f9a1c2e")
        #expect(json["dialog"] as? [String: String] == ["id": "microneedling", "version": "1.2.0", "title": "Micro-needling consultation"])
        #expect(json["language"] as? String == "en")
        #expect(json["mode"] as? String == "patient")
        #expect(json["started"] as? String == "2026-11-26T05:20:00Z")
        #expect(json["finished"] as? String == "2026-11-26T05:31:27Z")
        #expect(json["highlights"] as? [String] == ["concern", "area"])
        let topics = try #require(json["topics"] as? [[String: Any]])
        #expect(topics.map { $0["id"] as? String } == ["costs", "side_effects"])
        #expect(topics.map { $0["skipped"] as? Bool } == [false, true])
        let faq = try #require(json["faq"] as? [[String: Any]])
        #expect(faq.first?["asked"] as? String == "Does it hurt?")
        #expect(faq.first?["entry"] as? String == "pain")
        let estimate = try #require(json["estimate"] as? [String: Any])
        #expect(estimate["sessions"] as? [String: Int] == ["min": 3, "max": 6])
        #expect(estimate["low"] as? Double == 900)
        #expect(estimate["high"] as? Double == 1800)
        #expect(estimate["currency"] as? String == "USD")
        #expect(estimate["text"] as? String == "about $900–$1,800 for 3–6 sessions")
    }

    @Test func answerValuesByType() throws {
        let json = try SummaryFixtures.object(SummaryRenderer.json(SummaryFixtures.proceedPatient))
        let answers = try #require(json["answers"] as? [[String: Any]])
        let byID = Dictionary(uniqueKeysWithValues: answers.map { ($0["id"] as? String ?? "", $0) })
        #expect(answers.map { $0["type"] as? String } ==
                ["continue", "multiple-choice", "choice", "number", "number", "yes-no", "date", "text"])
        #expect(byID["welcome"]?["value"] as? Bool == true)
        #expect(byID["concern"]?["value"] as? [String] == ["acne_scars", "wrinkles"])
        #expect(byID["concern"]?["display"] as? String == "Acne scars, Wrinkles or fine lines")
        #expect(byID["concern"]?["text"] as? String == "acne, lines")
        #expect(byID["area"]?["value"] as? String == "face")
        #expect(byID["age"]?["value"] as? Double == 34)
        #expect(byID["age"]?["display"] as? String == "34 years")
        #expect(byID["weight"]?["value"] as? Double == 72.5)
        #expect(byID["smoker"]?["value"] as? String == "no")
        #expect(byID["last_peel"]?["value"] as? String == "2026-08-26")
        #expect(byID["goal"]?["value"] as? String == "Wedding in March")
        #expect(byID["goal"]?["question"] as? String == "Anything else we should know?")
    }

    @Test func skippedAnswersAreNullAndNoneIsAnEmptyList() throws {
        let rehearsal = try SummaryFixtures.object(SummaryRenderer.json(SummaryFixtures.incompleteRehearsal))
        #expect(rehearsal["mode"] as? String == "rehearsal")
        #expect(rehearsal["estimate"] is NSNull)
        let answers = try #require(rehearsal["answers"] as? [[String: Any]])
        #expect(answers[1]["value"] is NSNull)
        #expect(answers[1]["display"] as? String == "(skipped)")
        #expect(answers[2]["value"] as? String == "unsure")
        let faq = try #require(rehearsal["faq"] as? [[String: Any]])
        #expect(faq[0]["answered"] as? Bool == false)
        #expect(faq[0]["entry"] == nil)

        let decline = try SummaryFixtures.object(SummaryRenderer.json(SummaryFixtures.declineTwoReasons))
        #expect((decline["answers"] as? [[String: Any]])?.first?["value"] as? [String] == [])
    }

    @Test func aRecoveredSummarySaysWhenItStoppedAndHowManyAnswersWereSaved() throws {
        let json = try SummaryFixtures.object(SummaryRenderer.json(SummaryFixtures.recoveredAfterACrash))
        let recovered = try #require(json["recovered"] as? [String: Any])
        #expect(Set(recovered.keys) == ["last_activity", "answers"])
        #expect(recovered["last_activity"] as? String == "2026-11-26T05:31:27Z")
        #expect(recovered["answers"] as? Int == 2)
        #expect((json["outcome"] as? [String: Any])?["status"] as? String == "incomplete")
        let normal = try SummaryFixtures.object(SummaryRenderer.json(SummaryFixtures.incompleteRehearsal))
        #expect(normal["recovered"] == nil, "left out of every summary that was not recovered")
    }

    @Test func outcomeKeepsReasonsWithTheirAnswers() throws {
        let json = try SummaryFixtures.object(SummaryRenderer.json(SummaryFixtures.declineTwoReasons))
        let outcome = try #require(json["outcome"] as? [String: Any])
        #expect(outcome["status"] as? String == "decline")
        let reasons = try #require(outcome["reasons"] as? [[String: Any]])
        #expect(reasons.map { $0["rule"] as? String } == ["under_18", "pregnancy"])
        #expect(reasons.map { $0["status"] as? String } == ["decline", "defer"])
        #expect(reasons[0]["message"] as? String == "Under 18.")
        #expect(reasons[0]["patient_message"] as? String == "We can only treat adults.")
        #expect(reasons[0]["answers"] as? [String] == ["age"])
        let precautions = try #require(outcome["precautions"] as? [[String: Any]])
        #expect(precautions.count == 1)
        #expect(Set(precautions[0].keys) == ["rule", "message", "answers"])
        #expect(precautions[0]["answers"] as? [String] == ["keloids"])
        #expect((outcome["notes"] as? [[String: Any]])?.first?["rule"] as? String == "referred")
    }

    @Test(arguments: SummaryFixtures.all)
    func decodesBackToTheSameDocumentAndIsDeterministic(record: ConsultationRecord) throws {
        let data = try SummaryRenderer.json(record)
        #expect(try JSONDecoder().decode(SummaryDocument.self, from: data) == SummaryDocument(record))
        #expect(try SummaryRenderer.json(record) == data)
        #expect(data.last == 0x0A)
    }

    @Test(arguments: SummaryFixtures.all)
    func validatesAgainstTheSchema(record: ConsultationRecord) throws {
        let result = try SchemaValidation.validate(SummaryRenderer.json(record))
        #expect(result.valid, "\(result.output)")
    }

    @Test func theSchemaRejectsWhatItShould() throws {
        var json = try SummaryFixtures.object(SummaryRenderer.json(SummaryFixtures.proceedPatient))
        json["surprise"] = 1
        #expect(!(try SchemaValidation.validate(JSONSerialization.data(withJSONObject: json))).valid)

        json = try SummaryFixtures.object(SummaryRenderer.json(SummaryFixtures.proceedPatient))
        var answers = try #require(json["answers"] as? [[String: Any]])
        answers[5]["value"] = "unsure" // a yes-no question cannot be answered "unsure"
        json["answers"] = answers
        #expect(!(try SchemaValidation.validate(JSONSerialization.data(withJSONObject: json))).valid)

        json = try SummaryFixtures.object(SummaryRenderer.json(SummaryFixtures.recoveredAfterACrash))
        json["recovered"] = ["last_activity": "2026-11-26T05:31:27Z"] // how many answers were saved is required
        #expect(!(try SchemaValidation.validate(JSONSerialization.data(withJSONObject: json))).valid)
    }
}

/// Runs `docs/summary.schema.json` through Python's `jsonschema` (draft 2020-12).
enum SchemaValidation {
    static func validate(_ document: Data) throws -> (valid: Bool, output: String) {
        let schema = SummaryFixtures.packageRoot.appendingPathComponent("docs/summary.schema.json").path
        let run = try PythonScript.run([PythonScript.support("validate-summary-schema.py"), schema], input: document,
                                       mergingErrors: true)
        if run.status != 0, run.status != 1 {
            Issue.record("schema validation could not run (exit \(run.status)): \(run.text)")
        }
        return (run.status == 0, run.text)
    }
}
