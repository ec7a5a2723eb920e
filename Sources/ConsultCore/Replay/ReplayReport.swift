/// How replays are reported: compiler-style failures with what was expected and what came,
/// then one line per transcript.
public enum ReplayReport {
    /// A failed check:
    ///
    /// ```
    /// tests/transcripts/pregnant.txt:44: error: the outcome differs
    ///   expected: proceed
    ///   got:      defer
    /// ```
    public static func text(for failure: ReplayFailure, in path: String) -> String {
        let indent = "  " + String(repeating: " ", count: TranscriptText.gotLabel.count)
        func block(_ label: String, _ value: String) -> String {
            "  " + label + value.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n" + indent)
        }
        return [
            "\(path):\(failure.line): error: \(failure.summary)",
            block(TranscriptText.expectedLabel, failure.expected),
            block(TranscriptText.gotLabel, failure.got),
        ].joined(separator: "\n")
    }

    /// `✓ tests/transcripts/pregnant.txt  defer  (42 answers, 7 checks)`, or `✗ …` with the number failed.
    public static func summaryLine(for result: ReplayResult) -> String {
        let mark = result.passed ? TranscriptText.passMark : TranscriptText.failMark
        let outcome = result.record?.outcome.status.rawValue ?? "-"
        let counts = TranscriptText.counts(answers: result.answerCount, checks: result.checkCount, failed: result.failures.count)
        return "\(mark) \(result.path)  \(outcome)  \(counts)"
    }

    /// The failures of a replay, each followed by a blank line, then its summary line.
    public static func text(for result: ReplayResult) -> String {
        let failures = result.failures.map { text(for: $0, in: result.path) + "\n\n" }.joined()
        return failures + summaryLine(for: result)
    }

    /// A transcript that could not be read or parsed: its errors, then `✗ path  (not replayed)`.
    public static func text(forUnreadable path: String, diagnostics: [String]) -> String {
        (diagnostics + ["\(TranscriptText.failMark) \(path)  \(TranscriptText.notReplayed)"]).joined(separator: "\n")
    }

    /// The closing line after several transcripts: `14 transcripts passed` or `2 of 14 transcripts failed`.
    public static func total(transcripts: Int, failed: Int) -> String {
        TranscriptText.total(transcripts: transcripts, failed: failed)
    }
}
