import ConsultCore
import FuzzSupport

// The transcript parser, and the replayer for what parses cleanly: the transcript's answers through the
// bundled consultation, its checks against what the session showed and left.
//
// Properties: every diagnostic names a line of the transcript; a replay finishes with a record that has
// the properties every record has (`SessionPlay.check`).
FuzzDriver.run { data, size in
    TranscriptTarget.test(FuzzInput(data, size).text)
    return 0
}

enum TranscriptTarget {
    static let replayer = TranscriptReplayer(consultation: BundledDialogs.consultation, started: BundledDialogs.started)

    static func test(_ text: String) {
        let (transcript, diagnostics) = TranscriptParser.parse(text, path: "fuzz.txt")
        let lineCount = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }.count
        for diagnostic in diagnostics where !(1...max(1, lineCount)).contains(diagnostic.location.line) {
            Finding.report("a diagnostic on line \(diagnostic.location.line) of \(lineCount): \(diagnostic)", input: text)
        }
        guard diagnostics.isEmpty else { return }
        let result = replayer.replay(transcript)
        for failure in result.failures {
            _ = failure.summary
        }
        guard let record = result.record else {
            Finding.report("a replay that left no record", input: text)
        }
        SessionPlay.check(record, of: BundledDialogs.consultation, finishedNormally: record.outcome.status != .incomplete, input: text)
    }
}
