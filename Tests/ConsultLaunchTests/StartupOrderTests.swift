import Foundation
import Testing

/// The kiosk build (`scripts/build-kiosk.sh`, which the README's kiosk set-up runs) links the start's functions together
/// from `link/startup-order.txt`; a missing or emptied list would break that build or quietly lose the layout.
@Suite struct StartupOrderTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // ConsultLaunchTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    static func text(_ path: String) throws -> String {
        try String(contentsOf: packageRoot.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func theKioskBuildNamesAListOfThisProgramsStartFunctions() throws {
        let script = "scripts/build-kiosk.sh"
        #expect(try Self.text("README.md").contains(script), "the README's kiosk set-up does not use the kiosk build")
        #expect(try Self.text("benchmarks/startup.sh").contains(script), "benchmarks/startup.sh measures another build")
        let build = try Self.text(script)
        let option = "--symbol-ordering-file="
        let named = try #require(build.range(of: option), "the kiosk build passes no link order")
        let path = String(build[named.upperBound...].prefix { !$0.isWhitespace })
        let names = Set(try Self.text(path).split(separator: "\n").map(String.init))
        #expect(names.count > 1_000)
        // The entry point, and this program's own start path by its mangled names (module `consult`, `ConsultCore`).
        #expect(names.contains("consult_main"))
        #expect(names.contains { $0.hasPrefix("$s7consult13PatientLaunch") })
        #expect(names.contains { $0.hasPrefix("$s11ConsultCore17ConsultationCache") })
    }

    /// CI does not run the kiosk build (it takes minutes); these are the mistakes in its script that would only show
    /// on the kiosk: a static PIE with a search path crashes in glibc's start-up before `main`.
    @Test func theKioskBuildScriptParsesAndKeepsWhatAStaticPIENeeds() throws {
        let script = try Self.text("scripts/build-kiosk.sh")
        #expect(script.contains("-static-executable"))
        #expect(script.contains("-static-pie"))
        #expect(script.contains("--disable-local-rpath"), "a static PIE with $ORIGIN in its search path crashes at start")
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/bin/bash")
        check.arguments = ["-n", Self.packageRoot.appendingPathComponent("scripts/build-kiosk.sh").path]
        try check.run()
        check.waitUntilExit()
        #expect(check.terminationStatus == 0, "bash cannot parse scripts/build-kiosk.sh")
    }
}
