import Foundation
import Testing
@testable import ConsultCore

/// Word lists a reader matches (`terms`, option `synonyms`, FAQ `questions` and `keywords`, FAQ `synonyms`)
/// may be written per language, so each language's readers match its own words.
@Suite struct LocalizedWordsTests {
    static let dialog = """
        dialog: visit
        version: 1.0.0
        languages: [en, es]
        nodes:
          - ask: {en: Do you take a blood thinner?, es: ¿Toma un anticoagulante?}
            id: thinner
            type: yes-no
            terms: {en: [warfarin], es: [warfarina, sintrom]}
          - ask: {en: Which area?, es: ¿Qué zona?}
            id: area
            type: choice
            options:
              - id: face
                label: {en: Face, es: Cara}
                synonyms: {en: [cheeks], es: [mejillas]}
              - id: neck
                label: {en: Neck, es: Cuello}
                synonyms: [throat]
          - end: {en: Thank you., es: Gracias.}
        faq:
          - id: pain
            questions: {en: [Does it hurt?], es: [¿Duele?, ¿Es doloroso?]}
            keywords: {en: [hurt, pain], es: [dolor]}
            answer: {en: A numbing cream is used., es: Se usa una crema anestésica.}
        synonyms:
          pain: [ache]
          es:
            dolor: [duele, molestia]
        """

    @Test func listsAreReadPerLanguage() throws {
        let result = try FAQRetrievalSettingsTests.load(["visit.yaml": Self.dialog])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let consultation = try #require(result.consultation)
        let thinner = try #require(consultation.question("thinner"))
        #expect(thinner.terms.english == ["warfarin"])
        #expect(thinner.terms.withEnglish(in: "es") == ["warfarina", "sintrom", "warfarin"])
        let area = try #require(consultation.question("area"))
        #expect(area.options[0].synonyms.withEnglish(in: "es") == ["mejillas", "cheeks"])
        // An option with only English synonyms keeps them in every language.
        #expect(area.options[1].synonyms.withEnglish(in: "es") == ["throat"])
        let pain = try #require(consultation.faq.first)
        #expect(pain.questions.own(in: "es") == ["¿Duele?", "¿Es doloroso?"])
        #expect(pain.questions.own(in: "en") == ["Does it hurt?"])
        #expect(pain.keywords.own(in: "es") == ["dolor"])
        #expect(consultation.synonyms(in: "en") == ["pain": ["ache"]])
        #expect(consultation.synonyms(in: "es") == ["dolor": ["duele", "molestia"]])
    }

    @Test func theChoiceKindOfASpanishSessionCarriesSpanishLabelsAndSynonyms() throws {
        let consultation = try #require(try FAQRetrievalSettingsTests.load(["visit.yaml": Self.dialog]).consultation)
        let area = try #require(consultation.question("area"))
        guard case let .singleChoice(options) = area.answerKind(in: "es", render: { $0.template(in: "es") }) else {
            Issue.record("not a single choice")
            return
        }
        #expect(options.map(\.label) == ["Cara", "Cuello"])
        #expect(options[0].synonyms == ["mejillas", "cheeks"])
    }

    @Test func theSpanishFAQIsRetrievedFromItsOwnExamples() throws {
        let consultation = try #require(try FAQRetrievalSettingsTests.load(["visit.yaml": Self.dialog]).consultation)
        let retriever = FAQRetriever(consultation: consultation, language: "es")
        #expect(retriever.decide("¿Duele?").answered?.entryID == "pain")
    }

    @Test func aListThatIsNeitherAListNorLanguagesIsLocated() throws {
        let broken = Self.dialog.replacingOccurrences(of: "terms: {en: [warfarin], es: [warfarina, sintrom]}",
                                                       with: "terms: {english: [warfarin]}")
        let result = try FAQRetrievalSettingsTests.load(["visit.yaml": broken])
        let diagnostic = try #require(result.diagnostics.first { $0.id == "bad-language-code" })
        #expect(diagnostic.message.contains("'english' is not a language code"))
        #expect(diagnostic.location.line == 8)
    }

    @Test func theCompiledFormKeepsEveryLanguagesWords() throws {
        let consultation = try #require(try FAQRetrievalSettingsTests.load(["visit.yaml": Self.dialog]).consultation)
        let bytes = CompiledConsultation.encode(consultation, key: "test", engine: "test", sourcePaths: [], fingerprints: [])
        let (header, start) = try CompiledConsultation.header(of: bytes)
        let decoded = try CompiledConsultation.decode(bytes, header: header, payloadStart: start)
        #expect(decoded.question("thinner")?.terms == consultation.question("thinner")?.terms)
        #expect(decoded.faq == consultation.faq)
        #expect(decoded.translatedSynonyms == consultation.translatedSynonyms)
    }
}
