import Foundation
import Testing
@testable import ConsultCore

/// The staff page as a real CommonMark renderer draws it: hostile text must read as itself and change nothing else.
@Suite struct MarkdownSummaryRenderingTests {
    /// Text a patient could type or paste at the kiosk, and the words staff must see in its place: every character
    /// as typed, format characters (Unicode Cf) gone, line breaks and other whitespace as single spaces.
    static let patientTexts: [(typed: String, shown: String)] = [
        // Table cells: a pipe hidden behind a combining mark, a prepended Arabic number sign or zero-width characters.
        ("a |\u{301} col2", "a |\u{301} col2"),
        ("a \u{600}| col2", "a | col2"),
        ("a \u{200D}|\u{200B} col2", "a | col2"),
        ("|---|---|", "|---|---|"),
        // Links and images, with and without marks in front of their brackets.
        ("[\u{301}click\u{600}](javascript:alert(1))", "[\u{301}click](javascript:alert(1))"),
        ("\u{600}[click\u{601}](https://evil.example)", "[click](https://evil.example)"),
        ("[click](javascript:alert(1))", "[click](javascript:alert(1))"),
        ("\u{600}![x\u{600}](https://evil.example/x.png)", "![x](https://evil.example/x.png)"),
        ("[x]: https://evil.example\n[x]", "[x]: https://evil.example [x]"),
        // Raw HTML and autolinks.
        ("<script>alert(1)</script>", "<script>alert(1)</script>"),
        ("\u{600}<script>alert(1)\u{600}</script>", "<script>alert(1)</script>"),
        ("\u{600}<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>"),
        ("<http://evil.example>", "<http://evil.example>"),
        ("\u{600}<https://evil.example>", "<https://evil.example>"),
        ("<!-- hidden --> <b\u{301}>", "<!-- hidden --> <b\u{301}>"),
        // Code, emphasis and strikethrough.
        ("`code` \u{600}`more\u{600}`", "`code` `more`"),
        ("*bold* _it_ **strong** ~~gone~~", "*bold* _it_ **strong** ~~gone~~"),
        ("\u{600}*bold\u{600}* _\u{301}it_\u{301}", "*bold* _\u{301}it_\u{301}"),
        // Headings, rules and lists at the start of a line.
        ("x\n# Heading", "x # Heading"),
        ("\n## Heading\n===\n---\n- item\n1. one\n> quote\n    code", "## Heading === --- - item 1. one > quote code"),
        ("\u{600}# x", "# x"),
        // Bidi overrides, isolates and marks; zero-width and other invisible format characters.
        ("\u{202E}gnp.exe\u{202C} ok", "gnp.exe ok"),
        ("a \u{2067}b\u{2069} \u{200F}c\u{200E} \u{61C}d", "a b c d"),
        ("a\u{200B}b\u{200C}c\u{200D}d\u{2060}e\u{FEFF}f\u{AD}g", "abcdefg"),
        ("\u{180E}x\u{FFF9}y\u{FFFB}\u{E0001}z\u{E007F}\u{6DD}\u{70F}", "xyz"),
        // Line breaks of every kind, and the characters Markdown reads as entities and escapes.
        ("one\ntwo\r\nthree\rfour\u{2028}five\u{2029}six\u{85}seven\u{B}eight\u{C}nine\ttab", "one two three four five six seven eight nine tab"),
        ("&lt;b&gt; &#124; a\\|b trailing\\", "&lt;b&gt; &#124; a\\|b trailing\\"),
    ]

    static let goalQuestion = "Anything else we should know?"

    /// A record with `text` wherever a patient's words reach the page: a free-text answer (highlighted, read by a
    /// rule and said back), what was typed at a number question, and the patient's own questions.
    static func record(patientText text: String) -> ConsultationRecord {
        ConsultationRecord(
            id: "3f9a1c2e", dialog: SummaryFixtures.dialog, language: "en", mode: .patient,
            started: SummaryFixtures.started, finished: SummaryFixtures.finished,
            outcome: OutcomeSummary(status: .review, reasons: [
                FiredRule(rule: "goal_review", effect: .review, message: "Read what the patient wrote.", answers: ["goal"]),
            ]),
            answers: [
                AnsweredQuestion(id: "goal", question: goalQuestion, kind: .text(pattern: nil), value: .text(text), text: text,
                                 confirmation: AnswerConfirmation(doubt: .namesSomethingElse, readBack: text, from: "goal")),
                AnsweredQuestion(id: "age", question: "How old are you?", kind: SummaryFixtures.ageKind, value: .number(34), text: text),
            ],
            highlights: ["goal"],
            faq: [FAQRecord(asked: text, answered: false), FAQRecord(asked: text, answered: true, entry: "pain")]
        )
    }

    /// The page with plain words where the patient's text goes, rendered once for all the cases.
    static let plainPatientPage = Result { try RenderedMarkdown.render(SummaryRenderer.markdown(record(patientText: "plain words"))) }

    @Test(arguments: patientTexts)
    func patientTextReadsAsItselfAndChangesNothingElse(typed: String, shown: String) throws {
        let plain = try Self.plainPatientPage.get()
        let page = SummaryRenderer.markdown(Self.record(patientText: typed))
        let rendered = try RenderedMarkdown.render(page)

        #expect(rendered.changes(from: plain).isEmpty, "the page's structure changed: \(rendered.changes(from: plain))\n\(page)")
        #expect(rendered.shape.filter(RenderedMarkdown.forbiddenTokens.contains).isEmpty)
        for tag in ["<a ", "<img", "<script", "<!--", "<b>", "<b\u{301}>", "<em>", "<del>", "<h3", "<pre"] {
            #expect(!rendered.html.contains(tag), "the page renders \(tag)")
        }
        #expect(rendered.rows == [
            ["Question", "Answer", "Checked with the patient"],
            [Self.goalQuestion, shown, "said back and confirmed: \"\(shown)\" (words typed at goal)"],
            ["How old are you?", "34 years (typed: \"\(shown)\")", "clear as typed"],
        ])
    }

    /// Dialog text is written by the clinic, but a slip there must not reshape the page either, wherever it sits:
    /// at the start of a list item or paragraph, in bold, in a table cell, or as an id shown as code.
    static let plainDialogPage = Result {
        try RenderedMarkdown.render(SummaryRenderer.markdown(record(dialogText: "plain words", id: "plain_id")))
    }

    @Test(arguments: [
        "- item", "+ item", "> quote", "1. one", "2) two", "---", "- - -", "***", "    indented", "```", "~~~ fence",
        "# heading", "<div>", "| a | b |", "[x]: https://evil.example", "a |\u{301} b", "\u{600}[x\u{600}](y)",
    ])
    func dialogTextCannotChangeThePageEither(text: String) throws {
        let plain = try Self.plainDialogPage.get()
        let page = SummaryRenderer.markdown(Self.record(dialogText: text, id: text))
        let rendered = try RenderedMarkdown.render(page)
        // An id that is not a plain word is shown as escaped text rather than as code.
        let changes = rendered.changes(from: plain, ignoring: ["code_inline"])
        #expect(changes.isEmpty, "the page's structure changed: \(changes)\n\(page)")
        #expect(rendered.rows.allSatisfy { $0.count == 3 })
    }

    /// A record with `text` in every slot a dialog fills, and `id` for every id.
    static func record(dialogText text: String, id: String) -> ConsultationRecord {
        let rule = FiredRule(rule: id, effect: .review, message: text, patientMessage: text, answers: [id])
        return ConsultationRecord(
            id: "3f9a1c2e", dialog: DialogIdentity(id: id, version: text, title: text), language: "en", mode: .rehearsal,
            started: SummaryFixtures.started, finished: SummaryFixtures.finished,
            outcome: OutcomeSummary(status: .review, reasons: [rule], precautions: [rule], notes: [rule]),
            answers: [
                AnsweredQuestion(id: id, question: text, kind: .yesNo, value: .yesNo(.yes), text: "yes",
                                 confirmation: AnswerConfirmation(doubt: .hedged, readBack: text, from: id)),
            ],
            highlights: [id],
            topics: [TopicRecord(id: id, title: text, skipped: true), TopicRecord(id: id, title: text, skipped: false)],
            faq: [FAQRecord(asked: "Does it hurt?", answered: true, entry: id)],
            estimate: CostEstimate(sessionsMinimum: 3, sessionsMaximum: 6, low: 900, high: 1800, currency: "USD", text: text)
        )
    }
}
