import Foundation
import Testing
@testable import ConsultCore

/// Inputs no dialog author writes on purpose: each gives one clear error, never a crash or a hang.
@Suite("hostile dialog files")
struct HostileDialogTests {
    /// Writes `bytes` to a fresh temporary file named `name` and loads it.
    private func load(_ bytes: [UInt8], named name: String) throws -> (path: String, diagnostics: [String]) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("consult-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(name).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let result = ConsultationLoader.load(path: path)
        #expect(result.consultation == nil)
        return (path, result.diagnostics.map(\.description))
    }

    private func load(_ text: String, named name: String) throws -> (path: String, diagnostics: [String]) {
        try load(Array(text.utf8), named: name)
    }

    @Test("a binary file is not text")
    func binaryFile() throws {
        let (path, diagnostics) = try load([0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0xFF], named: "binary-file.yaml")
        #expect(diagnostics == ["\(path):1:1: error: this is not a text file (it holds a zero byte at offset 7)"])
    }

    @Test("invalid UTF-8 is reported where it starts")
    func invalidUTF8() throws {
        let bytes = Array("dialog: visit\nnodes:\n  - say: caf".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        let (path, diagnostics) = try load(bytes, named: "invalid-utf8.yaml")
        #expect(diagnostics == ["\(path):3:13: error: the file is not valid UTF-8 text; save it as UTF-8"])
    }

    @Test("deeply nested block mappings stop at the nesting limit")
    func deepBlockNesting() throws {
        let text = (0..<300).map { String(repeating: " ", count: $0) + "k:\n" }.joined()
        let (path, diagnostics) = try load(text, named: "deep-nesting.yaml")
        #expect(diagnostics == ["\(path):201:1: error: the YAML is nested more than 200 levels deep"])
    }

    @Test("brackets nested deeply on one line stop at the nesting limit")
    func deepFlowNesting() throws {
        let text = "dialog: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n"
        let (path, diagnostics) = try load(text, named: "deep-brackets.yaml")
        #expect(diagnostics == ["\(path):1:209: error: the YAML is nested more than 200 levels deep"])
    }

    @Test("nested list markers on one line stop at the nesting limit")
    func deepSequenceMarkers() throws {
        let text = String(repeating: "- ", count: 5_000) + "x\n"
        let (path, diagnostics) = try load(text, named: "deep-list.yaml")
        #expect(diagnostics == ["\(path):1:1: error: the YAML is nested more than 200 levels deep"])
    }

    @Test("a file over the size limit is refused before parsing")
    func hugeFile() throws {
        let text = "dialog: visit\n# " + String(repeating: "x", count: YAMLFile.maximumBytes) + "\n"
        let (path, diagnostics) = try load(text, named: "huge.yaml")
        #expect(diagnostics == ["\(path):1:1: error: the file is larger than 1024 KiB; a dialog file should be much smaller, split it into several dialogs"])
    }

    @Test("a deeply nested expression is a syntax error at its column")
    func deepExpression() throws {
        let condition = String(repeating: "(", count: 100) + "1" + String(repeating: ")", count: 100)
        let text = "dialog: visit\nversion: 1.0.0\nnodes:\n  - end: Bye.\ncomputed:\n  a: \"\(condition)\"\n"
        let (path, diagnostics) = try load(text, named: "deep-expression.yaml")
        #expect(diagnostics == ["\(path):6:71: error: in computed value 'a': expression is nested more than 64 levels deep"])
    }

    @Test("a very long expression is refused")
    func longExpression() throws {
        let condition = Array(repeating: "1", count: 3_000).joined(separator: " + ")
        let text = "dialog: visit\nversion: 1.0.0\nnodes:\n  - end: Bye.\ncomputed:\n  a: \"\(condition)\"\n"
        let (path, diagnostics) = try load(text, named: "long-expression.yaml")
        #expect(diagnostics == ["\(path):6:7: error: in computed value 'a': expression is longer than 4000 characters"])
    }

    /// `c1: "c0 + 1"`, `c2: "c1 + 1"`… up to `c(count - 1)`, read by the dialog's one text.
    static func computedChain(_ count: Int, reading expression: (Int) -> String = { "c\($0 - 1) + 1" }) -> String {
        var text = "dialog: visit\nversion: 1.0.0\nnodes:\n  - say: \"{c\(count - 1)}\"\n  - end: Bye.\ncomputed:\n  c0: \"1\"\n"
        for index in 1..<count { text += "  c\(index): \"\(expression(index))\"\n" }
        return text
    }

    /// A session works computed values out recursively: this chain passed `validate` and then overflowed the
    /// stack of `consult run`; at 5,000 values `validate` itself overflowed it.
    @Test("a long chain of computed values is refused where it gets too deep")
    func longComputedChain() throws {
        let (path, diagnostics) = try load(Self.computedChain(40_000), named: "computed-chain.yaml")
        #expect(diagnostics == ["\(path):135:10: error: working out 'c128' nests 257 levels deep through the computed values it reads; at most 256 are allowed, so that a session cannot run out of stack: shorten the chain"])
    }

    /// The bound leaves room: the deepest chain allowed, read from an expression nested as deeply as the
    /// parser allows, is worked out without running out of stack (in a debug build, on a test's thread).
    @Test("the deepest computed values allowed are worked out by a session")
    func deepestComputedChainAllowed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("consult-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("deepest.yaml").path
        try Self.computedChain(128).write(toFile: path, atomically: true, encoding: .utf8)
        let result = ConsultationLoader.load(path: path)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let consultation = try #require(result.consultation)
        // `0 + (0 + (… c127))`, as deep as the parser allows.
        var nesting = ExpressionParser.maximumDepth
        var expression: ConsultCore.Expression?
        while expression == nil {
            nesting -= 1
            expression = try? ExpressionParser.parse(String(repeating: "0 + (", count: nesting) + "c127" + String(repeating: ")", count: nesting))
        }
        #expect(nesting > 50)
        let deepest = try #require(expression)
        #expect(ComputedValueOrder(computed: consultation.computed, roots: ["c127"]).cost(of: deepest).depth > 300)
        let today = try #require(CalendarDay(year: 2026, month: 1, day: 1))
        #expect(consultation.evaluator(answers: [:], today: today).evaluate(deepest) == .number(128))
    }

    /// `c2: "c1 + c1"` doubles the work at each step: a session would never finish working out `c60`.
    @Test("computed values that read each other twice at each step are refused")
    func computedValuesReadTwice() throws {
        let (path, diagnostics) = try load(Self.computedChain(60) { "c\($0 - 1) + c\($0 - 1)" }, named: "computed-twice.yaml")
        #expect(diagnostics == ["\(path):19:9: error: working out 'c12' takes 16,381 steps, because a session works a computed value out again each time it is read; at most 10,000 are allowed: read fewer computed values more than once"])
    }

    @Test("a node that is an alias of a key, and a list as a key, are reported, not crashed on")
    func aliasesAndComplexKeys() throws {
        let text = """
            dialog: visit
            version: 1.0.0
            nodes:
              - &word say: Hi
              - *word
              - ? [a]
                : b
              - end: Bye.

            """
        let (path, diagnostics) = try load(text, named: "aliases.yaml")
        #expect(diagnostics == [
            "\(path):4:5: error: a node should be a mapping (key: value) but is a single value",
            "\(path):6:5: error: a node needs one of 'say', 'ask', 'explain', 'branch', 'call', 'return', 'end', 'outcome'",
            "\(path):6:7: error: keys must be plain words, not a list",
        ])
    }

    @Test("a list at the top is not a dialog")
    func listAtTop() throws {
        let (path, diagnostics) = try load("- just a list\n", named: "list.yaml")
        #expect(diagnostics == ["\(path):1:1: error: this is not a dialog file (it has no 'dialog:' key) and no dialog names it as its 'settings:' file"])
    }
}
