import ConsultCore
import Foundation

/// The bundled micro-needling consultation (`dialogs/` of the package this folder belongs to), loaded once.
public enum BundledDialogs {
    /// The package's root folder, from this file's place in `fuzz/Sources/FuzzSupport`.
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // FuzzSupport
        .deletingLastPathComponent()  // Sources
        .deletingLastPathComponent()  // fuzz
        .deletingLastPathComponent()

    public static let consultation: Consultation = {
        let path = packageRoot.appendingPathComponent("dialogs").path
        let result = ConsultationLoader.load(path: path)
        guard let consultation = result.consultation else {
            fatalError("\(path) does not load: \(result.errors.map(\.description))")
        }
        return consultation
    }()

    /// When fuzzed sessions start: the corpus's reference day, Monday 2026-06-15, 09:00 UTC.
    public static let started = Date(timeIntervalSince1970: 1_781_514_000)
    public static let today = CalendarDay(started)

    /// The reader of the bundled question `id`, as a session in English reads it.
    public static func reader(for id: String) -> QuestionReader {
        guard let question = consultation.question(id) else { fatalError("the bundled dialogs have no question '\(id)'") }
        let machine = ConsultationStateMachine(consultation: consultation, id: "fuzz0001", started: started)
        return QuestionReader(question: question, language: "en", today: today) { machine.render($0) }
    }
}
