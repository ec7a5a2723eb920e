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

/// Plain ASCII text takes a faster path; it must give exactly what the Unicode path gives.
@Suite struct TextNormalizerASCIITests {
    @Test(arguments: [
        "Yes!", "  Yes,   I AM.  ", "I`m not sure", "thirty-four", "34.5 years.", "-5 degrees", "2026-03-01", "#2)",
        "'quoted' - dash", "~40", "", "?!...", "a-", "-a", "x--5", "3.", ".5", "don't'", "'tis", "A_B\tc\r\nD",
        "How MUCH is it -- in total?", "e-mail me: NAME@example.com", "5-6 weeks; 10.5-12", "it's 'fine'.",
    ])
    func asciiTextNormalizesAsTheUnicodePathDoes(_ input: String) {
        // Appending a non-ASCII letter sends the text down the Unicode path; it adds one word at the end.
        let unicode = TextNormalizer.normalize(input + " é")
        let expected = unicode == "e" ? "" : String(unicode.dropLast(2))
        #expect(TextNormalizer.normalize(input) == expected)
    }
}

extension TextNormalizerASCIITests {
    /// The same on many random lines of the characters that matter.
    @Test func randomASCIILinesNormalizeAsTheUnicodePathDoes() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcXYZ019 '-.,?!`\t_/()")
        for _ in 0..<3_000 {
            let length = Int.random(in: 0...14, using: &generator)
            let input = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            asciiTextNormalizesAsTheUnicodePathDoes(input)
        }
    }
}
