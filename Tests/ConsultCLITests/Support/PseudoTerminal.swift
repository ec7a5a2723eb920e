#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program on a pseudo-terminal, so it sees a real terminal: readline, job control, Ctrl-C.
///
/// The child gets its own session with the pty as its controlling terminal (posix_spawn with
/// `POSIX_SPAWN_SETSID`, then opening the slave makes it the controlling terminal on Linux).
/// Every wait has a deadline; the child is killed when the helper goes away.
final class PseudoTerminal {
    /// A failed expectation, with what the screen showed.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let processID: pid_t
    /// The master side; -1 after ``hangUp()``.
    private var master: Int32
    /// The terminal the program runs on, `/dev/pts/N`.
    private let slavePath: String
    /// Everything the program wrote to the terminal so far.
    private(set) var transcript: [UInt8] = []
    /// Where the next ``expect(_:within:)`` starts looking: just after the previous match.
    private var searchStart = 0
    private var exitStatus: Int32?

    /// Starts `executable` on a new pseudo-terminal.
    ///
    /// - Parameter environment: The child's whole environment; defaults to ``defaultEnvironment()``.
    init(
        executable: String,
        arguments: [String],
        environment: [String: String] = PseudoTerminal.defaultEnvironment(),
        columns: UInt16 = 80,
        rows: UInt16 = 24
    ) throws {
        let (master, slavePath) = try Self.openMaster()
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // After setsid, the first terminal the session leader opens becomes its controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        Self.closeInheritedDescriptors(&actions)

        var attributes = posix_spawnattr_t()
        Self.resetSignals(&attributes, extraFlags: spawnNewSession)
        defer { posix_spawnattr_destroy(&attributes) }

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            close(master)
            throw Failure(description: "posix_spawn \(executable) failed: error \(result)")
        }
        self.master = master
        self.slavePath = slavePath
        self.processID = pid
    }

    /// Opens a new pseudo-terminal master and returns it with the slave's path.
    ///
    /// Swift's Glibc module does not export `posix_openpt` and friends, so on Linux this does what
    /// they do: open `/dev/ptmx`, unlock the slave and ask for its number (devpts needs no `grantpt`).
    private static func openMaster() throws -> (Int32, String) {
        #if os(Linux)
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        guard master >= 0 else { throw Failure(description: "opening /dev/ptmx failed: errno \(errno)") }
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard ioctl(master, UInt(setPseudoTerminalLock), &unlock) == 0,
              ioctl(master, UInt(getPseudoTerminalNumber), &number) == 0
        else {
            close(master)
            throw Failure(description: "unlocking the pseudo-terminal failed: errno \(errno)")
        }
        return (master, "/dev/pts/\(number)")
        #else
        let master = posix_openpt(O_RDWR | O_NOCTTY)
        guard master >= 0, grantpt(master) == 0, unlockpt(master) == 0, let name = ptsname(master) else {
            throw Failure(description: "posix_openpt failed: errno \(errno)")
        }
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        return (master, String(cString: name))
        #endif
    }

    /// Initialises spawn attributes so the child starts with no signal blocked and default handlers:
    /// the test runner blocks some signals in its threads, and a child inheriting that would never see Ctrl-C.
    static func resetSignals(_ attributes: inout posix_spawnattr_t, extraFlags: Int32 = 0) {
        posix_spawnattr_init(&attributes)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaultSignals = sigset_t()
        sigemptyset(&defaultSignals)
        for signal in [SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGWINCH, SIGPIPE, SIGTSTP, SIGTTIN, SIGTTOU, SIGCHLD] {
            sigaddset(&defaultSignals, signal)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
        posix_spawnattr_setflags(&attributes, Int16(extraFlags | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    }

    /// Closes descriptors 3 and up in the child: tests run in parallel, and a child that inherited
    /// another test's pipe would keep that pipe open (and that test's program waiting for EOF).
    static func closeInheritedDescriptors(_ actions: inout posix_spawn_file_actions_t) {
        #if os(Linux)
        // glibc 2.34+; Swift's Glibc module does not export it (_GNU_SOURCE only), so look it up.
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        if let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") {
            _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
        }
        #endif
    }

    deinit {
        if exitStatus == nil {
            kill(processID, SIGKILL)
            var status: Int32 = 0
            while waitpid(processID, &status, 0) < 0 && errno == EINTR {}
        }
        if master >= 0 { close(master) }
    }

    /// The usual environment for a terminal test: xterm, UTF-8, no colour preferences, no user inputrc.
    static func defaultEnvironment() -> [String: String] {
        var environment = [
            "TERM": "xterm-256color",
            "LANG": "C.UTF-8",
            "INPUTRC": "/dev/null",
        ]
        for name in ["PATH", "HOME"] {
            if let value = getenv(name) {
                environment[name] = String(cString: value)
            }
        }
        return environment
    }

    // MARK: - Talking to the program

    /// Types `text` (UTF-8) at the terminal: "\r" is Enter, "\u{03}" Ctrl-C, "\u{04}" Ctrl-D, "\t" Tab.
    func send(_ text: String) throws {
        try send(bytes: Array(text.utf8))
    }

    /// Types raw bytes at the terminal, valid UTF-8 or not.
    func send(bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                throw Failure(description: "writing to the terminal failed: errno \(errno)\n\(screenDump())")
            }
        }
    }

    /// Closes the terminal, as when a terminal window is closed or a serial line drops: the kernel sends
    /// SIGHUP to the program, and its reads and writes on the terminal fail from then on.
    func hangUp() {
        if master >= 0 { close(master) }
        master = -1
    }

    /// Stops the terminal's output as Scroll Lock does on a console (`tcflow(TCOOFF)`): the program's writes
    /// wait until someone starts it again.
    func stopOutput() throws {
        let slave = open(slavePath, O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw Failure(description: "opening \(slavePath) failed: errno \(errno)") }
        defer { close(slave) }
        guard tcflow(slave, TCOOFF) == 0 else { throw Failure(description: "tcflow(TCOOFF) failed: errno \(errno)") }
    }

    /// The terminal's input modes (`c_iflag`) as the program last set them.
    func inputModes() throws -> tcflag_t {
        var modes = termios()
        guard master >= 0, tcgetattr(master, &modes) == 0 else { throw Failure(description: "tcgetattr failed: errno \(errno)") }
        return modes.c_iflag
    }

    /// Sends `signal` to the program.
    func sendSignal(_ signal: Int32) {
        kill(processID, signal)
    }

    /// Changes the window size; the kernel sends SIGWINCH to the program.
    func resize(columns: UInt16, rows: UInt16) {
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    /// Waits until `text` appears in the output after the previous match.
    ///
    /// - Returns: The output between the previous match and this one.
    /// - Throws: ``Failure`` with the output so far when `text` does not appear within the deadline.
    @discardableResult
    func expect(_ text: String, within limit: Duration = .seconds(30)) throws -> String {
        let needle = Array(text.utf8)
        let deadline = ContinuousClock.now + limit
        let previous = searchStart
        while true {
            if let range = find(needle, from: searchStart) {
                searchStart = range.upperBound
                return String(decoding: transcript[previous..<range.lowerBound], as: UTF8.self)
            }
            guard ContinuousClock.now < deadline, readOutput(until: deadline) else {
                // One last look: the final read may have brought it.
                if let range = find(needle, from: searchStart) {
                    searchStart = range.upperBound
                    return String(decoding: transcript[previous..<range.lowerBound], as: UTF8.self)
                }
                throw Failure(description: "did not see \(visible(needle)) within \(limit)\n\(screenDump())")
            }
        }
    }

    /// The output after the previous match, for checks that something did not appear.
    var unmatchedOutput: String {
        String(decoding: transcript[searchStart...], as: UTF8.self)
    }

    /// Waits for the program to exit, reading its output meanwhile.
    ///
    /// - Returns: The exit code, or 128 + the signal number if a signal ended it.
    /// - Throws: ``Failure`` when it is still running at the deadline (the helper kills it later).
    func waitForExit(within limit: Duration = .seconds(30)) throws -> Int32 {
        if let exitStatus { return exitStatus }
        let deadline = ContinuousClock.now + limit
        while true {
            if let code = try ChildExit.poll(processID) {
                exitStatus = code
                while readOutput(until: .now) {}  // keep what it wrote last
                return code
            }
            guard ContinuousClock.now < deadline else {
                throw Failure(description: "the program did not exit within \(limit)\n\(screenDump())")
            }
            // Drains output (a full pty would block the child) and paces the loop; not a synchronisation sleep.
            _ = readOutput(until: min(deadline, .now + .milliseconds(20)))
        }
    }

    // MARK: - Reading

    /// Reads whatever arrives before `deadline`. Returns false when nothing more can arrive.
    private func readOutput(until deadline: ContinuousClock.Instant) -> Bool {
        let remaining = deadline - .now
        let milliseconds = max(0, Int32(clamping: remaining.components.seconds * 1000
            + remaining.components.attoseconds / 1_000_000_000_000_000))
        guard master >= 0 else {
            _ = poll(nil, 0, milliseconds)  // hung up: nothing more can arrive; paces the caller's loop
            return false
        }
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, milliseconds)
        if ready < 0 { return errno == EINTR }
        if ready == 0 { return ContinuousClock.now < deadline }
        var buffer = [UInt8](repeating: 0, count: 8192)
        let count = read(master, &buffer, buffer.count)
        if count > 0 {
            transcript.append(contentsOf: buffer[0..<count])
            return true
        }
        if count < 0 && (errno == EINTR || errno == EAGAIN) { return true }
        return false  // EIO: every slave descriptor is closed, the program has gone
    }

    private func find(_ needle: [UInt8], from start: Int) -> Range<Int>? {
        guard !needle.isEmpty else { return start..<start }
        guard transcript.count - start >= needle.count else { return nil }
        var index = start
        while index + needle.count <= transcript.count {
            if transcript[index] == needle[0] && transcript[index..<(index + needle.count)].elementsEqual(needle) {
                return index..<(index + needle.count)
            }
            index += 1
        }
        return nil
    }

    /// The whole transcript with control characters made visible, for failure messages.
    func screenDump() -> String {
        "--- terminal output (\(transcript.count) bytes, \(searchStart) matched) ---\n"
            + visible(transcript) + "\n--- end ---"
    }

    private func visible(_ bytes: some Sequence<UInt8>) -> String {
        var text = ""
        for scalar in String(decoding: Array(bytes), as: UTF8.self).unicodeScalars {
            switch scalar.value {
            case 0x1B: text += "␛"
            case 0x0A: text += "␤\n"
            case 0x0D: text += "␍"
            case 0x00..<0x20: text += "^" + String(UnicodeScalar(UInt8(scalar.value) + 0x40))
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text
    }
}

#if os(Linux)
/// `TIOCSPTLCK` and `TIOCGPTN` (`_IOW('T', 0x31, int)`, `_IOR('T', 0x30, unsigned int)`), which Swift does not import.
private let setPseudoTerminalLock: UInt32 = 0x4004_5431
private let getPseudoTerminalNumber: UInt32 = 0x8004_5430
/// `POSIX_SPAWN_SETSID` (glibc, `_GNU_SOURCE` only): the child starts a new session.
private let spawnNewSession: Int32 = 0x80
#else
private let spawnNewSession = POSIX_SPAWN_SETSID
#endif
