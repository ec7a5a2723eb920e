#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// MARK: - Line events

/// What one attempt to read a line produced.
enum LineEvent: Equatable {
    /// A complete line, without its line terminator; invalid UTF-8 is replaced with U+FFFD.
    case line(String)
    /// Ctrl-D on an empty line, or the end of piped input.
    case endOfInput
    /// Ctrl-C (or Ctrl-\): the line being typed was cancelled; the program keeps running.
    case interrupted
    /// Nothing was entered before the timeout; a partly typed line is discarded.
    case timedOut
    /// SIGTERM or SIGHUP arrived; the caller should wrap up and exit.
    case terminated(Int32)
}

// MARK: - Line readers

/// Reads the patient's or staff member's input one line at a time.
protocol LineReader: AnyObject {
    /// Reads one line.
    ///
    /// - Parameter prompt: Shown before the cursor in a terminal (colour escapes allowed); never written for piped input.
    /// - Parameter completions: The Tab candidates for this prompt (choice labels, yes/no, in-session commands).
    /// - Parameter timeout: How long to wait for a complete line; `nil` waits for ever.
    /// - Returns: The line, or why there is none.
    func readLine(prompt: String, completions: [String], timeout: Duration?) -> LineEvent

    /// Forgets the in-memory history (arrow-up) and anything else the line editor keeps of what was typed
    /// (text erased with Ctrl-U or Ctrl-W, the undo list), for example between patients.
    func clearHistory()

    /// Whether a person types at a terminal (as opposed to piped or redirected input).
    var isInteractive: Bool { get }
}

/// Picks the line reader that fits standard input.
enum LineReaderFactory {
    /// Returns a readline-based reader when standard input is a terminal and a plain reader otherwise.
    ///
    /// Installs the ``SignalWatcher`` in either case.
    ///
    /// - Parameter historyFile: A history file to load and keep up to date (staff rehearsal only);
    ///   `nil` keeps history in memory. Ignored for piped input.
    static func make(historyFile: String?) -> any LineReader {
        openMissingStandardDescriptors()
        SignalWatcher.install()
        if isatty(STDIN_FILENO) == 1 {
            return ReadlineLineReader(historyFile: historyFile)
        }
        return PlainLineReader()
    }
}

extension LineReaderFactory {
    /// Opens `/dev/null` on any of descriptors 0–2 that the program was started without, so that
    /// no file opened later lands there (a closed standard input then reads as end of input).
    static func openMissingStandardDescriptors() {
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) < 0 && errno == EBADF {
            let opened = open("/dev/null", O_RDWR)
            if opened >= 0 && opened != descriptor {
                _ = dup2(opened, descriptor)
                close(opened)
            }
        }
    }
}

/// The longest line a reader returns, in bytes; the rest of a longer line is discarded.
let maximumLineByteCount = 64 * 1024

// MARK: - Waiting for input

/// What ended a wait on standard input.
enum InputReadiness {
    /// Standard input can be read (or is at its end, or failed: a read will tell).
    case input
    /// A signal that the caller waits for arrived; ``SignalWatcher`` holds it.
    case signal
    /// The deadline passed first.
    case deadlinePassed
}

/// Waits until `descriptor` is readable, a watched signal arrives, or `deadline` passes.
///
/// Signals are moved from the watcher's pipe into its pending list, so a later
/// ``SignalWatcher/takePendingSignals()`` sees them.
///
/// - Parameter descriptor: The input to wait for, usually standard input.
/// - Parameter deadline: When to give up; `nil` never gives up.
/// - Parameter wakingFor: Which signals end the wait; others stay pending without waking it again.
/// - Returns: The first of the three that happened; signals win over input when both are ready.
func waitForInput(
    on descriptor: Int32,
    until deadline: ContinuousClock.Instant?,
    wakingFor isWakingSignal: (Int32) -> Bool = { _ in true }
) -> InputReadiness {
    while true {
        if SignalWatcher.hasPendingSignals(where: isWakingSignal) {
            return .signal
        }
        var timeoutMilliseconds: Int32 = -1
        if let deadline {
            let remaining = deadline - .now
            if remaining <= .zero {
                return .deadlinePassed
            }
            let (seconds, attoseconds) = remaining.components
            if seconds >= Int64(Int32.max / 1000) {
                timeoutMilliseconds = Int32.max  // about 24 days; the loop waits again after it
            } else {
                timeoutMilliseconds = Int32(seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
            }
        }
        var descriptors = [
            pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: SignalWatcher.descriptor, events: Int16(POLLIN), revents: 0),
        ]
        let result = poll(&descriptors, nfds_t(descriptors.count), timeoutMilliseconds)
        if result < 0 {
            if errno == EINTR || errno == EAGAIN {
                continue
            }
            // poll itself failed (should not happen with valid descriptors): let a read report the problem.
            return .input
        }
        if descriptors[1].revents != 0 {
            if SignalWatcher.hasPendingSignals(where: isWakingSignal) {  // collects them from the pipe
                return .signal
            }
        }
        if descriptors[0].revents != 0 {
            return .input
        }
        // Timed out or a spurious wake-up: the loop re-checks the deadline.
    }
}

/// When a read that may take `timeout` must end; `nil` for never.
///
/// Timeouts beyond a year are treated as a year, so no clock arithmetic can overflow.
func readDeadline(after timeout: Duration?) -> ContinuousClock.Instant? {
    timeout.map { ContinuousClock.now + min($0, .seconds(365 * 24 * 60 * 60)) }
}

/// Decodes raw line bytes as UTF-8, replacing invalid sequences with U+FFFD.
func decodeLine<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
    String(decoding: bytes, as: UTF8.self)
}
