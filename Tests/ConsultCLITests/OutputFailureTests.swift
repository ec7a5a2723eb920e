import Foundation
import Testing

/// Standard output or error that cannot be written (a reader that went away, a full device, a terminal that
/// hung up) never kills the program: the patient is taken to be gone, the session is saved as incomplete,
/// and the program exits cleanly.
@Suite("output that cannot be written")
struct OutputFailureTests {
    private static let consentQuestion = "Is it okay to continue with the screening?"
    private static let concernQuestion = "What would you like to improve?"

    @Test("consult run | head -5: the summary is saved as incomplete and the program is not killed by SIGPIPE")
    func closedOutputPipeSavesAnIncompleteSummary() throws {
        let out = PackagePaths.temporaryFolder("head")
        defer { try? FileManager.default.removeItem(at: out) }
        let consult = try SpawnedConsult(["run", PackagePaths.dialogs, "--out", out.path])
        try consult.readLines(5)
        consult.closeOutput()  // what head does after five lines
        // The next answer makes the program write again, into a pipe nobody reads.
        try consult.send("yes\n")
        let status = try consult.waitForExit()
        consult.closeInput()
        let standardError = consult.standardError()
        #expect(status == 0, "standard error:\n\(standardError)")
        let summaries = try PackagePaths.summaries(in: out)
        #expect(summaries.count == 1)
        #expect((summaries.first?["outcome"] as? [String: Any])?["status"] as? String == "incomplete")
    }

    @Test("2>/dev/full: the summary is saved and the program exits 0 instead of trapping")
    func fullStandardErrorDoesNotTrap() throws {
        let out = PackagePaths.temporaryFolder("dev-full")
        defer { try? FileManager.default.removeItem(at: out) }
        let consult = try SpawnedConsult(["run", PackagePaths.dialogs, "--out", out.path], error: .file("/dev/full"))
        try consult.send("yes\n")
        consult.closeInput()
        let status = try consult.waitForExit()
        #expect(status == 0)
        #expect(try PackagePaths.summaries(in: out).count == 1)
        #expect(String(decoding: consult.outputBytes, as: UTF8.self).contains("Your answers have been saved"))
    }

    @Test("a terminal that hangs up mid-question leaves an incomplete summary and a clean exit")
    func hangUpMidQuestionSavesAnIncompleteSummary() throws {
        let out = PackagePaths.temporaryFolder("hang-up")
        defer { try? FileManager.default.removeItem(at: out) }
        let terminal = try PseudoTerminal(executable: try ConsultBinary.path(),
                                          arguments: ["run", PackagePaths.dialogs, "--out", out.path])
        try terminal.expect(Self.consentQuestion)
        try terminal.expect("> ")
        try terminal.send("yes\r")
        try terminal.expect(Self.concernQuestion)
        try terminal.expect("> ")
        try terminal.send("Acne")  // half typed when the line drops
        try terminal.expect("Acne")
        terminal.hangUp()
        let status = try terminal.waitForExit()
        #expect(status == 0)
        let summaries = try PackagePaths.summaries(in: out)
        #expect(summaries.count == 1)
        let summary = try #require(summaries.first)
        #expect((summary["outcome"] as? [String: Any])?["status"] as? String == "incomplete")
        let answers = summary["answers"] as? [[String: Any]] ?? []
        #expect(answers.map { $0["id"] as? String } == ["consent"])
    }
}

/// Staff commands whose output cannot be written say so and exit 1, never 0 and never a trap.
@Suite("staff output that cannot be written")
struct StaffOutputFailureTests {
    @Test("> /dev/full: export-questionnaire, validate, graph and paths --json report the failure and exit 1",
          arguments: [["export-questionnaire", "dialogs"], ["validate", "dialogs"], ["graph", "dialogs"], ["paths", "dialogs", "--json"]])
    func fullDeviceIsAnError(_ arguments: [String]) throws {
        let consult = try SpawnedConsult(arguments, output: .file("/dev/full"))
        consult.closeInput()
        let status = try consult.waitForExit()
        #expect(status == 1, "\(arguments)")
        #expect(consult.standardError().contains("consult: error: cannot write the output: No space left on device"), "\(arguments)")
    }
}
