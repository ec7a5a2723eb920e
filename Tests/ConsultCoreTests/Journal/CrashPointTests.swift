import Foundation
import Testing
@testable import ConsultCore

/// Kills scripted patients of `tests/transcripts` after each of their lines, and recovers.
///
/// Every kill point replays the journal from its start, so a transcript of n lines costs n²/2 replayed lines:
/// `swift test` kills four transcripts that between them go back, ask questions, confirm mixed answers and
/// finish early or late, and a patient of the test dialog who restarts and nearly quits; `CONSULT_CRASH_SWEEP=all swift test --filter CrashPointTests` kills all of them
/// (docs/reliability.md has the figures).
@Suite struct CrashPointTests {
    static let transcripts: [String] = {
        let folder = BundledConsultation.packageRoot.appendingPathComponent("tests/transcripts")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
    }()

    /// Each transcript with whether its kills also tear the next record in half.
    static let swept: [(String, Bool)] = ProcessInfo.processInfo.environment["CONSULT_CRASH_SWEEP"] == "all"
        ? transcripts.flatMap { [($0, false), ($0, true)] }
        : [("back-changes-answer.txt", false), ("faq-questions.txt", true), ("mixed-answers.txt", false), ("under-18.txt", true)]

    /// The answer lines of a transcript, up to `#> end of input` (an empty line is Enter, and an answer).
    static func lines(of transcript: String) throws -> [String] {
        let url = BundledConsultation.packageRoot.appendingPathComponent("tests/transcripts/\(transcript)")
        var text = try String(contentsOf: url, encoding: .utf8)
        if text.hasSuffix("\n") { text.removeLast() }
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("#> end of input") { break }
            if !line.hasPrefix("#") { lines.append(String(line)) }
        }
        return lines
    }

    @Test func thereAreTranscriptsToKill() {
        #expect(Self.transcripts.count >= 15)
    }

    @Test(arguments: swept)
    func aKillAfterAnyLineRecoversExactlyTheAnswersGivenBeforeIt(transcript: String, torn: Bool) throws {
        let consultation = try BundledConsultation.consultation()
        let lines = try Self.lines(of: transcript)
        let scratch = Scratch.folder("crash")
        defer { Scratch.remove(scratch.path) }
        let results = CrashPointSimulation(consultation: consultation, lines: lines, tornWrite: torn).run(in: scratch)
        #expect(results.count == lines.count + 1)
        for result in results where !result.holds {
            Issue.record("""
                \(transcript), killed after \(result.linesBeforeKill) lines\(torn ? " (torn write)" : ""): \
                expected \(result.expected?.answers ?? []), recovered \(result.recovered?.answers ?? []), \
                left over \(result.leftOver), \(result.messages)
                """)
        }
        #expect(results.map(\.answersLost).reduce(0, +) == 0)
        #expect(results.last?.recovered?.recovered == nil, "the transcript finishes: its own summary, not marked recovered")
    }

    @Test(arguments: [false, true])
    func aKillAfterAnyLineOfAPatientWhoRestartsAndNearlyQuitsRecoversWhatWasGiven(torn: Bool) throws {
        let consultation = try SessionTestDialog.load()
        let lines = ["acne", "restart", "no", "restart", "yes", "wrinkles", "16", "why", "back", "40", "quit", "no",
                     "is it painful?", "not sure", "yes", "", "skip"]
        let scratch = Scratch.folder("crash")
        defer { Scratch.remove(scratch.path) }
        let results = CrashPointSimulation(consultation: consultation, lines: lines, tornWrite: torn).run(in: scratch)
        #expect(results.count == lines.count + 1)
        let failing = results.filter { !$0.holds }
        #expect(failing.isEmpty, "\(failing)")
        #expect(results[5].expected?.answers == [], "after a restart the answers before it are gone, in recovery too")
        #expect(results[7].recovered?.answers == ["concern = Wrinkles (typed: wrinkles)", "age = 16 years (typed: 16)"])
        #expect(results.last?.recovered?.status == "defer", "went back from 16 to 40, then 'not sure' at pregnancy")
        #expect(results.last?.recovered?.recovered == nil)
    }

    @Test func theExpectedRecordIsTheLiveSessionEndedAtItsLastChange() throws {
        let consultation = try SessionTestDialog.load()
        let simulation = CrashPointSimulation(consultation: consultation, lines: JournalTesting.lines)
        #expect(simulation.expectedRecord(afterLines: 0) == nil, "nothing typed, nothing to recover")
        #expect(simulation.expectedRecord(afterLines: 2)?.recovered == RecoveryNote(lastActivity: simulation.time(ofLine: 0), answerCount: 1),
                "'help' changed nothing: the last activity is 'acne'")
        let finished = try #require(simulation.expectedRecord(afterLines: JournalTesting.lines.count))
        #expect(finished.recovered == nil)
        #expect(finished.outcome.status == .defer)
    }
}
