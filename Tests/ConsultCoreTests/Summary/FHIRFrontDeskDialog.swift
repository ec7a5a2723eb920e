import Foundation
import Testing
@testable import ConsultCore

/// A small consultation in English and Spanish for the FHIR export: branches on a yes/no, on a choice's membership,
/// on a number compared with a setting, an `or` of two, and a nested condition only FHIRPath can say; a text
/// filled in from settings; `why` texts; a clinic canonical base.
enum FHIRFrontDeskDialog {
    static let entry = """
    dialog: frontdesk
    version: 1.0.0
    title: { en: Front desk check, es: Control de recepción }
    entry: true
    languages: [en, es]
    settings: settings.yaml
    nodes:
      - ask: { en: Do you smoke?, es: ¿Fuma? }
        id: smoker
        type: yes-no
        why: { en: Smoking slows healing., es: Fumar retrasa la curación. }
      - branch:
          - if: smoker == no
            goto: concern
      - ask: { en: How many cigarettes a day?, es: ¿Cuántos cigarrillos al día? }
        id: cigarettes
        type: number
        range: [0, 100]
      - ask: { en: What would you like to improve?, es: ¿Qué le gustaría mejorar? }
        id: concern
        type: multiple-choice
        options:
          - id: acne_scars
            label: { en: Acne scars, es: Cicatrices de acné }
          - id: wrinkles
            label: { en: Wrinkles, es: Arrugas }
        none: { en: None of these, es: Ninguna de estas }
      - branch:
          - if: not acne_scars in concern
            goto: skin_check
      - ask: { en: How many years have you had the scars?, es: ¿Cuántos años hace que tiene las cicatrices? }
        id: scar_years
        type: number
        range: [0, 80]
      - id: skin_check
        branch:
          - if: smoker or wrinkles in concern
            goto: sunscreen
        else: age
      - ask: { en: Do you use sunscreen every day?, es: ¿Usa protector solar a diario? }
        id: sunscreen
        type: yes-no-unsure
      - ask: { en: How old are you?, es: ¿Cuántos años tiene? }
        id: age
        type: number
        range: [0, 120]
      - branch:
          - if: age < minimum_age
            goto: too_young
      - ask:
          en: "In the last {lookback_months} months, have you had a chemical peel at {clinic_name}?"
          es: "En los últimos {lookback_months} meses, ¿se ha hecho un peeling químico en {clinic_name}?"
        id: peel
        type: yes-no-unsure
      - branch:
          - if: (peel != no or age >= 60) and smoker
            goto: review_note
        else: done
      - ask: { en: "Anything else we should know, {age}-year-old?", es: ¿Algo más que debamos saber? }
        id: review_note
        type: text
        required: false
      - id: done
        end: { en: Thank you., es: Gracias. }
      - id: too_young
        end: { en: We treat adults only., es: Solo tratamos a adultos. }
    computed:
      lookback_months: "max(peel_wait_months, 6)"
    """

    static let settings = """
    clinic_name: Test Clinic
    minimum_age: 18
    peel_wait_months: 9
    fhir_base: https://clinic.example/fhir/
    """

    /// The consultation, loaded from a temporary folder; fails the test on any diagnostic.
    static func load() throws -> Consultation {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("consult-frontdesk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in [("frontdesk.yaml", entry), ("settings.yaml", settings)] {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        try BundledConsultation.copyLanguages(into: folder)
        let result = ConsultationLoader.load(path: folder.path)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        return try #require(result.consultation)
    }

    /// A patient who answers each question by its id (a confirmation with `yes`), or quits at `quitAt`; the record.
    static func record(_ consultation: Consultation, answers: [String: String], quitAt: String? = nil) throws -> ConsultationRecord {
        var machine = ConsultationStateMachine(consultation: consultation, id: "fd\(answers.count)", started: SessionTestDialog.started)
        var action = machine.start(at: SessionTestDialog.started)
        for _ in 0..<40 {
            guard let prompt = action.prompt else { break }
            let line: String
            if prompt.style == .confirmation {
                line = "yes"
            } else if prompt.nodeID == quitAt {
                line = "quit"
            } else {
                line = try #require(answers[prompt.nodeID], "no answer for \(prompt.nodeID)")
            }
            action = machine.lineReceived(line, at: SessionTestDialog.finished)
        }
        return try #require(action.record, "the session did not finish")
    }
}
