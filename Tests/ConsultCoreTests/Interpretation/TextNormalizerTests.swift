import Testing
@testable import ConsultCore

@Suite struct TextNormalizerTests {
    @Test(arguments: [
        ("Yes!", "yes"),
        ("  Yes,   I AM.  ", "yes i am"),
        ("I’m not sure", "i'm not sure"),
        ("Crème brûlée, señor", "creme brulee senor"),
        ("thirty-four", "thirty-four"),
        ("34.5 years.", "34.5 years"),
        ("-5 degrees", "-5 degrees"),
        ("2026-03-01", "2026-03-01"),
        ("#2)", "2"),
        ("'quoted' - dash", "quoted dash"),
        ("~40", "40"),
        ("", ""),
        ("?!...", ""),
    ])
    func normalizes(_ input: String, _ expected: String) {
        #expect(TextNormalizer.normalize(input) == expected)
    }

    @Test func wordsAreTheNormalizedTokens() {
        #expect(TextNormalizer.words("No, I don’t.") == ["no", "i", "don't"])
        #expect(TextNormalizer.words(" \t ").isEmpty)
    }
}

extension TextNormalizerTests {
    /// The fast path for plain ASCII gives exactly what the general path gives, on many random lines.
    @Test func theASCIIPathAgreesWithTheGeneralPath() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcXYZ019 '-.,?!`\t_/()")
        for _ in 0..<5_000 {
            let length = Int.random(in: 0...14, using: &generator)
            let line = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            #expect(TextNormalizer.normalize(line) == TextNormalizer.normalizeCharacters(line), "\(line.debugDescription)")
        }
    }
}
