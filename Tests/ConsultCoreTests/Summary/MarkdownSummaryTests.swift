import Foundation
import Testing
@testable import ConsultCore

@Suite struct MarkdownSummaryTests {
    @Test func aRecoveredConsultationIsMarkedUnderTheTitle() {
        let page = SummaryRenderer.markdown(SummaryFixtures.recoveredAfterACrash)
        let lines = page.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "# Micro-needling consultation — summary")
        #expect(lines[2] == "> **RECOVERED after an interruption — Consult stopped during this consultation (a crash, a kill "
                + "or a power cut), and this summary was rebuilt from its journal. Last activity 2026-11-26T05:31:27Z, 2 answers "
                + "saved; anything the patient typed after that was not saved. Go over the rest at the visit.**")
        #expect(lines[4] == "## Outcome: Incomplete — the patient did not finish")
        #expect(!SummaryRenderer.markdown(SummaryFixtures.incompleteRehearsal).contains("RECOVERED"))
    }

    @Test func aDeclineReadsOutcomeAndReasonsFirst() {
        let page = SummaryRenderer.markdown(SummaryFixtures.declineTwoReasons)
        let expected = """
            # Micro-needling consultation — summary

            ## Outcome: Not suitable

            **Why**

            1. **Under 18.** (rule `under_18`, decline)
               - How old are you? → **16 years (typed: "sixteen")**
               - Told the patient: "We can only treat adults."
            2. **Pregnant, possibly pregnant, or breastfeeding.** (rule `pregnancy`, defer)
               - Are you pregnant or breastfeeding? → **yes**
               - Told the patient: "We wait until after pregnancy and breastfeeding."

            ## Precautions

            - **History of keloid scars: test patch first.** (rule `keloids`)
              - Have you ever had keloid scars? → **yes**

            ## Notes

            - **Came through a referral.** (rule `referred`)
              - `referral` → (not answered)

            ## At a glance

            - What would you like to improve? **None of these**

            ## Answers

            | Question | Answer | Checked with the patient |
            |---|---|---|
            | What would you like to improve? | None of these | clear as typed |
            | How old are you? | 16 years (typed: "sixteen") | clear as typed |
            | Are you pregnant or breastfeeding? | yes | clear as typed |
            | Have you ever had keloid scars? | yes | clear as typed |

            ---

            Dialog `microneedling` 1.2.0 · Session `b7e4d001` · Language `en` · Mode patient

            Started 2026-11-26T05:20:00Z · Finished 2026-11-26T05:31:27Z · Consult \(ConsultVersion.current)

            """
        #expect(page == expected)
    }

    @Test func sectionsComeInOrder() throws {
        let page = SummaryRenderer.markdown(SummaryFixtures.proceedPatient)
        let headings = page.split(separator: "\n").filter { $0.hasPrefix("#") }
        #expect(headings == [
            "# Micro-needling consultation — summary",
            "## Outcome: Can book",
            "## At a glance",
            "## Answers",
            "## Topics",
            "## The patient's own questions",
            "## Cost estimate",
        ])
        #expect(page.contains("about $900–$1,800 for 3–6 sessions"))
        #expect(page.contains("- **Skipped — please go over these at the visit:** Side effects\n- Explained: Costs"))
        #expect(page.contains("| Do you smoke? | no (typed: \"nope\") |"))
        #expect(page.contains("| How old are you? | 34 years |"))
    }

    @Test(arguments: [
        (OutcomeStatus.proceed, "Can book"),
        (.review, "Clinician review needed before booking"),
        (.defer, "Not now — can come back later"),
        (.decline, "Not suitable"),
        (.incomplete, "Incomplete — the patient did not finish"),
    ])
    func statusInWords(status: OutcomeStatus, words: String) {
        var record = SummaryFixtures.proceedPatient
        record.outcome.status = status
        let page = SummaryRenderer.markdown(record)
        #expect(page.split(separator: "\n").dropFirst().first { $0.hasPrefix("## ") } == "## Outcome: \(words)")
    }

    @Test func aRehearsalCarriesABannerUnderTheTitle() {
        let rehearsal = SummaryRenderer.markdown(SummaryFixtures.incompleteRehearsal).split(separator: "\n")
        #expect(rehearsal[1] == "> **REHEARSAL — a staff practice run, not a real patient. Do not book from this summary.**")
        #expect(!SummaryRenderer.markdown(SummaryFixtures.proceedPatient).contains("REHEARSAL"))
    }

    @Test func unansweredQuestionsAreFlaggedForStaff() {
        let page = SummaryRenderer.markdown(SummaryFixtures.incompleteRehearsal)
        #expect(page.contains("""
            ## The patient's own questions

            - **NOT ANSWERED — please answer these at the visit:**
              - "Can I wear make-up \\| after? \\*really\\*"
            - Answered:
              - "Does it hurt?" (FAQ `pain`)
            """))
        #expect(page.contains("| Any allergies? | (skipped) |"))
        #expect(page.contains("- `concern`: (not answered)"))
    }

    @Test func patientTextCannotBreakTheLayout() {
        let page = SummaryRenderer.markdown(SummaryFixtures.incompleteRehearsal)
        #expect(page.contains(##"| Anything else we should know? | a\|b \*bold\* \_it\_ \#1 \`code\` \<script> | clear as typed |"##))
        for row in page.split(separator: "\n") where row.hasPrefix("| ") {
            var unescapedPipes = 0
            var previous: Character = " "
            for character in row {
                if character == "|", previous != "\\" { unescapedPipes += 1 }
                previous = character
            }
            #expect(unescapedPipes == 4, "row splits into more than three columns: \(row)")
        }
    }

    @Test func aRealRendererShowsTrickyTextAsTyped() throws {
        let rendered = try RenderedMarkdown.render(SummaryRenderer.markdown(SummaryFixtures.incompleteRehearsal))
        #expect(rendered.rows.contains(["Anything else we should know?", SummaryFixtures.trickyText, "clear as typed"]))
        #expect(rendered.rows.allSatisfy { $0.count == 3 })
        #expect(rendered.shape.filter(RenderedMarkdown.forbiddenTokens.contains).isEmpty)
    }

    @Test func escapingCoversMarkdownPunctuationAndLineBreaks() {
        #expect(MarkdownSummary.escape("# *a* _b_ `c` <d> [e](f) ~g~ &amp; \\ |") == ##"\# \*a\* \_b\_ \`c\` \<d> \[e\](f) \~g\~ \&amp; \\ \|"##)
        #expect(MarkdownSummary.escape("one\ntwo\r\nthree") == "one two three")
        #expect(MarkdownSummary.escape("Acne scars, 3.5 - fine!") == "Acne scars, 3.5 - fine!")
    }

    @Test func escapingWorksOnCodePointsNotCharacters() {
        // A combining mark after `|` or `[`, or an Arabic number sign before `]`, makes one Character of both:
        // renderers still see the punctuation, so it is escaped wherever it sits in a grapheme cluster.
        #expect(MarkdownSummary.escape("a |\u{301} col2") == "a \\|\u{301} col2")
        #expect(MarkdownSummary.escape("[\u{301}click\u{600}](javascript:alert(1))") == "\\[\u{301}click\\](javascript:alert(1))")
        #expect(MarkdownSummary.escape("e\u{301}t\u{E9} \u{1F469}\u{200D}\u{1F4BB}") == "e\u{301}t\u{E9} \u{1F469}\u{1F4BB}")
    }

    @Test func escapingDropsFormatCharacters() {
        // Bidi overrides, isolates and marks; zero-width spaces and joiners; Arabic number signs; soft hyphen.
        #expect(MarkdownSummary.escape("\u{202E}gnp.exe\u{202C} \u{2066}a\u{2069}\u{200F}") == "gnp.exe a")
        #expect(MarkdownSummary.escape("a\u{200B}b\u{200C}c\u{200D}d\u{2060}e\u{FEFF}f\u{AD}g") == "abcdefg")
        #expect(MarkdownSummary.escape("\u{600}1\u{601}2\u{602}3\u{603}4\u{604}5\u{605}6\u{6DD}7\u{70F}8\u{8E2}9") == "123456789")
        #expect(MarkdownSummary.escape("\u{200B}\u{202E}") == "")
    }

    @Test func escapingKeepsTextOnOneLineWithSingleSpaces() {
        // Whitespace of any kind becomes one space, trimmed at the ends; other control characters are dropped.
        #expect(MarkdownSummary.escape("  one \n\n two\u{85}three\u{B}four\u{C}five\tsix\u{0}seven\u{1B}  ") == "one two three four five sixseven")
        #expect(MarkdownSummary.escape("one\u{2028}two\u{2029}three\u{A0}four") == "one two three four")
    }

    @Test func escapingNeutralisesAMarkerThatWouldStartABlock() {
        // Text can land at the start of a line or list item (a question in "At a glance", the cost estimate).
        #expect(MarkdownSummary.escape("- item") == "\\- item")
        #expect(MarkdownSummary.escape("+ item") == "\\+ item")
        #expect(MarkdownSummary.escape("> quote") == "\\> quote")
        #expect(MarkdownSummary.escape("12. one") == "12\\. one")
        #expect(MarkdownSummary.escape("3) three") == "3\\) three")
        #expect(MarkdownSummary.escape("---") == "\\---")
        #expect(MarkdownSummary.escape("- - -") == "\\- - -")
        #expect(MarkdownSummary.escape("-") == "\\-")
        // Only at the start, and only as a marker: negative numbers, decimals and dashes inside stay as typed.
        #expect(MarkdownSummary.escape("-5 degrees") == "-5 degrees")
        #expect(MarkdownSummary.escape("72.5 kg") == "72.5 kg")
        #expect(MarkdownSummary.escape("--force") == "--force")
        #expect(MarkdownSummary.escape("a - b > c 1. d") == "a - b > c 1. d")
    }
}
