#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// A program running in a private tmux server, read the way a person sees it: the screen and its scrollback.
///
/// tmux is a real terminal emulator, so "cleared the scrollback" can be checked, which a raw
/// pseudo-terminal byte stream cannot show. Each session uses its own server socket and is
/// killed on deinit; every wait has a deadline.
final class TmuxSession {
    private let socket = "consult-test-\(UUID().uuidString.prefix(8))"

    init(command: [String], columns: Int = 100, rows: Int = 30) throws {
        let shellCommand = command.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        // The first command starts the tmux server, which must not inherit our pipes (reads would never end).
        try tmux(detached: true, ["new-session", "-d", "-x", String(columns), "-y", String(rows), "-s", "main", shellCommand + "; sleep 5"])
        try tmux(["set-option", "-t", "main", "history-limit", "5000"])
    }

    deinit {
        _ = try? tmux(["kill-server"])
    }

    /// Types keys (tmux key names like `Enter`, `C-c`, or literal text with `literal: true`).
    func send(_ keys: String, literal: Bool = false) throws {
        try tmux(["send-keys", "-t", "main"] + (literal ? ["-l", keys] : [keys]))
    }

    /// The visible screen and the whole scrollback above it.
    func screenAndScrollback() throws -> String {
        try tmux(["capture-pane", "-p", "-t", "main", "-S", "-", "-E", "-"])
    }

    /// Waits until `text` is on the screen or in the scrollback.
    func waitFor(_ text: String, within limit: Duration = .seconds(15)) throws {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if try screenAndScrollback().contains(text) { return }
            // Polling tmux is the only way to observe its screen; the deadline bounds it.
            try? ProcessWait.pause(milliseconds: 50)
        }
        throw PseudoTerminal.Failure(description: "did not see \"\(text)\" within \(limit)\n\(try screenAndScrollback())")
    }

    /// The pane's process id, for sending signals.
    func processID() throws -> Int32 {
        Int32(try tmux(["display-message", "-p", "-t", "main", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
    }

    /// Runs one tmux command and returns its standard output.
    ///
    /// Spawned with posix_spawn and reaped with waitpid: the first command daemonises the tmux
    /// server, and the server must inherit neither our pipes nor Foundation's child bookkeeping.
    @discardableResult
    private func tmux(detached: Bool = false, _ arguments: [String]) throws -> String {
        let argv = ["tmux", "-L", socket] + arguments
        var pipe: [Int32] = [0, 0]
        // Close-on-exec, so a tmux server started by a test running in parallel cannot inherit it.
        guard Glibc.pipe(&pipe) == 0 else { throw PseudoTerminal.Failure(description: "pipe() failed") }
        _ = fcntl(pipe[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(pipe[1], F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if detached {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        } else {
            posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        PseudoTerminal.closeInheritedDescriptors(&actions)
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm-256color"
        environment.removeValue(forKey: "TMUX")
        let cArguments = argv.map { strdup($0) } + [nil]
        let cEnvironment = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            cArguments.forEach { free($0) }
            cEnvironment.forEach { free($0) }
        }
        // The tmux server and the program in its pane must not inherit the runner's blocked signals.
        var attributes = posix_spawnattr_t()
        PseudoTerminal.resetSignals(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "tmux", &actions, &attributes, cArguments, cEnvironment)
        close(pipe[1])
        defer { close(pipe[0]) }
        guard spawned == 0 else { throw PseudoTerminal.Failure(description: "could not start tmux (error \(spawned))") }
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(pipe[0], &buffer, buffer.count)
            if count > 0 { output += buffer[0..<count] } else if count == 0 || errno != EINTR { break }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return String(decoding: output, as: UTF8.self)
    }

    static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/tmux")
    }
}

enum ProcessWait {
    static func pause(milliseconds: Int) throws {
        try Task.checkCancellation()
        usleep(UInt32(milliseconds * 1000))
    }
}
