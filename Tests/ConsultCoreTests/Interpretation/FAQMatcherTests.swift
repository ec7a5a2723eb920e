import Testing
@testable import ConsultCore

@Suite struct FAQMatcherTests {
    /// A micro-needling clinic's FAQ, as a dialog author would write it.
    static let matcher = FAQMatcher(
        entries: [
            .init(id: "pain", questions: ["Does it hurt?", "Is it painful?"], keywords: ["hurt", "pain", "painful", "sore"]),
            .init(id: "cost", questions: ["How much does it cost?", "What is the price?"], keywords: ["cost", "price", "expensive"]),
            .init(id: "insurance", questions: ["Does insurance cover it?"], keywords: ["insurance", "insured", "reimburse"]),
            .init(id: "downtime", questions: ["How long is the downtime?", "When can I go back to work?"], keywords: ["downtime", "recovery", "redness"]),
            .init(id: "sessions", questions: ["How many sessions will I need?"], keywords: ["sessions", "appointments"]),
            .init(id: "makeup", questions: ["When can I wear makeup again?"], keywords: ["makeup", "foundation", "cosmetics"]),
            .init(id: "sun", questions: ["Can I go in the sun afterwards?"], keywords: ["sun", "sunscreen", "tan", "beach"]),
            .init(id: "pregnancy", questions: ["Can I have it while pregnant?"], keywords: ["pregnant", "pregnancy", "breastfeeding"]),
            .init(id: "results", questions: ["When will I see results?", "Does it work?"], keywords: ["results", "effective"]),
            .init(id: "dark_skin", questions: ["Is it safe for dark skin?"], keywords: ["dark", "skin tone", "melanin"]),
        ],
        synonyms: [
            "pain": ["ouch", "discomfort", "sting"],
            "cost": ["how much", "fee", "charge", "money"],
            "makeup": ["make up", "make-up", "concealer"],
            "sessions": ["treatments", "visits"],
            "pregnant": ["expecting", "nursing"],
            "dark": ["black", "brown", "darker"],
        ]
    )

    @Test(arguments: [
        ("Does it hurt?", "pain"), ("does this hurt a lot", "pain"), ("Will it be painful?", "pain"),
        ("is there any discomfort", "pain"), ("How sore will I be?", "pain"), ("ouch?", "pain"), ("it hurts?", "pain"),
        ("How much is it?", "cost"), ("what's the price", "cost"), ("Is it expensive?", "cost"), ("what are your fees", "cost"),
        ("Is it covered by my insurance?", "insurance"), ("can I get reimbursed", "insurance"),
        ("How long is the recovery?", "downtime"), ("when can i go back to work", "downtime"), ("how long does the redness last", "downtime"),
        ("how many treatments do I need?", "sessions"), ("How many sessions?", "sessions"),
        ("Can I wear make-up after?", "makeup"), ("when can I put on make up", "makeup"), ("concealer ok?", "makeup"),
        ("can I go to the beach next week?", "sun"), ("Do I need sunscreen?", "sun"),
        ("Is it OK if I'm expecting?", "pregnancy"), ("I am breastfeeding, is that a problem?", "pregnancy"),
        ("When will I see the results?", "results"), ("does it really work?", "results"), ("Is it effective?", "results"),
        ("Is it safe for black skin?", "dark_skin"), ("I have darker skin, is that ok?", "dark_skin"),
    ])
    func answersCommonPhrasings(_ input: String, _ entryID: String) {
        #expect(Self.matcher.bestMatch(for: input)?.entryID == entryID)
    }

    @Test(arguments: [
        "yes", "no", "34", "2", "acne scars", "what is the capital of France?", "How are you?", "What time is it?",
        "", "?", "is it?", "can I?", "what?", "I don't know", "hello", "where do I park",
    ])
    func answersNothingElse(_ input: String) {
        #expect(Self.matcher.bestMatch(for: input) == nil)
    }

    @Test func keywordsWeighMoreThanSharedQuestionWords() throws {
        // "go" and "sun" hints: the sun keyword wins over "go back to work" sharing words with downtime.
        let match = try #require(Self.matcher.bestMatch(for: "can I go in the sun"))
        #expect(match.entryID == "sun")
        #expect(match.score >= FAQMatcher.minimumScore)
    }

    @Test func tiesGoToTheEarlierEntry() {
        let matcher = FAQMatcher(
            entries: [
                .init(id: "first", questions: [], keywords: ["laser"]),
                .init(id: "second", questions: [], keywords: ["laser"]),
            ],
            synonyms: [:]
        )
        #expect(matcher.bestMatch(for: "laser?")?.entryID == "first")
    }

    @Test func synonymsWorkBothWays() {
        let matcher = FAQMatcher(entries: [.init(id: "pain", questions: [], keywords: ["ouch"])], synonyms: ["pain": ["ouch"]])
        #expect(matcher.bestMatch(for: "is there pain")?.entryID == "pain")
        #expect(matcher.bestMatch(for: "ouch")?.entryID == "pain")
    }

    @Test(arguments: [
        ("Does it hurt?", true), ("how long is the downtime", true), ("what about makeup", true), ("Is it safe", true),
        ("can I wear makeup", true), ("will it scar", true), ("¿Duele?", true), ("makeup?", true), ("  why  ", true),
        ("yes", false), ("34", false), ("acne scars", false), ("", false), ("I am not sure", false), ("no, never", false),
    ])
    func recognisesQuestions(_ input: String, _ isQuestion: Bool) {
        #expect(FAQMatcher.looksLikeQuestion(input) == isQuestion)
    }
}
