import Foundation
import Testing
@testable import ConsultCore

/// ``AbsolutePath`` completes plain paths itself; whatever it is given, it must say what `URL` says.
@Suite struct AbsolutePathTests {
    static let examples = [
        "out", "out/", "out///", "/tmp/x", "/tmp/x/", "/tmp//x", "./out", "../out", "a/./b", "a/../b", "a/b/.", "a/b/..",
        "a b", "a%20b", "é/ü", "~", "~/x", "x~", "/", "//", "", ".", "..", "a//", "/tmp/x//", ".hidden", "..name", "a/.b",
        "a/..b", "a/b.", "summaries", "/var/lib/consult/summaries", "-", "a\\b",
    ]

    @Test(arguments: examples)
    func saysWhatURLSays(path: String) {
        #expect(AbsolutePath.of(path) == URL(fileURLWithPath: path).path)
    }

    @Test func randomPathsOfSlashesDotsAndLettersSayWhatURLSays() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["/", "/", ".", "..", "a", "bc", "~", " "]
        for _ in 0..<2_000 {
            let path = (0..<Int.random(in: 1...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(AbsolutePath.of(path) == URL(fileURLWithPath: path).path, "\(path)")
        }
    }
}
