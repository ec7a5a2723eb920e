/// A stemmer described as data: steps applied in order, each cutting (or replacing) the first of its suffixes
/// that the word ends with, when what is left keeps at least `minimumStem` letters.
///
/// Spanish: `mente`; then plural `s`; then the vowels of gender and of `-e` plurals (`a`, `o`, `e`); then `z`
/// becomes `c`, so `cicatrices` → `cicatrice` → `cicatric` and `cicatriz` → `cicatric`.
public struct StemmingRules: Sendable, Hashable {
    /// One suffix: cut, or replaced by `replacement`.
    public struct Rule: Sendable, Hashable {
        public var suffix: String
        public var replacement: String

        public init(_ suffix: String, replacement: String = "") {
            self.suffix = suffix
            self.replacement = replacement
        }
    }

    public var minimumStem: Int
    public var steps: [[Rule]]

    public init(minimumStem: Int, steps: [[Rule]]) {
        self.minimumStem = minimumStem
        self.steps = steps
    }

    func stem(_ word: String) -> String {
        var stem = word
        for step in steps {
            for rule in step where stem.hasSuffix(rule.suffix) && stem.count - rule.suffix.count >= minimumStem {
                stem = String(stem.dropLast(rule.suffix.count)) + rule.replacement
                break
            }
        }
        return stem
    }
}
