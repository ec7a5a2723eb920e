import Foundation

/// The package's root folder, found from this file's place in `Tests/ConsultCLITests/Support`.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Support
    .deletingLastPathComponent()  // ConsultCLITests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()

/// The result of one `consult` run with piped standard input, output and error.
struct ConsultProcessRun {
    let exitCode: Int32
    let standardOutput: String
    let standardError: String

    /// Runs the built `consult` with `input` on a pipe as standard input; standard output and error are
    /// collected from pipes while it runs (so neither can fill up and block it).
    ///
    /// - Throws: ``PseudoTerminal/Failure`` when the program is still running at the deadline (it is killed
    ///   then) or ends by a signal: a test fails instead of hanging. (Only the program itself is killed; consult
    ///   starts no children, and a child left holding the pipes is waited for at most 5 seconds more.)
    static func run(
        _ arguments: [String],
        input: Data,
        in directory: URL = packageRoot,
        environment: [String: String] = ConsultProcessRun.environment(),
        within limit: Duration = .seconds(30)
    ) throws -> ConsultProcessRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try ConsultBinary.path())
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = directory
        let inputPipe = Pipe()
        let outputPipe = Pipe()
        let errorPipe = Pipe()
        process.standardInput = inputPipe
        process.standardOutput = outputPipe
        process.standardError = errorPipe
        try process.run()

        let output = PipeCollector(outputPipe.fileHandleForReading)
        let error = PipeCollector(errorPipe.fileHandleForReading)
        let writer = inputPipe.fileHandleForWriting
        Thread.detachNewThread {
            // The program may finish before reading everything (a short dialog); a broken pipe is fine.
            try? writer.write(contentsOf: input)
            try? writer.close()
        }
        let watchdog = DispatchWorkItem { [process] in
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        let seconds = Double(limit.components.seconds) + Double(limit.components.attoseconds) / 1e18
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: watchdog)
        process.waitUntilExit()
        watchdog.cancel()
        let run = ConsultProcessRun(
            exitCode: process.terminationStatus,
            standardOutput: String(decoding: output.wait(), as: UTF8.self),
            standardError: String(decoding: error.wait(), as: UTF8.self)
        )
        guard process.terminationReason == .exit else {
            throw PseudoTerminal.Failure(description: """
                consult \(arguments.joined(separator: " ")) did not finish: signal \(process.terminationStatus) \
                (killed after \(limit) if it was still running). Standard error:
                \(run.standardError)
                Standard output:
                \(run.standardOutput)
                """)
        }
        return run
    }

    /// A small fixed environment, so the screen output does not depend on who runs the tests:
    /// 80 columns, UTF-8, no colour.
    static func environment() -> [String: String] {
        var environment = ["COLUMNS": "80", "LANG": "C.UTF-8", "TERM": "dumb", "NO_COLOR": "1"]
        if let path = ProcessInfo.processInfo.environment["PATH"] { environment["PATH"] = path }
        return environment
    }
}

/// Reads a pipe to its end on its own thread.
private final class PipeCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            let read = (try? handle.readToEnd()) ?? Data()
            lock.withLock { data = read }
            done.signal()
        }
    }

    /// Everything read, once the pipe has ended (the program and its children closed it), or nothing when it
    /// has not ended within `limit` (a child the program left behind still holds it).
    func wait(atMost limit: DispatchTimeInterval = .seconds(5)) -> Data {
        _ = done.wait(timeout: .now() + limit)
        return lock.withLock { data }
    }
}

/// Runs `docs/summary.schema.json` through Python's `jsonschema` (draft 2020-12); the same check as
/// `SchemaValidation` in ConsultCoreTests.
enum SummarySchema {
    /// Whether `document` is valid, with the validator's messages; a validator that cannot run throws.
    static func validate(_ document: Data) throws -> (valid: Bool, output: String) {
        let schema = packageRoot.appendingPathComponent("docs/summary.schema.json").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let script = packageRoot.appendingPathComponent("Tests/Support/validate-summary-schema.py").path
        process.arguments = ["python3", script, schema]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let reader = PipeCollector(output.fileHandleForReading)
        try input.fileHandleForWriting.write(contentsOf: document)
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        let text = String(decoding: reader.wait(), as: UTF8.self)
        guard process.terminationStatus == 0 || process.terminationStatus == 1 else {
            throw PseudoTerminal.Failure(description: "schema validation could not run (exit \(process.terminationStatus)): \(text)")
        }
        return (process.terminationStatus == 0, text)
    }
}
