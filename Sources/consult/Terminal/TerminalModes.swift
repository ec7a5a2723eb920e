#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The terminal's modes as the program found them, restored when it exits, and the patient modes' change to them:
/// no software flow control.
///
/// With flow control on, a patient's Ctrl-S (XOFF) stops the terminal's output until someone presses Ctrl-Q;
/// the next write blocks, and with it the idle reset and the handling of SIGTERM. Patient modes turn IXON,
/// IXOFF and IXANY off, so Ctrl-S and Ctrl-Q are ordinary keys. Output can still be stopped by other means
/// (Scroll Lock on a Linux console, `tcflow`): before writing, ``resumeStoppedOutput()`` starts it again.
///
/// Threading: only the main thread calls these, around line reads, writes and at exit.
enum TerminalModes {
    // MARK: - The original modes

    /// Remembers standard input's terminal modes the first time it is called, and restores them at exit
    /// (including after SIGTERM or SIGHUP, which end the program through `exit`).
    static func saveOriginal() {
        guard !isOriginalSaved, isatty(STDIN_FILENO) == 1 else { return }
        guard tcgetattr(STDIN_FILENO, &original) == 0 else { return }
        isOriginalSaved = true
        atexit { TerminalModes.restoreOriginal() }
    }

    /// Puts the terminal back as the program found it. `TCSANOW`: waiting for output to drain could block for
    /// ever on a terminal whose output is stopped.
    static func restoreOriginal() {
        guard isOriginalSaved else { return }
        _ = tcsetattr(STDIN_FILENO, TCSANOW, &original)
    }

    // MARK: - Flow control

    /// Turns software flow control off for the rest of the run (patient modes); the original modes come back at exit.
    static func turnOffFlowControl() {
        saveOriginal()
        guard isOriginalSaved else { return }
        var modes = termios()
        guard tcgetattr(STDIN_FILENO, &modes) == 0 else { return }
        modes.c_iflag &= ~tcflag_t(IXON | IXOFF | IXANY)
        // Clearing IXON also restarts output that an earlier Ctrl-S stopped.
        guard tcsetattr(STDIN_FILENO, TCSANOW, &modes) == 0 else { return }
        isFlowControlOff = true
    }

    /// Whether patient modes turned flow control off, so that stopped output is started again before writing.
    nonisolated(unsafe) private(set) static var isFlowControlOff = false

    /// Whether `descriptor` can be written now without blocking.
    static func isWritable(_ descriptor: Int32) -> Bool {
        var waiting = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
        return poll(&waiting, 1, 0) > 0 && waiting.revents & Int16(POLLOUT) != 0
    }

    /// Starts standard output again if the terminal has stopped it (Scroll Lock, `tcflow`, an XOFF from before
    /// flow control was turned off); does nothing unless flow control is off or when output can be written.
    static func resumeStoppedOutput() {
        guard isFlowControlOff, isatty(STDOUT_FILENO) == 1, !isWritable(STDOUT_FILENO) else { return }
        // Undoes a `tcflow(TCOOFF)`.
        _ = tcflow(STDOUT_FILENO, TCOON)
        // The kernel restarts output stopped by XOFF or Scroll Lock when IXON goes from on to off.
        var modes = termios()
        guard !isWritable(STDOUT_FILENO), tcgetattr(STDOUT_FILENO, &modes) == 0 else { return }
        modes.c_iflag |= tcflag_t(IXON)
        _ = tcsetattr(STDOUT_FILENO, TCSANOW, &modes)
        modes.c_iflag &= ~tcflag_t(IXON | IXOFF | IXANY)
        _ = tcsetattr(STDOUT_FILENO, TCSANOW, &modes)
    }

    // MARK: - State

    nonisolated(unsafe) private static var original = termios()
    nonisolated(unsafe) private static var isOriginalSaved = false
}
