#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ConsultCore

/// The output side of the terminal: size, colour, wrapping, clearing.
///
/// Writes go straight to the file descriptor after flushing C stdio, so they stay in order with
/// readline's output and with `print`; a failed write never stops the program (see ``StandardStreams``).
struct TerminalScreen {
    /// How a piece of text is emphasised when colour is on.
    enum Style {
        case bold
        case dim
        case warning
        case success
        case error
        case heading

        fileprivate var escapeSequence: String {
            switch self {
            case .bold: "\u{1B}[1m"
            case .dim: "\u{1B}[2m"
            case .warning: "\u{1B}[1;33m"
            case .success: "\u{1B}[32m"
            case .error: "\u{1B}[1;31m"
            case .heading: "\u{1B}[1;4m"
            }
        }
    }

    /// The descriptor written to, standard output by default.
    let descriptor: Int32
    /// Whether ``styled(_:_:)`` adds colour: off when `NO_COLOR` is set, `TERM` is `dumb`, or the output is no terminal.
    let isColorEnabled: Bool
    private let environment: [String: String]

    /// - Parameter descriptor: Where to write.
    /// - Parameter environment: The environment to consult for `NO_COLOR`, `TERM` and `COLUMNS`.
    init(descriptor: Int32 = STDOUT_FILENO, environment: [String: String] = TerminalScreen.processEnvironment()) {
        self.descriptor = descriptor
        self.environment = environment
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        self.isColorEnabled = !noColor && environment["TERM"] != "dumb" && isatty(descriptor) == 1
    }

    // MARK: - Size

    /// The width in columns: the terminal's own, else `COLUMNS`, else 80.
    var width: Int {
        var size = winsize()
        if ioctl(descriptor, UInt(terminalWindowSizeRequest), &size) == 0 && size.ws_col > 0 {
            return Int(size.ws_col)
        }
        if let columns = environment["COLUMNS"].flatMap({ Int($0) }), columns > 0 {
            return columns
        }
        return 80
    }

    // MARK: - Writing

    /// Writes `text` as it is.
    func write(_ text: String) {
        StandardStreams.write(text, to: descriptor)
    }

    /// Whether the screen's reader has gone (a pipe's reader exited, the terminal hung up): nobody sees it any more.
    var isReaderGone: Bool {
        descriptor == STDOUT_FILENO && StandardStreams.isOutputReaderGone
    }

    /// Writes `text` and a newline.
    func writeLine(_ text: String = "") {
        write(text + "\n")
    }

    /// Flushes C stdio (readline and `print` write through it); ``write(_:)`` itself is unbuffered.
    func flush() {
        fflush(nil)
    }

    /// Clears the screen and the scrollback, so the next patient cannot scroll back to the previous one.
    func clearScreenAndScrollback() {
        write("\u{1B}[H\u{1B}[2J\u{1B}[3J")
    }

    /// `text` in `style` when colour is on, else `text` unchanged.
    func styled(_ text: String, _ style: Style) -> String {
        guard isColorEnabled else { return text }
        return style.escapeSequence + text + "\u{1B}[0m"
    }

    // MARK: - Text helpers

    /// Word-wraps `text` to `width` columns; see ``TextWrapping/wrap(_:width:)``.
    static func wrap(_ text: String, width: Int) -> String {
        TextWrapping.wrap(text, width: width)
    }

    /// `text` without control characters, so echoing it cannot move the cursor or change colours:
    /// C0 controls (ESC among them), DEL and C1 controls are removed and a tab becomes a space.
    static func sanitized(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09: result.append(" ")
            case 0x00...0x1F, 0x7F...0x9F: continue
            case 0x2028, 0x2029: result.append(" ")  // line and paragraph separators
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    /// The process environment as a dictionary, read through C so this file needs no Foundation.
    static func processEnvironment() -> [String: String] {
        var result: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let pair = String(cString: pointer)
            if let equals = pair.firstIndex(of: "=") {
                result[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
            }
            entry += 1
        }
        return result
    }
}

// MARK: - Low-level output

/// The `ioctl` request that reads the window size.
#if canImport(Glibc)
private let terminalWindowSizeRequest = TIOCGWINSZ
#else
private let terminalWindowSizeRequest: UInt = 0x4008_7468  // _IOR('t', 104, struct winsize)
#endif

/// Writes all of `text` to standard output after flushing C stdio.
func writeToStandardOutput(_ text: String) {
    StandardStreams.write(text, to: STDOUT_FILENO)
}
