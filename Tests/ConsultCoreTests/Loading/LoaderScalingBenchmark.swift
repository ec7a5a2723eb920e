import Foundation
import Testing
@testable import ConsultCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Times loading one long dialog (``LongDialog``) and prints the time and the process's peak memory; it
/// asserts nothing about either. Off unless `CONSULT_LOADER_BENCHMARK` names a size (`20000`, or
/// `20000:earlyExits`); `benchmarks/loader-scaling.sh` runs each size in a process of its own on a
/// release build.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["CONSULT_LOADER_BENCHMARK"] != nil, "set CONSULT_LOADER_BENCHMARK=SIZE[:SHAPE]"))
struct LoaderScalingBenchmark {
    @Test func loadOneLongDialog() throws {
        let setting = ProcessInfo.processInfo.environment["CONSULT_LOADER_BENCHMARK"] ?? ""
        let parts = setting.split(separator: ":")
        let questions = try #require(parts.first.flatMap { Int($0) }, "CONSULT_LOADER_BENCHMARK=\(setting)")
        let shape = try #require(parts.count > 1 ? LongDialog.Shape(rawValue: String(parts[1])) : .sequential)

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("consult-benchmark-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("long.yaml").path
        let text = LongDialog.text(questions: questions, shape: shape)
        try text.write(toFile: path, atomically: true, encoding: .utf8)

        let before = Self.peakMemoryMiB()
        let clock = ContinuousClock()
        var result: ConsultationLoader.Result?
        let elapsed = clock.measure { result = ConsultationLoader.load(path: path, limits: LongDialog.limits) }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print(String(format: "loader-benchmark shape=%@ questions=%d bytes=%d seconds=%.3f peak_rss_mib_before=%.1f peak_rss_mib=%.1f",
                     shape.rawValue, questions, text.utf8.count, seconds, before, Self.peakMemoryMiB()))
        #expect(result?.errors.isEmpty == true, "\(result?.errors.prefix(3) ?? [])")
    }

    /// The most memory the process has held so far (its peak resident set size).
    static func peakMemoryMiB() -> Double {
        var usage = rusage()
        #if canImport(Darwin)
        getrusage(RUSAGE_SELF, &usage)
        return Double(usage.ru_maxrss) / 1_048_576
        #else
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
        #endif
    }
}
