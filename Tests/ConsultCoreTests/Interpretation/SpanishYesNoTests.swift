import Testing
@testable import ConsultCore

/// Spanish yes/no answers follow the same general rules as English ones: clean answers are stored, hedges are
/// "not sure", the middle and the past are confirmed, a question asked back is never an answer.
@Suite struct SpanishYesNoTests {
    static let embarazada = "¿Está usted embarazada o podría estarlo?"
    static let acneAhora = "Ahora mismo, ¿tiene granos o un brote de acné en la zona a tratar?"
    static let isotretinoina = "¿Ha tomado alguna vez isotretinoína (Roacután) para el acné?"
    static let alergias = "¿Tiene alguna alergia a medicamentos, anestésicos o cremas?"
    static let sangrado = "¿Sangra o le salen moretones con mucha facilidad?"

    func read(_ line: String, at question: String, _ kind: AnswerKind = .yesNoUnsure) throws -> AnswerReading {
        let spanish = try SpanishFixtures.spanish()
        return try SpanishFixtures.interpreter().read(line, as: kind, focus: QuestionFocus(question: question, language: spanish))
    }

    @Test(arguments: [
        ("sí", YesNoUnsure.yes), ("si", .yes), ("Sí.", .yes), ("claro", .yes), ("por supuesto", .yes), ("sip", .yes),
        ("siii", .yes), ("no", .no), ("nop", .no), ("para nada", .no), ("en absoluto", .no), ("ninguno", .no),
        ("No, no estoy embarazada", .no), ("no estoy embarazada", .no), ("no tengo", .no), ("nunca", .no),
        ("no sé", .unsure), ("no se", .unsure), ("no estoy segura", .unsure), ("no estoy seguro", .unsure),
        ("quizás", .unsure), ("tal vez", .unsure), ("a lo mejor", .unsure), ("no me acuerdo", .unsure),
    ])
    func cleanAnswersAreUnderstood(_ line: String, _ expected: YesNoUnsure) throws {
        #expect(try read(line, at: Self.embarazada).verdict == .understood(.yesNo(expected)))
    }

    @Test("a double negative is one no", arguments: ["no tengo ninguna", "no tengo ninguna alergia", "nunca he tenido alergias", "no, ninguna"])
    func doubleNegationIsNo(_ line: String) throws {
        #expect(try read(line, at: Self.alergias).verdict == .understood(.yesNo(.no)))
    }

    @Test("a guess is not sure where that is offered, and said back where it is not")
    func guesses() throws {
        #expect(try read("creo que sí", at: Self.alergias).verdict == .understood(.yesNo(.unsure)))
        #expect(try read("creo que no", at: Self.alergias).verdict == .understood(.yesNo(.unsure)))
        #expect(try read("no creo", at: Self.alergias).verdict == .understood(.yesNo(.unsure)))
        #expect(try read("creo que sí", at: Self.alergias, .yesNo).verdict == .confirm(.yesNo(.yes), .hedged))
        #expect(try read("creo que no", at: Self.alergias, .yesNo).verdict == .confirm(.yesNo(.no), .hedged))
        #expect(try read("no creo", at: Self.alergias, .yesNo).verdict == .confirm(.yesNo(.no), .hedged))
        #expect(try read("no sé", at: Self.alergias, .yesNo).verdict == .notUnderstood(.needsYesOrNo))
    }

    @Test("'as far as I know, no' is a no said with care", arguments: ["que yo sepa no", "que yo sepa, no", "no que yo sepa", "hasta donde sé no"])
    func noAsFarAsKnown(_ line: String) throws {
        #expect(try read(line, at: Self.alergias).verdict == .confirm(.yesNo(.no), .hedged))
    }

    @Test("in the middle is confirmed: a little means it applies, not much leans to no")
    func inTheMiddle() throws {
        #expect(try read("un poco", at: Self.sangrado).verdict == .confirm(.yesNo(.yes), .partial))
        #expect(try read("a veces", at: Self.sangrado).verdict == .confirm(.yesNo(.yes), .partial))
        #expect(try read("no mucho", at: Self.sangrado).verdict == .confirm(.yesNo(.no), .partial))
        #expect(try read("casi nunca", at: Self.sangrado).verdict == .confirm(.yesNo(.no), .partial))
    }

    @Test("the past is yes to 'ever' and no to 'right now', confirmed either way")
    func thePast() throws {
        #expect(try read("ya no", at: Self.isotretinoina).verdict.confirmedValue == .yesNo(.yes))
        #expect(try read("ya no", at: Self.acneAhora).verdict.confirmedValue == .yesNo(.no))
        #expect(try read("lo dejé hace 2 meses", at: Self.isotretinoina).verdict.confirmedValue == .yesNo(.yes))
        #expect(try read("no, lo dejé hace 2 meses", at: Self.isotretinoina).verdict.confirmedValue == .yesNo(.yes))
        #expect(try read("antes sí, ya no", at: Self.isotretinoina).verdict.confirmedValue == .yesNo(.yes))
        #expect(try read("lo dejé hace 2 meses", at: Self.acneAhora).verdict.confirmedValue == .yesNo(.no))
    }

    @Test("'no, but…' is confirmed, and the second fact kept")
    func contrast() throws {
        let reading = try read("no, solo estoy dando el pecho", at: Self.embarazada)
        #expect(reading.verdict == .confirm(.yesNo(.no), .namesSomethingElse))
        #expect(reading.rest?.contains("pecho") == true)
        #expect(try read("no, pero tengo moretones a veces", at: Self.sangrado).verdict.confirmedValue == .yesNo(.yes))
    }

    @Test("a question asked back is never an answer", arguments: [
        "¿duele?", "puedo hacerlo si estoy embarazada?", "es seguro si tomo aspirina", "puedo hacerlo si estoy embarazada",
        "qué pasa si estoy embarazada", "y si estoy dando el pecho", "cómo sé si estoy embarazada", "que es la isotretinoina",
    ])
    func questionsAreNotAnswers(_ line: String) throws {
        #expect(try read(line, at: Self.embarazada).verdict == .notAnAnswer)
    }

    @Test("statements that start like questions are answers", arguments: ["que yo sepa no", "puede ser", "cuando era joven", "como hace 2 años"])
    func statementsAreNotQuestions(_ line: String) throws {
        #expect(try !QuestionDetector.isQuestion(line, language: SpanishFixtures.spanish()))
    }

    @Test("what someone else has is not the patient's answer")
    func someoneElse() throws {
        #expect(try read("mi hermana tiene alergia a la penicilina", at: Self.alergias).verdict.storedValue == nil)
    }

    @Test("a lone typing slip is said back")
    func typo() throws {
        #expect(try read("nl", at: Self.alergias).verdict == .confirm(.yesNo(.no), .typo))
    }
}

extension AnswerReading.Verdict {
    /// The value of a `confirm` verdict.
    var confirmedValue: AnswerValue? {
        if case let .confirm(value, _) = self { return value }
        return nil
    }

    /// The value of an `understood` verdict.
    var storedValue: AnswerValue? {
        if case let .understood(value) = self { return value }
        return nil
    }
}
