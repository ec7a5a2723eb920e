import Foundation

/// Paths in the package the CLI tests run against.
enum PackagePaths {
    /// The package root, found from this file's location.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // ConsultCLITests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    /// The bundled consultation.
    static var dialogs: String { root.appendingPathComponent("dialogs").path }

    /// A new empty temporary folder (not created: the program must create it 0700 itself).
    static func temporaryFolder(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("consult-\(name)-\(UUID().uuidString)")
    }

    /// The decoded `.json` summaries in `folder`.
    static func summaries(in folder: URL) throws -> [[String: Any]] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") && !$0.hasSuffix(".fhir.json") }
        return try names.sorted().map { name in
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        }
    }
}
