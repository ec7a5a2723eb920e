import Foundation
import Testing

/// `consult rehearse` with piped commands: the staff view, staff commands, persona playback,
/// the rehearsal folder and the coverage file kept across runs.
@Suite("rehearse: the consultation with a staff view")
struct RehearseCommandTests {
    @Test("node ids, rule explanations, set, goto, persona then by hand; summary and coverage across two runs")
    func rehearsalsWithStaffCommands() throws {
        let folder = PackagePaths.temporaryFolder("rehearse")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("rehearsals")
        let persona = folder.appendingPathComponent("part.txt")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "# a young adult with wrinkles\nwrinkles\nface\n#> answers: area\n20\n#> stop\nyes\n".write(to: persona, atomically: true, encoding: .utf8)

        let input = ["yes", "persona \(persona.path)", "how much is it in total?", "not sure", "set pregnant no", "set pregnnt yes", "goto keloid", "where", "answers"]
        let first = try ConsultProcessRun.run(["rehearse", "dialogs", "--out", out.path],
                                              input: Data((input.joined(separator: "\n") + "\n").utf8))
        #expect(first.exitCode == 0, "\(first.standardError)")
        let screen = first.standardOutput

        // The staff view: node ids and the rules each answer feeds, then why rules fired.
        #expect(screen.contains("REHEARSAL"))
        #expect(screen.contains("[welcome/consent] feeds no_screening_consent (review)"))
        #expect(screen.contains("[screening/pregnant] feeds pregnancy (defer)"))
        #expect(screen.contains("fired young_adult (review): age >= minimum_age and age < review_below_age"))
        #expect(screen.contains("with age = 20, minimum_age = 18, review_below_age = 22"))
        #expect(screen.contains("  fired pregnancy (defer): pregnant != no   with pregnant = unsure"))

        // The persona's answer lines up to its stop line, then the staff member.
        #expect(screen.contains("> wrinkles   [persona]"))
        #expect(screen.contains("> 20   [persona]"))
        #expect(!screen.contains("> yes   [persona]"))
        let words = PersonaTests.collapsingWhitespace(screen)
        #expect(words.contains("persona \(persona.path): 3 lines played up to its #> stop line; over to you."))

        // An own question shows the best FAQ entries with their scores and what the session did.
        let faqLine = try #require(screen.split(separator: "\n").first { $0.hasPrefix("  faq: ") }, "\(screen)")
        #expect(faqLine.hasPrefix("  faq: faq_cost 0."))
        #expect(faqLine.hasSuffix("(answered)"))

        // set re-evaluates; an unknown id is refused with a suggestion.
        #expect(screen.contains("  set pregnant: not sure -> no"))
        #expect(screen.contains("  unfired pregnancy (defer): pregnant != no   with pregnant = no"))
        #expect(screen.contains("  outcome: defer -> review"))
        #expect(screen.contains("no question stores an answer 'pregnnt'; did you mean 'pregnant'?"))

        // goto, where and answers.
        #expect(screen.contains("  now at screening/keloid   (called from microneedling#2 call screening)"))
        #expect(screen.contains("[screening/keloid] feeds keloid_history (decline)"))
        #expect(screen.contains("  5. screening/pregnant = no"))
        #expect(screen.contains("screening/keloid   (now)"))
        #expect(screen.contains("  age = 20 years"))

        // The summary is in the rehearsal folder, marked as a rehearsal in every format.
        let summaries = try Self.summaries(in: out)
        #expect(summaries.count == 1)
        #expect(summaries.first?["mode"] as? String == "rehearsal")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        let markdown = try #require(names.first { $0.hasSuffix(".md") })
        #expect(try String(contentsOf: out.appendingPathComponent(markdown), encoding: .utf8).contains("REHEARSAL"))
        let fhir = try #require(names.first { $0.hasSuffix(".fhir.json") })
        #expect(try String(contentsOf: out.appendingPathComponent(fhir), encoding: .utf8).contains("HTEST"))
        #expect(SummaryFiles.mode(of: out) == 0o700)
        #expect(SummaryFiles.mode(of: out.appendingPathComponent(".history")) == 0o600)
        #expect(SummaryFiles.mode(of: out.appendingPathComponent("coverage.json")) == 0o600)
        #expect(words.contains("; all 1 rehearsal of microneedling 1.0.0: "), "\(screen)")
        let firstCoverage = try Self.coverage(in: out)
        #expect(firstCoverage.rehearsals == 1)
        #expect(firstCoverage.rules["young_adult"] == 1 && firstCoverage.rules["pregnancy"] == 1)

        // A second rehearsal, a whole persona from the command line, adds to the same counts.
        let transcript = packageRoot.appendingPathComponent("tests/transcripts/proceed.txt").path
        let second = try ConsultProcessRun.run(["rehearse", "dialogs", "--out", out.path, "--persona", transcript], input: Data())
        #expect(second.exitCode == 0, "\(second.standardError)")
        #expect(try Self.summaries(in: out).count == 2)
        #expect(PersonaTests.collapsingWhitespace(second.standardOutput).contains("; all 2 rehearsals of microneedling 1.0.0: "))
        let total = try Self.coverage(in: out)
        #expect(total.rehearsals == 2)
        #expect(total.rules["young_adult"] == 1 && total.rules["pregnancy"] == 1)
        #expect(total.branches.values.reduce(0, +) > firstCoverage.branches.values.reduce(0, +))
        #expect(SummaryFiles.mode(of: out.appendingPathComponent("coverage.json")) == 0o600)
    }

    @Test("the patients' summary folder is refused as the rehearsal folder")
    func refusesThePatientFolder() throws {
        let run = try ConsultProcessRun.run(["rehearse", "dialogs", "--out", "summaries"], input: Data())
        #expect(run.exitCode == 2)
        #expect(run.standardError.contains("patients' summary folder"), "\(run.standardError)")
    }

    @Test("--help lists the staff commands with examples")
    func help() throws {
        let run = try ConsultProcessRun.run(["rehearse", "--help"], input: Data())
        #expect(run.exitCode == 0)
        for word in ["goto NODE", "set ID VALUE", "persona FILE", "coverage.json", "Examples:"] {
            #expect(run.standardOutput.contains(word), "\(word)")
        }
    }

    /// The decoded `.json` summaries in the rehearsal folder (not the coverage file).
    static func summaries(in folder: URL) throws -> [[String: Any]] {
        try PackagePaths.summaries(in: folder).filter { $0["mode"] != nil }
    }

    /// The counts kept for the bundled consultation in `coverage.json`.
    static func coverage(in folder: URL) throws -> (rehearsals: Int, rules: [String: Int], branches: [String: Int]) {
        let data = try Data(contentsOf: folder.appendingPathComponent("coverage.json"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let dialogs = try #require(root["dialogs"] as? [String: Any])
        let entry = try #require(dialogs["microneedling 1.0.0"] as? [String: Any])
        return (entry["rehearsals"] as? Int ?? 0, entry["rules"] as? [String: Int] ?? [:], entry["branches"] as? [String: Int] ?? [:])
    }
}
