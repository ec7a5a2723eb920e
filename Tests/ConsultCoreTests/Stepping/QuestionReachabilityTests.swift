import Foundation
import Testing
@testable import ConsultCore

/// The branch decisions under which each question is reached, and the FHIR conditions written from them.
@Suite struct QuestionReachabilityTests {
    /// Loads dialog files written inline; fails the test on any error.
    static func load(_ files: [String: String]) throws -> Consultation {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("consult-reach-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let result = ConsultationLoader.load(path: folder.path)
        #expect(result.errors.isEmpty, "\(result.errors)")
        return try #require(result.consultation)
    }

    private static func questionnaireItems(_ consultation: Consultation, language: String = "en") throws -> [String: [String: Any]] {
        let resource = try #require(JSONSerialization.jsonObject(with: FHIRQuestionnaire.json(for: consultation, language: language)) as? [String: Any])
        let list = resource["item"] as? [[String: Any]] ?? []
        return Dictionary(list.map { ($0["linkId"] as? String ?? "", $0) }, uniquingKeysWith: { first, _ in first })
    }

    static let joins = """
    dialog: joins
    version: 1.0.0
    entry: true
    nodes:
      - ask: Do you smoke?
        id: smoker
        type: yes-no
      - branch:
          - if: smoker
            goto: how_many
        else: weight
      - ask: How many a day?
        id: how_many
        type: number
        range: [0, 100]
      - ask: What do you weigh?
        id: weight
        type: number
        range: [20, 300]
      - ask: Any notes?
        id: notes
        type: text
        required: false
      - branch:
          - if: not answered(notes) and weight > 150.5
            goto: weight_note
      - ask: Shall we go on?
        id: go_on
        type: yes-no
      - ask: Anything about your weight?
        id: weight_note
        type: text
    """

    @Test func pathsThatJoinAgainLeaveNoCondition() throws {
        let consultation = try Self.load(["joins.yaml": Self.joins])
        let reach = QuestionReachability(consultation: consultation)
        #expect(reach.isExact)
        let conditions = try #require(reach.conditions)
        #expect(conditions["smoker"] == [[:]])
        #expect(conditions["weight"] == [[:]], "both sides of the smoker branch reach it")
        #expect(conditions["how_many"]?.count == 1)
        #expect(conditions["how_many"]?.first?.values.first == [.branchCase(0)])
        #expect(conditions["go_on"]?.first?.values.first == [.noCase])
        #expect(conditions["weight_note"] == [[:]], "reached after go_on and by the case alike")
    }

    @Test func anOptionalAnswerAndAFractionAreWrittenFaithfully() throws {
        let items = try Self.questionnaireItems(Self.load(["joins.yaml": Self.joins]))
        #expect((items["how_many"]?["enableWhen"] as? [[String: Any]]).map { $0 as NSArray }
            == [["question": "smoker", "operator": "=", "answerBoolean": true]] as NSArray)
        // Falling past `not answered(notes) and weight > 150.5`: notes answered, or weight not above 150.5 (the
        // weight item takes integers, so the fraction goes to FHIRPath; `iif` makes unknown "not true").
        let extensions = items["go_on"]?["extension"] as? [[String: Any]] ?? []
        let expression = (extensions.first?["valueExpression"] as? [String: String])?["expression"]
        #expect(expression == "(%resource.item.where(linkId = 'notes').answer.exists())"
            + " or (iif((%resource.item.where(linkId = 'weight').answer.value > 150.5), false, true))")
        #expect(items["weight_note"]?["enableWhen"] == nil && items["weight_note"]?["extension"] == nil)
    }

    @Test func aDialogCalledTwiceMakesConditionsInexactAndItsItemsOptional() throws {
        let entry = """
        dialog: twice
        version: 1.0.0
        entry: true
        nodes:
          - ask: First visit?
            id: first
            type: yes-no
          - branch:
              - if: first
                goto: go_on
          - call: extra
          - ask: Shall we go on?
            id: go_on
            type: yes-no
          - call: extra
        """
        let extra = """
        dialog: extra
        nodes:
          - say: A few words.
        """
        let consultation = try Self.load(["twice.yaml": entry, "extra.yaml": extra])
        #expect(!QuestionReachability(consultation: consultation).isExact)
    }

    @Test func dateConditionsLeaveTheItemUnconditionalAndOptional() throws {
        let dialog = """
        dialog: dates
        version: 1.0.0
        entry: true
        nodes:
          - ask: When did you last have a peel?
            id: peel_date
            type: date
          - branch:
              - if: months_since(peel_date) < 3
                goto: done
          - ask: Shall we go on?
            id: go_on
            type: yes-no
          - id: done
            end: Thank you.
        """
        let consultation = try Self.load(["dates.yaml": dialog])
        let unconditional = FHIRQuestionnaire.unconditionalItems(for: consultation)
        #expect(unconditional.map(\.question) == ["go_on"])
        #expect(unconditional.first?.reason == "reads months_since(…), which depends on the day of the session")
        let item = try Self.questionnaireItems(consultation)["go_on"]
        #expect(item?["required"] as? Bool == false)
        #expect(item?["enableWhen"] == nil && item?["extension"] == nil)
    }

    @Test func exportedInAnotherLanguageTheTextsSwapPlaces() throws {
        let items = try Self.questionnaireItems(FHIRFrontDeskDialog.load(), language: "es")
        #expect(items["smoker"]?["text"] as? String == "¿Fuma?")
        let translation = ((items["smoker"]?["_text"] as? [String: Any])?["extension"] as? [[String: Any]])?.first
        #expect(translation?["extension"] as? [[String: String]] == [["url": "lang", "valueCode": "en"], ["url": "content", "valueString": "Do you smoke?"]])
    }
}
