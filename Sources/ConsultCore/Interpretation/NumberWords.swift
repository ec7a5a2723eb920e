/// Reads numbers written in a language's words: `thirty-four`, `twenty one`, `a hundred`, `one hundred and five`,
/// `two thousand and five`; `treinta y cuatro`, `veintidós`, `ciento veinte`, `dos mil`.
///
/// The grammar is shared: units and tens (with a joiner between them where the language has one: "treinta y
/// cuatro"), hundreds (a digit times a multiplier, or a word that is itself hundreds: "doscientos"), then
/// thousands. The words are the language's (``ReadingVocabulary``).
final class NumberWords: Sendable {
    private let values: [String: Int]
    private let hundredWords: [String: Int]
    private let hundredMultipliers: Set<String>
    private let thousandMultipliers: Set<String>
    private let tensJoiners: Set<String>
    /// Words meaning one before a multiplier ("a hundred").
    let articles: Set<String>
    /// Words that join parts after a multiplier ("and").
    let joiners: Set<String>
    /// Every word that may stand inside a number.
    private let partWords: Set<String>

    init(_ v: ReadingVocabulary) {
        values = v.numberValues
        hundredWords = v.hundreds
        hundredMultipliers = Set(v.multipliers.filter { $0.value == 100 }.keys)
        thousandMultipliers = Set(v.multipliers.filter { $0.value == 1000 }.keys)
        tensJoiners = Set(v.tensJoiners)
        articles = Set(v.numberArticles)
        joiners = Set(v.numberJoiners)
        partWords = Set(v.multipliers.keys).union(v.hundreds.keys).union(articles).union(joiners).union(tensJoiners)
    }

    /// Whether `word` can be part of a number written in words (joiners and articles only inside one).
    func isNumberWord(_ word: String) -> Bool {
        word.split(separator: "-").allSatisfy { values[String($0)] != nil || partWords.contains(String($0)) }
    }

    /// Whether `word` multiplies what comes before it (`hundred`, `thousand`, `mil`).
    func isMultiplier(_ word: String) -> Bool {
        hundredMultipliers.contains(word) || thousandMultipliers.contains(word)
    }

    /// The value of a whole run of number words, or `nil` when they do not form one number (`thirty forty`).
    func value(of words: [String]) -> Int? {
        let parts = words.flatMap { $0.split(separator: "-").map(String.init) }
        guard !parts.isEmpty else { return nil }
        if let thousand = parts.firstIndex(where: thousandMultipliers.contains) {
            let high = Array(parts[..<thousand])
            var low = Array(parts[(thousand + 1)...])
            guard let multiplier = high.count == 1 && articles.contains(high[0]) ? 1 : belowThousand(high), multiplier > 0 else { return nil }
            if let first = low.first, joiners.contains(first) {
                low.removeFirst()
                guard !low.isEmpty else { return nil }
            }
            guard let rest = low.isEmpty ? 0 : belowThousand(low) else { return nil }
            return multiplier * 1000 + rest
        }
        return belowThousand(parts)
    }

    /// `five`, `ninety nine`, `a hundred`, `three hundred and twelve`, `ciento veinte`.
    private func belowThousand(_ parts: [String]) -> Int? {
        if let first = parts.first, let hundreds = hundredWords[first] {
            let tail = Array(parts.dropFirst())
            guard let rest = tail.isEmpty ? 0 : belowHundred(tail) else { return nil }
            return hundreds + rest
        }
        guard let hundred = parts.firstIndex(where: hundredMultipliers.contains) else { return belowHundred(parts) }
        let head = Array(parts[..<hundred])
        var tail = Array(parts[(hundred + 1)...])
        guard let digit = head.count == 1 && articles.contains(head[0]) ? 1 : belowHundred(head), (1...9).contains(digit) else { return nil }
        if let first = tail.first, joiners.contains(first) {
            tail.removeFirst()
            guard !tail.isEmpty else { return nil }
        }
        guard let rest = tail.isEmpty ? 0 : belowHundred(tail) else { return nil }
        return digit * 100 + rest
    }

    /// `zero`…`ninety nine`: one word, or a tens word followed by a unit word ("treinta y cuatro" with its joiner).
    private func belowHundred(_ parts: [String]) -> Int? {
        var parts = parts
        if parts.count == 3, tensJoiners.contains(parts[1]) { parts.remove(at: 1) }
        switch parts.count {
        case 1:
            return values[parts[0]]
        case 2:
            guard let tens = values[parts[0]], tens >= 20, tens % 10 == 0,
                  let unit = values[parts[1]], (1...9).contains(unit) else { return nil }
            return tens + unit
        default:
            return nil
        }
    }
}
