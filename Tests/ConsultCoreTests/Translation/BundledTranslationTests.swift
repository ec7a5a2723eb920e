import Foundation
import Testing
@testable import ConsultCore

/// The bundled consultation's Spanish: exporting it and importing the same CSV changes no byte of any file.
@Suite struct BundledTranslationTests {
    @Test func exportThenImportOfTheBundledDialogsChangesNoByte() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("consult-bundled-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: BundledConsultation.packageRoot.appendingPathComponent("dialogs"), to: folder)
        func snapshot() throws -> [String: Data] {
            let files = try #require(FileManager.default.enumerator(atPath: folder.path)).compactMap { $0 as? String }
            return Dictionary(uniqueKeysWithValues: files.map { ($0, FileManager.default.contents(atPath: folder.appendingPathComponent($0).path) ?? Data()) })
        }
        let before = try snapshot()
        let csv = try ConsultationStrings.load(dialogs: folder.path, language: "es").csv()
        let report = try StringsImport.run(csv: csv, csvName: "es.csv", dialogs: folder.path)
        #expect(report.problems == [])
        #expect(report.updated == [])
        #expect(report.stillMissing == 0)
        #expect(try snapshot() == before)
    }
}
