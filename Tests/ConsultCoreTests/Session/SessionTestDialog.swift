import Foundation
import Testing
@testable import ConsultCore

/// A small consultation written for the state machine tests: a branch on age, a follow-up,
/// an optional question, a topic, rules of every effect, an FAQ and a cost estimate.
enum SessionTestDialog {
    static let entry = """
    dialog: clinic
    version: 2.1.0
    title: Test consultation
    entry: true
    settings: settings.yaml
    highlights: [concern]
    nodes:
      - say: "Welcome to {clinic_name}."
      - ask: What would you like to improve?
        id: concern
        type: choice
        options:
          - id: acne_scars
            label: Acne scars
            synonyms: [acne]
          - id: wrinkles
            label: Wrinkles
      - ask: How old are you?
        id: age
        type: number
        range: [0, 120]
        unit: years
        why: We treat adults only.
      - branch:
          - if: age < 18
            goto: guardian
      - ask: Are you pregnant or breastfeeding?
        id: pregnant
        type: yes-no-unsure
        next: screening
      - id: guardian
        ask: Is a parent or guardian with you?
        type: yes-no
      - id: screening
        call: screening
      - explain: costs
        title: Costs
        text: "About {low | money} to {high | money}."
        more: Usually not covered by insurance.
      - outcome: "Here is what we found:"
      - end: Thank you.
    computed:
      sessions_min: "if concern == acne_scars then 3 else 2"
      sessions_max: "sessions_min + 2"
      low: "sessions_min * price"
      high: "sessions_max * price"
    estimate:
      sessions: [sessions_min, sessions_max]
      price_per_session: price
    rules:
      - id: minor
        when: age < 18
        outcome: decline
        reason: Under 18.
        patient: We only treat adults.
      - id: pregnancy
        when: pregnant != no
        outcome: defer
        reason: Pregnant or breastfeeding.
        patient: Please come back after pregnancy and breastfeeding.
    faq:
      - id: pain
        questions: ["Does it hurt?", "Is it painful?"]
        keywords: [hurt, pain, painful]
        answer: A numbing cream is used.
    """

    static let screening = """
    dialog: screening
    nodes:
      - ask: Have you ever had a keloid scar?
        id: keloid
        type: yes-no
      - ask: Anything else we should know?
        id: notes
        type: text
        required: false
    rules:
      - id: keloid_review
        when: keloid
        outcome: review
        reason: Keloid history.
      - id: keloid_note
        when: keloid == yes
        outcome: precaution
        reason: Watch scarring.
    """

    static let settings = """
    clinic_name: Test Clinic
    currency: USD
    currency_symbol: "$"
    price: 200
    """

    /// The consultation, loaded from a temporary folder; fails the test on any diagnostic.
    static func load() throws -> Consultation {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("consult-session-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in [("clinic.yaml", entry), ("screening.yaml", screening), ("settings.yaml", settings)] {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let result = ConsultationLoader.load(path: folder.path)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        return try #require(result.consultation)
    }

    static let started = Date(timeIntervalSince1970: 1_780_000_000) // 2026-05-28
    static let finished = Date(timeIntervalSince1970: 1_780_000_600)

    static func machine() throws -> ConsultationStateMachine {
        ConsultationStateMachine(consultation: try load(), id: "0000abcd", started: started)
    }
}

extension ConsultationAction {
    /// The prompt of a prompt action.
    var prompt: Prompt? {
        if case let .prompt(_, prompt, _) = self { return prompt }
        return nil
    }

    var messages: [Message] {
        switch self {
        case let .prompt(messages, _, _), let .finish(messages, _): messages
        }
    }

    var record: ConsultationRecord? {
        if case let .finish(_, record) = self { return record }
        return nil
    }

    func messages(_ kind: Message.Kind) -> [String] {
        messages.filter { $0.kind == kind }.map(\.text)
    }
}

extension ConsultationStateMachine {
    /// Feeds lines in order and returns the last action.
    @discardableResult
    mutating func answer(_ lines: String...) -> ConsultationAction {
        var action = start(at: SessionTestDialog.started)
        for line in lines { action = lineReceived(line, at: SessionTestDialog.finished) }
        return action
    }
}
