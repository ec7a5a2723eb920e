import Foundation
import Testing
@testable import ConsultCore

/// The bundled micro-needling consultation (`dialogs/`) and the fixtures that belong with it.
enum BundledConsultation {
    /// Copies the bundled `dialogs/languages` (Spanish's catalog and reading vocabulary) into `folder`, for test
    /// dialogs that declare `languages: [en, es]`.
    static func copyLanguages(into folder: URL) throws {
        try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("dialogs/languages"),
                                         to: folder.appendingPathComponent("languages"))
    }

    /// The package's root folder, from this file's place in `Tests/ConsultCoreTests`.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // ConsultCoreTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    static let loaded = ConsultationLoader.load(path: packageRoot.appendingPathComponent("dialogs").path)

    static func consultation() throws -> Consultation {
        try #require(loaded.consultation, "dialogs/ does not load: \(loaded.errors.map(\.description))")
    }

    /// The `left | right` lines of a fixture in `Tests/ConsultCoreTests/Fixtures`, blank lines and `#` comments left out.
    static func pairs(inFixture name: String) -> [FixturePair] {
        let url = packageRoot.appendingPathComponent("Tests/ConsultCoreTests/Fixtures/\(name)")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").enumerated().compactMap { index, line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return nil }
            let parts = trimmed.split(separator: "|", maxSplits: 1)
            guard parts.count == 2 else { return FixturePair(line: index + 1, left: trimmed, right: "") }
            return FixturePair(line: index + 1, left: parts[0].trimmingCharacters(in: .whitespaces),
                               right: parts[1].trimmingCharacters(in: .whitespaces))
        }
    }

    /// Lowercased, with every run of whitespace made one space.
    static func normalized(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// One line of a `left | right` fixture.
struct FixturePair: Sendable, CustomTestStringConvertible {
    let line: Int
    let left: String
    let right: String

    var testDescription: String { "line \(line): \(left) | \(right)" }
}
