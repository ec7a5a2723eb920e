import Foundation
import Testing

/// Golden runs of `consult run dialogs` for one patient each: `tests/transcripts/<persona>.txt` is typed on
/// standard input, one answer per line, and the three summary files are checked against
/// `tests/transcripts/<persona>.expected.json`.
@Suite("personas: piped consultations of the bundled dialogs")
struct PersonaTests {
    /// Every persona of the issue, plus a young adult with darker skin (review and a precaution together).
    static let personas = [
        "proceed", "pregnant", "breastfeeding", "keloid", "active-acne", "isotretinoin-recent", "blood-thinners",
        "cold-sores", "eczema", "sunburn", "under-18", "faq-questions", "back-changes-answer",
        "young-adult-darker-skin",
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

    @Test("every transcript in tests/transcripts is a persona here, with its expectations")
    func everyTranscriptIsTested() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.transcripts.path)
        let transcripts = Set(names.filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) })
        let expectations = Set(names.filter { $0.hasSuffix(".expected.json") }.map { String($0.dropLast(14)) })
        #expect(transcripts == Set(Self.personas))
        #expect(expectations == Set(Self.personas))
    }

    @Test("outcome, reasons, precautions, answers and the three summary files", arguments: personas)
    func persona(_ name: String) throws {
        let transcript = try Data(contentsOf: Self.transcripts.appendingPathComponent("\(name).txt"))
        let expected = try JSONDecoder().decode(
            PersonaExpectation.self,
            from: Data(contentsOf: Self.transcripts.appendingPathComponent("\(name).expected.json")))

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("consult-persona-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("summaries")  // created by consult
        let run = try ConsultProcessRun.run(["run", "dialogs", "--out", out.path], input: transcript)
        #expect(run.exitCode == 0, "\(run.standardError)")

        // Every line of the transcript was read as an answer (piped lines are echoed after "> ").
        let lines = String(decoding: transcript, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let echoed = run.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).filter { $0.hasPrefix("> ") }
        #expect(echoed.count == lines.count, "the session ended before the transcript did, or read lines twice")
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
        #expect(Set(summary.outcome.notes.map(\.rule)) == Set(expected.notes ?? []))
        for (id, value) in expected.answers.sorted(by: { $0.key < $1.key }) {
            let answer = summary.answers.first { $0.id == id }
            #expect(answer != nil, "no answer '\(id)'")
            if let answer { #expect((answer.value ?? .null) == value, "answer '\(id)' (typed \"\(answer.text)\")") }
        }
        for id in expected.absentAnswers ?? [] {
            #expect(!summary.answers.contains { $0.id == id }, "'\(id)' should not have been asked")
        }
        // A loose answer taken for a question of the patient's shows up here.
        #expect(summary.faq.map { $0.answered ? $0.entry ?? "?" : "(unanswered) \($0.asked)" } == (expected.faq ?? []))
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
        #expect(extensions.first { $0["url"] as? String == "urn:consult:outcome" }?["valueCode"] as? String == expected.outcome)
    }

    /// The whole screen of one consultation, compared with `Golden/proceed.stdout`.
    ///
    /// Re-record after a deliberate change of the dialogs or the screen layout by running
    /// `CONSULT_RECORD_GOLDEN=1 swift test --filter PersonaTests`, then review the diff; never edit the file by hand.
    /// The proceed persona's screen holds no dates, times or session ids (those go to the files and standard error).
    @Test("the screen of the proceed persona matches the golden transcript")
    func goldenScreen() throws {
        let transcript = try Data(contentsOf: Self.transcripts.appendingPathComponent("proceed.txt"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("consult-golden-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try ConsultProcessRun.run(["run", "dialogs", "--out", folder.path], input: transcript)
        #expect(run.exitCode == 0)

        let golden = packageRoot.appendingPathComponent("Tests/ConsultCLITests/Golden/proceed.stdout")
        if ProcessInfo.processInfo.environment["CONSULT_RECORD_GOLDEN"] == "1" {
            try Data(run.standardOutput.utf8).write(to: golden)
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        if run.standardOutput != expected {
            let got = run.standardOutput.components(separatedBy: "\n")
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

/// `tests/transcripts/<persona>.expected.json`.
struct PersonaExpectation: Decodable {
    /// `proceed`, `review`, `defer`, `decline` or `incomplete`.
    var outcome: String
    /// Rule ids of the reasons and precautions (compared as sets).
    var reasons: [String]
    var precautions: [String]
    /// Rule ids of the notes; none when left out.
    var notes: [String]?
    /// Some answers, by id, with their summary `value`.
    var answers: [String: JSONValue]
    /// Answer ids that must not have been asked.
    var absentAnswers: [String]?
    /// The FAQ entries that answered the patient's own questions, in order; none when left out.
    var faq: [String]?

    enum CodingKeys: String, CodingKey {
        case outcome, reasons, precautions, notes, answers, faq
        case absentAnswers = "absent_answers"
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

    /// Checks the folder holds exactly these three files, mode 0600, and is itself mode 0700.
    init?(folder: URL, sourceLocation: SourceLocation = #_sourceLocation) {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: folder.path).sorted() else {
            Issue.record("no summary folder at \(folder.path)", sourceLocation: sourceLocation)
            return nil
        }
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
