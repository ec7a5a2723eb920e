import Testing
@testable import ConsultCore

@Suite struct TerminalSanitizerTests {
    @Test(arguments: [
        ("\u{1B}[31mred\u{1B}[0m text", "red text"),
        ("\u{1B}]0;evil title\u{07}hello", "hello"),
        ("\u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\", "link"),
        ("\u{1B}Pdevice control\u{1B}\\after", "after"),
        ("\u{9B}2Jcleared", "cleared"),
        ("\u{1B}(Bcharset", "charset"),
        ("\u{1B}cReset", "Reset"),
        ("tab\there", "tab here"),
        ("line\r\nbreak", "line break"),
        ("bell\u{07}and\u{00}null\u{7F}del\u{85}nel\u{90}x", "bellandnulldel nel"),
        ("safe\u{202E}txt.exe", "safetxt.exe"),
        ("iso\u{2066}late\u{2069}", "isolate"),
        ("zero\u{200B}width\u{FEFF}", "zerowidth"),
        ("  many    spaces\u{00A0}here  ", "many spaces here"),
        ("Crème brûlée 👍🏽", "Crème brûlée 👍🏽"),
        ("unterminated \u{1B}[31", "unterminated"),
        ("unterminated osc \u{1B}]0;title", "unterminated osc"),
        ("\u{1B}", ""),
        ("", ""),
    ])
    func removesWhatCouldTamperWithATerminal(_ input: String, _ expected: String) {
        #expect(TerminalSanitizer.clean(input) == expected)
    }

    @Test func truncatesWithAnEllipsisWithinTheLimit() {
        #expect(TerminalSanitizer.clean("abcdefghij", maxLength: 5) == "abcd…")
        #expect(TerminalSanitizer.clean("abc def", maxLength: 5) == "abc…")
        #expect(TerminalSanitizer.clean("abcde", maxLength: 5) == "abcde")
        #expect(TerminalSanitizer.clean("abc", maxLength: 0) == "")
        #expect(TerminalSanitizer.clean(String(repeating: "é", count: 3000)).count == 2000)
    }

    @Test func neverCrashesOnArbitraryScalars() {
        var generator = SplitMix(seed: 42)
        for _ in 0..<200 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int(generator.next() % 40) {
                let value = UInt32(generator.next() % 0x3000)
                if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
            }
            let cleaned = TerminalSanitizer.clean(String(scalars), maxLength: 20)
            #expect(cleaned.count <= 20)
            #expect(!cleaned.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        }
    }
}

/// A small deterministic generator, so a failing input can be reproduced.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
