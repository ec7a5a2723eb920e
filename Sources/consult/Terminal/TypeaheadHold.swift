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
/// lost. Held here, typed-ahead keys wait as bytes for the next read. Signals (Ctrl-C) still work. The original modes are restored when
/// the program exits.
enum TypeaheadHold {
    /// Holds typed-ahead keys from now on (idempotent).
    static func hold() {
        guard isatty(STDIN_FILENO) == 1 else { return }
        var current = termios()
        guard tcgetattr(STDIN_FILENO, &current) == 0 else { return }
        if !savedOriginal {
            original = current
            savedOriginal = true
            atexit { TypeaheadHold.restore() }
        }
        var held = current
        // ECHO stays on: readline decides whether to show typed keys from the ECHO flag it finds.
        held.c_lflag &= ~tcflag_t(ICANON)
        withUnsafeMutableBytes(of: &held.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        _ = tcsetattr(STDIN_FILENO, TCSADRAIN, &held)
    }

    /// Puts the terminal back as the program found it.
    static func restore() {
        guard savedOriginal else { return }
        _ = tcsetattr(STDIN_FILENO, TCSADRAIN, &original)
    }

    // Touched only on the main thread, around line reads and at exit.
    nonisolated(unsafe) private static var original = termios()
    nonisolated(unsafe) private static var savedOriginal = false
}
