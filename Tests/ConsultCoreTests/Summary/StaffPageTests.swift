import Foundation
import Testing
@testable import ConsultCore

@Suite struct StaffPageTests {
    private static func page(_ record: ConsultationRecord) -> StaffPage {
        StaffPage(markdown: SummaryRenderer.markdown(record))
    }

    @Test func theTerminalPageShowsTypedTextAsTypedWithNoMarkdownLeft() {
        for record in SummaryFixtures.all {
            let lines = Self.page(record).terminalLines(width: 80, styled: false)
            let text = lines.joined(separator: "\n")
            #expect(!text.contains("**") && !text.contains("\\") && !text.contains("## "), "\(text)")
            #expect(!text.contains("\u{1B}"), "unstyled: no escapes")
            #expect(lines.allSatisfy { $0.count <= 80 || !$0.contains(" ") }, "wrapped to the width")
        }
        let tricky = Self.page(SummaryFixtures.incompleteRehearsal).terminalLines(width: 100, styled: false).joined(separator: "\n")
        #expect(tricky.contains(SummaryFixtures.trickyText), "\(tricky)")
    }

    @Test func styledTextIsBoldAndNothingElseReachesTheTerminal() {
        var record = SummaryFixtures.declineTwoReasons
        record.answers[0].text = "none \u{1B}]0;owned\u{07} \u{202E}evil"
        let text = Self.page(record).terminalLines(width: 80, styled: true).joined(separator: "\n")
        let escapes = text.ranges(of: /\x{1B}\[[0-9]*m/).count
        #expect(escapes > 0)
        #expect(text.filter { $0 == "\u{1B}" }.count == escapes, "every escape is a bold on or off")
        #expect(!text.contains("\u{202E}") && !text.contains("\u{07}"))
    }

    @Test func theHTMLPageEscapesEverythingAndPutsTheCodeAndOutcomeFirst() throws {
        var record = SummaryFixtures.declineTwoReasons
        record.reference = ReferenceCode("K7M-4QX")
        record.answers[0].text = "<script>alert('x')</script> & \"quotes\""
        let html = Self.page(record).html(title: "K7M-4QX — consultation summary", reference: "K7M-4QX")
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;"))
        let code = try #require(html.range(of: "<p class=\"reference\">K7M-4QX</p>"))
        let outcome = try #require(html.range(of: "<h2>Outcome: Not suitable</h2>"))
        let answers = try #require(html.range(of: "<h2>Answers</h2>"))
        #expect(code.lowerBound < outcome.lowerBound && outcome.lowerBound < answers.lowerBound)
        #expect(html.contains("@media print"))
        #expect(!html.contains("http://") && !html.contains("https://"), "self-contained: nothing to fetch")
        #expect(html.contains("<ol><li><strong>Under 18.</strong>"))
    }

    @Test func tablesAreReadWithEscapedPipesInsideCells() {
        let page = StaffPage(markdown: "| Question | Answer |\n|---|---|\n| a \\| b | **yes** (typed: \"y\") |\n")
        guard case let .table(header, rows) = page.blocks.first else {
            Issue.record("not a table: \(page.blocks)")
            return
        }
        #expect(header.map(\.plainText) == ["Question", "Answer"])
        #expect(rows.first?.map(\.plainText) == ["a | b", "yes (typed: \"y\")"])
    }
}
