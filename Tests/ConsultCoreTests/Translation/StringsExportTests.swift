import Foundation
import Testing
@testable import ConsultCore

/// `consult strings export`: one row per text, word list and catalog entry, with a stable id and what it is.
@Suite struct StringsExportTests {
    @Test func exportsEveryTextOfTheDialogWithItsStatus() throws {
        let fixture = try TranslationFixture()
        defer { fixture.remove() }
        let strings = try ConsultationStrings.load(dialogs: fixture.path, language: "es")
        let dialogRows = strings.strings.filter { !$0.id.hasPrefix("message/") && !$0.id.hasPrefix("format/") }
        #expect(dialogRows.map(\.id) == [
            "visit/title", "visit/@1/text", "visit/age/text", "visit/age/unit",
            "visit/pregnant/text", "visit/pregnant/readback/yes", "visit/pregnant/readback/no", "visit/pregnant/readback/unsure",
            "visit/pregnant/terms", "visit/concern/text", "visit/concern/option/acne_scars/label",
            "visit/concern/option/acne_scars/synonyms", "visit/@5/text", "rule/pregnancy/patient",
            "faq/faq_pain/questions", "faq/faq_pain/keywords", "faq/faq_pain/answer",
        ])
        let translated = dialogRows.filter { $0.translation != nil }.map(\.id)
        #expect(translated == ["visit/age/unit", "visit/pregnant/text", "visit/concern/option/acne_scars/label", "faq/faq_pain/questions"])
        let byID = Dictionary(uniqueKeysWithValues: strings.strings.map { ($0.id, $0) })
        #expect(byID["visit/@1/text"]?.english == "Welcome to {clinic_name}.\nThis is a screening.   # not a comment: inside the block")
        #expect(byID["visit/concern/option/acne_scars/synonyms"]?.english == "acne | pock marks")
        #expect(byID["visit/pregnant/text"]?.context == "question 'pregnant' (visit.yaml:20)")
        #expect(byID["visit/pregnant/text"]?.location.description == "\(fixture.visitPath):20:12")
        #expect(byID["message/went_back"]?.translation == "Volvemos un paso atrás.")
        #expect(strings.strings.filter { $0.id.hasPrefix("message/") }.count == MessageID.allCases.count)
        #expect(byID["format/months"]?.translation?.hasPrefix("enero | febrero") == true)
    }

    @Test func theCSVQuotesEveryFieldAndListsOnlyTheMissingOnRequest() throws {
        let fixture = try TranslationFixture()
        defer { fixture.remove() }
        let strings = try ConsultationStrings.load(dialogs: fixture.path, language: "es")
        let csv = strings.csv(onlyMissing: true)
        #expect(csv.hasPrefix("\u{FEFF}\"id\",\"context\",\"english\",\"translation\",\"status\",\"language\"\r\n"))
        #expect(csv.contains("\"visit/@1/text\",\"text shown in dialog 'visit' (visit.yaml:11)\",\"Welcome to {clinic_name}.\nThis is a screening.   # not a comment: inside the block\",\"\",\"missing\",\"es\"\r\n"))
        let records = try CSVTable.read(csv)
        #expect(records.count == 1 + strings.missing.count)
        #expect(records.dropFirst().allSatisfy { $0.fields[4] == "missing" })
        #expect(!csv.contains("visit/pregnant/text"))
    }

    /// The export covers every text `validate` checks for a translation.
    @Test func coversEveryTextTheCheckerKnows() throws {
        let consultation = try BundledConsultation.consultation()
        let strings = try ConsultationStrings.load(dialogs: BundledConsultation.packageRoot.appendingPathComponent("dialogs").path, language: "es")
        let exported = Set(strings.strings.map(\.location))
        let checked = TextInventory.all(in: consultation).map { $0.text.location(of: "en") }
        #expect(checked.filter { !exported.contains($0) } == [])
    }

    @Test func theBundledConsultationIsFullyTranslatedIntoSpanish() throws {
        let strings = try ConsultationStrings.load(dialogs: BundledConsultation.packageRoot.appendingPathComponent("dialogs").path, language: "es")
        #expect(strings.strings.count > 500)
        #expect(strings.missing.map(\.id) == [])
    }

    @Test func englishIsNoLanguageToTranslateInto() {
        #expect(throws: TranslationError.badLanguage("en")) {
            try ConsultationStrings.load(dialogs: "dialogs", language: "en")
        }
    }
}
