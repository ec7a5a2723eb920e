import Foundation
@testable import ConsultCore

/// The bundled Spanish reading vocabulary (`dialogs/languages/es/reading.yaml`), loaded once for the Spanish tests.
enum SpanishFixtures {
    static let path = BundledConsultation.packageRoot.appendingPathComponent("dialogs/languages/es/reading.yaml").path

    static let loaded: Result<ReadingLanguage, ReadingLanguageError> = {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return Result { () throws(ReadingLanguageError) in try ReadingLanguage(code: "es", yaml: text, file: "dialogs/languages/es/reading.yaml") }
    }()

    static func spanish() throws -> ReadingLanguage { try loaded.get() }

    static func interpreter() throws -> AnswerInterpreter {
        AnswerInterpreter(today: InterpretationFixtures.today, language: try spanish())
    }
}
