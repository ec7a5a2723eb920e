import Foundation
import Testing

/// `consult summaries`: the front desk lists a folder's summaries, opens one by its code and prints it.
@Suite("summaries command", .serialized)
struct SummariesCommandTests {
    /// A folder with the summaries of three piped consultations: proceed, under 18 (decline) and one cut short.
    private static func folder() throws -> URL {
        let out = PackagePaths.temporaryFolder("summaries-command")
        for persona in ["proceed", "under-18"] {
            let input = try Data(contentsOf: URL(fileURLWithPath: "tests/transcripts/\(persona).txt"))
            let run = try ConsultProcessRun.run(["run", "dialogs", "--out", out.path], input: input)
            #expect(run.exitCode == 0, "\(run.standardError)")
        }
        let cut = try ConsultProcessRun.run(["run", "dialogs", "--out", out.path], input: Data("yes\n".utf8))
        #expect(cut.exitCode == 0)
        return out
    }

    private static func listing(_ out: URL, _ extra: [String] = []) throws -> [[String: Any]] {
        let run = try ConsultProcessRun.run(["summaries", "--out", out.path, "--json"] + extra, input: Data())
        #expect(run.exitCode == 0, "\(run.standardError)")
        return try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [[String: Any]] ?? []
    }

    @Test("the list is newest first, filters by outcome, code and time, and is also a table")
    func listAndFilters() throws {
        let out = try Self.folder()
        defer { try? FileManager.default.removeItem(at: out) }
        let all = try Self.listing(out)
        // The three may finish within one second; newest first means no summary after a newer one.
        #expect(Set(all.compactMap { $0["outcome"] as? String }) == ["incomplete", "decline", "proceed"])
        let times = all.compactMap { $0["finished"] as? String }
        #expect(times == times.sorted(by: >))
        let declined = try Self.listing(out, ["--outcome", "decline"])
        #expect(declined.count == 1)
        let code = try #require(declined.first?["reference"] as? String)
        #expect((declined.first?["reasons"] as? [String])?.first?.contains("18") == true)
        let byCode = try Self.listing(out, ["--reference", code.lowercased().replacingOccurrences(of: "-", with: "")])
        #expect(byCode.map { $0["reference"] as? String } == [code])
        #expect(try Self.listing(out, ["--since", "2999-01-01"]).isEmpty)
        #expect(try Self.listing(out, ["--today"]).count == 3)

        let table = try ConsultProcessRun.run(["summaries", "--out", out.path], input: Data())
        #expect(table.exitCode == 0)
        let lines = table.standardOutput.split(separator: "\n")
        #expect(lines.first?.hasPrefix("FINISHED") == true)
        #expect(lines.count == 4)
        #expect(lines.contains { $0.contains("INCOMPLETE") })
        #expect(lines.contains { $0.contains(code) && $0.contains("decline") })

        let wrong = try ConsultProcessRun.run(["summaries", "--out", out.path, "--outcome", "maybe"], input: Data())
        #expect(wrong.exitCode == 2)
    }

    @Test("show draws the staff page with no Markdown left; an unknown code exits 1 and says what to do")
    func show() throws {
        let out = try Self.folder()
        defer { try? FileManager.default.removeItem(at: out) }
        let code = try #require(try Self.listing(out, ["--outcome", "decline"]).first?["reference"] as? String)
        let run = try ConsultProcessRun.run(["summaries", "show", code, "--out", out.path], input: Data())
        #expect(run.exitCode == 0, "\(run.standardError)")
        #expect(run.standardOutput.hasPrefix("\(code) · Micro-needling consultation — summary\n═"))
        #expect(run.standardOutput.contains("Outcome: Not suitable"))
        #expect(!run.standardOutput.contains("**") && !run.standardOutput.contains("\\") && !run.standardOutput.contains("|---"))
        #expect(!run.standardOutput.contains("\u{1B}"), "not a terminal: no escapes")

        let missing = try ConsultProcessRun.run(["summaries", "show", "222-222", "--out", out.path], input: Data())
        #expect(missing.exitCode == 1)
        #expect(missing.standardError.contains("no summary with the code 222-222"))
        let bad = try ConsultProcessRun.run(["summaries", "show", "K0M-4QX", "--out", out.path], input: Data())
        #expect(bad.exitCode == 2)
    }

    @Test("print writes a private, self-contained HTML page once, and Chromium renders it to PDF and PNG")
    func print() throws {
        let out = try Self.folder()
        defer { try? FileManager.default.removeItem(at: out) }
        let code = try #require(try Self.listing(out, ["--outcome", "decline"]).first?["reference"] as? String)
        let html = out.deletingLastPathComponent().appendingPathComponent("print-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: html) }
        let run = try ConsultProcessRun.run(["summaries", "print", code, "--html", html.path, "--out", out.path], input: Data())
        #expect(run.exitCode == 0, "\(run.standardError)")
        let page = try String(contentsOf: html, encoding: .utf8)
        #expect(page.contains("<p class=\"reference\">\(code)</p>"))
        let mode = try FileManager.default.attributesOfItem(atPath: html.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let again = try ConsultProcessRun.run(["summaries", "print", code, "--html", html.path, "--out", out.path], input: Data())
        #expect(again.exitCode == 1, "never overwrites")

        guard let chromium = Chromium.path else { return } // rendering is checked where Chromium is installed
        let pdf = html.deletingPathExtension().appendingPathExtension("pdf")
        let png = html.deletingPathExtension().appendingPathExtension("png")
        defer {
            try? FileManager.default.removeItem(at: pdf)
            try? FileManager.default.removeItem(at: png)
        }
        try Chromium.run(chromium, ["--print-to-pdf=\(pdf.path)", "--no-pdf-header-footer", html.path])
        try Chromium.run(chromium, ["--screenshot=\(png.path)", "--window-size=900,1200", html.path])
        let pdfData = try Data(contentsOf: pdf)
        #expect(pdfData.starts(with: Data("%PDF".utf8)) && pdfData.count > 5_000)
        let pngData = try Data(contentsOf: png)
        #expect(pngData.starts(with: Data([0x89, 0x50, 0x4E, 0x47])) && pngData.count > 10_000)
    }
}

/// Headless Chromium (Debian's `chromium` package), when installed.
enum Chromium {
    static var path: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs Chromium headless on one page, with a hard deadline.
    static func run(_ path: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage",
                             "--user-data-dir=\(FileManager.default.temporaryDirectory.path)/consult-chromium-\(UUID().uuidString)"]
            + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = ContinuousClock.now + .seconds(60)
        while process.isRunning, ContinuousClock.now < deadline { try ProcessWait.pause(milliseconds: 100) }
        if process.isRunning {
            process.terminate()
            Issue.record("chromium did not finish within 60 seconds")
        }
    }
}
