import Testing
@testable import ConsultCore

/// Every fact of the seed document reaches the patient: its phrase in `Fixtures/seed-facts.txt` appears in a
/// patient-visible text of `dialogs/` (said, asked, an option, a topic, an end, an FAQ answer, a rule's
/// patient message).
@Suite struct SeedFactsTests {
    static let facts = BundledConsultation.pairs(inFixture: "seed-facts.txt")

    /// Every patient-visible English text, normalised.
    static let visibleText: [String] = {
        guard let consultation = BundledConsultation.loaded.consultation else { return [] }
        return TextInventory.all(in: consultation).map { BundledConsultation.normalized($0.text.template(in: "en")) }
    }()

    @Test func theDialogsLoadWithoutErrorsOrWarnings() {
        // A warning would include a node that can never be reached, whose text no patient sees.
        #expect(BundledConsultation.loaded.consultation != nil)
        #expect(BundledConsultation.loaded.diagnostics.map(\.description) == [])
    }

    @Test func theFixtureListsTheSeedsFacts() {
        #expect(Self.facts.count >= 40)
        #expect(Self.facts.allSatisfy { !$0.right.isEmpty }, "every line is 'fact | phrase'")
    }

    @Test("the phrase of each seed fact appears in patient-visible text", arguments: facts)
    func factIsInTheDialogs(_ fact: FixturePair) {
        let phrase = BundledConsultation.normalized(fact.right)
        #expect(Self.visibleText.contains { $0.contains(phrase) }, "'\(fact.right)' (\(fact.left)) is in no patient-visible text")
    }
}

/// Each patient phrasing in `Fixtures/faq-phrasings.txt` is answered with its FAQ entry (outright, or as the first
/// entry offered), by the retriever a session uses: the consultation's FAQ, synonyms and `faq_retrieval`.
@Suite struct FAQReachabilityTests {
    static let phrasings = BundledConsultation.pairs(inFixture: "faq-phrasings.txt")

    static let retriever = BundledConsultation.loaded.consultation.map(FAQRetriever.init(consultation:))

    @Test func everyEntryHasPhrasings() throws {
        let consultation = try BundledConsultation.consultation()
        let covered = Set(Self.phrasings.map(\.left))
        #expect(Set(consultation.faq.map(\.id)).subtracting(covered) == [], "FAQ entries without a phrasing in the fixture")
        #expect(covered.subtracting(consultation.faq.map(\.id)) == [], "phrasings for entries the FAQ does not have")
    }

    @Test("each phrasing is answered by its entry", arguments: phrasings)
    func phrasingFindsItsEntry(_ phrasing: FixturePair) throws {
        let retriever = try #require(Self.retriever)
        #expect(retriever.decide(phrasing.right).answeredBySession?.entryID == phrasing.left)
    }
}

/// The consultation screens; it never tells anyone to stop or change a medicine.
@Suite struct MedicineAdviceTests {
    static let forbidden = ["stop taking", "stop using your", "stop your", "discontinue", "come off", "skip your dose",
                            "stop the medicine", "stop the medication", "change your dose", "lower your dose"]

    @Test func noPatientTextTellsAnyoneToStopAMedicine() throws {
        let consultation = try BundledConsultation.consultation()
        for item in TextInventory.all(in: consultation) {
            for text in item.text.translations.values {
                let lowered = text.lowercased()
                for phrase in Self.forbidden {
                    #expect(!lowered.contains(phrase), "\(item.what) says '\(phrase)': \(text)")
                }
            }
        }
    }
}
