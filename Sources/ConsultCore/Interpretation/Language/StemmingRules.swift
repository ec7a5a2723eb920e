/// A stemmer described as data: steps applied in order, each cutting (or replacing) the first of its suffixes
/// that the word ends with, when what is left keeps at least `minimumStem` letters.
///
/// Spanish: `mente`; then plural `es` or `s` (`meses` → `mes`); then the vowels of gender and of `-e` plurals (`a`, `o`, `e`) where at least
/// four letters stay (`mancha`/`manchas` → `manch`, but `sola` is not `sol` and `cara` is not `caro`); then `z`
/// becomes `c`, so `cicatrices` → `cicatric` and `cicatriz` → `cicatric`.
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

    /// One step: the first of its rules that applies cuts, when at least `minimumStem` letters stay.
    public struct Step: Sendable, Hashable {
        public var rules: [Rule]
        /// `nil`: the stemmer's own minimum.
        public var minimumStem: Int?

        public init(_ rules: [Rule], minimumStem: Int? = nil) {
            self.rules = rules
            self.minimumStem = minimumStem
        }
    }

    public var minimumStem: Int
    public var steps: [Step]

    public init(minimumStem: Int, steps: [Step]) {
        self.minimumStem = minimumStem
        self.steps = steps
    }

    func stem(_ word: String) -> String {
        var stem = word
        for step in steps {
            let minimum = step.minimumStem ?? minimumStem
            for rule in step.rules where stem.hasSuffix(rule.suffix) && stem.count - rule.suffix.count >= minimum {
                stem = String(stem.dropLast(rule.suffix.count)) + rule.replacement
                break
            }
        }
        return stem
    }
}
