import Foundation
import Testing
@testable import ConsultCore

/// One broken dialog per diagnostic, under `Fixtures/broken/`, each with the exact lines `consult validate` prints.
@Suite("broken dialog fixtures")
struct BrokenDialogTests {
    /// The fixtures folder as the test bundle holds it; diagnostics name files under it.
    static let folder: String = {
        let url = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
        return url.appendingPathComponent("broken").path
    }()

    /// A fixture and the diagnostics it gives, written relative to the fixtures folder.
    struct Case: CustomTestStringConvertible, Sendable {
        var fixture: String
        var expected: [String]
        var testDescription: String { fixture }

        init(_ fixture: String, _ expected: String...) {
            self.fixture = fixture
            self.expected = expected
        }
    }

    static let cases: [Case] = [
        Case("unknown-key.yaml",
             "unknown-key.yaml:3:1: error: unknown key 'titel' in a dialog file; did you mean 'title'? [unknown-key]"),
        Case("unknown-node-reference.yaml",
             "unknown-node-reference.yaml:9:15: error: unknown node 'pregant_stop' in dialog 'visit'; did you mean 'pregnant_stop'? [unknown-node]"),
        Case("missing-required-key.yaml",
             "missing-required-key.yaml:1:1: error: a dialog file is missing the required key 'nodes' [missing-key]"),
        Case("duplicate-node-id.yaml",
             "duplicate-node-id.yaml:7:5: error: duplicate node id 'hello' [duplicate-node-id]\n{folder}/duplicate-node-id.yaml:5:5: note: 'hello' is first used here"),
        Case("duplicate-answer-id",
             "duplicate-answer-id/screening.yaml:3:5: error: duplicate answer id 'age'; every question needs its own id [duplicate-answer-id]\n{folder}/duplicate-answer-id/consultation.yaml:5:5: note: 'age' is also asked here"),
        Case("unknown-dialog-call.yaml",
             "unknown-dialog-call.yaml:4:11: error: unknown dialog 'screning' [unknown-dialog]"),
        Case("unknown-answer-in-condition.yaml",
             "unknown-answer-in-condition.yaml:8:13: error: in the condition: unknown name 'pregant'; did you mean 'pregnant'? [expression-error]"),
        Case("unknown-setting",
             "unknown-setting/consultation.yaml:5:31: error: in the text: unknown name 'price_per_sesion'; did you mean 'price_per_session'? [text-expression-error]"),
        Case("unreachable-node.yaml",
             "unreachable-node.yaml:5:5: warning: this say node can never be reached [unreachable-node]"),
        Case("dead-end-loop.yaml",
             "dead-end-loop.yaml:5:5: error: from 'again' the consultation can never reach an end: every way on loops back or stops; add an 'end' or a way out [cannot-finish]"),
        Case("silent-loop.yaml",
             "silent-loop.yaml:8:5: error: these nodes can loop forever without asking anything: 'check' → 'check' [loop-without-prompt]"),
        Case("condition-type-error.yaml",
             "condition-type-error.yaml:16:20: error: in the condition: cannot compare a number with 'yes', an answer of a yes/no question [expression-error]",
             "condition-type-error.yaml:18:25: error: in the condition: 'concern' holds several answers and cannot equal one; write 'acne_scars in concern' [expression-error]"),
        Case("answer-not-asked-on-every-path.yaml",
             "answer-not-asked-on-every-path.yaml:15:13: error: the condition reads 'pregnant', which is not asked on every path to here; ask it earlier or branch on it only where it was asked [read-before-asked]"),
        Case("choice-without-options.yaml",
             "choice-without-options.yaml:4:5: error: the choice question 'area' has no options; add 'options:' with an id and a label for each [choice-without-options]"),
        Case("rule-never-true.yaml",
             "rule-never-true.yaml:12:11: error: the rule 'impossible_age' can never fire: its condition is false for every possible answer [rule-never-fires]"),
        Case("rule-contradiction.yaml",
             "rule-contradiction.yaml:11:11: error: the rule 'both' can never fire: its condition is false for every possible answer [rule-never-fires]"),
        Case("missing-translation.yaml",
             "missing-translation.yaml:3:12: error: language 'es' has no catalog of the program's own words (hints, commands, the kiosk's screens): add {folder}/languages/es/messages.yaml (see docs/languages.md), or remove 'es' from 'languages' [language-catalog-missing]",
             "missing-translation.yaml:5:10: error: the text has no 'es' translation; a patient in that language would read English here: translate it (consult strings export --lang es) [missing-translation]"),
        Case("yaml-syntax-error.yaml",
             "yaml-syntax-error.yaml:5:8: error: YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence that starts at line 4, column 10) [yaml-syntax]"),
        Case("tab-indentation.yaml",
             "tab-indentation.yaml:4:1: error: YAML syntax error: a tab cannot indent YAML; indent with spaces [yaml-syntax]"),
        Case("empty-file.yaml",
             "empty-file.yaml:1:1: error: the file is empty [file-empty]"),
        Case("alias-bomb.yaml",
             "alias-bomb.yaml:1:1: error: the YAML expands to more than 200000 values (anchors and aliases repeated?); dialogs do not need aliases [yaml-too-large]"),
        Case("unknown-question-type.yaml",
             "unknown-question-type.yaml:6:11: error: unknown question type 'yes-or-no'; did you mean 'yes-no'? [unknown-question-type]"),
        Case("bad-expression-syntax.yaml",
             "bad-expression-syntax.yaml:8:18: error: in the condition: '=' is not an operator; write '==' to compare [text-template-error]"),
        Case("unknown-option-in-condition.yaml",
             "unknown-option-in-condition.yaml:13:21: error: in the condition: 'fase' is not an option of 'area'; did you mean 'face'? [expression-error]"),
        Case("call-cycle",
             "call-cycle/procedure.yaml:3:11: error: dialogs call each other in a circle (screening → procedure → screening); a called dialog must return [call-circle]"),
        Case("two-entries",
             "two-entries/second.yaml:1:9: error: more than one dialog is marked 'entry: true' (also 'first') [several-entries]"),
        Case("settings-missing",
             "settings-missing/consultation.yaml:3:11: error: the settings file '{folder}/settings-missing/clinic.yaml' does not exist [settings-file-missing]"),
        Case("unknown-function.yaml",
             "unknown-function.yaml:8:13: error: in the condition: unknown function 'floor' [expression-error]"),
        Case("interpolation-error.yaml",
             "interpolation-error.yaml:7:26: error: in the text: expected a value but found the end of the expression [text-template-error]"),
        Case("money-format-on-text.yaml",
             "money-format-on-text.yaml:7:18: error: in the text: '| money' formats numbers, but this is text [format-on-non-number]"),
        Case("rule-reads-outcome.yaml",
             "rule-reads-outcome.yaml:8:11: error: a rule cannot read 'outcome', directly or through computed values: the outcome is made of the rules [rule-reads-outcome]"),
        Case("rule-reads-outcome-through-value.yaml",
             "rule-reads-outcome-through-value.yaml:11:11: error: a rule cannot read 'outcome', directly or through computed values: the outcome is made of the rules [rule-reads-outcome]"),
        Case("unknown-outcome.yaml",
             "unknown-outcome.yaml:12:14: error: unknown outcome 'defered'; did you mean 'defer'? [unknown-outcome]"),
        Case("faq-retrieval-out-of-range.yaml",
             "faq-retrieval-out-of-range.yaml:5:11: error: 'margin' should be a score from 0 to 1, not 15 [faq-score-out-of-range]"),
        Case("faq-retrieval-offer-above-answer.yaml",
             "faq-retrieval-offer-above-answer.yaml:3:44: error: 'offer_at' (0.5) should not be above 'answer_at' (0.4): offering an entry asks for less certainty than answering it [faq-offer-above-answer]"),
        Case("positions-in-scalars.yaml",
             "positions-in-scalars.yaml:9:16: error: in the text: unknown name 'agee'; did you mean 'age'? [text-expression-error]",
             "positions-in-scalars.yaml:12:12: error: in the text: unknown name 'agge'; did you mean 'age'? [text-expression-error]",
             "positions-in-scalars.yaml:14:36: error: in the condition: unknown name 'agx'; did you mean 'age'? [expression-error]",
             "positions-in-scalars.yaml:16:36: error: in the condition: unknown name 'agy'; did you mean 'age'? [expression-error]",
             "positions-in-scalars.yaml:20:11: error: in the condition: unknown name 'agz'; did you mean 'age'? [expression-error]"),
        Case("setting-too-large",
             "setting-too-large/clinic.yaml:3:1: error: the setting 'price_per_session' is 2e18, beyond ±1,000,000,000,000,000, the largest number a consultation can show [setting-out-of-range]"),
        Case("shown-number-out-of-range.yaml",
             "shown-number-out-of-range.yaml:15:22: error: in the text: 'weight' has no bound (the question 'weight' has no 'range'), but '| number' shows numbers only up to 1,000,000,000,000,000 [shown-number-out-of-range]",
             "shown-number-out-of-range.yaml:16:62: error: in the text: '(outdoors * 100000000000000)' can reach about 2.4e+15, but '| money' shows amounts only up to 1,000,000,000,000,000 [shown-number-out-of-range]",
             "shown-number-out-of-range.yaml:17:80: error: in the text: '(100 / sleep)' has no bound (it divides by a number that can be close to 0), but '| money' shows amounts only up to 1,000,000,000,000,000 [shown-number-out-of-range]"),
        Case("range-out-of-range.yaml",
             "range-out-of-range.yaml:7:16: error: the range's maximum (1e20) is beyond ±1,000,000,000,000,000, the largest number a consultation can show [range-bound-out-of-range]"),
        Case("estimate-out-of-range.yaml",
             "estimate-out-of-range.yaml:10:21: error: the estimate's maximum sessions can reach about 1e+19, but a session shows numbers only up to 1,000,000,000,000,000 [estimate-sessions-out-of-range]"),
        Case("estimate-cost-out-of-range.yaml",
             "estimate-cost-out-of-range.yaml:11:22: error: the estimate's cost (sessions × price per session) can reach about 3e+15, but a session shows amounts only up to 1,000,000,000,000,000 [estimate-cost-out-of-range]"),
        Case("computed-cycle.yaml",
             "computed-cycle.yaml:7:7: error: computed values depend on each other in a circle: a → b → c → a [computed-value-circle]"),
    ]

    /// A diagnostic as `consult validate` prints it, with its stable id after the message.
    static func rendered(_ diagnostic: Diagnostic) -> String {
        (["\(diagnostic.location): \(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.id)]"]
            + diagnostic.notes.map { "\($0.location): note: \($0.message)" }).joined(separator: "\n")
    }

    @Test("each fixture gives exactly its diagnostics, with their ids", arguments: cases)
    func fixtureDiagnostics(_ testCase: Case) {
        let result = ConsultationLoader.load(path: "\(Self.folder)/\(testCase.fixture)")
        let expected = testCase.expected.map { "\(Self.folder)/" + $0.replacingOccurrences(of: "{folder}", with: Self.folder) }
        #expect(result.diagnostics.map(Self.rendered) == expected)
        #expect((result.consultation == nil) == !result.errors.isEmpty)
    }

    @Test("every fixture in the folder has an expectation")
    func everyFixtureIsListed() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder).filter { !$0.hasPrefix(".") }
        #expect(Set(names) == Set(Self.cases.map(\.fixture)))
    }
}
