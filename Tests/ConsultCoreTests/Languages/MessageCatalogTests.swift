import Foundation
import Testing
@testable import ConsultCore

/// The program's own words come from a catalog per language; a catalog must say every message, with the
/// English placeholders, or the consultation does not load.
@Suite struct MessageCatalogTests {
    static let dialog = """
        dialog: visit
        version: 1.0.0
        languages: [en, es]
        nodes:
          - ask: {en: How old are you?, es: ¿Qué edad tiene?}
            id: age
            type: number
            range: [18, 120]
            unit: {en: years, es: años}
          - end: {en: Thank you., es: Gracias.}
        """

    /// Loads the dialog with `catalog` as its Spanish catalog (the bundled one when `nil`).
    static func load(catalog: String? = nil, reading: Bool = true) throws -> ConsultationLoader.Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("consult-catalog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("languages/es"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try dialog.write(to: folder.appendingPathComponent("visit.yaml"), atomically: true, encoding: .utf8)
        let bundled = try String(contentsOf: BundledConsultation.packageRoot.appendingPathComponent("dialogs/languages/es/messages.yaml"), encoding: .utf8)
        try (catalog ?? bundled).write(to: folder.appendingPathComponent("languages/es/messages.yaml"), atomically: true, encoding: .utf8)
        if reading {
            try FileManager.default.copyItem(at: BundledConsultation.packageRoot.appendingPathComponent("dialogs/languages/es/reading.yaml"),
                                             to: folder.appendingPathComponent("languages/es/reading.yaml"))
        }
        return ConsultationLoader.load(path: folder.path)
    }

    static var bundledSpanish: String {
        get throws {
            try String(contentsOf: BundledConsultation.packageRoot.appendingPathComponent("dialogs/languages/es/messages.yaml"), encoding: .utf8)
        }
    }

    @Test func theBundledSpanishCatalogHasEveryMessage() throws {
        let result = try Self.load()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let catalog = try #require(result.consultation?.catalogs["es"])
        #expect(catalog.missing.isEmpty)
        #expect(catalog.name == "Español")
        #expect(catalog.text(.previousAnswer, ["answer": "sí"]) == "Usted respondió: sí")
    }

    @Test func aSpanishSessionSpeaksSpanishAroundTheQuestion() throws {
        let consultation = try #require(try Self.load().consultation)
        var machine = ConsultationStateMachine(consultation: consultation, language: "es", mode: .patient,
                                               id: "test0001", started: SessionTestDialog.started)
        let start = machine.start(at: SessionTestDialog.started)
        guard case let .prompt(_, prompt, _) = start else {
            Issue.record("no prompt: \(start)")
            return
        }
        #expect(prompt.text == "¿Qué edad tiene?")
        #expect(prompt.instructions == "Escriba un número (años).")
        let tooYoung = machine.lineReceived("12", at: SessionTestDialog.started)
        #expect(tooYoung.messages(.hint) == ["12 está fuera de lo que acepta esta pregunta. Por favor, escriba un número del 18 al 120 (años)."])
        let helped = machine.lineReceived("help", at: SessionTestDialog.started)
        #expect(helped.messages(.help).first?.hasPrefix("Puede escribir:") == true)
    }

    @Test func aLanguageWithoutItsReadingVocabularyDoesNotLoad() throws {
        let result = try Self.load(reading: false)
        #expect(result.consultation == nil)
        let diagnostic = try #require(result.diagnostics.first { $0.id == "language-reading-missing" })
        #expect(diagnostic.message.contains("languages/es/reading.yaml"))
    }

    @Test func aSpanishSessionReadsSpanishAnswersAndCommands() throws {
        let consultation = try #require(try Self.load().consultation)
        var machine = ConsultationStateMachine(consultation: consultation, language: "es", mode: .patient,
                                               id: "test0002", started: SessionTestDialog.started)
        _ = machine.start(at: SessionTestDialog.started)
        let help = machine.lineReceived("ayuda", at: SessionTestDialog.started)
        #expect(help.messages(.help).first?.hasPrefix("Puede escribir:") == true)
        let age = machine.lineReceived("treinta y cuatro", at: SessionTestDialog.started)
        #expect(machine.state.answerValues["age"] == .some(.number(34)), "\(age)")
    }

    @Test func theHelpKeepsOneLinePerCommandOnScreen() throws {
        let spanish = try #require(try Self.load().consultation?.catalogs["es"])
        for (catalog, line) in [(MessageCatalog.english, "- back: go back and change your last answer"),
                                (spanish, "- atrás: volver y cambiar su última respuesta")] {
            let lines = PlainScreenRenderer(width: 80, catalog: catalog).lines(for: [Message(.help, catalog.text(.help))])
            #expect(lines.contains(line), "\(lines)")
            #expect(lines.count >= 9, "\(lines)")
        }
    }

    @Test func aMissingMessageIsAnErrorNamingIt() throws {
        let catalog = try Self.bundledSpanish.replacingOccurrences(of: "  went_back: Volvemos un paso atrás.\n", with: "")
        let result = try Self.load(catalog: catalog)
        #expect(result.consultation == nil)
        let diagnostic = try #require(result.diagnostics.first { $0.id == "catalog-incomplete" })
        #expect(diagnostic.message.contains("went_back"))
    }

    @Test func aTranslationMustKeepThePlaceholders() throws {
        let catalog = try Self.bundledSpanish.replacingOccurrences(of: "\"Usted respondió: {answer}\"", with: "\"Usted respondió: {respuesta}\"")
        let result = try Self.load(catalog: catalog)
        let diagnostic = try #require(result.diagnostics.first { $0.id == "message-placeholders" })
        #expect(diagnostic.message == "the message 'previous_answer' must use {answer}, as the English does; it uses {respuesta}")
        #expect(diagnostic.location.file.hasSuffix("languages/es/messages.yaml"))
        let line = try Self.bundledSpanish.components(separatedBy: "\n").firstIndex { $0.contains("previous_answer:") }
        #expect(diagnostic.location.line == (line ?? -1) + 1)
    }

    @Test func anUnknownMessageIsNamedWithTheClosestId() throws {
        let catalog = try Self.bundledSpanish.replacingOccurrences(of: "  went_back:", with: "  went_bak:")
        let result = try Self.load(catalog: catalog)
        let unknown = try #require(result.diagnostics.first { $0.id == "unknown-message" })
        #expect(unknown.message == "unknown message 'went_bak'; did you mean 'went_back'?")
    }

    @Test func numbersMoneyAndDatesFollowTheLanguagesFormats() {
        var formats = LanguageFormats.english
        #expect(formats.money(1800, symbol: "$", code: "USD") == "$1,800")
        #expect(formats.spoken(CalendarDay(year: 2026, month: 4, day: 3)!) == "3 April 2026")
        formats.decimalSeparator = ","
        formats.groupingSeparator = "."
        formats.moneyWithSymbol = "{amount} {symbol}"
        formats.date = "{day} de {month} de {year}"
        formats.months = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
                          "octubre", "noviembre", "diciembre"]
        #expect(formats.money(1800, symbol: "€", code: "EUR") == "1.800 €")
        #expect(formats.plain(2.5) == "2,5")
        #expect(formats.grouped(1_234_567) == "1.234.567")
        #expect(formats.spoken(CalendarDay(year: 2026, month: 4, day: 3)!) == "3 de abril de 2026")
    }

    @Test func theCompiledFormKeepsTheCatalogs() throws {
        let consultation = try #require(try Self.load().consultation)
        let bytes = CompiledConsultation.encode(consultation, key: "test", engine: "test", sourcePaths: [], fingerprints: [])
        let (header, start) = try CompiledConsultation.header(of: bytes)
        let decoded = try CompiledConsultation.decode(bytes, header: header, payloadStart: start)
        #expect(decoded.catalogs == consultation.catalogs)
        #expect(!decoded.catalogs.isEmpty)
    }
}
