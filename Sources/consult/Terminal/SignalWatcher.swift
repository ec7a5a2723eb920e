#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns asynchronous signals into ordinary events that the line readers handle in order.
///
/// The handler only writes the signal number into a non-blocking self-pipe (async-signal-safe);
/// the read end is polled next to standard input, so `poll` wakes at once. The readers then take
/// the pending signals: SIGINT and SIGQUIT cancel the line being typed, SIGTERM and SIGHUP become
/// ``LineEvent/terminated(_:)``, SIGWINCH makes readline re-measure the terminal.
///
/// Threading: everything except the handler runs on the thread that reads lines (the main thread).
enum SignalWatcher {
    /// The signals the watcher catches. SIGQUIT (Ctrl-\) is caught so that it cannot dump core on a kiosk.
    static let watchedSignals: [Int32] = [SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGWINCH]

    /// Whether `signal` cancels the current line.
    static func isInterruption(_ signal: Int32) -> Bool { signal == SIGINT || signal == SIGQUIT }

    /// Whether `signal` asks the program to finish.
    static func isTermination(_ signal: Int32) -> Bool { signal == SIGTERM || signal == SIGHUP }

    // MARK: - State

    // `nonisolated(unsafe)`: written by `install()` before any handler is installed and otherwise
    // touched only by the line-reading thread; the handler only reads `writeDescriptor`.

    /// The pipe's write end, used by the signal handler.
    nonisolated(unsafe) fileprivate static var writeDescriptor: Int32 = -1
    /// The pipe's read end.
    nonisolated(unsafe) private static var readDescriptor: Int32 = -1
    /// Signals taken off the pipe and not yet handled, oldest first.
    nonisolated(unsafe) private static var pending: [Int32] = []

    // MARK: - Installing

    /// Creates the pipe and installs the handlers. Calling it again does nothing.
    /// Makes Ctrl-Z do nothing, for patient modes: a kiosk's login program has no shell to
    /// resume it, so a suspended consultation would leave a frozen screen (or a shell) behind.
    static func ignoreSuspend() {
        signal(SIGTSTP, SIG_IGN)
    }

    static func install() {
        guard readDescriptor < 0 else { return }
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return }
        for index in ends.indices {
            // Keep the pipe off descriptors 0–2 even if the program was started with one of them closed.
            if ends[index] <= STDERR_FILENO {
                let moved = fcntl(ends[index], F_DUPFD_CLOEXEC, STDERR_FILENO + 1)
                if moved >= 0 {
                    close(ends[index])
                    ends[index] = moved
                }
            }
            _ = fcntl(ends[index], F_SETFD, FD_CLOEXEC)
            _ = fcntl(ends[index], F_SETFL, fcntl(ends[index], F_GETFL) | O_NONBLOCK)
        }
        readDescriptor = ends[0]
        writeDescriptor = ends[1]

        for signal in watchedSignals {
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = forwardSignal
            #else
            action.__sigaction_u.__sa_handler = forwardSignal
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = SA_RESTART
            _ = sigaction(signal, &action, nil)
        }
    }

    /// The descriptor to poll next to standard input (installs the watcher if needed).
    static var descriptor: Int32 {
        install()
        return readDescriptor
    }

    // MARK: - Taking signals

    /// Moves signals from the pipe into the pending list.
    static func collectSignals() {
        guard readDescriptor >= 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let count = read(readDescriptor, &buffer, buffer.count)
            if count > 0 {
                pending.append(contentsOf: buffer[0..<count].map { Int32($0) })
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                return  // empty (EAGAIN) or closed
            }
        }
    }

    /// Whether a signal that satisfies `predicate` is waiting, in the pipe or already collected.
    static func hasPendingSignals(where predicate: (Int32) -> Bool = { _ in true }) -> Bool {
        collectSignals()
        return pending.contains(where: predicate)
    }

    /// A pending SIGTERM or SIGHUP, left pending; for callers that run a while between reads.
    static var pendingTermination: Int32? {
        collectSignals()
        return pending.first(where: isTermination)
    }

    /// Returns every pending signal, oldest first, and forgets them.
    static func takePendingSignals() -> [Int32] {
        collectSignals()
        defer { pending.removeAll() }
        return pending
    }
}

/// The installed handler: async-signal-safe, it writes one byte and restores `errno`.
private func forwardSignal(_ signal: Int32) {
    let savedErrno = errno
    var byte = UInt8(truncatingIfNeeded: signal)
    _ = write(SignalWatcher.writeDescriptor, &byte, 1)
    errno = savedErrno
}

