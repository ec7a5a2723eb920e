import Testing
@testable import ConsultCore

/// Spanish choices (stemming, accents, ordinals, "todas", "ninguna") and FAQ retrieval with Spanish stemming,
/// stop words and synonyms.
@Suite struct SpanishChoiceFAQTests {
    static let concerns = [
        ChoiceOption(id: "acne_scars", label: "Cicatrices de acné"),
        ChoiceOption(id: "other_scars", label: "Otras cicatrices"),
        ChoiceOption(id: "stretch_marks", label: "Estrías"),
        ChoiceOption(id: "wrinkles", label: "Arrugas o líneas finas"),
        ChoiceOption(id: "dark_patches", label: "Manchas oscuras"),
    ]
    static let none = ChoiceOption(id: "none", label: "Ninguna de estas")

    func choose(_ line: String, several: Bool = true) throws -> AnswerReading {
        let kind: AnswerKind = several ? .multipleChoice(Self.concerns, none: Self.none) : .singleChoice(Self.concerns)
        return try SpanishFixtures.interpreter().read(line, as: kind)
    }

    @Test(arguments: [
        ("cicatrices de acné", ["acne_scars"]), ("Cicatrices de acne", ["acne_scars"]), ("estrias", ["stretch_marks"]),
        ("las arrugas", ["wrinkles"]), ("líneas finas", ["wrinkles"]), ("la segunda", ["other_scars"]), ("2", ["other_scars"]),
        ("la primera y la tercera", ["acne_scars", "stretch_marks"]), ("manchas oscuras y estrías", ["stretch_marks", "dark_patches"]),
        ("ninguna", []), ("ninguno", []),
    ])
    func choosesOptions(_ line: String, _ expected: [String]) throws {
        #expect(try choose(line).verdict == .understood(.choices(expected)))
    }

    @Test("another form of an option's word selects it")
    func inflections() throws {
        // Both scar options name scars: ambiguous, as "scar" is in English.
        guard case .notUnderstood(.ambiguousOptions) = try choose("una cicatriz", several: false).verdict else {
            Issue.record("'una cicatriz' chose one of two scar options")
            return
        }
        let oneScar = AnswerKind.singleChoice([Self.concerns[0], Self.concerns[2]])
        #expect(try SpanishFixtures.interpreter().read("cicatriz", as: oneScar).value == .choice("acne_scars"))
        #expect(try choose("una mancha oscura", several: false).verdict == .understood(.choice("dark_patches")))
        #expect(try choose("arruga", several: false).verdict == .understood(.choice("wrinkles")))
    }

    @Test("every option at once is said back")
    func all() throws {
        #expect(try choose("todas").verdict == .confirm(.choices(Self.concerns.map(\.id)), .partialMatch))
    }

    @Test("a question asked back at a choice is never stored")
    func question() throws {
        #expect(try choose("¿las estrías cuentan?").verdict == .notAnAnswer)
    }

    // MARK: - FAQ

    static let faq = [
        FAQRetriever.Entry(id: "faq_pain", questions: ["¿Duele?", "¿Es doloroso el tratamiento?"], keywords: ["dolor", "duele"]),
        FAQRetriever.Entry(id: "faq_cost", questions: ["¿Cuánto cuesta?", "¿Cuál es el precio?"], keywords: ["precio", "costo"]),
        FAQRetriever.Entry(id: "faq_downtime", questions: ["¿Cuánto tiempo tarda en recuperarse la piel?"], keywords: ["recuperación", "baja"]),
        FAQRetriever.Entry(id: "faq_pregnancy", questions: ["¿Puedo hacerlo si estoy embarazada?"], keywords: ["embarazo"]),
    ]

    func decide(_ question: String) throws -> FAQDecision {
        try FAQRetriever(entries: Self.faq, synonyms: [:], language: SpanishFixtures.spanish()).decide(question)
    }

    @Test(arguments: [
        ("duele mucho?", "faq_pain"), ("¿es muy doloroso?", "faq_pain"), ("cuanto vale", "faq_cost"),
        ("y el precio?", "faq_cost"), ("puedo hacerlo embarazada?", "faq_pregnancy"), ("y si estoy en embarazo", "faq_pregnancy"),
    ])
    func answersSpanishQuestions(_ question: String, _ entry: String) throws {
        guard case let .answer(candidate) = try decide(question) else {
            Issue.record("\(question) was not answered: \(try decide(question))")
            return
        }
        #expect(candidate.entryID == entry)
    }

    @Test("words the FAQ does not know are left to staff")
    func unknown() throws {
        guard case .none = try decide("¿dónde puedo aparcar?") else {
            Issue.record("a parking question was answered")
            return
        }
    }

    @Test("Spanish questions go to the FAQ")
    func looksLikeQuestion() throws {
        let spanish = try SpanishFixtures.spanish()
        #expect(FAQMatcher.looksLikeQuestion("cuanto cuesta", language: spanish))
        #expect(FAQMatcher.looksLikeQuestion("¿duele", language: spanish))
        #expect(!FAQMatcher.looksLikeQuestion("cicatrices", language: spanish))
    }
}
