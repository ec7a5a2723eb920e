import Testing
@testable import ConsultCore

/// Spanish numbers and dates, read by the same rules as English ones. The reference day is 2026-09-15 (a Tuesday).
@Suite struct SpanishNumberDateTests {
    static let age = NumberRange(minimum: 0, maximum: 120, unit: "años", integer: true)

    func number(_ line: String) throws -> AnswerInterpretation {
        try SpanishFixtures.interpreter().interpret(line, as: .number(Self.age))
    }

    func date(_ line: String) throws -> AnswerReading {
        try SpanishFixtures.interpreter().read(line, as: .date)
    }

    static func day(_ iso: String) -> AnswerValue { .date(InterpretationFixtures.day(iso)) }
    static func range(_ first: String?, _ last: String) -> AnswerValue {
        .dateRange(DateRange(earliest: first.map(InterpretationFixtures.day), latest: InterpretationFixtures.day(last)))
    }

    @Test(arguments: [
        ("34", 34.0), ("treinta y cuatro", 34), ("veintidós", 22), ("veintidos", 22), ("cuarenta años", 40),
        ("tengo 34 años", 34), ("unos 40", 40), ("dieciocho", 18), ("ciento veinte", 120), ("cien", 100), ("cero", 0),
        ("34 años", 34), ("quince", 15),
    ])
    func readsNumbers(_ line: String, _ expected: Double) throws {
        #expect(try number(line) == .answer(.number(expected)))
    }

    @Test("words that change the meaning are asked again", arguments: ["casi 18", "más de 40", "treinta cuarenta", "34 y medio", "menos de 18"])
    func refusesChangedMeanings(_ line: String) throws {
        #expect(try number(line).value == nil)
    }

    @Test(arguments: [
        ("hace 3 meses", "2026-06-15"), ("hace dos semanas", "2026-09-01"), ("ayer", "2026-09-14"),
        ("anteayer", "2026-09-13"), ("el viernes pasado", "2026-09-11"), ("15/03/2026", "2026-03-15"),
        ("15 de marzo de 2026", "2026-03-15"), ("hace un año", "2025-09-15"), ("hace año y medio", "2025-03-15"),
        ("hace medio año", "2026-03-15"), ("hace unos 3 meses", "2026-06-15"), ("3 meses atrás", "2026-06-15"),
        ("hoy", "2026-09-15"), ("el 1 de marzo", "2026-03-01"), ("1ro de marzo de 2026", "2026-03-01"),
    ])
    func readsDays(_ line: String, _ expected: String) throws {
        #expect(try date(line).verdict == .understood(Self.day(expected)))
    }

    @Test(arguments: [
        ("el año pasado", "2025-01-01", "2025-12-31"), ("en marzo", "2026-03-01", "2026-03-31"),
        ("hace unos meses", "2026-03-15", "2026-07-15"), ("a principios de 2025", "2025-01-01", "2025-04-30"),
        ("la semana pasada", "2026-09-07", "2026-09-13"), ("el mes pasado", "2026-08-01", "2026-08-31"),
        ("este año", "2026-01-01", "2026-09-15"), ("el verano pasado", "2026-06-01", "2026-08-31"),
        ("marzo del año pasado", "2025-03-01", "2025-03-31"), ("a finales del año pasado", "2025-10-01", "2025-12-31"),
        ("el año antepasado", "2024-01-01", "2024-12-31"), ("hace un par de semanas", "2026-08-25", "2026-09-01"),
        ("hace menos de un mes", "2026-08-15", "2026-09-15"),
    ])
    func readsRanges(_ line: String, _ first: String, _ last: String) throws {
        #expect(try date(line).verdict == .understood(Self.range(first, last)))
    }

    @Test("not knowing when is an unknown day up to today", arguments: ["no me acuerdo", "no sé", "hace mucho", "ni idea", "hace años"])
    func unknownDays(_ line: String) throws {
        guard case let .understood(.dateRange(range)) = try date(line).verdict else {
            Issue.record("\(line) was not read as a range")
            return
        }
        #expect(range.latest <= InterpretationFixtures.today)
        #expect(!range.isSingleDay)
    }

    @Test("a date inside a sentence is found and said back")
    func dateInASentence() throws {
        #expect(try date("lo dejé hace 2 meses").verdict == .understood(Self.day("2026-07-15")))
        #expect(try date("me hice el último tratamiento hace 2 meses más o menos").verdict.confirmedValue == Self.day("2026-07-15"))
    }

    @Test("a day to come is refused", arguments: ["mañana", "en 3 meses", "el mes próximo"])
    func future(_ line: String) throws {
        #expect(try date(line).verdict == .notUnderstood(.dateInFuture))
    }

    @Test("an order that reads both ways is asked again")
    func ambiguousOrder() throws {
        #expect(try date("03/05/2026").value == nil)
    }

    @Test("a question asked back at a date is never stored")
    func questionAtADate() throws {
        #expect(try date("¿cuenta la última sesión?").verdict == .notAnAnswer)
    }
}

private extension AnswerInterpretation {
    var value: AnswerValue? {
        if case let .answer(value) = self { return value }
        return nil
    }
}
