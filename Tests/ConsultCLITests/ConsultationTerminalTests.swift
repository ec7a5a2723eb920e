import Foundation
import Testing

/// `consult run` on a pseudo-terminal, as a patient meets it: readline, Tab, commands, Ctrl-C, Ctrl-D.
@Suite("consultation on a terminal")
struct ConsultationTerminalTests {
    private static let consentQuestion = "Is it okay to continue with the screening?"
    private static let concernQuestion = "What would you like to improve?"

    /// Starts a consultation writing into a fresh folder and waits for the first question.
    private func start() throws -> (PseudoTerminal, URL) {
        let out = PackagePaths.temporaryFolder("terminal")
        let terminal = try PseudoTerminal(executable: try ConsultBinary.path(),
                                          arguments: ["run", PackagePaths.dialogs, "--out", out.path])
        try terminal.expect(Self.consentQuestion)
        try terminal.expect("> ")
        return (terminal, out)
    }

    @Test("the first question and the prompt appear")
    func firstPromptAppears() throws {
        let (terminal, out) = try start()
        defer { try? FileManager.default.removeItem(at: out) }
        try terminal.send("\u{04}")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test("Tab completes the current question's answers")
    func tabListsTheChoices() throws {
        let (terminal, out) = try start()
        defer { try? FileManager.default.removeItem(at: out) }
        try terminal.send("ye\t")
        try terminal.expect("yes")
        try terminal.send("\r")
        try terminal.expect(Self.concernQuestion)
        try terminal.expect("> ")
        try terminal.send("Wrin\t")
        try terminal.expect("Wrinkles or fine lines")
        try terminal.send("\u{15}Acne\t\t")
        try terminal.expect("Acne scars")
        try terminal.send("\u{15}")
        try terminal.send("\u{04}")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test("back returns to the previous question and the answer can be changed")
    func backChangesAnEarlierAnswer() throws {
        let (terminal, out) = try start()
        defer { try? FileManager.default.removeItem(at: out) }
        try terminal.send("yes\r")
        try terminal.expect(Self.concernQuestion)
        try terminal.send("1\r")
        try terminal.expect("Which areas would you like treated?")
        try terminal.expect("> ")
        try terminal.send("back\r")
        try terminal.expect("You answered: Acne scars")
        try terminal.expect(Self.concernQuestion)
        try terminal.send("4\r")
        try terminal.expect("Which areas would you like treated?")
        try terminal.expect("> ")
        try terminal.send("\u{04}")
        #expect(try terminal.waitForExit() == 0)
        let summary = try #require(try PackagePaths.summaries(in: out).first)
        let answers = summary["answers"] as? [[String: Any]] ?? []
        let concern = answers.first { $0["id"] as? String == "concern" }
        #expect(concern?["value"] as? [String] == ["wrinkles"])
    }

    @Test("a guess is said back, a question asked back is answered, and only a confirmed reading is stored")
    func readingsAreSaidBackBeforeTheyAreStored() throws {
        let (terminal, out) = try start()
        defer { try? FileManager.default.removeItem(at: out) }
        try terminal.send("can I have it while pregnant?\r")
        try terminal.expect("About your question")
        try terminal.expect(Self.consentQuestion)
        try terminal.expect("> ")
        try terminal.send("I think so\r")
        try terminal.expect("I understood: yes. Is that right?")
        try terminal.expect("> ")
        try terminal.send("no\r")
        try terminal.expect("let's try that question again")
        try terminal.expect(Self.consentQuestion)
        try terminal.expect("> ")
        try terminal.send("I think so\r")
        try terminal.expect("Is that right?")
        try terminal.expect("> ")
        try terminal.send("yes\r")
        try terminal.expect(Self.concernQuestion)
        try terminal.expect("> ")
        try terminal.send("\u{04}")
        #expect(try terminal.waitForExit() == 0)
        let summary = try #require(try PackagePaths.summaries(in: out).first)
        let answers = summary["answers"] as? [[String: Any]] ?? []
        let consent = try #require(answers.first { $0["id"] as? String == "consent" })
        #expect(consent["value"] as? String == "yes")
        #expect(consent["text"] as? String == "I think so")
        #expect((consent["confirmation"] as? [String: Any])?["doubt"] as? String == "hedged")
    }

    @Test("an FAQ question mid-screening is answered and the same question comes back")
    func faqQuestionMidScreening() throws {
        let (terminal, out) = try start()
        defer { try? FileManager.default.removeItem(at: out) }
        try terminal.send("yes\r")
        try terminal.expect(Self.concernQuestion)
        try terminal.send("does it hurt?\r")
        try terminal.expect("About your question")
        try terminal.expect(Self.concernQuestion)
        try terminal.expect("> ")
        try terminal.send("\u{04}")
        #expect(try terminal.waitForExit() == 0)
        let summary = try #require(try PackagePaths.summaries(in: out).first)
        let faq = summary["faq"] as? [[String: Any]] ?? []
        #expect(faq.first?["asked"] as? String == "does it hurt?")
        #expect(faq.first?["answered"] as? Bool == true)
    }

    @Test("Ctrl-C cancels the line, says how to quit, and the session goes on")
    func controlCKeepsTheSession() throws {
        let (terminal, out) = try start()
        defer { try? FileManager.default.removeItem(at: out) }
        try terminal.send("half typed")
        try terminal.send("\u{03}")
        try terminal.expect("To leave the consultation, type quit.")
        try terminal.expect("> ")
        try terminal.send("yes\r")
        try terminal.expect(Self.concernQuestion)
        try terminal.expect("> ")
        try terminal.send("\u{04}")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test("Ctrl-D ends the session with an incomplete summary, 0600 in a 0700 folder")
    func endOfInputWritesAnIncompleteSummary() throws {
        let (terminal, out) = try start()
        defer { try? FileManager.default.removeItem(at: out) }
        try terminal.send("yes\r")
        try terminal.expect(Self.concernQuestion)
        try terminal.expect("> ")
        try terminal.send("\u{04}")
        try terminal.expect("saved")
        #expect(try terminal.waitForExit() == 0)
        let summaries = try PackagePaths.summaries(in: out)
        #expect(summaries.count == 1)
        let outcome = summaries.first?["outcome"] as? [String: Any]
        #expect(outcome?["status"] as? String == "incomplete")
        let folderMode = try FileManager.default.attributesOfItem(atPath: out.path)[.posixPermissions] as? Int
        #expect(folderMode == 0o700)
        for name in try FileManager.default.contentsOfDirectory(atPath: out.path) {
            let mode = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent(name).path)[.posixPermissions] as? Int
            // The private journal area is a folder, 0700 like the summary folder.
            #expect(mode == (name == ".journal" ? 0o700 : 0o600), "\(name)")
        }
    }

    @Test("keys typed ahead in one burst are all answered, Ctrl-D included")
    func typeaheadIsKept() throws {
        let (terminal, out) = try start()
        defer { try? FileManager.default.removeItem(at: out) }
        try terminal.send("yes\r1\r\u{04}")
        #expect(try terminal.waitForExit() == 0)
        let summary = try #require(try PackagePaths.summaries(in: out).first)
        let answers = summary["answers"] as? [[String: Any]] ?? []
        #expect(answers.map { $0["id"] as? String } == ["consent", "concern"])
    }

    @Test("Ctrl-Z does not suspend a patient session")
    func controlZIsIgnored() throws {
        let (terminal, out) = try start()
        defer { try? FileManager.default.removeItem(at: out) }
        try terminal.send("\u{1A}")
        try terminal.send("yes\r")
        try terminal.expect(Self.concernQuestion)
        try terminal.expect("> ")
        try terminal.send("\u{04}")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test("no history file is written in patient mode, only the summary and the compiled dialogs")
    func noHistoryFile() throws {
        let home = PackagePaths.temporaryFolder("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        var environment = PseudoTerminal.defaultEnvironment()
        environment["HOME"] = home.path
        let out = home.appendingPathComponent("summaries")
        let terminal = try PseudoTerminal(executable: try ConsultBinary.path(),
                                          arguments: ["run", PackagePaths.dialogs, "--out", out.path], environment: environment)
        try terminal.expect(Self.consentQuestion)
        try terminal.send("yes\r")
        try terminal.expect(Self.concernQuestion)
        try terminal.expect("> ")
        try terminal.send("\u{04}")
        #expect(try terminal.waitForExit() == 0)
        // Only the summaries, and the compiled form of the dialogs (which holds nothing a patient typed).
        #expect(try FileManager.default.contentsOfDirectory(atPath: home.path).sorted() == [".cache", "summaries"])
        let cache = home.appendingPathComponent(".cache/consult").path
        let compiled = try FileManager.default.contentsOfDirectory(atPath: cache)
        #expect(compiled.count == 1 && compiled.allSatisfy { $0.hasSuffix(".compiled") }, "\(compiled)")
    }
}
