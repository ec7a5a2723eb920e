import CReadline

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines at a terminal with GNU readline: editing, Tab completion, arrow-up history.
///
/// Uses readline's callback interface: `poll` waits on standard input, the ``SignalWatcher``
/// pipe and the timeout together, and each readable byte goes to `rl_callback_read_char`.
/// So the idle timeout and the editor never race, and signals are handled between keys:
/// - Ctrl-C cancels the line and returns ``LineEvent/interrupted``; it never ends the program.
/// - Ctrl-D on an empty line returns ``LineEvent/endOfInput``.
/// - A timeout erases the partly typed line from the screen and returns ``LineEvent/timedOut``.
/// - SIGTERM and SIGHUP return ``LineEvent/terminated(_:)``; SIGWINCH re-measures the terminal.
///
/// This is the only file that touches readline. Its C callbacks reach Swift through one global,
/// `readlineCallbackState`.
final class ReadlineLineReader: LineReader {
    let isInteractive = true

    /// Where history is kept between runs (staff rehearsal only); `nil` keeps it in memory.
    private let historyFile: String?

    /// - Parameter historyFile: A history file to load now and rewrite after every line; `nil` for patients.
    init(historyFile: String?) {
        self.historyFile = historyFile
        SignalWatcher.install()
        ReadlineLineReader.configureReadlineOnce(forPatients: historyFile == nil)
        if let historyFile {
            stifle_history(1000)
            _ = read_history(historyFile)  // a missing file is an empty history
        }
    }

    func readLine(prompt: String, completions: [String], timeout: Duration?) -> LineEvent {
        // readline restores the modes it found at the start of a read; after the first read those
        // are the held ones, so keys typed while the next question prints wait for the next read.
        defer { TypeaheadHold.hold() }
        // Signals from before this read: a Ctrl-C had no line to cancel, a termination request still counts.
        let earlierSignals = SignalWatcher.takePendingSignals()
        if earlierSignals.contains(SIGWINCH) {
            rl_reset_screen_size()
        }
        if let termination = earlierSignals.first(where: SignalWatcher.isTermination) {
            return .terminated(termination)
        }

        let deadline = readDeadline(after: timeout)
        TerminalModes.resumeStoppedOutput()  // else showing the prompt could block
        readlineCallbackState = ReadlineCallbackState(candidates: completions, deadline: deadline)
        fflush(nil)  // what the program printed must appear before the prompt
        consult_rl_set_eof_found(0)  // else readline's terminal reset adds a newline of its own
        rl_callback_handler_install(readlinePrompt(prompt), handleCompletedLine)
        readlineCallbackState.isHandlerInstalled = true

        while true {
            if let event = finishedEvent() {
                fflush(nil)
                return event
            }
            switch waitForInput(on: STDIN_FILENO, until: deadline) {
            case .input:
                rl_callback_read_char()
            case .signal:
                break  // finishedEvent() takes them
            case .deadlinePassed:
                readlineCallbackState.deadlinePassed = true
            }
        }
    }

    /// Forgets the history and whatever else readline keeps of this patient's typing (see `consult_rl_forget_typing`).
    func clearHistory() {
        clear_history()
        consult_rl_forget_typing()
    }

    // MARK: - Ending a read

    /// The event that ends this read, if any, after tidying readline and the terminal for it.
    private func finishedEvent() -> LineEvent? {
        TerminalModes.resumeStoppedOutput()  // tidying the line writes to the terminal
        let state = readlineCallbackState
        if case .line(let text)? = state.completedLine {
            remember(text)
            return .line(text)
        }
        // Signals win over an end of input, which may only be readline's reaction to an interrupted key read.
        let signals = SignalWatcher.takePendingSignals()
        if signals.contains(SIGWINCH) {
            if state.isHandlerInstalled {
                rl_resize_terminal()
            } else {
                rl_reset_screen_size()
            }
        }
        if let termination = signals.first(where: SignalWatcher.isTermination) {
            abandonLine(erasingIt: false, echoingInterrupt: false)
            return .terminated(termination)
        }
        if signals.contains(where: SignalWatcher.isInterruption) {
            abandonLine(erasingIt: false, echoingInterrupt: true)
            return .interrupted
        }
        if state.deadlinePassed {
            abandonLine(erasingIt: true, echoingInterrupt: false)
            return .timedOut
        }
        if state.completedLine == .endOfInput {
            return .endOfInput  // readline has restored the terminal and moved to a new line
        }
        if state.inputClosed {
            abandonLine(erasingIt: false, echoingInterrupt: false)
            return .endOfInput
        }
        return nil
    }

    /// Cancels the line being edited, restores the terminal and moves to a fresh line.
    ///
    /// - Parameter erasingIt: Removes the typed text from the screen (after a timeout nobody should read it).
    /// - Parameter echoingInterrupt: Shows `^C` where the line was cancelled, as shells do.
    private func abandonLine(erasingIt: Bool, echoingInterrupt: Bool) {
        if readlineCallbackState.isHandlerInstalled {
            if erasingIt {
                rl_replace_line("", 0)
                rl_redisplay()
            } else if echoingInterrupt {
                rl_echo_signal_char(SIGINT)
            }
            rl_free_line_state()
            rl_callback_sigcleanup()
            consult_rl_set_eof_found(0)  // a key read ended with EOF must not add a second newline
            rl_callback_handler_remove()  // also restores the terminal modes
            readlineCallbackState.isHandlerInstalled = false
        }
        readlineCallbackState.abortKeys = []
        writeToStandardOutput("\n")
    }

    /// Adds a typed line to history, and to the history file in rehearsal mode.
    private func remember(_ text: String) {
        guard text.contains(where: { !$0.isWhitespace }) else { return }
        add_history(text)
        if let historyFile {
            _ = write_history(historyFile)  // rehearsal convenience: a failure only loses history
        }
    }

    // MARK: - Configuring readline

    nonisolated(unsafe) private static var isReadlineConfigured = false

    /// Sets readline up for this program; later calls do nothing.
    ///
    /// - Parameter forPatients: No history file (patient modes): the history-search keys are unbound too,
    ///   because readline keeps the last search string where the next patient's Ctrl-R Ctrl-R (or Alt-P Enter)
    ///   would show it, and offers no way to forget it. Staff rehearsal keeps them.
    private static func configureReadlineOnce(forPatients: Bool) {
        guard !isReadlineConfigured else { return }
        isReadlineConfigured = true
        useUTF8CharacterTypes()
        consult_rl_use_consult_readline_name()
        consult_rl_set_catch_signals(0)  // the SignalWatcher handles signals
        consult_rl_set_catch_sigwinch(0)
        consult_rl_set_change_environment(0)  // do not export LINES and COLUMNS
        consult_rl_set_getc_function(readKey)
        using_history()
        _ = rl_initialize()  // reads ~/.inputrc; the settings below win over it
        consult_rl_set_completion(completeLine)
        consult_rl_disable_completer_word_breaks()
        _ = rl_variable_bind("completion-ignore-case", "on")
        _ = rl_variable_bind("show-all-if-ambiguous", "on")
        _ = rl_variable_bind("expand-tilde", "off")
        // Kiosk: no key may show file-system facts (M-& turns "~user" into a home folder) or re-read inputrc.
        var unbound: [(@convention(c) (Int32, Int32) -> Int32)?] = [rl_tilde_expand, rl_re_read_init_file]
        if forPatients {
            unbound += [
                rl_reverse_search_history, rl_forward_search_history, rl_noninc_reverse_search, rl_noninc_forward_search,
                rl_noninc_reverse_search_again, rl_noninc_forward_search_again, rl_vi_search, rl_vi_search_again,
            ]
        }
        for keymapName in ["emacs", "emacs-meta", "emacs-ctlx", "vi-insert", "vi-command"] {
            guard let keymap = rl_get_keymap_by_name(keymapName) else { continue }
            _ = unbound.withUnsafeMutableBufferPointer { functions in
                consult_rl_unbind_functions_in_map(functions.baseAddress, Int32(functions.count), keymap)
            }
        }
    }

    /// Makes readline treat input as UTF-8 (a Swift program starts in the "C" locale, where
    /// readline would show "é" as `\303\251`). Only the character-type category changes.
    private static func useUTF8CharacterTypes() {
        _ = setlocale(LC_CTYPE, "")
        if let codeset = nl_langinfo(nl_item(CODESET)), String(cString: codeset) == "UTF-8" {
            return
        }
        _ = setlocale(LC_CTYPE, "C.UTF-8")
    }
}

// MARK: - State shared with readline's C callbacks

/// Everything readline's C callbacks need for the read in progress.
struct ReadlineCallbackState {
    /// Tab candidates of the current prompt.
    var candidates: [String] = []
    /// Matches for the completion in progress, handed out one by one to `rl_completion_matches`.
    var matches: [String] = []
    var nextMatch = 0
    /// When the read times out; `nil` for never.
    var deadline: ContinuousClock.Instant?
    var deadlinePassed = false
    /// Set by the line handler: the line typed, or `.endOfInput` for Ctrl-D on an empty line.
    var completedLine: LineEvent?
    /// Whether readline's line handler is installed (the terminal is in readline's mode).
    var isHandlerInstalled = false
    /// Standard input ended or failed while readline was reading a key.
    var inputClosed = false
    /// Keys `readKey` hands readline instead of input to end a bracketed paste early (see `readKey`).
    var abortKeys: [UInt8] = []
    var hasSentAbortKeys = false

    init(candidates: [String] = [], deadline: ContinuousClock.Instant? = nil) {
        self.candidates = candidates
        self.deadline = deadline
    }
}

/// The one global readline's callbacks reach, because C function pointers cannot capture context.
///
/// `nonisolated(unsafe)`: only the line-reading thread touches it, from `ReadlineLineReader.readLine`
/// and from the callbacks readline runs inside `rl_callback_read_char` on that same thread.
nonisolated(unsafe) private var readlineCallbackState = ReadlineCallbackState()

/// readline's line handler: records the line (or end of input) and removes itself, so readline
/// neither redraws the prompt nor keeps the terminal in its mode.
private func handleCompletedLine(_ line: UnsafeMutablePointer<CChar>?) {
    rl_callback_handler_remove()
    readlineCallbackState.isHandlerInstalled = false
    guard let line else {
        readlineCallbackState.completedLine = .endOfInput
        return
    }
    defer { free(line) }
    let bytes = UnsafeRawBufferPointer(start: line, count: strlen(line))
    // A bracketed paste can put line breaks into the line; the caller gets one line.
    let text = decodeLine(bytes.prefix(maximumLineByteCount))
    readlineCallbackState.completedLine = .line(text.contains(where: \.isNewline) ? joiningLines(text) : text)
}

/// readline's key reader: one byte from standard input, without blocking past a signal or the deadline.
/// NUL bytes are skipped.
///
/// readline sometimes reads several keys in one `rl_callback_read_char` (a bracketed paste, a quoted
/// insert). When a signal or the deadline cuts such a read short, this returns EOF so that
/// `finishedEvent()` can report it; but inside a command that reads more input it first returns the
/// bracketed-paste terminator, because readline 8.2 inserts an unterminated buffer (reading past its
/// end) when a paste ends with EOF.
private func readKey(_ stream: UnsafeMutablePointer<FILE>?) -> Int32 {
    if !readlineCallbackState.abortKeys.isEmpty {
        return Int32(readlineCallbackState.abortKeys.removeFirst())
    }
    // A window-size change does not stop a key read; it stays pending and is handled after this key.
    let stopsReading: (Int32) -> Bool = { SignalWatcher.isInterruption($0) || SignalWatcher.isTermination($0) }
    while true {
        switch waitForInput(on: STDIN_FILENO, until: readlineCallbackState.deadline, wakingFor: stopsReading) {
        case .input:
            var byte: UInt8 = 0
            let count = read(STDIN_FILENO, &byte, 1)
            if count == 1 && byte == 0 {
                // A NUL (pasted, or Ctrl-Space) would end readline's C string line there and lose the rest
                // of the line; it is dropped, as is readline's set-mark on Ctrl-Space.
                continue
            }
            if count == 1 {
                TerminalModes.resumeStoppedOutput()  // readline is about to echo the key
                return Int32(byte)
            }
            if count < 0 && (errno == EINTR || errno == EAGAIN) {
                continue
            }
            readlineCallbackState.inputClosed = true
            return abortingKey()
        case .signal:
            return abortingKey()
        case .deadlinePassed:
            readlineCallbackState.deadlinePassed = true
            return abortingKey()
        }
    }
}

/// The key that ends readline's current read early: the paste terminator inside a multi-key command, else EOF.
private func abortingKey() -> Int32 {
    guard consult_rl_is_reading_more_input() != 0, !readlineCallbackState.hasSentAbortKeys else { return EOF }
    readlineCallbackState.hasSentAbortKeys = true
    readlineCallbackState.abortKeys = Array("\u{1B}[201~".utf8)
    return Int32(readlineCallbackState.abortKeys.removeFirst())
}

/// `prompt` with its escape sequences (colours) marked invisible, so readline measures it correctly.
func readlinePrompt(_ prompt: String) -> String {
    guard prompt.unicodeScalars.contains("\u{1B}") else { return prompt }
    var result = String.UnicodeScalarView()
    var inEscape = false
    for scalar in prompt.unicodeScalars {
        if scalar == "\u{1B}" && !inEscape {
            result.append("\u{01}")
            inEscape = true
            result.append(scalar)
            continue
        }
        result.append(scalar)
        // A CSI sequence ends with a byte from @ to ~ after its "[" and parameters.
        if inEscape && scalar != "[" && (0x40...0x7E).contains(scalar.value) {
            result.append("\u{02}")
            inEscape = false
        }
    }
    if inEscape {
        result.append("\u{02}")
    }
    return String(result)
}

/// `text` with its line breaks (from a pasted block) turned into single spaces.
private func joiningLines(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline).joined(separator: " ")
}

/// readline's completion hook: the current prompt's candidates that start with the whole line typed so far.
private func completeLine(
    _ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32
) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    consult_rl_set_attempted_completion_over(1)  // never fall back to file names
    consult_rl_set_completion_append_character(0)  // "Banana", not "Banana "
    guard let text else { return nil }
    let typed = String(cString: text).lowercased()
    let state = readlineCallbackState
    readlineCallbackState.matches = state.candidates.filter { $0.lowercased().hasPrefix(typed) }
    readlineCallbackState.nextMatch = 0
    return rl_completion_matches(text, nextCompletionMatch)
}

/// readline's match generator: hands out the matches `completeLine` found, as `malloc`ed copies.
private func nextCompletionMatch(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
    let index = readlineCallbackState.nextMatch
    guard index < readlineCallbackState.matches.count else { return nil }
    readlineCallbackState.nextMatch += 1
    return strdup(readlineCallbackState.matches[index])
}
