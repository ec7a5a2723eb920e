import Foundation

/// Finds the `consult` executable these tests run.
///
/// `swift test` on Linux builds every target of the package, executables included, into the same
/// products folder as the test runner (`.build/<triple>/debug/`), so the tests look there first:
/// 1. `CONSULT_BINARY`, if set (for running the tests against another build, e.g. a release one);
/// 2. next to the running test executable, or up to three folders above it (covers the macOS
///    `ConsultPackageTests.xctest/Contents/MacOS/` layout);
/// 3. `<package root>/.build/debug/consult`, the package root found from this file's `#filePath`.
/// If none exists the tests fail with a message that says to run `swift build`.
enum ConsultBinary {
    /// The path of the `consult` executable, or a description of where it was looked for.
    static let location: Result<String, PseudoTerminal.Failure> = locate()

    /// The path, or a thrown failure the test reports.
    static func path() throws -> String {
        try location.get()
    }

    private static func locate() -> Result<String, PseudoTerminal.Failure> {
        let fileManager = FileManager.default
        var candidates: [String] = []
        if let override = ProcessInfo.processInfo.environment["CONSULT_BINARY"], !override.isEmpty {
            candidates.append(override)
        }
        if let runner = runningExecutablePath() {
            var folder = URL(fileURLWithPath: runner).deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(folder.appendingPathComponent("consult").path)
                folder.deleteLastPathComponent()
            }
        }
        let packageRoot = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // Support
            .deletingLastPathComponent()  // ConsultCLITests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()
        candidates.append(packageRoot.appendingPathComponent(".build/debug/consult").path)

        for candidate in candidates {
            var isDirectory: ObjCBool = false
            if fileManager.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue,
               fileManager.isExecutableFile(atPath: candidate) {
                return .success(candidate)
            }
        }
        return .failure(PseudoTerminal.Failure(description: """
            The consult executable was not found; run `swift build` (or set CONSULT_BINARY). Looked at:
            \(candidates.joined(separator: "\n"))
            """))
    }

    private static func runningExecutablePath() -> String? {
        #if os(Linux)
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return path
        }
        #endif
        return Bundle.main.executablePath
    }
}

/// The result of running `consult` with piped standard input.
struct PipedRun {
    let exitCode: Int32
    let output: [UInt8]

    var text: String { String(decoding: output, as: UTF8.self) }

    /// Runs `consult` (or `executable`) with `input` on a pipe as standard input, collecting standard output.
    ///
    /// The input is written from another thread (the program reads and writes at the same time, so
    /// writing everything first could fill both pipes). The program is killed at the deadline.
    static func run(
        _ arguments: [String], input: [UInt8], executable: String? = nil, within limit: Duration = .seconds(20)
    ) throws -> PipedRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try executable ?? ConsultBinary.path())
        process.arguments = arguments
        let inputPipe = Pipe()
        let outputPipe = Pipe()
        process.standardInput = inputPipe
        process.standardOutput = outputPipe
        process.standardError = FileHandle.nullDevice
        try process.run()

        let writer = inputPipe.fileHandleForWriting
        let inputData = Data(input)
        Thread.detachNewThread {
            try? writer.write(contentsOf: inputData)
            try? writer.close()
        }
        let watchdog = DispatchWorkItem { [process] in
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        let seconds = Double(limit.components.seconds) + Double(limit.components.attoseconds) / 1e18
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: watchdog)
        let output = (try? outputPipe.fileHandleForReading.readToEnd()) ?? Data()
        process.waitUntilExit()
        watchdog.cancel()
        guard process.terminationReason == .exit else {
            throw PseudoTerminal.Failure(description: """
                consult \(arguments.joined(separator: " ")) was killed (signal \(process.terminationStatus)) \
                after \(limit); output so far:
                \(String(decoding: output, as: UTF8.self))
                """)
        }
        return PipedRun(exitCode: process.terminationStatus, output: Array(output))
    }
}
