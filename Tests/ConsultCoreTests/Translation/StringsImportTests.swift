import Foundation
import Testing
@testable import ConsultCore

/// `consult strings import`: translations written into the files' own text, read back exactly, with comments
/// and English untouched; rows that cannot be trusted are reported with their line and skipped.
@Suite struct StringsImportTests {
    /// Translations with everything YAML and CSV make hard: quotes, colons, `#`, line breaks, `¿`, braces, emoji.
    static let tricky: [String: String] = [
        "visit/title": "Visita: \"piel\" #1",
        "visit/@1/text": "¡Bienvenida a {clinic_name}!\nEsto es una evaluación.   # no es un comentario",
        "visit/age/text": "¿Cuántos años tiene?",
        "visit/pregnant/readback/yes": "está embarazada: sí",
        "visit/pregnant/readback/no": "no, {{no}} está",
        "visit/pregnant/readback/unsure": "'no sabe'",
        "visit/pregnant/terms": "embarazo | esperando: un bebé | a, b",
        "visit/concern/text": "¿Qué le gustaría mejorar? 🙂",
        "visit/concern/option/acne_scars/synonyms": "acné | marcas",
        "visit/@5/text": "Gracias.\n\nHasta pronto.\n",
        "rule/pregnancy/patient": "Esperamos hasta después del embarazo; \"gracias\".",
        "faq/faq_pain/keywords": "dolor | duele",
        "faq/faq_pain/answer": "Se usa una crema anestésica: #1 en comodidad.",
        "message/went_back": "Volvemos: \"atrás\" ¿vale?",
    ]

    /// The fixture's export with `translations` filled in.
    static func filledCSV(_ fixture: TranslationFixture, _ translations: [String: String]) throws -> String {
        let csv = try ConsultationStrings.load(dialogs: fixture.path, language: "es").csv()
        var records = try CSVTable.read(csv).map(\.fields)
        for index in records.indices.dropFirst() {
            if let translation = translations[records[index][0]] { records[index][3] = translation }
        }
        return CSVTable.write(records)
    }

    @Test func aRoundTripReadsBackEveryTranslationExactly() throws {
        let fixture = try TranslationFixture()
        defer { fixture.remove() }
        let englishBefore = try ConsultationStrings.load(dialogs: fixture.path, language: "es").strings.map(\.english)
        let report = try StringsImport.run(csv: Self.filledCSV(fixture, Self.tricky), csvName: "es.csv", dialogs: fixture.path)
        #expect(report.problems == [])
        #expect(report.updated.count == Self.tricky.count)
        #expect(report.stillMissing == 0)

        let loaded = ConsultationLoader.load(path: fixture.path)
        let consultation = try #require(loaded.consultation, "\(loaded.errors)")
        let visit = try #require(consultation.dialogs["visit"])
        #expect(visit.title?.template(in: "es") == Self.tricky["visit/title"])
        guard case let .say(welcome) = visit.nodes[0].kind, case let .ask(age) = visit.nodes[1].kind,
              case let .ask(pregnant) = visit.nodes[2].kind, case let .ask(concern) = visit.nodes[3].kind,
              case let .end(end) = visit.nodes[4].kind else { Issue.record("the nodes changed"); return }
        #expect(welcome.template(in: "es") == Self.tricky["visit/@1/text"])
        #expect(age.text.template(in: "es") == Self.tricky["visit/age/text"])
        #expect(pregnant.readback[.yes]?.template(in: "es") == Self.tricky["visit/pregnant/readback/yes"])
        #expect(pregnant.readback[.no]?.template(in: "es") == Self.tricky["visit/pregnant/readback/no"])
        #expect(pregnant.readback[.unsure]?.template(in: "es") == Self.tricky["visit/pregnant/readback/unsure"])
        #expect(pregnant.terms.own(in: "es") == ["embarazo", "esperando: un bebé", "a, b"])
        #expect(concern.text.template(in: "es") == Self.tricky["visit/concern/text"])
        #expect(concern.options[0].synonyms.own(in: "es") == ["acné", "marcas"])
        #expect(end?.template(in: "es") == Self.tricky["visit/@5/text"])
        #expect(consultation.rules.first?.patientMessage?.template(in: "es") == Self.tricky["rule/pregnancy/patient"])
        #expect(consultation.faq.first?.answer.template(in: "es") == Self.tricky["faq/faq_pain/answer"])
        #expect(consultation.faq.first?.keywords.own(in: "es") == ["dolor", "duele"])
        #expect(consultation.catalogs["es"]?.template(.wentBack) == Self.tricky["message/went_back"])
        let englishAfter = try ConsultationStrings.load(dialogs: fixture.path, language: "es").strings.map(\.english)
        #expect(englishAfter == englishBefore)
    }

    @Test func commentsAndEnglishSurviveByteForByte() throws {
        let fixture = try TranslationFixture()
        defer { fixture.remove() }
        let before = try fixture.text("visit.yaml")
        _ = try StringsImport.run(csv: Self.filledCSV(fixture, Self.tricky), csvName: "es.csv", dialogs: fixture.path)
        let after = try fixture.text("visit.yaml")
        func comments(_ text: String) -> [String] {
            text.split(separator: "\n").compactMap { line in line.firstRange(of: " #").map { String(line[$0.lowerBound...]) } ?? (line.hasPrefix("#") ? String(line) : nil) }
        }
        for comment in comments(before) { #expect(after.contains(comment), "lost: \(comment)") }
        // The English as written (quotes and all) is still there, one level deeper where it became `en:`.
        for english in ["en: How old are you?   # age in years", "en: \"Are you pregnant?\"", "{en: 'What would you like to improve?', es: ",
                        "yes: {en: you are pregnant, es: ", "en: Skin visit", "en: Thank you.", "en: We wait until after pregnancy.",
                        "      en: |-\n        Welcome to {clinic_name}.\n        This is a screening.   # not a comment: inside the block\n",
                        "          en:\n            - acne\n            - pock marks\n          es:\n            - acné\n", "reason: Pregnant.        # for staff only"] {
            #expect(after.contains(english), "missing: \(english)")
        }
    }

    @Test func importingTheExportAsItIsChangesNothing() throws {
        let fixture = try TranslationFixture()
        defer { fixture.remove() }
        let before = try fixture.text("visit.yaml"), catalog = try fixture.text("languages/es/messages.yaml")
        let csv = try ConsultationStrings.load(dialogs: fixture.path, language: "es").csv()
        let report = try StringsImport.run(csv: csv, csvName: "es.csv", dialogs: fixture.path)
        #expect(report.updated == [])
        #expect(try fixture.text("visit.yaml") == before)
        #expect(try fixture.text("languages/es/messages.yaml") == catalog)
    }

    @Test func staleUnknownDuplicateAndBrokenRowsAreReportedWithTheirLines() throws {
        let fixture = try TranslationFixture()
        defer { fixture.remove() }
        let csv = """
            id,english,translation,language
            visit/age/text,How old are you?,¿Cuántos años tiene?,es
            visit/title,Skin check,Visita,es
            visit/agee/text,How old are you?,¿Edad?,es
            visit/@5/text,Thank you.,Gracias.,es
            visit/@5/text,Thank you.,Muchas gracias.,es
            rule/pregnancy/patient,We wait until after pregnancy.,Esperamos "hasta" después.,es
            faq/faq_pain/answer,"A numbing cream
            """
        #expect(throws: TranslationError.unreadableCSV(file: "es.csv", .unclosedQuote(line: 8))) {
            try StringsImport.run(csv: csv, csvName: "es.csv", dialogs: fixture.path)
        }
        let report = try StringsImport.run(csv: csv.replacingOccurrences(of: ",\"A numbing cream", with: ",A numbing cream is used.,Se usa crema.,es"),
                                           csvName: "es.csv", dialogs: fixture.path)
        #expect(report.problems.map(\.line) == [3, 4, 5, 6, 7])
        #expect(report.problems[0].description.hasPrefix("es.csv:3: the English of 'visit/title' has changed since the export"))
        #expect(report.problems[1].message == "unknown id 'visit/agee/text'; did you mean 'visit/age/text'?; row skipped")
        #expect(report.problems[2].message.contains("also on line 6"))
        #expect(report.problems[4].message.contains("quote"))
        #expect(report.updated == ["faq/faq_pain/answer", "visit/age/text"])
        #expect(try fixture.text("visit.yaml").contains("es: ¿Cuántos años tiene?"))
    }

    @Test func aTranslationThatBreaksTheDialogIsNotWritten() throws {
        let fixture = try TranslationFixture()
        defer { fixture.remove() }
        let before = try fixture.text("visit.yaml"), catalog = try fixture.text("languages/es/messages.yaml")
        let csv = try Self.filledCSV(fixture, ["visit/age/text": "¿{edad} años?", "message/went_back": "Volvemos {sin} nada."])
        let failure = #expect(throws: TranslationError.self) {
            try StringsImport.run(csv: csv, csvName: "es.csv", dialogs: fixture.path)
        }
        guard case let .importWouldBreakDialogs(diagnostics)? = failure else {
            Issue.record("expected the import to be refused, got \(String(describing: failure))")
            return
        }
        #expect(Set(diagnostics.map(\.id)) == ["text-expression-error", "message-placeholders"])
        #expect(diagnostics.allSatisfy { $0.location.file.hasPrefix(fixture.path) })
        #expect(try fixture.text("visit.yaml") == before)
        #expect(try fixture.text("languages/es/messages.yaml") == catalog)
    }

    @Test func aMissingCatalogIsStartedFromTheTemplate() throws {
        let fixture = try TranslationFixture()
        defer { fixture.remove() }
        try FileManager.default.removeItem(at: fixture.folder.appendingPathComponent("languages/es/messages.yaml"))
        let csv = try Self.filledCSV(fixture, ["message/went_back": "Volvemos.", "message/yes": "sí", "format/name": "Español"])
        let report = try StringsImport.run(csv: csv, csvName: "es.csv", dialogs: fixture.path)
        #expect(report.createdCatalog?.hasSuffix("languages/es/messages.yaml") == true)
        let catalog = try fixture.text("languages/es/messages.yaml")
        #expect(catalog.contains("\nname: Español\n"))
        #expect(catalog.contains("\n  went_back: Volvemos.\n"))
        #expect(catalog.contains("\n  \"yes\": sí\n"))
    }
}
