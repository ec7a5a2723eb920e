import Foundation

/// Runs a Python 3 script that tests use as an independent judge (jsonschema, markdown-it-py, fhir.resources).
enum PythonScript {
    /// What the script left.
    struct Run {
        var status: Int32
        var output: Data
        var errorOutput: String
        var text: String { String(decoding: output, as: UTF8.self) }
    }

    /// Runs `python3 ARGUMENTS…` with `input` on standard input, and waits for it.
    ///
    /// - Parameter mergingErrors: standard error goes with standard output (for scripts that report there).
    static func run(_ arguments: [String], input: Data, mergingErrors: Bool = false) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let inputPipe = Pipe()
        let outputPipe = Pipe()
        let errorPipe = Pipe()
        process.standardInput = inputPipe
        process.standardOutput = outputPipe
        process.standardError = mergingErrors ? outputPipe : errorPipe
        try process.run()
        inputPipe.fileHandleForWriting.write(input)
        try inputPipe.fileHandleForWriting.close()
        let output = outputPipe.fileHandleForReading.readDataToEndOfFile()
        let errors = mergingErrors ? Data() : errorPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: output, errorOutput: String(decoding: errors, as: UTF8.self))
    }

    /// A script under `Tests/Support`.
    static func support(_ name: String) -> String {
        SummaryFixtures.packageRoot.appendingPathComponent("Tests/Support/\(name)").path
    }
}
