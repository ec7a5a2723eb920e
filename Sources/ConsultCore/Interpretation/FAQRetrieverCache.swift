import Foundation

/// The FAQ retriever of a loaded consultation, built at most once and shared by all its sessions.
///
/// A kiosk runs session after session on one consultation, and building the FAQ index (about 9 ms for the bundled
/// FAQ) once per session made each patient's first question of their own the slowest turn of the session. The
/// cache is a reference shared by every copy of the consultation, so it remembers what it was built from and
/// builds anew for a copy whose FAQ differs.
final class FAQRetrieverCache: @unchecked Sendable {
    /// Guards `built`: sessions may run on several threads (tests do).
    private let lock = NSLock()
    /// Per language code: a session in Spanish and one in English keep their own index.
    private var built: [String: (faq: [FAQEntry], synonyms: [String: [String]], settings: FAQRetrievalSettings, reading: ReadingLanguage, retriever: FAQRetriever)] = [:]

    /// The retriever for `consultation`'s FAQ in `language`, read with `reading`, built now if it has not been for
    /// this FAQ.
    func retriever(for consultation: Consultation, language: String = "en", reading: ReadingLanguage = .english) -> FAQRetriever {
        lock.lock()
        defer { lock.unlock() }
        let synonyms = consultation.synonyms(in: language)
        if let built = built[language], built.settings == consultation.faqRetrieval, built.synonyms == synonyms,
           built.faq == consultation.faq, built.reading == reading {
            return built.retriever
        }
        let retriever = FAQRetriever(consultation: consultation, language: language, reading: reading)
        built[language] = (consultation.faq, synonyms, consultation.faqRetrieval, reading, retriever)
        return retriever
    }
}

extension FAQRetrieverCache: Equatable {
    /// A cache is not part of a consultation's value: two consultations are equal whatever their caches hold.
    static func == (lhs: FAQRetrieverCache, rhs: FAQRetrieverCache) -> Bool { true }
}
