import ConsultCore
import Foundation
import Testing

/// Golden runs of `consult run dialogs` for one patient each: the answers of `tests/transcripts/<persona>.txt`
/// are typed on standard input, one per line, and the three summary files are checked against the
/// transcript's `#> expect outcome/reasons/precautions/notes/faq` lines (docs/transcripts.md).
///
/// `consult run` reads every line as an answer, so the `#` lines are left out of what is piped. The checks
/// themselves, answers and screen lines included, are run by `consult replay` (the last test here).
@Suite("personas: piped consultations of the bundled dialogs")
struct PersonaTests {
    /// Every persona of the issue, plus a young adult with darker skin (review and a precaution together).
    static let personas = [
        "proceed", "pregnant", "breastfeeding", "keloid", "active-acne", "isotretinoin-recent", "blood-thinners",
        "cold-sores", "eczema", "sunburn", "under-18", "faq-questions", "back-changes-answer",
        "young-adult-darker-skin", "breastfeeding-only",
        "skin-cancer-history", "not-sure-screening", "mixed-answers",
    ]

    static let transcripts = packageRoot.appendingPathComponent("tests/transcripts")

    /// The staff page's outcome heading for each status (docs/summary-format.md).
    static let outcomeWords = [
        "proceed": "Can book",
        "review": "Clinician review needed before booking",
        "defer": "Not now — can come back later",
        "decline": "Not suitable",
        "incomplete": "Incomplete — the patient did not finish",
    ]

    @Test("every transcript in tests/transcripts is a persona here, with its expected outcome")
    func everyTranscriptIsTested() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.transcripts.path)
        let transcripts = Set(names.filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) })
        #expect(transcripts == Set(Self.personas))
        for name in Self.personas {
            #expect(try PersonaExpectation(persona: name).outcome != "", "\(name).txt has no '#> expect outcome:'")
        }
    }

    @Test("outcome, reasons, precautions, answers and the three summary files", arguments: personas)
    func persona(_ name: String) throws {
        let expected = try PersonaExpectation(persona: name)
        let transcript = expected.input

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("consult-persona-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("summaries")  // created by consult
        let run = try ConsultProcessRun.run(["run", "dialogs", "--out", out.path], input: transcript)
        #expect(run.exitCode == 0, "\(run.standardError)")

        // Every answer of the transcript was read (piped lines are echoed after "> ").
        let echoed = run.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).filter { $0.hasPrefix("> ") }
        #expect(echoed.count == expected.answerCount, "the session ended before the transcript did, or read lines twice")
        #expect(run.standardOutput.contains("Your answers have been saved for the clinic's staff."))

        // Exactly three files with one stem, private, in a private folder.
        let files = try #require(SummaryFiles(folder: out))
        #expect(run.standardError.contains(
            "consult: summary written to \(out.path): \(files.stem).md, \(files.stem).json, \(files.stem).fhir.json"),
            "\(run.standardError)")

        // The JSON summary.
        let jsonData = try Data(contentsOf: files.json)
        let summary = try JSONDecoder().decode(SummaryJSON.self, from: jsonData)
        #expect(files.stem.hasSuffix("-" + summary.id))
        #expect(summary.outcome.status == expected.outcome)
        #expect(Set(summary.outcome.reasons.map(\.rule)) == Set(expected.reasons))
        #expect(Set(summary.outcome.precautions.map(\.rule)) == Set(expected.precautions))
        if let notes = expected.notes { #expect(Set(summary.outcome.notes.map(\.rule)) == notes) }
        for id in expected.absentAnswers {
            #expect(!summary.answers.contains { $0.id == id }, "'\(id)' should not have been asked")
        }
        // A loose answer taken for a question of the patient's shows up here.
        if let faq = expected.faq {
            #expect(summary.faq.map { $0.answered ? $0.entry ?? "unanswered" : "unanswered" } == faq)
        }
        let schema = try SummarySchema.validate(jsonData)
        #expect(schema.valid, "\(schema.output)")

        // The patient was told why (the wrap-up's outcome node shows each reason's patient message).
        let screen = Self.collapsingWhitespace(run.standardOutput)
        for reason in summary.outcome.reasons + summary.outcome.precautions {
            if let message = reason.patientMessage {
                #expect(screen.contains(Self.collapsingWhitespace(message)), "not shown: \(reason.rule)")
            }
        }

        // The staff page: the outcome section first, naming each reason; then the precautions.
        let markdown = try String(contentsOf: files.markdown, encoding: .utf8)
        let sections = Self.sections(of: markdown)
        #expect(sections.first?.heading == "## Outcome: \(Self.outcomeWords[expected.outcome] ?? "?")")
        for rule in expected.reasons {
            #expect(sections.first?.body.contains("(rule `\(rule)`") == true, "the outcome section does not name \(rule)")
        }
        let precautions = sections.first { $0.heading == "## Precautions" }
        for rule in expected.precautions {
            #expect(precautions?.body.contains("(rule `\(rule)`") == true, "the precautions do not name \(rule)")
        }

        // The FHIR resource.
        let fhir = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: files.fhir)) as? [String: Any])
        #expect(fhir["resourceType"] as? String == "QuestionnaireResponse")
        #expect(fhir["status"] as? String == "completed")
        let extensions = fhir["extension"] as? [[String: Any]] ?? []
        #expect(extensions.first { $0["url"] as? String == "http://consult.example.org/fhir/StructureDefinition/outcome" }?["valueCode"] as? String == expected.outcome)
    }

    /// The whole screen of one consultation, compared with `Golden/proceed.stdout`.
    ///
    /// Re-record after a deliberate change of the dialogs or the screen layout by running
    /// `CONSULT_RECORD_GOLDEN=1 swift test --filter PersonaTests`, then review the diff; never edit the file by hand.
    /// The proceed persona's screen holds no dates, times or session ids (those go to the files and standard error);
    /// its reference code is masked.
    @Test("the screen of the proceed persona matches the golden transcript")
    func goldenScreen() throws {
        let transcript = try PersonaExpectation(persona: "proceed").input
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("consult-golden-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try ConsultProcessRun.run(["run", "dialogs", "--out", folder.path], input: transcript)
        #expect(run.exitCode == 0)

        let golden = packageRoot.appendingPathComponent("Tests/ConsultCLITests/Golden/proceed.stdout")
        // The reference code is random: the golden screen holds `???-???` in its place.
        let screen = GoldenScreen.masked(run.standardOutput)
        if ProcessInfo.processInfo.environment["CONSULT_RECORD_GOLDEN"] == "1" {
            try Data(screen.utf8).write(to: golden)
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        if screen != expected {
            let got = screen.components(separatedBy: "\n")
            let want = expected.components(separatedBy: "\n")
            let line = zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
            Issue.record("""
                the screen differs from Golden/proceed.stdout at line \(line + 1):
                expected: \(line < want.count ? want[line] : "(end)")
                got:      \(line < got.count ? got[line] : "(end)")
                (re-record with CONSULT_RECORD_GOLDEN=1 if the change is intended)
                """)
        }
    }

    /// The transcripts' own checks (screen lines, prompts, answers, outcome), replayed in-process by `consult replay`.
    @Test("consult replay --all tests/transcripts passes every check of every persona")
    func replayAll() throws {
        let run = try ConsultProcessRun.run(["replay", "dialogs", "--all", "tests/transcripts"], input: Data())
        #expect(run.exitCode == 0, "\(run.standardOutput)\(run.standardError)")
        let passed = run.standardOutput.split(separator: "\n").filter { $0.hasPrefix("✓ tests/transcripts/") }
        #expect(passed.count == Self.personas.count, "\(run.standardOutput)")
        #expect(run.standardOutput.hasSuffix("\(Self.personas.count) transcripts passed\n"))
    }

    /// The Spanish scripted patients (healthy, pregnant, under 18, breastfeeding said indirectly, FAQ questions…),
    /// each naming its language with `#> language: es`.
    @Test("consult replay --all tests/transcripts/es passes every check of every Spanish patient")
    func replaySpanish() throws {
        let folder = Self.transcripts.appendingPathComponent("es")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }
        for required in ["proceed", "pregnant", "under-18", "breastfeeding-only", "faq-questions"] {
            #expect(names.contains("\(required).txt"), "tests/transcripts/es/\(required).txt")
        }
        let run = try ConsultProcessRun.run(["replay", "dialogs", "--all", "tests/transcripts/es"], input: Data())
        #expect(run.exitCode == 0, "\(run.standardOutput)\(run.standardError)")
        #expect(run.standardOutput.hasSuffix("\(names.count) transcripts passed\n"), "\(run.standardOutput)")
    }

    // MARK: - Helpers

    static func collapsingWhitespace(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The `## ` sections of a Markdown page, in order.
    static func sections(of markdown: String) -> [(heading: String, body: String)] {
        var sections: [(heading: String, body: String)] = []
        for line in markdown.components(separatedBy: "\n") {
            if line.hasPrefix("## ") {
                sections.append((line, ""))
            } else if !sections.isEmpty {
                sections[sections.count - 1].body += line + "\n"
            }
        }
        return sections
    }
}

/// What a persona's transcript expects of the summary files: its `#> expect` lines about the end state.
struct PersonaExpectation {
    /// `proceed`, `review`, `defer`, `decline` or `incomplete`; empty when the transcript does not say.
    var outcome = ""
    /// Rule ids of the reasons and precautions (compared as sets).
    var reasons: Set<String> = []
    var precautions: Set<String> = []
    /// Rule ids of the notes; not checked when the transcript does not say.
    var notes: Set<String>?
    /// Answer ids that must not have been asked.
    var absentAnswers: [String] = []
    /// The FAQ entries that answered the patient's own questions, in order (`unanswered` for the others).
    var faq: [String]?
    /// What `consult run` is given: the answers alone, one a line.
    var input: Data
    var answerCount: Int

    /// Reads `tests/transcripts/<persona>.txt`, which must parse without errors.
    init(persona: String) throws {
        let path = "tests/transcripts/\(persona).txt"
        let text = try String(contentsOf: packageRoot.appendingPathComponent(path), encoding: .utf8)
        let (transcript, diagnostics) = TranscriptParser.parse(text, path: path)
        try #require(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        input = Data(transcript.answers.map { $0 + "\n" }.joined().utf8)
        answerCount = transcript.answers.count
        for (_, check) in transcript.checks {
            switch check {
            case let .outcome(status): outcome = status.rawValue
            case let .rules(.reasons, rules): reasons = rules
            case let .rules(.precautions, rules): precautions = rules
            case let .rules(.notes, rules): notes = rules
            case let .notAsked(ids): absentAnswers += ids
            case let .faq(entries): faq = entries
            case .line, .prompt, .answer: continue  // checked by `consult replay`
            }
        }
    }
}

/// The part of the `.json` summary the persona tests read.
struct SummaryJSON: Decodable {
    struct Outcome: Decodable {
        var status: String
        var reasons: [Rule]
        var precautions: [Rule]
        var notes: [Rule]
    }

    struct Rule: Decodable {
        var rule: String
        var patientMessage: String?

        enum CodingKeys: String, CodingKey {
            case rule
            case patientMessage = "patient_message"
        }
    }

    struct Answer: Decodable {
        var id: String
        var value: JSONValue?
        var text: String
    }

    struct FAQ: Decodable {
        var asked: String
        var answered: Bool
        var entry: String?
    }

    var id: String
    var outcome: Outcome
    var answers: [Answer]
    var faq: [FAQ]
}

/// An answer's `value`: text, a number, a list of option ids, or nothing.
enum JSONValue: Decodable, Equatable, Sendable, CustomStringConvertible {
    case null
    case string(String)
    case number(Double)
    case bool(Bool)
    case array([JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else {
            self = .array(try container.decode([JSONValue].self))
        }
    }

    var description: String {
        switch self {
        case .null: "null"
        case let .string(text): "\"\(text)\""
        case let .number(number): "\(number)"
        case let .bool(flag): "\(flag)"
        case let .array(values): "[\(values.map(\.description).joined(separator: ", "))]"
        }
    }
}

/// The three files one consultation wrote: `<YYYYMMDD-HHMMSS>-<id>.md`, `.json` and `.fhir.json`.
struct SummaryFiles {
    let stem: String
    let markdown: URL
    let json: URL
    let fhir: URL

    /// Checks the folder holds exactly these three files, mode 0600, and is itself mode 0700; its private journal
    /// area `.journal` (0700) is empty, since the session's journal goes once its summary is written.
    init?(folder: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let manager = FileManager.default
        guard let all = try? manager.contentsOfDirectory(atPath: folder.path).sorted() else {
            Issue.record("no summary folder at \(folder.path)", sourceLocation: sourceLocation)
            return nil
        }
        let journal = folder.appendingPathComponent(".journal")
        #expect(all.contains(".journal"), "no journal area among \(all)", sourceLocation: sourceLocation)
        #expect(Self.mode(of: journal) == 0o700, "journal area mode", sourceLocation: sourceLocation)
        let journals = (try? manager.contentsOfDirectory(atPath: journal.path))?.filter { $0.hasSuffix(".journal") } ?? []
        #expect(journals.isEmpty, "journals left: \(journals)", sourceLocation: sourceLocation)
        let names = all.filter { $0 != ".journal" && $0 != ".index.tsv" } // the journal area and the listing's index
        guard let markdownName = names.first(where: { $0.hasSuffix(".md") }) else {
            Issue.record("no .md file among \(names)", sourceLocation: sourceLocation)
            return nil
        }
        let stem = String(markdownName.dropLast(3))
        #expect(Set(names) == [stem + ".md", stem + ".json", stem + ".fhir.json"], "files: \(names)", sourceLocation: sourceLocation)
        #expect((try? #/[0-9]{8}-[0-9]{6}-[A-Za-z0-9_\-]+/#.wholeMatch(in: stem)) != nil, "stem \(stem)", sourceLocation: sourceLocation)
        #expect(Self.mode(of: folder) == 0o700, "folder mode", sourceLocation: sourceLocation)
        for name in names {
            #expect(Self.mode(of: folder.appendingPathComponent(name)) == 0o600, "mode of \(name)", sourceLocation: sourceLocation)
        }
        self.stem = stem
        markdown = folder.appendingPathComponent(stem + ".md")
        json = folder.appendingPathComponent(stem + ".json")
        fhir = folder.appendingPathComponent(stem + ".fhir.json")
    }

    static func mode(of url: URL) -> Int? {
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        return (attributes?[.posixPermissions] as? NSNumber).map { $0.intValue & 0o777 }
    }
}
