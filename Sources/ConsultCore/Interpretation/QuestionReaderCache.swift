import Foundation

/// The readers of a loaded consultation's questions, prepared once and shared by all its sessions.
///
/// Preparing a question's reader (the words and stems of its options, what the question is about) was about a fifth
/// of a turn, paid again at every answer of every session, though a kiosk reads the same questions patient after
/// patient. A reader follows from what it is built from (``QuestionReaderSource``, the day, the reading language),
/// which the cache keeps and compares: a question whose texts show answers (`{age}`), a copy of the consultation
/// whose question differs, another day or another language gets a reader of its own. The cache is a reference
/// shared by every copy of the consultation, and keeps one reader per question and language, the last built.
final class QuestionReaderCache: @unchecked Sendable {
    /// Guards `built`: sessions may run on several threads (tests do).
    private let lock = NSLock()
    /// Per language code, then per answer id.
    private var built: [String: [String: Built]] = [:]

    private struct Built {
        var source: QuestionReaderSource
        var today: CalendarDay
        var reading: ReadingLanguage
        var reader: QuestionReader
    }

    /// The reader for `question` in `language`, with its texts rendered by `render`, reading answers in `reading`:
    /// the one built before if it was built from the same, built now otherwise.
    func reader(for question: Question, language: String, today: CalendarDay, reading: ReadingLanguage,
                render: (LocalizedText) -> String) -> QuestionReader {
        let source = QuestionReaderSource(question: question, language: language, render: render)
        lock.lock()
        let cached = built[language]?[question.id]
        lock.unlock()
        if let cached, cached.source == source, cached.today == today, cached.reading == reading { return cached.reader }
        // Built outside the lock: another session may build the same reader meanwhile, and either is right.
        let reader = QuestionReader(source, today: today, reading: reading)
        lock.lock()
        built[language, default: [:]][question.id] = Built(source: source, today: today, reading: reading, reader: reader)
        lock.unlock()
        return reader
    }
}

extension QuestionReaderCache: Equatable {
    /// A cache is not part of a consultation's value: two consultations are equal whatever their caches hold.
    static func == (lhs: QuestionReaderCache, rhs: QuestionReaderCache) -> Bool { true }
}
