#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { buffer in
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
}

/// `write(2)`, under a name that the static `write` above does not hide.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
