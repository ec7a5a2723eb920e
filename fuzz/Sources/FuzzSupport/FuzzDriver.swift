import CLibFuzzer
import Foundation

/// Hands a fuzz target's test function to libFuzzer.
///
/// Each target's `main.swift` is one call: `FuzzDriver.run { data, size in … }`. The closure is a C
/// function (it may call anything, but capture nothing), called once per input; it returns 0, and
/// it reports a finding by trapping (``Finding/report(_:input:)``).
public enum FuzzDriver {
    public typealias TestOneInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

    /// Runs libFuzzer with this process's arguments (`-max_total_time=60 corpus/…`) and exits with its status.
    ///
    /// The target runs once on an empty input first, so that what it loads once (the bundled dialogs, static
    /// readers) is loaded before libFuzzer starts watching for leaks.
    public static func run(_ testOneInput: TestOneInput) -> Never {
        _ = testOneInput(nil, 0)
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, testOneInput))
    }
}

/// One input as the targets read it.
public struct FuzzInput {
    public let bytes: UnsafeBufferPointer<UInt8>

    public init(_ data: UnsafePointer<UInt8>?, _ size: Int) {
        bytes = UnsafeBufferPointer(start: data, count: data == nil ? 0 : size)
    }

    /// The bytes as text, invalid UTF-8 replaced by U+FFFD, as the terminal front end and `consult replay` decode them.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The text's lines, split at `\n` only (a `\r` stays in its line, as it would from a pipe).
    public var lines: [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}

/// A property a target checks that did not hold: a finding, reported like a crash so libFuzzer saves the input.
public enum Finding {
    public static func report(_ message: String, input: String) -> Never {
        let shown = input.count > 300 ? String(input.prefix(300)) + "…" : input
        fatalError("FINDING: \(message)\n  input: \(shown.debugDescription)")
    }
}
