#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CReadline

/// Writes to standard output and standard error with `write(2)`, so that no failed write stops the program.
///
/// `FileHandle.write` traps when a write fails, and a write into a pipe nobody reads raises SIGPIPE; here
/// every failure is an ordinary result. When standard output's reader has gone (EPIPE: the pipe's reader
/// exited, as `head` does; EIO: the terminal hung up) that is remembered, so a session can save an
/// incomplete summary and end: nobody sees its questions any more. Any other failure (ENOSPC on a full
/// device) loses only that text.
enum StandardStreams {
    /// How a write ended.
    enum WriteResult: Equatable {
        /// Every byte was written.
        case written
        /// The reader has gone (EPIPE or EIO); nothing more can reach it.
        case readerGone
        /// Another error (for example ENOSPC); the rest of the text was dropped.
        case failed(Int32)
    }

    /// Whether standard output's reader has gone: a write to it failed with EPIPE or EIO.
    ///
    /// `nonisolated(unsafe)`: set and read only on the main thread, by writes and the session between prompts.
    nonisolated(unsafe) private(set) static var isOutputReaderGone = false

    /// Makes a write into a pipe nobody reads fail with EPIPE instead of killing the program with SIGPIPE.
    static func ignoreBrokenPipes() {
        signal(SIGPIPE, SIG_IGN)
    }

    /// Writes `text` to standard output; a failure is remembered and reported by ``finishOutput()``.
    static func writeOutput(_ text: String) {
        if case let .failed(code) = write(text, to: STDOUT_FILENO) { outputError = outputError ?? code }
    }

    /// The first error writing standard output, other than its reader going away.
    nonisolated(unsafe) private static var outputError: Int32?

    /// Flushes standard output and says whether everything written to it (by `print` or ``writeOutput(_:)``)
    /// arrived: `nil`, or why not (`No space left on device`). A reader that went away (a pipe closed early, as
    /// with `| head`) is not a failure.
    static func finishOutput() -> String? {
        // `print` writes through stdio's `stdout`: a failed write there leaves its error flag set.
        if consult_stdout_flush_failed() != 0, !isOutputReaderGone {
            let code = errno
            if code == EPIPE || code == EIO {
                isOutputReaderGone = true
            } else {
                outputError = outputError ?? code
            }
        }
        return outputError.map { String(cString: strerror($0)) }
    }

    /// Writes `text` to standard error; a failure is ignored (there is nowhere left to report it).
    static func writeError(_ text: String) {
        write(text, to: STDERR_FILENO)
    }

    /// Writes all of `text` to `descriptor` after flushing C stdio (so it stays in order with readline's output),
    /// retrying short writes and EINTR.
    @discardableResult
    static func write(_ text: String, to descriptor: Int32) -> WriteResult {
        fflush(nil)
        let bytes = Array(text.utf8)
        // In patient modes a terminal's output must never block the idle reset or a signal: see `waitUntilWritable`.
        let guarded = TerminalModes.isFlowControlOff && isatty(descriptor) == 1
        var offset = 0
        while offset < bytes.count {
            if guarded && !waitUntilWritable(descriptor) {
                return .failed(EAGAIN)
            }
            let chunk = guarded ? min(bytes.count - offset, guardedChunkSize) : bytes.count - offset
            let written = bytes[offset..<(offset + chunk)].withUnsafeBytes { buffer in
                systemWrite(descriptor, buffer.baseAddress, buffer.count)
            }
            if written > 0 {
                offset += written
                continue
            }
            let code = written < 0 ? errno : EIO
            if code == EINTR || code == EAGAIN { continue }
            if code == EPIPE || code == EIO {
                if descriptor == STDOUT_FILENO { isOutputReaderGone = true }
                return .readerGone
            }
            return .failed(code)
        }
        return .written
    }

    // MARK: - Stopped terminal output

    /// The most written at once to a guarded terminal: a terminal that can take output at all takes this much.
    private static let guardedChunkSize = 512
    /// How long a write waits for a stopped terminal to take output again before its text is dropped.
    private static let stoppedOutputPatience: Duration = .seconds(2)
    /// Set when text was dropped because the terminal's output stayed stopped; later writes then do not wait
    /// again until it takes output. `nonisolated(unsafe)`: main thread only.
    nonisolated(unsafe) private static var isOutputStalled = false

    /// Waits until the terminal at `descriptor` can take output, first starting it again if it was stopped.
    ///
    /// Gives up (so the text is dropped) when a termination signal is pending, or after
    /// ``stoppedOutputPatience`` (at once while the output stays stalled): a frozen screen must not freeze
    /// the idle reset, which clears it for the next patient anyway.
    private static func waitUntilWritable(_ descriptor: Int32) -> Bool {
        if TerminalModes.isWritable(descriptor) {
            isOutputStalled = false
            return true
        }
        TerminalModes.resumeStoppedOutput()
        let deadline = ContinuousClock.now + (isOutputStalled ? .zero : stoppedOutputPatience)
        while true {
            if TerminalModes.isWritable(descriptor) {
                isOutputStalled = false
                return true
            }
            let remaining = deadline - .now
            if remaining <= .zero || SignalWatcher.pendingTermination != nil {
                isOutputStalled = true
                return false
            }
            let milliseconds = Int32(clamping: remaining.components.seconds * 1000
                + remaining.components.attoseconds / 1_000_000_000_000_000 + 1)
            var waiting = [
                pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0),
                pollfd(fd: SignalWatcher.descriptor, events: Int16(POLLIN), revents: 0),
            ]
            _ = poll(&waiting, nfds_t(waiting.count), milliseconds)
        }
    }
}

/// `write(2)`, under a name that the static `write` above does not hide.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
