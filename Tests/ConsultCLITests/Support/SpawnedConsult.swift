#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// `consult` started with each standard descriptor chosen by the test: a pipe the test holds, or a file
/// such as `/dev/full`.
///
/// Unlike `Process`, the child starts with every signal at its default action (see
/// ``PseudoTerminal/resetSignals(_:extraFlags:)``), so a test sees what a shell user would: a program
/// that does not ignore SIGPIPE itself dies of it. The child is killed when the helper goes away.
final class SpawnedConsult {
    /// Where one of the child's standard descriptors goes.
    enum Stream {
        /// A pipe whose other end the test holds.
        case pipe
        /// A file opened for the child (read for input, write for output).
        case file(String)
    }

    let processID: pid_t
    /// The test's end of standard input's pipe, or -1.
    private(set) var input: Int32 = -1
    /// The test's end of standard output's pipe, or -1.
    private(set) var output: Int32 = -1
    /// The test's end of standard error's pipe, or -1.
    private(set) var error: Int32 = -1
    private var exitStatus: Int32?
    /// Everything read from standard output so far.
    private(set) var outputBytes: [UInt8] = []
    /// Where the next ``expectOutput(_:within:)`` starts looking.
    private var searchStart = 0

    init(_ arguments: [String], input: Stream = .pipe, output: Stream = .pipe, error: Stream = .pipe) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var childEnds: [Int32] = []
        defer { childEnds.forEach { close($0) } }
        var testEnds: [Int32] = [-1, -1, -1]
        for (descriptor, stream) in [input, output, error].enumerated() {
            switch stream {
            case .pipe:
                var ends: [Int32] = [-1, -1]
                guard pipe(&ends) == 0 else { throw PseudoTerminal.Failure(description: "pipe() failed: errno \(errno)") }
                ends.forEach { _ = fcntl($0, F_SETFD, FD_CLOEXEC) }
                let (child, test) = descriptor == 0 ? (ends[0], ends[1]) : (ends[1], ends[0])
                childEnds.append(child)
                testEnds[descriptor] = test
                posix_spawn_file_actions_adddup2(&actions, child, Int32(descriptor))
            case let .file(path):
                posix_spawn_file_actions_addopen(&actions, Int32(descriptor), path, descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
            }
        }
        PseudoTerminal.closeInheritedDescriptors(&actions)
        var attributes = posix_spawnattr_t()
        PseudoTerminal.resetSignals(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        let executable = try ConsultBinary.path()
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = ConsultProcessRun.environment().map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            testEnds.filter { $0 >= 0 }.forEach { close($0) }
            throw PseudoTerminal.Failure(description: "posix_spawn \(executable) failed: error \(result)")
        }
        processID = pid
        (self.input, self.output, self.error) = (testEnds[0], testEnds[1], testEnds[2])
    }

    deinit {
        if exitStatus == nil {
            kill(processID, SIGKILL)
            var status: Int32 = 0
            while waitpid(processID, &status, 0) < 0 && errno == EINTR {}
        }
        [input, output, error].filter { $0 >= 0 }.forEach { close($0) }
    }

    /// Writes `text` to the program's standard input.
    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(input, $0.baseAddress, $0.count) }
            if written > 0 {
                offset += written
            } else if !(written < 0 && errno == EINTR) {
                throw PseudoTerminal.Failure(description: "writing to the program's input failed: errno \(errno)")
            }
        }
    }

    /// Closes the test's end of standard input (the program then reads the end of its input).
    func closeInput() {
        if input >= 0 { close(input) }
        input = -1
    }

    /// Closes the test's end of standard output, as `head` does once it has what it wants.
    func closeOutput() {
        if output >= 0 { close(output) }
        output = -1
    }

    /// Reads standard output until it holds `count` lines.
    ///
    /// - Throws: ``PseudoTerminal/Failure`` when they do not arrive within `limit`.
    func readLines(_ count: Int, within limit: Duration = .seconds(30)) throws {
        let deadline = ContinuousClock.now + limit
        while outputBytes.filter({ $0 == UInt8(ascii: "\n") }).count < count {
            guard ContinuousClock.now < deadline, drain(output, until: deadline) else {
                throw PseudoTerminal.Failure(description: "standard output did not reach \(count) lines within \(limit):\n"
                    + String(decoding: outputBytes, as: UTF8.self))
            }
        }
    }

    /// Reads standard output until `text` appears after the previous match.
    ///
    /// - Throws: ``PseudoTerminal/Failure`` when it does not appear within `limit`.
    func expectOutput(_ text: String, within limit: Duration = .seconds(30)) throws {
        let deadline = ContinuousClock.now + limit
        while true {
            let unmatched = String(decoding: outputBytes[searchStart...], as: UTF8.self)
            if let range = unmatched.range(of: text) {
                searchStart += unmatched[..<range.upperBound].utf8.count
                return
            }
            guard ContinuousClock.now < deadline, drain(output, until: deadline) else {
                throw PseudoTerminal.Failure(description: "did not see \"\(text)\" on standard output within \(limit):\n"
                    + String(decoding: outputBytes, as: UTF8.self))
            }
        }
    }

    /// Standard output after the previous ``expectOutput(_:within:)`` match.
    var unmatchedOutput: String {
        String(decoding: outputBytes[searchStart...], as: UTF8.self)
    }

    /// Waits for the program to exit, draining its standard output meanwhile.
    ///
    /// - Returns: The exit code, or 128 + the signal number if a signal ended it.
    func waitForExit(within limit: Duration = .seconds(30)) throws -> Int32 {
        if let exitStatus { return exitStatus }
        let deadline = ContinuousClock.now + limit
        while true {
            if let code = try ChildExit.poll(processID) {
                exitStatus = code
                return code
            }
            guard ContinuousClock.now < deadline else {
                throw PseudoTerminal.Failure(description: "the program did not exit within \(limit); standard output:\n"
                    + String(decoding: outputBytes, as: UTF8.self))
            }
            // Drains output (a full pipe would block the child) and paces the loop; not a synchronisation sleep.
            _ = drain(output, until: min(deadline, .now + .milliseconds(20)))
        }
    }

    /// Everything left on standard error once the program has exited.
    func standardError() -> String {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 8192)
        while error >= 0 {
            let count = read(error, &buffer, buffer.count)
            if count > 0 { bytes += buffer[0..<count] } else if count == 0 || errno != EINTR { break }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Reads what arrives on `descriptor` before `deadline` into ``outputBytes``; false at its end.
    private func drain(_ descriptor: Int32, until deadline: ContinuousClock.Instant) -> Bool {
        let remaining = deadline - .now
        let milliseconds = max(0, Int32(clamping: remaining.components.seconds * 1000
            + remaining.components.attoseconds / 1_000_000_000_000_000))
        guard descriptor >= 0 else {
            _ = poll(nil, 0, milliseconds)
            return ContinuousClock.now < deadline
        }
        var waiting = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let ready = poll(&waiting, 1, milliseconds)
        if ready < 0 { return errno == EINTR }
        if ready == 0 { return ContinuousClock.now < deadline }
        var buffer = [UInt8](repeating: 0, count: 8192)
        let count = read(descriptor, &buffer, buffer.count)
        if count > 0 {
            outputBytes += buffer[0..<count]
            return true
        }
        return count < 0 && (errno == EINTR || errno == EAGAIN)
    }
}
