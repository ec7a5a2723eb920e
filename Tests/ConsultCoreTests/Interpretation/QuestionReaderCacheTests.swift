import Foundation
import Testing
@testable import ConsultCore

/// The readers a consultation keeps for its questions are the readers that would be built now: a changed text,
/// another day or another language gets its own.
@Suite struct QuestionReaderCacheTests {
    static let today = CalendarDay(SessionTestDialog.started)

    @Test func theSameQuestionGetsTheReaderItWasBuiltFrom() throws {
        let consultation = try SessionTestDialog.load()
        let concern = try #require(consultation.question("concern"))
        let cache = QuestionReaderCache()
        let plain = { (text: LocalizedText) in text.template(in: "en") }
        let first = cache.reader(for: concern, language: "en", today: Self.today, reading: .english, render: plain)
        let again = cache.reader(for: concern, language: "en", today: Self.today, reading: .english, render: plain)
        #expect(again.kind == first.kind && again.focus == first.focus)
        #expect(again.read("wrinkles") == first.read("wrinkles"))

        // Texts rendered otherwise (values of answers in them): a reader of the new texts.
        let renamed = cache.reader(for: concern, language: "en", today: Self.today, reading: .english) { text in
            text.template(in: "en").replacingOccurrences(of: "Wrinkles", with: "Fine lines")
        }
        let fresh = QuestionReader(question: concern, language: "en", today: Self.today, reading: .english) { text in
            text.template(in: "en").replacingOccurrences(of: "Wrinkles", with: "Fine lines")
        }
        #expect(renamed.kind == fresh.kind && renamed.kind != first.kind)
        #expect(renamed.read("fine lines") == fresh.read("fine lines"))
        #expect(renamed.read("fine lines") != first.read("fine lines"))

        // Another day: dates are read from it.
        let age = try #require(consultation.question("age"))
        let later = CalendarDay(SessionTestDialog.started.addingTimeInterval(400 * 86_400))
        _ = cache.reader(for: age, language: "en", today: Self.today, reading: .english, render: plain)
        #expect(cache.reader(for: age, language: "en", today: later, reading: .english, render: plain).interpreter.today == later)
    }

    @Test func sessionsReadAsWithAReaderBuiltForTheTurn() throws {
        let consultation = try SessionTestDialog.load()
        var machine = ConsultationStateMachine(consultation: consultation, id: "cache001", started: SessionTestDialog.started)
        machine.answer("acne", "40")
        // A second session of the same consultation reads with the readers the first one left.
        var second = ConsultationStateMachine(consultation: consultation, id: "cache002", started: SessionTestDialog.started)
        second.answer("acne", "40")
        #expect(Array(second.state.answers).map(\.answer.value) == Array(machine.state.answers).map(\.answer.value))
        let concern = try #require(consultation.question("concern"))
        let fresh = QuestionReader(question: concern, language: "en", today: machine.state.today, reading: .english) { machine.render($0) }
        for line in ["the acne one", "wrinkles", "1", "acne and wrinkles", "botx", "what?"] {
            #expect(second.reader(for: concern).read(line) == fresh.read(line), "\(line)")
        }
    }
}
