import Testing
@testable import ConsultCore

@Suite struct FAQRetrieverTests {
    static func retriever(_ entries: [FAQRetriever.Entry], synonyms: [String: [String]] = [:]) -> FAQRetriever {
        FAQRetriever(entries: entries, synonyms: synonyms)
    }

    static func ids(_ candidates: [FAQCandidate]) -> [String] { candidates.map(\.entryID) }

    // MARK: - Ranking

    @Test func aRareTermOutranksACommonOne() {
        let retriever = Self.retriever([
            .init(id: "cost", questions: ["What does the treatment cost?"], keywords: []),
            .init(id: "pain", questions: ["Is the treatment painful?"], keywords: []),
            .init(id: "duration", questions: ["How long does the treatment take?"], keywords: []),
            .init(id: "laser", questions: ["Do you use a laser?"], keywords: []),
        ])
        // "treatment" is in three entries, "laser" in one: the laser entry wins although both match one word.
        let ranking = retriever.ranked("laser treatment?", limit: 4)
        #expect(ranking.first?.entryID == "laser")
        #expect(ranking.count == 4)
        #expect(ranking[0].score > ranking[1].score)
    }

    @Test func synonymsAndTheirPhrasesUnify() {
        let retriever = Self.retriever(
            [
                .init(id: "pain", questions: ["Is it painful?"], keywords: ["pain"]),
                .init(id: "exercise", questions: ["When can I exercise?"], keywords: ["gym"]),
            ],
            synonyms: ["pain": ["discomfort", "ouch"], "exercise": ["work out", "training"]]
        )
        #expect(retriever.decide("any discomfort?") == retriever.decide("any pain?"))
        #expect(Self.ids(retriever.ranked("ouch?", limit: 1)) == ["pain"])
        #expect(Self.ids(retriever.ranked("when can I work out", limit: 1)) == ["exercise"])
    }

    @Test func inflectionsMatchTheirStem() {
        let retriever = Self.retriever([
            .init(id: "pain", questions: ["Does it hurt?"], keywords: []),
            .init(id: "sessions", questions: ["How many sessions do I need?"], keywords: []),
        ])
        #expect(retriever.decide("it hurts?") == retriever.decide("does it hurt?"))
        #expect(Self.ids(retriever.ranked("will it be hurting", limit: 1)) == ["pain"])
        #expect(Self.ids(retriever.ranked("one session?", limit: 1)) == ["sessions"])
    }

    @Test func muchAndHowLongCount() {
        let retriever = Self.retriever([
            .init(id: "cost", questions: ["How much is it?"], keywords: ["price"]),
            .init(id: "duration", questions: ["How long does it take?"], keywords: ["minutes"]),
        ])
        // Without "much" and "long" both questions are "how … it?": they would be the same question.
        #expect(retriever.decide("how much?").answered?.entryID == "cost")
        #expect(retriever.decide("how long?").answered?.entryID == "duration")
    }

    @Test func aKeywordAlonePointsAtItsEntry() {
        let retriever = Self.retriever([
            .init(id: "insurance", questions: ["Will my insurer pay?"], keywords: ["insurance"]),
            .init(id: "payment", questions: ["How can I pay?"], keywords: ["installments"]),
        ])
        let decision = retriever.decide("insurance")
        #expect(decision.answered?.entryID == "insurance")
        // As a keyword but not in an example question: well above what the FAQ's other entry earns.
        #expect((decision.answered?.score ?? 0) > 0.5)
    }

    @Test func wordsTheFAQDoesNotKnowLowerTheScore() throws {
        let retriever = Self.retriever([
            .init(id: "bring", questions: ["What should I bring?"], keywords: ["bring"]),
            .init(id: "pain", questions: ["Does it hurt?"], keywords: ["pain"]),
        ])
        let plain = try #require(retriever.ranked("what should I bring?", limit: 1).first)
        let padded = try #require(retriever.ranked("can I bring my dog?", limit: 1).first)
        #expect(plain.entryID == "bring" && padded.entryID == "bring")
        // "dog" counts like a word unique to one entry that the entry lacks: answered becomes offered.
        #expect(plain.score >= retriever.settings.answerAt)
        #expect(padded.score < retriever.settings.answerAt)
    }

    @Test func scoresMeanTheSameWhateverTheFAQSize() throws {
        let core: [FAQRetriever.Entry] = [
            .init(id: "pain", questions: ["Does it hurt?"], keywords: ["pain"]),
            .init(id: "cost", questions: ["How much does it cost?"], keywords: ["price"]),
            .init(id: "makeup", questions: ["When can I wear makeup?"], keywords: ["foundation"]),
        ]
        // A hundred entries about other things, sharing no word with the question.
        let others = (1...100).map { FAQRetriever.Entry(id: "other\($0)", questions: ["topic\($0) question\($0)?"], keywords: ["word\($0)"]) }
        for question in ["does the treatment hurt a lot?", "when can i wear makeup again"] {
            let small = try #require(Self.retriever(core).ranked(question, limit: 1).first)
            let large = try #require(Self.retriever(core + others).ranked(question, limit: 1).first)
            #expect(small.entryID == large.entryID)
            #expect(abs(small.score - large.score) < 0.05, "\(question): \(small.score) with 3 entries, \(large.score) with 103")
        }
    }

    // MARK: - Deciding

    /// A retriever with fixed settings (answer at 0.5 with a 0.2 lead, offer from 0.3), to decide on rankings
    /// written by hand whatever the defaults become.
    static let decider = FAQRetriever(entries: [], synonyms: [:], settings: FAQRetrievalSettings(answerAt: 0.5, margin: 0.2, offerAt: 0.3))

    static func ranking(_ scores: Double...) -> [FAQCandidate] {
        scores.enumerated().map { FAQCandidate(entryID: "e\($0.offset + 1)", score: $0.element) }
    }

    @Test func aClearBestAboveTheThresholdIsAnswered() {
        #expect(Self.decider.decide(ranking: Self.ranking(0.8, 0.5)) == .answer(FAQCandidate(entryID: "e1", score: 0.8)))
        #expect(Self.decider.decide(ranking: Self.ranking(0.55)) == .answer(FAQCandidate(entryID: "e1", score: 0.55)))
    }

    @Test func closeCandidatesAreOffered() {
        // Above the answer threshold but within the margin of the next: ask which was meant.
        #expect(Self.decider.decide(ranking: Self.ranking(0.8, 0.7, 0.65, 0.2)) == .offer(Self.ranking(0.8, 0.7, 0.65)))
        // Only candidates above the offer threshold are offered.
        #expect(Self.decider.decide(ranking: Self.ranking(0.45, 0.29)) == .offer(Self.ranking(0.45)))
    }

    @Test func tooManyCloseCandidatesOrALowBestAreLeftToStaff() {
        #expect(Self.decider.decide(ranking: Self.ranking(0.7, 0.7, 0.7, 0.7)) == .none(best: Self.ranking(0.7, 0.7, 0.7)))
        #expect(Self.decider.decide(ranking: Self.ranking(0.25, 0.1)) == .none(best: Self.ranking(0.25, 0.1)))
        #expect(Self.decider.decide(ranking: []) == .none(best: []))
    }

    @Test func twoEntriesTheQuestionFitsEquallyAreOffered() {
        let retriever = Self.retriever([
            .init(id: "makeup", questions: ["Can I wear makeup after?"], keywords: ["makeup"]),
            .init(id: "sunscreen", questions: ["Can I wear sunscreen after?"], keywords: ["sunscreen"]),
            .init(id: "pain", questions: ["Does it hurt?"], keywords: ["pain"]),
        ])
        guard case let .offer(candidates) = retriever.decide("can I wear makeup or sunscreen after?") else {
            Issue.record("not an offer: \(retriever.decide("can I wear makeup or sunscreen after?"))")
            return
        }
        #expect(Self.ids(candidates) == ["makeup", "sunscreen"])
    }

    @Test(arguments: [
        "where do I park?", "what is the capital of France?", "are you open on Saturdays?", "how are you?",
        "how?", "can I?", "is it?", "do you have wifi?", "", "34",
    ])
    func unrelatedQuestionsAreLeftToStaff(_ question: String) {
        let retriever = Self.retriever([
            .init(id: "pain", questions: ["Does it hurt?", "Is it painful?"], keywords: ["pain", "sore"]),
            .init(id: "cost", questions: ["How much does it cost?", "What is the price?"], keywords: ["price"]),
            .init(id: "downtime", questions: ["How long is the downtime?"], keywords: ["recovery"]),
            .init(id: "what_is", questions: ["What is micro-needling?", "How does it work?"], keywords: ["explain"]),
        ])
        guard case .none = retriever.decide(question) else {
            Issue.record("'\(question)' decided \(retriever.decide(question))")
            return
        }
    }

    @Test func aLoneQuestionWordIsNeverAnswered() {
        let retriever = Self.retriever([
            .init(id: "cost", questions: ["What is the price?"], keywords: ["price"]),
            .init(id: "what_is", questions: ["What is micro-needling?"], keywords: ["explain"]),
            .init(id: "pain", questions: ["Does it hurt?"], keywords: ["pain"]),
            .init(id: "downtime", questions: ["How long is the downtime?"], keywords: ["recovery"]),
        ])
        // Half of this small FAQ asks "what": at most the two are offered.
        #expect(retriever.decide("what?").answered == nil)
        #expect(Self.ids(retriever.ranked("what?", limit: 3)) == ["cost", "what_is"])
    }

    @Test func aOneEntryFAQStillAnswers() {
        let retriever = Self.retriever([.init(id: "pain", questions: ["Does it hurt?"], keywords: ["hurt", "pain"])])
        #expect(retriever.decide("does this hurt a lot?").chosen?.entryID == "pain")
        #expect(retriever.decide("what is the capital of France?") == .none(best: []))
    }

    // MARK: - The bundled consultation

    static let bundled = BundledConsultation.loaded.consultation.map(FAQRetriever.init(consultation:))

    @Test func everyEntryIsAnsweredByItsFirstExampleQuestion() throws {
        let consultation = try BundledConsultation.consultation()
        let retriever = FAQRetriever(consultation: consultation)
        for entry in consultation.faq {
            let question = try #require(entry.questions.english.first)
            #expect(retriever.decide(question).answered?.entryID == entry.id, "\(entry.id): '\(question)' → \(retriever.decide(question))")
        }
    }

    @Test func thePhrasingsFixtureIsAnsweredOrOfferedFirstAndNeverWrongly() throws {
        let retriever = try #require(Self.bundled)
        let phrasings = BundledConsultation.pairs(inFixture: "faq-phrasings.txt")
        var answered = 0
        for phrasing in phrasings {
            let decision = retriever.decide(phrasing.right)
            #expect(decision.chosen?.entryID == phrasing.left, "\(phrasing.right) → \(decision)")
            if decision.answered?.entryID == phrasing.left { answered += 1 }
        }
        // Today 69 of the 92 are answered outright and 23 offered; a change that answers fewer should say why.
        #expect(answered >= 65, "only \(answered) of \(phrasings.count) answered outright")
    }

    @Test func theQuestionsTheKeywordMatcherGotWrong() throws {
        let consultation = try BundledConsultation.consultation()
        let retriever = FAQRetriever(consultation: consultation)
        #expect(retriever.decide("how much is it in total").answered?.entryID == "faq_cost")
        // "how … work" is also "How soon does it work?": offered beside it, first in the dialog's order.
        #expect(retriever.decide("how does it actually work").chosen?.entryID == "faq_what_is")
        // Nothing here is about ibuprofen: staff answer, unless an entry is about pain relief.
        let ibuprofen = retriever.decide("can i take ibuprofen for the pain after")
        if let chosen = ibuprofen.chosen {
            #expect(Self.entry(chosen.entryID, in: consultation, mentions: ["ibuprofen", "painkiller", "pain relief"]))
        }
        // No entry here is about swelling: it may be offered beside others, never answered with another entry.
        if let answered = retriever.decide("how long does swelling last").answered {
            #expect(Self.entry(answered.entryID, in: consultation, mentions: ["swelling", "swollen"]))
        }
    }

    @Test func theBundledFAQAnswersTheIssuesExamplesWithTheirOwnEntries() throws {
        let retriever = FAQRetriever(consultation: try BundledConsultation.consultation())
        // "swell" is in one entry, "how long" and "last" in several: the rare word decides.
        #expect(retriever.decide("how long does swelling last").answered?.entryID == "faq_swelling")
        #expect(retriever.decide("can i take ibuprofen for the pain after").answered?.entryID == "faq_pain_relief")
        #expect(retriever.decide("how long do the results last").answered?.entryID == "faq_results_last")
        #expect(retriever.decide("how much is it in total").answered?.entryID == "faq_cost")
        #expect(retriever.decide("how does it actually work").answered?.entryID == "faq_what_is")
    }

    static func entry(_ id: String, in consultation: Consultation, mentions words: [String]) -> Bool {
        guard let entry = consultation.faq.first(where: { $0.id == id }) else { return false }
        let text = (entry.questions.english + entry.keywords.english).joined(separator: " ").lowercased()
        return words.contains { text.contains($0) }
    }

    // MARK: - Which lines are questions

    @Test(arguments: [
        ("Does it hurt?", true), ("how long is the downtime", true), ("what about makeup", true), ("Is it safe", true),
        ("can I wear makeup", true), ("will it scar", true), ("¿Duele?", true), ("makeup?", true), ("  why  ", true),
        ("yes", false), ("34", false), ("acne scars", false), ("", false), ("I am not sure", false), ("no, never", false),
    ])
    func recognisesQuestions(_ input: String, _ isQuestion: Bool) {
        #expect(FAQMatcher.looksLikeQuestion(input) == isQuestion)
    }
}

extension FAQDecision {
    /// The entry a session answers with: the one answered, or the first offered.
    var chosen: FAQCandidate? { answeredBySession }

    /// The entry answered without asking, if any.
    var answered: FAQCandidate? {
        if case let .answer(candidate) = self { return candidate }
        return nil
    }
}
