import Foundation
import Testing
@testable import ConsultCore

@Suite("transcript replay: the bundled consultation without a terminal")
struct TranscriptReplayerTests {
    static let started = Date(timeIntervalSince1970: 1_780_000_000)

    static func replay(_ text: String, path: String = "t.txt") throws -> ReplayResult {
        let (transcript, diagnostics) = TranscriptParser.parse(text, path: path)
        try #require(diagnostics.isEmpty, "\(diagnostics)")
        return TranscriptReplayer(consultation: try BundledConsultation.consultation(), started: started).replay(transcript)
    }

    static func persona(_ name: String) throws -> String {
        try String(contentsOf: BundledConsultation.packageRoot.appendingPathComponent("tests/transcripts/\(name).txt"), encoding: .utf8)
    }

    @Test("a persona's checks pass, and the summary line counts answers and checks")
    func passingReplay() throws {
        let result = try Self.replay(Self.persona("pregnant"), path: "tests/transcripts/pregnant.txt")
        #expect(result.failures == [])
        #expect(result.record?.outcome.status == .defer)
        #expect(ReplayReport.summaryLine(for: result) == "✓ tests/transcripts/pregnant.txt  defer  (45 answers, 11 checks)")
    }

    @Test("the replayed screen is the piped screen of consult run (Golden/proceed.stdout without the saved line and code)")
    func screenMatchesGolden() throws {
        let result = try Self.replay(Self.persona("proceed"))
        let golden = try String(contentsOf: BundledConsultation.packageRoot
            .appendingPathComponent("Tests/ConsultCLITests/Golden/proceed.stdout"), encoding: .utf8)
        // `consult run` then says the summary is saved and shows the reference code (masked in the golden file).
        let expected = "\n" + MessageCatalog.english.text(.saved) + "\nPlease tell the front desk your code:\n\n    ???-???\n\n"
        #expect(golden.hasSuffix(expected))
        #expect(result.screen.joined(separator: "\n") + "\n" == String(golden.dropLast(expected.count)))
    }

    @Test("a failing replay names the check's line with what was expected and what came")
    func failingReplay() throws {
        let text = """
            yes
            acne scars
            face
            #> expect prompt: pregnant
            34
            #> expect answer: age = 35
            #> expect line: How old are you?
            #> expect line: How old are you?
            #> expect outcome: proceed

            """
        let result = try Self.replay(text, path: "tests/t.txt")
        #expect(result.failures.map(\.line) == [4, 6, 8, 9])
        let report = ReplayReport.text(for: result)
        #expect(report.contains("""
            tests/t.txt:4: error: a different prompt
              expected: pregnant
              got:      age ("How old are you?")
            """))
        #expect(report.contains("""
            tests/t.txt:6: error: the answer 'age' differs
              expected: age = 35
              got:      age = 34 (shown as "34 years", typed "34")
            """))
        #expect(report.contains("tests/t.txt:8: error: the screen shows no such line after the one expected on line 7"))
        #expect(report.contains("""
            tests/t.txt:9: error: the outcome differs
              expected: proceed
              got:      incomplete
            """))
        #expect(report.hasSuffix("✗ tests/t.txt  incomplete  (4 answers, 5 checks, 4 failed)"))
    }

    @Test("checks before the end see the session so far; an answer after the end is a failure")
    func stateSoFarAndAnswersAfterTheEnd() throws {
        let soFar = try Self.replay("yes\nacne scars\nface\n16\n#> expect outcome: decline\n#> expect reasons: under_minimum_age\n")
        #expect(soFar.failures == [])
        let tooLong = try Self.replay(Self.persona("under-18").replacingOccurrences(of: "16\n", with: "16\nyes\nno\n"))
        #expect(tooLong.failures.map(\.summary) == ["the consultation finished before this answer"])
        #expect(tooLong.failures.first?.line == 6)  // after "#> expect prompt: age" and "16"
    }

    @Test("answers in words or JSON")
    func answerValues() throws {
        let result = try Self.replay("""
            yes
            acne scars
            face and neck
            #> expect answer: concern = acne_scars
            #> expect answer: concern = Acne scars
            #> expect answer: area = neck, face
            #> expect answer: area = ["face", "neck"]
            #> expect answer: consent = "yes"
            #> expect not asked: age

            """)
        #expect(result.failures == [])
    }
}
