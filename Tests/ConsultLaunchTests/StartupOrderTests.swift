import Foundation
import Testing

/// The README's kiosk build links the start's functions together from `link/startup-order.txt`; a missing or
/// emptied list would break that command or quietly lose the layout.
@Suite struct StartupOrderTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // ConsultLaunchTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    @Test func theKioskBuildNamesAListOfThisProgramsStartFunctions() throws {
        let readme = try String(contentsOf: Self.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let option = "--symbol-ordering-file="
        let named = try #require(readme.range(of: option), "the README's kiosk build passes no link order")
        let path = String(readme[named.upperBound...].prefix { !$0.isWhitespace })
        let list = try String(contentsOf: Self.packageRoot.appendingPathComponent(path), encoding: .utf8)
        let names = Set(list.split(separator: "\n").map(String.init))
        #expect(names.count > 1_000)
        // The entry point, and this program's own start path by its mangled names (module `consult`, `ConsultCore`).
        #expect(names.contains("consult_main"))
        #expect(names.contains { $0.hasPrefix("$s7consult13PatientLaunch") })
        #expect(names.contains { $0.hasPrefix("$s11ConsultCore17ConsultationCache") })
        let script = try String(contentsOf: Self.packageRoot.appendingPathComponent("benchmarks/startup.sh"), encoding: .utf8)
        #expect(script.contains(option + path), "benchmarks/startup.sh measures another build than the README's")
    }
}
