#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps the terminal out of canonical (line-by-line) mode between two line reads.
///
/// readline switches the terminal to character mode only while a line is being read. In the
/// gaps between (while the program prints the next question) the kernel's line discipline would
/// swallow a Ctrl-D as "end of file" with no reader waiting, so a quick patient's Ctrl-D was
/// lost. Held here, typed-ahead keys wait as bytes for the next read. Signals (Ctrl-C) still work.
/// ``TerminalModes`` restores the original modes when the program exits.
enum TypeaheadHold {
    /// Holds typed-ahead keys from now on (idempotent).
    static func hold() {
        guard isatty(STDIN_FILENO) == 1 else { return }
        TerminalModes.saveOriginal()
        var held = termios()
        guard tcgetattr(STDIN_FILENO, &held) == 0 else { return }
        // ECHO stays on: readline decides whether to show typed keys from the ECHO flag it finds.
        held.c_lflag &= ~tcflag_t(ICANON)
        withUnsafeMutableBytes(of: &held.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        // TCSANOW: only input processing changes, and waiting for output to drain could block for ever
        // on a terminal whose output is stopped.
        _ = tcsetattr(STDIN_FILENO, TCSANOW, &held)
    }
}
