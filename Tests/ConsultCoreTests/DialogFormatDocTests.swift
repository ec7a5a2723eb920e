import Foundation
import Testing
@testable import ConsultCore

/// Every example in `docs/dialog-format.md` loads without errors or warnings.
@Suite("dialog format document")
struct DialogFormatDocTests {
    /// A YAML block of the document, with the file it is introduced as (`example/clinic.yaml`), if any.
    struct Block {
        var file: String?
        var text: String
    }

    static let documentPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // ConsultCoreTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()
        .appendingPathComponent("docs/dialog-format.md").path

    /// The ```yaml blocks, each named by the last `` `example/…` `` mentioned before it since the previous block.
    static func blocks() throws -> [Block] {
        let document = try String(contentsOfFile: documentPath, encoding: .utf8)
        var blocks: [Block] = []
        var file: String?
        var current: [Substring]?
        for line in document.split(separator: "\n", omittingEmptySubsequences: false) {
            if var lines = current {
                if line.hasPrefix("```") {
                    blocks.append(Block(file: file, text: lines.joined(separator: "\n") + "\n"))
                    current = nil
                    file = nil
                } else {
                    lines.append(line)
                    current = lines
                }
            } else if line.hasPrefix("```yaml") {
                current = []
            } else if let range = line.range(of: #"`example/[^`]+`"#, options: .regularExpression) {
                file = String(line[range].dropFirst().dropLast())
            }
        }
        return blocks
    }

    private static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("consult-doc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test("the document has the complete example and the smaller snippets")
    func documentHasExamples() throws {
        let blocks = try Self.blocks()
        #expect(blocks.compactMap(\.file) == ["example/clinic.yaml", "example/consultation.yaml", "example/screening.yaml"])
        #expect(blocks.filter { $0.file == nil }.count == 2)
    }

    @Test("the complete example validates with no errors and no warnings")
    func completeExampleValidates() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for block in try Self.blocks() {
            guard let file = block.file else { continue }
            let url = folder.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try block.text.write(to: url, atomically: true, encoding: .utf8)
        }
        // The example's Spanish needs the program's own words in Spanish: the bundled ones, as the document says.
        try BundledConsultation.copyLanguages(into: folder.appendingPathComponent("example"))
        let result = ConsultationLoader.load(path: folder.appendingPathComponent("example").path)
        #expect(result.diagnostics.map(\.description) == [])
        let consultation = try #require(result.consultation)
        #expect(consultation.entry == "consultation")
        #expect(consultation.dialogOrder.sorted() == ["consultation", "screening"])
        #expect(consultation.rules.map(\.id) == ["under_18", "pregnancy"])
    }

    /// A dialog around a snippet: it asks `keloid`, which the rules snippet reads.
    static let minimalDialog = """
        dialog: snippet
        version: 1.0.0
        nodes:
          - ask: Have you had keloid or raised scars?
            id: keloid
            type: yes-no
          - end: Thank you.

        """

    @Test("each smaller snippet loads as part of a minimal dialog")
    func snippetsValidate() throws {
        let snippets = try Self.blocks().filter { $0.file == nil }
        #expect(!snippets.isEmpty)
        for snippet in snippets {
            let folder = try Self.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.appendingPathComponent("snippet.yaml").path
            try (Self.minimalDialog + snippet.text).write(toFile: path, atomically: true, encoding: .utf8)
            let result = ConsultationLoader.load(path: path)
            #expect(result.diagnostics.map(\.description) == [], "snippet:\n\(snippet.text)")
            let consultation = try #require(result.consultation)
            #expect(consultation.rules.count + consultation.faq.count == 1, "the snippet adds one rule or FAQ entry")
        }
    }
}
