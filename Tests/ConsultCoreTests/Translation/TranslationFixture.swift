import Foundation
@testable import ConsultCore

/// A small consultation written to a temporary folder, half translated into Spanish, in every shape a text
/// or word list is written: plain, quoted, block, flow mappings, English-only and `{en, es}`, with comments.
struct TranslationFixture {
    static let visit = """
        # The visit: comments must survive an import byte for byte.
        dialog: visit
        version: 1.0.0
        title: Skin visit
        entry: true
        languages: [en, es]

        nodes:
          - say: |-
              Welcome to {clinic_name}.
              This is a screening.   # not a comment: inside the block
          # Before the first question.
          - ask: How old are you?   # age in years
            id: age
            type: number
            range: [0, 120]
            unit: {en: years, es: años}
          - ask:
              en: "Are you pregnant?"
              es: ¿Está embarazada?
            id: pregnant
            type: yes-no-unsure
            terms: [expecting, nursing]
            readback: {yes: you are pregnant, no: you are not pregnant, unsure: you are not sure}
          - ask: {en: 'What would you like to improve?'}
            id: concern
            type: choice
            options:
              - id: acne_scars
                label: {en: Acne scars, es: Cicatrices de acné}
                synonyms:
                  - acne
                  - pock marks
          - end: Thank you.

        rules:
          - id: pregnancy
            when: pregnant != no
            outcome: defer
            reason: Pregnant.        # for staff only
            patient: We wait until after pregnancy.

        faq:
          - id: faq_pain
            questions:
              en:
                - "Does it hurt?"
              es:
                - "¿Duele?"
            keywords: [hurt, pain]
            answer: A numbing cream is used.
        """

    static let clinic = """
        clinic_name: Bright Skin
        """

    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("consult-strings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("languages/es"), withIntermediateDirectories: true)
        try (Self.visit.replacingOccurrences(of: "entry: true", with: "entry: true\nsettings: clinic.yaml"))
            .write(to: folder.appendingPathComponent("visit.yaml"), atomically: true, encoding: .utf8)
        try Self.clinic.write(to: folder.appendingPathComponent("clinic.yaml"), atomically: true, encoding: .utf8)
        let bundled = BundledConsultation.packageRoot.appendingPathComponent("dialogs/languages/es/messages.yaml")
        try FileManager.default.copyItem(at: bundled, to: folder.appendingPathComponent("languages/es/messages.yaml"))
        try FileManager.default.copyItem(at: bundled.deletingLastPathComponent().appendingPathComponent("reading.yaml"),
                                         to: folder.appendingPathComponent("languages/es/reading.yaml"))
    }

    var path: String { folder.path }
    var visitPath: String { folder.appendingPathComponent("visit.yaml").path }

    func text(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}
