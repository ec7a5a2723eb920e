/// Reads numbers written in English words: `thirty-four`, `twenty one`, `a hundred`, `one hundred and five`,
/// `two thousand and five`.
enum NumberWords {
    /// Whether `word` can be part of a number written in words (`and` and `a` only inside one).
    static func isNumberWord(_ word: String) -> Bool {
        word.split(separator: "-").allSatisfy { values[String($0)] != nil || multipliers.contains(String($0)) }
    }

    /// The value of a whole run of number words, or `nil` when they do not form one number (`thirty forty`).
    static func value(of words: [String]) -> Int? {
        let parts = words.flatMap { $0.split(separator: "-").map(String.init) }
        guard !parts.isEmpty else { return nil }
        if let thousand = parts.firstIndex(of: "thousand") {
            let high = Array(parts[..<thousand])
            var low = Array(parts[(thousand + 1)...])
            guard let multiplier = high == ["a"] ? 1 : belowThousand(high), multiplier > 0 else { return nil }
            if low.first == "and" {
                low.removeFirst()
                guard !low.isEmpty else { return nil }
            }
            guard let rest = low.isEmpty ? 0 : belowThousand(low) else { return nil }
            return multiplier * 1000 + rest
        }
        return belowThousand(parts)
    }

    /// `five`, `ninety nine`, `a hundred`, `three hundred and twelve`.
    private static func belowThousand(_ parts: [String]) -> Int? {
        guard let hundred = parts.firstIndex(of: "hundred") else { return belowHundred(parts) }
        let head = Array(parts[..<hundred])
        var tail = Array(parts[(hundred + 1)...])
        guard let digit = head == ["a"] || head == ["an"] ? 1 : belowHundred(head), (1...9).contains(digit) else { return nil }
        if tail.first == "and" {
            tail.removeFirst()
            guard !tail.isEmpty else { return nil }
        }
        guard let rest = tail.isEmpty ? 0 : belowHundred(tail) else { return nil }
        return digit * 100 + rest
    }

    /// `zero`…`ninety nine`: one word, or a tens word followed by a unit word.
    private static func belowHundred(_ parts: [String]) -> Int? {
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

    private static let multipliers: Set<String> = ["hundred", "thousand", "and", "a", "an"]

    private static let values: [String: Int] = {
        let small = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                     "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
        let tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
        var values: [String: Int] = [:]
        for (value, word) in small.enumerated() { values[word] = value }
        for (index, word) in tens.enumerated() { values[word] = (index + 2) * 10 }
        values["fourty"] = 40  // a common misspelling, not a different number
        return values
    }()
}
