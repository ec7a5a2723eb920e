import Foundation
import Testing
@testable import ConsultCore

@Suite("the FAQ index is built once per consultation and never stale")
struct FAQRetrieverCacheTests {
    static func isNone(_ decision: FAQDecision) -> Bool {
        if case .none = decision { return true }
        return false
    }

    @Test("a copy of the consultation with another FAQ gets its own index, though the cache is shared")
    func copiesWithAnotherFAQ() throws {
        let consultation = try BundledConsultation.consultation()
        var withoutFAQ = consultation
        withoutFAQ.faq = []
        #expect(consultation.faqRetrieverCache === withoutFAQ.faqRetrieverCache)
        let question = "does micro-needling hurt?"
        #expect(!Self.isNone(consultation.faqRetrieverCache.retriever(for: consultation).decide(question)))
        #expect(Self.isNone(withoutFAQ.faqRetrieverCache.retriever(for: withoutFAQ).decide(question)))
        #expect(!Self.isNone(consultation.faqRetrieverCache.retriever(for: consultation).decide(question)))
    }

    @Test("sessions of one consultation answer as a fresh index does")
    func sessionsShareTheIndex() throws {
        let consultation = try BundledConsultation.consultation()
        let fresh = FAQRetriever(consultation: consultation)
        for _ in 0..<2 {
            var machine = ConsultationStateMachine(consultation: consultation, id: "faq00001", started: Date())
            #expect(machine.faqRetriever.decide("how much does it cost?") == fresh.decide("how much does it cost?"))
        }
    }
}
