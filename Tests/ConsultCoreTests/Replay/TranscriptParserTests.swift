import Testing
@testable import ConsultCore

@Suite("transcript parser: answers, comments and '#>' checks")
struct TranscriptParserTests {
    struct Row: Sendable, CustomTestStringConvertible {
        var line: String
        var check: TranscriptCheck
        var testDescription: String { line }
    }

    static let checks: [Row] = [
        Row(line: "#> expect line: You can go ahead and book", check: .line("You can go ahead and book")),
        Row(line: "#> expect prompt: pregnant", check: .prompt("pregnant")),
        Row(line: "#>expect  outcome :  Defer", check: .outcome(.defer)),
        Row(line: "#> expect answer: age = 34", check: .answer(id: "age", ExpectedAnswer(written: "34", value: .number(34)))),
        Row(line: "#> expect answer: area = face, neck",
            check: .answer(id: "area", ExpectedAnswer(written: "face, neck", value: .words("face, neck")))),
        Row(line: #"#> expect answer: area = ["face", "neck"]"#,
            check: .answer(id: "area", ExpectedAnswer(written: #"["face", "neck"]"#, value: .list(["face", "neck"])))),
        Row(line: #"#> expect answer: notes = "a = b""#,
            check: .answer(id: "notes", ExpectedAnswer(written: #""a = b""#, value: .text("a = b")))),
        Row(line: "#> expect answer: allergies = null", check: .answer(id: "allergies", ExpectedAnswer(written: "null", value: .skipped))),
        Row(line: "#> expect reasons: pregnancy, keloid_history", check: .rules(.reasons, ["pregnancy", "keloid_history"])),
        Row(line: "#> expect precautions: none", check: .rules(.precautions, [])),
        Row(line: "#> expect notes: seen_before", check: .rules(.notes, ["seen_before"])),
        Row(line: "#> expect faq: faq_pain, unanswered", check: .faq(["faq_pain", "unanswered"])),
        Row(line: "#> expect not asked: pregnant, keloid", check: .notAsked(["pregnant", "keloid"])),
    ]

    @Test("each check kind", arguments: checks)
    func check(_ row: Row) {
        let (transcript, diagnostics) = TranscriptParser.parse(row.line + "\n", path: "t.txt")
        #expect(diagnostics.isEmpty)
        #expect(transcript.steps == [.init(line: 1, kind: .check(row.check))])
    }

    static let malformed: [(line: String, message: String)] = [
        ("#> expect outcom: proceed", "unknown check 'expect outcom'; did you mean 'expect outcome:'?"),
        ("#> expect outcome proceed", "missing ':' after 'expect outcome proceed'"),
        ("#> expect outcome: maybe", "unknown outcome 'maybe'"),
        ("#> expect reasons:", "'expect reasons:' needs a value (write 'none' for an empty list)"),
        ("#> expect reasons: pregnancy,", "an empty item in the list of 'expect reasons:'"),
        ("#> expect prompt: two words", "'two words' is not an id"),
        ("#> expect answer: age", "write the answer check as 'expect answer: ID = VALUE'"),
        ("#> expect answer: area = [\"face\",", "is not valid JSON"),
        ("#> expect answer: area = [1, 2]", "must be a JSON list of option ids"),
        ("#> check outcome: proceed", "unknown check 'check'"),
        ("  #> expect outcome: proceed", "a '#' line that does not start in the first column"),
    ]

    @Test("a malformed check line is an error at its file:line", arguments: malformed)
    func malformedCheck(_ line: String, _ message: String) {
        let (transcript, diagnostics) = TranscriptParser.parse("yes\n\(line)\nno\n", path: "tests/x.txt")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.description.hasPrefix("tests/x.txt:2:1: error: ") == true)
        #expect(diagnostics.first?.message.contains(message) == true, "\(diagnostics)")
        #expect(transcript.answers == ["yes", "no"])
    }

    @Test("answers are every other line, exactly as consult run reads them; comments are left out")
    func answers() {
        let text = "# a persona\nyes\n\n  34 years \n#> expect prompt: pregnant\nno\r\n"
        let (transcript, diagnostics) = TranscriptParser.parse(text, path: "t.txt")
        #expect(diagnostics.isEmpty)
        #expect(transcript.answers == ["yes", "", "  34 years ", "no"])
        #expect(transcript.steps.map(\.line) == [2, 3, 4, 5, 6])
    }

    @Test("end of input: once, with only checks and comments after it")
    func endOfInput() {
        let ok = TranscriptParser.parse("yes\n#> end of input\n# done\n#> expect outcome: incomplete\n", path: "t.txt")
        #expect(ok.diagnostics.isEmpty)
        #expect(ok.transcript.steps.map(\.kind) == [.answer("yes"), .endOfInput, .check(.outcome(.incomplete))])

        let bad = TranscriptParser.parse("#> end of input\nyes\n#> end of input\n", path: "t.txt")
        #expect(bad.diagnostics.map(\.description) == [
            "t.txt:2:1: error: an answer after '#> end of input' on line 1; only checks and comments may follow it",
            "t.txt:3:1: error: a second '#> end of input' (the first is on line 1)",
        ])
    }
}
