#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines from piped or redirected input: no prompt, no echo, no control codes.
///
/// Reads raw bytes (Swift's `readLine` cannot report invalid UTF-8), splits them on `\n`,
/// drops one trailing `\r` and any NUL bytes, replaces invalid UTF-8 with U+FFFD and returns at most
/// ``maximumLineByteCount`` bytes of a line, discarding the rest of an over-long line.
/// A last line without a newline is still returned before ``LineEvent/endOfInput``.
final class PlainLineReader: LineReader {
    let isInteractive = false

    private let descriptor: Int32
    /// Bytes read but not yet returned; the unread part starts at `start`.
    private var buffer: [UInt8] = []
    private var start = 0
    /// Set after returning the first part of an over-long line, until its newline is reached.
    private var isDiscardingRestOfLine = false
    private var reachedEnd = false

    /// - Parameter descriptor: The input to read, standard input by default.
    init(descriptor: Int32 = STDIN_FILENO) {
        self.descriptor = descriptor
    }

    func readLine(prompt: String, completions: [String], timeout: Duration?) -> LineEvent {
        let deadline = readDeadline(after: timeout)
        // A Ctrl-C from before this read has no line to cancel; a termination request still counts.
        if let termination = SignalWatcher.takePendingSignals().first(where: SignalWatcher.isTermination) {
            return .terminated(termination)
        }
        while true {
            if let line = takeBufferedLine() {
                return .line(line)
            }
            if reachedEnd {
                return takeFinalLine().map(LineEvent.line) ?? .endOfInput
            }
            switch waitForInput(on: descriptor, until: deadline) {
            case .input:
                readAvailableBytes()
            case .signal:
                let signals = SignalWatcher.takePendingSignals()
                if let termination = signals.first(where: SignalWatcher.isTermination) {
                    return .terminated(termination)
                }
                if signals.contains(where: SignalWatcher.isInterruption) {
                    return .interrupted
                }
            case .deadlinePassed:
                return .timedOut
            }
        }
    }

    /// Piped input has no history.
    func clearHistory() {}

    // MARK: - Buffering

    private func readAvailableBytes() {
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        let count = read(descriptor, &chunk, chunk.count)
        if count > 0 {
            if start > 0 && start >= buffer.count / 2 {
                buffer.removeFirst(start)
                start = 0
            }
            buffer.append(contentsOf: chunk[0..<count])
        } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
            reachedEnd = true  // end of input, or an error that no retry will fix
        }
    }

    /// Returns the next complete line, or the first part of an over-long one, if the buffer holds it.
    private func takeBufferedLine() -> String? {
        while true {
            let unread = buffer[start...]
            if let newline = unread.firstIndex(of: UInt8(ascii: "\n")) {
                let wasDiscarding = isDiscardingRestOfLine
                isDiscardingRestOfLine = false
                let lineBytes = buffer[start..<newline]
                start = newline + 1
                if wasDiscarding {
                    continue
                }
                return line(from: lineBytes)
            }
            if isDiscardingRestOfLine {
                start = buffer.count
                return nil
            }
            if unread.count >= maximumLineByteCount {
                let lineBytes = buffer[start..<(start + maximumLineByteCount)]
                start = buffer.count
                isDiscardingRestOfLine = true
                return line(from: lineBytes)
            }
            return nil
        }
    }

    /// Returns what is left after the last newline once the input has ended.
    private func takeFinalLine() -> String? {
        defer {
            start = buffer.count
            isDiscardingRestOfLine = false
        }
        guard start < buffer.count, !isDiscardingRestOfLine else { return nil }
        return line(from: buffer[start...])
    }

    private func line(from bytes: ArraySlice<UInt8>) -> String {
        var bytes = bytes
        if bytes.last == UInt8(ascii: "\r") {
            bytes.removeLast()
        }
        // NUL bytes are dropped, as the terminal reader drops them; the rest of the line is kept.
        return decodeLine(bytes.prefix(maximumLineByteCount).filter { $0 != 0 })
    }
}
