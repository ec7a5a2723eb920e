import Foundation

/// The Okapi BM25 formulas the FAQ ranking uses, in their BM25F form: a term's occurrences in an entry's
/// fields are weighted and length-normalised per field, summed, and saturated once.
///
/// For a term t and an entry d with fields f (an example question, the keywords, the answer):
///
///     tf~(t, d) = Σ_f  weight_f · tf_f(t, d) / (1 − b_f + b_f · length_f(d) / averageLength_f)
///     score(t, d) = idf(t) · tf~ · (k1 + 1) / (tf~ + k1)
///     idf(t) = ln(1 + (N − n(t) + 0.5) / (n(t) + 0.5))      N entries, n(t) of them holding t
///
/// The `+ 1` inside the logarithm keeps every IDF positive, so a term found in every entry still counts a
/// little, and a one-entry FAQ works.
struct BM25: Sendable, Hashable {
    /// Saturation: how quickly repeats of a term stop adding to its score.
    var k1 = 1.2

    /// How strongly one field counts, and how much its length matters.
    struct Field: Sendable, Hashable {
        var weight: Double
        /// 0: length ignored; 1: fully normalised by length.
        var b: Double
    }

    /// One example question of the entry: the text a patient's question is closest to.
    var question = Field(weight: 1.0, b: 0.75)
    /// The entry's keywords: words that alone point at it, so they count twice an example question's words.
    var keywords = Field(weight: 2.0, b: 0.75)
    /// The answer text: a weak signal, it talks about more than the question it answers.
    var answer = Field(weight: 0.25, b: 0.75)

    /// The inverse document frequency of a term found in `containing` of `entries` entries.
    static func idf(containing: Int, of entries: Int) -> Double {
        log(1 + (Double(entries - containing) + 0.5) / (Double(containing) + 0.5))
    }

    /// The length-normalised, weighted frequency of a term in one field.
    static func weightedFrequency(_ frequency: Int, in field: Field, length: Int, averageLength: Double) -> Double {
        guard frequency > 0 else { return 0 }
        let normalisation = 1 - field.b + field.b * Double(length) / max(averageLength, 1)
        return field.weight * Double(frequency) / normalisation
    }

    /// The saturated multiple of its IDF that a term earns: 0 for none, approaching `k1 + 1` for many.
    func saturated(_ weightedFrequency: Double) -> Double {
        guard weightedFrequency > 0 else { return 0 }
        return weightedFrequency * (k1 + 1) / (weightedFrequency + k1)
    }

    /// What a term earns in an entry written for it: once in an example question and once as a keyword,
    /// both of average length. Scores are measured against this, so 1 means "as good as such an entry".
    var ideal: Double { saturated(question.weight + keywords.weight) }
}
