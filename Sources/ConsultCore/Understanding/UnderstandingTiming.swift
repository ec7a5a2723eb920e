import Foundation

/// How long reading takes: every corpus answer read at its question and every patient question run through
/// the FAQ retrieval, repeated, timed with a monotonic clock. For benchmarks, not for tests.
public struct UnderstandingTiming: Sendable {
    /// Microseconds per read, sorted.
    public var answerMicroseconds: [Double] = []
    public var questionMicroseconds: [Double] = []

    /// Times the corpus, each line `repeats` times (the figure per line is the mean of its repeats).
    public init(corpus: UnderstandingCorpus, consultation: Consultation, today: CalendarDay, repeats: Int = 50,
                language: String = "en", reading: ReadingLanguage = .english) {
        let clock = ContinuousClock()
        let render = { (text: LocalizedText) in text.template(in: language) }
        var readers: [String: QuestionReader] = [:]
        for item in corpus.answers {
            guard let question = consultation.question(item.question) else { continue }
            let reader = readers[item.question] ?? QuestionReader(question: question, language: language, today: today, reading: reading, render: render)
            readers[item.question] = reader
            var sink = 0
            let elapsed = clock.measure {
                for _ in 0..<repeats { sink &+= reader.read(item.text).rest?.count ?? 1 }
            }
            precondition(sink != Int.min)  // keeps the reads from being optimised away
            answerMicroseconds.append(Self.microseconds(elapsed) / Double(repeats))
        }
        let retriever = FAQRetriever(consultation: consultation, language: language, reading: reading)
        for item in corpus.questions {
            var sink = 0
            let elapsed = clock.measure {
                for _ in 0..<repeats {
                    if case .answer = retriever.decide(item.text) { sink &+= 1 }
                }
            }
            precondition(sink != Int.min)
            questionMicroseconds.append(Self.microseconds(elapsed) / Double(repeats))
        }
        answerMicroseconds.sort()
        questionMicroseconds.sort()
    }

    private static func microseconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) * 1_000_000 + Double(attoseconds) / 1_000_000_000_000
    }

    /// `answers: 460 reads, mean 12.3 µs, median 10.1 µs, 99th percentile 40.2 µs, max 55.0 µs`.
    public func report(title: String) -> String {
        func line(_ name: String, _ values: [Double]) -> String? {
            guard !values.isEmpty else { return nil }
            let mean = values.reduce(0, +) / Double(values.count)
            let median = values[values.count / 2]
            let p99 = values[min(values.count - 1, Int((Double(values.count) * 0.99).rounded(.up)) - 1)]
            return String(format: "  %@: %d reads, mean %.1f µs, median %.1f µs, 99th percentile %.1f µs, max %.1f µs",
                          name, values.count, mean, median, p99, values.last ?? 0)
        }
        return (["\(title): time per read"] + [line("answer", answerMicroseconds), line("FAQ question", questionMicroseconds)].compactMap { $0 })
            .joined(separator: "\n")
    }
}
