#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing

/// `consult terminal-check` on a pseudo-terminal: the readline line reader as a patient meets it.
@Suite("terminal-check on a terminal")
struct TerminalCheckTerminalTests {
    private static let question = "Question? (options: Apple pie, Apple crumble, Banana)"

    /// Starts `consult terminal-check` and waits for its first prompt.
    private func startAtPrompt(_ arguments: [String] = []) throws -> PseudoTerminal {
        let terminal = try PseudoTerminal(executable: try ConsultBinary.path(), arguments: ["terminal-check"] + arguments)
        try terminal.expect(Self.question)
        try terminal.expect("> ")
        return terminal
    }

    @Test("the question and the prompt appear")
    func promptAppears() throws {
        _ = try startAtPrompt()
    }

    @Test("a typed line comes back when Enter is pressed")
    func typedLineIsReturned() throws {
        let terminal = try startAtPrompt()
        try terminal.send("hello there\r")
        try terminal.expect("got line: hello there")
        try terminal.expect("> ")
        try terminal.send("quit\r")
        try terminal.expect("got line: quit")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test("a NUL typed or pasted into a line is dropped and the rest of the line is kept")
    func nulInALineIsDropped() throws {
        let terminal = try startAtPrompt()
        try terminal.send("abc\u{0}def?\r")
        try terminal.expect("got line: abcdef?\r\n")
        try terminal.expect("> ")
        // A bracketed paste, as a terminal sends a pasted block.
        try terminal.send("\u{1B}[200~gh\u{0}ij\u{1B}[201~\r")
        try terminal.expect("got line: ghij\r\n")
        try terminal.expect("> ")
        try terminal.send("\u{4}")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test("Tab completes a unique prefix, ignoring case")
    func tabCompletesUniquePrefix() throws {
        let terminal = try startAtPrompt()
        try terminal.send("Ban\t\r")
        try terminal.expect("got line: Banana\r\n")
        try terminal.expect("> ")
        try terminal.send("ban\t\r")
        try terminal.expect("got line: Banana\r\n")
    }

    @Test("Tab completes a multi-word label")
    func tabCompletesMultiWordLabel() throws {
        let terminal = try startAtPrompt()
        try terminal.send("Apple c\t\r")
        try terminal.expect("got line: Apple crumble\r\n")
    }

    @Test("Tab-Tab on a shared prefix lists every matching option")
    func tabTabListsMatches() throws {
        let terminal = try startAtPrompt()
        try terminal.send("Apple\t\t")
        try terminal.expect("Apple crumble")
        try terminal.expect("Apple pie")
        try terminal.expect("> Apple ")
        #expect(!terminal.unmatchedOutput.contains("Banana"))
    }

    @Test("Tab offers nothing from the file system")
    func tabNeverCompletesFileNames() throws {
        let terminal = try startAtPrompt()
        try terminal.send("/\t\t\r")
        try terminal.expect("got line: /\r\n")
    }

    @Test("no key expands a home folder (readline's M-& tilde-expand is unbound)")
    func tildeExpansionIsUnbound() throws {
        let terminal = try startAtPrompt()
        try terminal.send("~root\u{1B}&\r")
        try terminal.expect("got line: ~root\r\n")
    }

    @Test("Ctrl-C cancels the line and the program keeps running")
    func controlCInterrupts() throws {
        let terminal = try startAtPrompt()
        try terminal.send("half typed")
        try terminal.expect("half typed")
        try terminal.send("\u{03}")
        try terminal.expect("got interrupt")
        try terminal.expect("> ")
        try terminal.send("next\r")
        try terminal.expect("got line: next\r\n")
    }

    /// History search is for staff (a history file, as in rehearsal); patient modes unbind it.
    @Test("Ctrl-C during a reverse history search cancels it too")
    func controlCEndsHistorySearch() throws {
        let history = "/tmp/consult-search-history-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { unlink(history) }
        let terminal = try startAtPrompt(["--history-file", history])
        try terminal.send("first\r")
        try terminal.expect("got line: first")
        try terminal.expect("> ")
        try terminal.send("\u{12}fi")
        try terminal.expect("i': ")  // the search prompt, redrawn for the second letter
        try terminal.send("\u{03}")
        try terminal.expect("got interrupt")
        try terminal.expect("> ")
        try terminal.send("second\r")
        try terminal.expect("got line: second\r\n")
    }

    @Test("Ctrl-\\ cancels the line like Ctrl-C instead of ending the program")
    func controlBackslashInterrupts() throws {
        let terminal = try startAtPrompt()
        try terminal.send("\u{1C}")
        try terminal.expect("got interrupt")
        try terminal.expect("> ")
        try terminal.send("quit\r")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test("arrow-up recalls the previous line")
    func arrowUpRecallsHistory() throws {
        let terminal = try startAtPrompt()
        try terminal.send("Apple pie\r")
        try terminal.expect("got line: Apple pie\r\n")
        try terminal.expect("> ")
        try terminal.send("\u{1B}[A\r")
        try terminal.expect("got line: Apple pie\r\n")
    }

    @Test("clearing the history forgets earlier lines")
    func clearHistoryForgets() throws {
        let terminal = try startAtPrompt()
        try terminal.send("Apple pie\r")
        try terminal.expect("got line: Apple pie\r\n")
        try terminal.send("clear-history\r")
        try terminal.expect("got line: clear-history\r\n")
        try terminal.expect("> ")
        try terminal.send("\u{1B}[A\r")
        try terminal.expect("got line: \r\n")
    }

    @Test("a history file keeps lines for the next run, readable by the owner only")
    func historyFilePersists() throws {
        let path = "/tmp/consult-history-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { unlink(path) }
        do {
            let first = try startAtPrompt(["--history-file", path])
            try first.send("Banana\r")
            try first.expect("got line: Banana\r\n")
            try first.send("quit\r")
            #expect(try first.waitForExit() == 0)
        }
        var info = stat()
        #expect(stat(path, &info) == 0)
        #expect(info.st_mode & 0o077 == 0)

        let second = try startAtPrompt(["--history-file", path])
        try second.send("\u{1B}[A\u{1B}[A\r")  // "quit", then "Banana"
        try second.expect("got line: Banana\r\n")
    }

    @Test("a pasted block of lines arrives as one line")
    func bracketedPasteIsOneLine() throws {
        let terminal = try startAtPrompt()
        try terminal.send("\u{1B}[200~one\ntwo\u{1B}[201~\r")
        try terminal.expect("got line: one two\r\n")
    }

    @Test("a paste that never ends is cut off by the timeout")
    func unterminatedPasteTimesOut() throws {
        let terminal = try startAtPrompt(["--timeout", "1"])
        try terminal.send("\u{1B}[200~abc")
        try terminal.expect("got timeout", within: .seconds(10))
        try terminal.expect("> ")
        try terminal.send("after\r")
        try terminal.expect("got line: after\r\n")
    }

    @Test("Ctrl-D on an empty line ends input and the program exits with 0")
    func controlDEnds() throws {
        let terminal = try startAtPrompt()
        try terminal.send("\u{04}")
        try terminal.expect("\ngot eof")
        #expect(try terminal.waitForExit() == 0)
        #expect(!terminal.screenDump().contains("␤\n␍␤\ngot eof"))  // one new line, not two
    }

    @Test("the idle timeout discards a partly typed line")
    func timeoutExpires() throws {
        let terminal = try startAtPrompt(["--timeout", "1"])
        try terminal.send("secret")
        try terminal.expect("got timeout", within: .seconds(10))
        try terminal.expect("> ")
        try terminal.send("after\r")
        try terminal.expect("got line: after\r\n")
    }

    @Test("SIGTERM ends the read and the program exits with 0")
    func terminateSignal() throws {
        let terminal = try startAtPrompt()
        terminal.sendSignal(SIGTERM)
        try terminal.expect("got signal 15")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test("SIGHUP ends the read and the program exits with 0")
    func hangUpSignal() throws {
        let terminal = try startAtPrompt()
        terminal.sendSignal(SIGHUP)
        try terminal.expect("got signal 1")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test("a window resize keeps the line being typed")
    func resizeKeepsLine() throws {
        let terminal = try startAtPrompt()
        try terminal.send("Ban")
        try terminal.expect("Ban")
        terminal.resize(columns: 100, rows: 30)
        try terminal.send("ana\r")
        try terminal.expect("got line: Banana\r\n")
    }

    @Test("invalid UTF-8 and control characters typed at the terminal do not crash it")
    func hostileBytesAtTerminal() throws {
        let terminal = try startAtPrompt()
        try terminal.send(bytes: [0xFF, 0xFE, 0xC3] + Array("x\u{1B}[31my\u{7F}\u{01}z\r".utf8))
        try terminal.expect("got line: ")
        try terminal.expect("> ")
        try terminal.send("still here\r")
        try terminal.expect("got line: still here\r\n")
    }
}

/// `consult terminal-check` with piped input: the plain line reader.
@Suite("terminal-check on a pipe")
struct TerminalCheckPipeTests {
    @Test("lines come back sanitised, without prompt or escape sequences")
    func pipedLinesAreSanitised() throws {
        var input: [UInt8] = Array("hello\n".utf8)
        input += [0xFF, 0xFE] + Array("abc\r\n".utf8)
        input += Array("\u{1B}[31mred\u{1B}[0m\n".utf8)
        input += Array("final".utf8)
        let run = try PipedRun.run(["terminal-check"], input: input)

        #expect(run.exitCode == 0)
        #expect(!run.output.contains(0x1B))
        #expect(!run.text.contains("> "))
        let events = run.text.split(separator: "\n").filter { $0.hasPrefix("got ") }
        #expect(events == [
            "got line: hello",
            "got line: \u{FFFD}\u{FFFD}abc",
            "got line: [31mred[0m",
            "got line: final",
            "got eof",
        ])
    }

    @Test("a 200 KB line is cut at 64 KiB and the next line still arrives")
    func overlongLineIsCapped() throws {
        let input = Array(String(repeating: "x", count: 200_000).utf8) + Array("\nafter\n".utf8)
        let run = try PipedRun.run(["terminal-check"], input: input)

        #expect(run.exitCode == 0)
        let events = run.text.split(separator: "\n").filter { $0.hasPrefix("got ") }
        #expect(events.count == 3)
        #expect(events.first == Substring("got line: " + String(repeating: "x", count: 64 * 1024)))
        #expect(events.dropFirst().elementsEqual(["got line: after", "got eof"]))
    }

    @Test("a NUL in a piped line is dropped and the rest of the line is kept")
    func nulInAPipedLineIsDropped() throws {
        // "qu\0it" is the line "quit" once the NUL is dropped, so it ends the loop before the next line.
        let run = try PipedRun.run(["terminal-check"], input: Array("qu\u{0}it\nnever read\n".utf8))
        #expect(run.exitCode == 0)
        let events = run.text.split(separator: "\n").filter { $0.hasPrefix("got ") }
        #expect(events == ["got line: quit"])
    }

    @Test("quit ends the loop before end of input")
    func quitEnds() throws {
        let run = try PipedRun.run(["terminal-check"], input: Array("quit\nnever read\n".utf8))
        #expect(run.exitCode == 0)
        #expect(run.text.contains("got line: quit"))
        #expect(!run.text.contains("never read"))
    }

    @Test("a closed standard input is end of input, not a hang")
    func closedStandardInput() throws {
        let binary = try ConsultBinary.path()
        let run = try PipedRun.run(
            ["-c", "exec \"$0\" terminal-check <&-", binary], input: [], executable: "/bin/sh", within: .seconds(10))
        #expect(run.exitCode == 0)
        #expect(run.text.hasSuffix("got eof\n"))
    }

    @Test("empty input is end of input at once")
    func emptyInput() throws {
        let run = try PipedRun.run(["terminal-check"], input: [])
        #expect(run.exitCode == 0)
        #expect(run.text.hasSuffix("got eof\n"))
    }
}
