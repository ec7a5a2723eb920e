import Foundation
import Testing
@testable import ConsultCore

/// `faq_retrieval:` in the entry dialog sets when an FAQ entry is answered, offered or left to staff.
@Suite struct FAQRetrievalSettingsTests {
    /// Loads dialog files written into a temporary folder.
    static func load(_ files: [String: String]) throws -> ConsultationLoader.Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("consult-faq-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        // Spanish needs the program's own words in Spanish: the bundled catalog.
        if files.values.contains(where: { $0.contains("languages: [en, es]") }) {
            try BundledConsultation.copyLanguages(into: folder)
        }
        return ConsultationLoader.load(path: folder.path)
    }

    static func dialog(_ settings: String) -> String {
        """
        dialog: visit
        version: 1.0.0
        \(settings)
        nodes:
          - ask: Anything to ask?
            id: notes
            type: text
          - end: Thank you.
        faq:
          - id: pain
            questions: [Does it hurt?]
            keywords: [hurt, pain]
            answer: A numbing cream is used.
        """
    }

    @Test func theEntryDialogsSettingsReachTheRetriever() throws {
        let result = try Self.load(["visit.yaml": Self.dialog("faq_retrieval: { answer_at: 0.7, margin: 0.1, offer_at: 0.45 }")])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let consultation = try #require(result.consultation)
        let expected = FAQRetrievalSettings(answerAt: 0.7, margin: 0.1, offerAt: 0.45)
        #expect(consultation.faqRetrieval == expected)
        #expect(FAQRetriever(consultation: consultation).settings == expected)
    }

    @Test func keysLeftOutKeepTheirDefaults() throws {
        let consultation = try #require(try Self.load(["visit.yaml": Self.dialog("faq_retrieval: { answer_at: 0.8 }")]).consultation)
        #expect(consultation.faqRetrieval == FAQRetrievalSettings(answerAt: 0.8))
        let without = try #require(try Self.load(["visit.yaml": Self.dialog("")]).consultation)
        #expect(without.faqRetrieval == .standard)
    }

    @Test func anUnknownKeyIsAnErrorWithASuggestion() throws {
        let result = try Self.load(["visit.yaml": Self.dialog("faq_retrieval: { ofer_at: 0.3 }")])
        #expect(result.errors.map(\.message) == ["unknown key 'ofer_at' in faq_retrieval; did you mean 'offer_at'?"])
    }

    @Test func aCalledDialogsSettingsAreIgnoredWithAWarning() throws {
        let called = """
        dialog: extra
        faq_retrieval: { answer_at: 0.9 }
        nodes:
          - return: true
        """
        let entry = Self.dialog("entry: true").replacingOccurrences(of: "  - end: Thank you.", with: "  - call: extra\n  - end: Thank you.")
        let result = try Self.load(["visit.yaml": entry, "extra.yaml": called])
        #expect(result.diagnostics.map(\.message) == ["only the entry dialog's 'faq_retrieval' counts; move it to 'visit'"])
        #expect(result.diagnostics.first?.location.line == 2)
        #expect(result.consultation?.faqRetrieval == .standard)
    }
}
