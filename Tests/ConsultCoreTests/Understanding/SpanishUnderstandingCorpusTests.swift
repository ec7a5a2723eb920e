import Foundation
import Testing
@testable import ConsultCore

/// The Spanish labelled corpus (tests/corpus/*-es*.txt), read by the bundled consultation in Spanish exactly as a
/// Spanish session reads it, with dialogs/languages/es/reading.yaml. The standard is the English one: zero unsafe
/// readings in both answer files, and FAQ at least 90% right, at most 3% wrong, on the development file.
@Suite("understanding corpus in Spanish") struct SpanishUnderstandingCorpusTests {
    static let today = CalendarDay(year: 2026, month: 6, day: 15)!

    static func score(_ name: String) throws -> UnderstandingScore {
        let text = try UnderstandingCorpusTests.text(name)
        var corpus = UnderstandingCorpus()
        if name.hasPrefix("answers") {
            corpus.answers = try UnderstandingCorpus.answers(from: text, name: name)
        } else {
            corpus.questions = try UnderstandingCorpus.questions(from: text, name: name)
        }
        #expect(UnderstandingCorpus.language(ofFile: name) == "es")
        let today = UnderstandingCorpus.referenceDay(in: text) ?? Self.today
        return UnderstandingScore(corpus: corpus, consultation: try BundledConsultation.consultation(), today: today,
                                  language: "es", reading: try SpanishFixtures.spanish())
    }

    @Test("no Spanish answer is stored wrongly without confirmation", arguments: ["answers-es.txt", "answers-es-heldout.txt"])
    func noUnsafeReadings(_ name: String) throws {
        let score = try Self.score(name)
        #expect(score.answers.count >= (name == "answers-es.txt" ? 250 : 100))
        #expect(score.unknownQuestions.isEmpty, "questions the dialogs do not have: \(score.unknownQuestions.sorted())")
        for outcome in score.unsafe {
            Issue.record("\(outcome.item.source) [\(outcome.item.question)] \"\(outcome.item.text)\" labelled \(outcome.item.label) → \(outcome.reading)")
        }
    }

    @Test("Spanish patients' questions: at least 90% right and at most 3% wrong on the development file")
    func faqDevelopment() throws {
        let score = try Self.score("faq-es.txt")
        let total = Double(score.questions.count)
        #expect(total >= 80)
        #expect(Double(score.count(UnderstandingScore.QuestionResult.right)) / total >= 0.90, "\(score.report(title: "faq-es.txt"))")
        #expect(Double(score.count(UnderstandingScore.QuestionResult.wrong)) / total <= 0.03, "\(score.report(title: "faq-es.txt"))")
    }

    /// The held-out file was never tuned on; this floor sits below its first measured figures (81% right, 5% wrong:
    /// docs/languages.md) and only catches a regression.
    @Test("Spanish patients' questions, held out: no regression below the measured figures")
    func faqHeldOut() throws {
        let score = try Self.score("faq-es-heldout.txt")
        let total = Double(score.questions.count)
        #expect(total >= 40)
        #expect(Double(score.count(UnderstandingScore.QuestionResult.right)) / total >= 0.75, "\(score.report(title: "faq-es-heldout.txt"))")
        #expect(Double(score.count(UnderstandingScore.QuestionResult.wrong)) / total <= 0.05, "\(score.report(title: "faq-es-heldout.txt"))")
    }

    @Test("every screening question is in the Spanish corpus")
    func everyScreeningQuestionIsCovered() throws {
        let covered = Set(try Self.score("answers-es.txt").answers.map(\.item.question))
        let screening = try UnderstandingCorpusTests.screeningQuestionIDs()
        #expect(!screening.isEmpty)
        #expect(screening.subtracting(covered).isEmpty, "not in the corpus: \(screening.subtracting(covered).sorted())")
    }

    @Test("a Spanish question asked back is never stored")
    func questionsAreNeverStored() throws {
        let score = try Self.score("answers-es.txt")
        let questions = score.answers.filter { $0.item.label == .question }
        #expect(questions.count >= 15)
        #expect(questions.allSatisfy { $0.result != .wrong })
    }

    @Test("a corpus file's language comes from its name", arguments: [
        ("answers.txt", "en"), ("answers-heldout.txt", "en"), ("faq.txt", "en"), ("faq-heldout.txt", "en"),
        ("answers-es.txt", "es"), ("answers-es-heldout.txt", "es"), ("faq-es.txt", "es"), ("faq-es-heldout.txt", "es"),
    ])
    func languageOfFile(_ name: String, _ language: String) {
        #expect(UnderstandingCorpus.language(ofFile: name) == language)
    }
}
