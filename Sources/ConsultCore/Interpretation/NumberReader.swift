/// Reads one number, in digits or words, with the question's unit and a few harmless words around it
/// (`34`, `34 years old`, `thirty-four`, `about 40`, `~40`).
///
/// Words that would change the meaning (`almost 18`, `over 40`, `3 months` for a question in years) are not
/// skipped: the line is unreadable and the patient is asked again.
///
/// Digits are read as typed, never rounded: a whole-number question asks again for `17.9999999999999999` (which a
/// `Double` would hold as exactly 18), a number of more than 15 significant digits is refused (a `Double` cannot
/// tell it from its neighbours, so it could cross a range's bound), and a minus sign on a question that takes no
/// negative number is refused even on zero (`-0`).
enum NumberReader {
    static func read(_ input: String, range: NumberRange, language: ReadingLanguage = .english) -> AnswerInterpretation {
        let lexicon = language.lexicon
        let numberWords = lexicon.numbers
        let joiners = numberWords.articles.union(numberWords.joiners)
        let units = unitWords(for: range.unit, families: lexicon.unitFamilies)
        var numbers: [TypedNumber] = []
        var negate = false
        var run: [String] = []

        func endRun() -> AnswerHint? {
            defer { run = [] }
            guard !run.isEmpty else { return nil }
            if run.contains(where: isLiteral) {
                guard run.count == 1, let number = TypedNumber(literal: run[0]) else {
                    return run.filter(isLiteral).count > 1 ? .severalNumbers(range) : .notANumber(range)
                }
                numbers.append(number)
            } else {
                // "and" and "a" only join: dropped at the ends, except "a" starting "a hundred".
                var words = Array(run.reversed().drop { joiners.contains($0) }.reversed())
                while let first = words.first, joiners.contains(first),
                      !(numberWords.articles.contains(first) && words.count > 1 && numberWords.isMultiplier(words[1])) {
                    words.removeFirst()
                }
                guard !words.isEmpty else { return nil }  // a lone "a" or "and" around the number
                guard let value = numberWords.value(of: words) else { return .notANumber(range) }
                numbers.append(TypedNumber(whole: value))
            }
            return nil
        }

        for word in words(of: input) {
            if isLiteral(word) || numberWords.isNumberWord(word) {
                run.append(word)
                continue
            }
            if let hint = endRun() { return .unreadable(hint) }
            if word.wholeMatch(of: #/\d+(?:-\d+)+/#) != nil {
                return .unreadable(.severalNumbers(range))  // "34-35": a span, not one number
            } else if lexicon.negativeWords.contains(word) {
                guard numbers.isEmpty else { return .unreadable(.notANumber(range)) }  // "5 minus": not a sign
                negate = true
            } else if !units.contains(word) && !lexicon.numberFillers.contains(word) {
                return .unreadable(.notANumber(range))
            }
        }
        if let hint = endRun() { return .unreadable(hint) }

        guard numbers.count <= 1 else { return .unreadable(.severalNumbers(range)) }
        guard var number = numbers.first else { return .unreadable(.notANumber(range)) }
        if negate {
            guard !number.isNegative else { return .unreadable(.notANumber(range)) }  // "minus -5"
            number.negate()
        }
        if range.integer, !number.isWhole { return .unreadable(.notWholeNumber(range)) }
        guard number.significantDigits <= maximumSignificantDigits else { return .unreadable(.notANumber(range)) }
        if number.isNegative, number.value == 0 {
            // "-0": zero where negatives are answers; a slip where they are not, so asked again.
            if let minimum = range.minimum, minimum >= 0 { return .unreadable(.notANumber(range)) }
            number.value = 0
        }
        guard range.contains(number.value) else { return .unreadable(.outOfRange(number.value, range)) }
        return .answer(.number(number.value))
    }

    // MARK: - Digits

    /// The most significant digits read: a `Double` holds every decimal number of up to 15 of them closely enough
    /// to tell it from its neighbours, so comparing it with a range's bounds gives the answer the patient meant.
    /// It also keeps every answer well inside `Int64` and what JSON and FHIR can hold.
    private static let maximumSignificantDigits = 15

    /// A number as the patient wrote it: its value, and what the digits said that the value may not keep.
    private struct TypedNumber {
        var value: Double
        /// Whether the number was written with a minus sign (`-0` is negative here, unlike its value).
        var isNegative: Bool
        /// Whether every digit after the decimal point, if any, is zero.
        var isWhole: Bool
        /// The digits from the first non-zero one on, leaving out zeros that end a fraction (`0.050` has 1, `1000` 4).
        var significantDigits: Int

        /// `34`, `-5`, `34.50`; `nil` when the digits are not ASCII ones.
        init?(literal: String) {
            guard let match = literal.wholeMatch(of: #/(-?)([0-9]+)(?:\.([0-9]+))?/#),
                  let value = Double(literal) else { return nil }
            let integerDigits = match.2.drop { $0 == "0" }
            var fractionDigits = match.3 ?? ""
            while fractionDigits.last == "0" { fractionDigits.removeLast() }
            self.value = value
            isNegative = !match.1.isEmpty
            isWhole = fractionDigits.isEmpty
            significantDigits = integerDigits.isEmpty
                ? fractionDigits.drop { $0 == "0" }.count
                : integerDigits.count + fractionDigits.count
        }

        /// A number written in words (`thirty-four`).
        init(whole: Int) {
            value = Double(whole)
            isNegative = false
            isWhole = true
            significantDigits = String(whole.magnitude).count
        }

        mutating func negate() {
            value = -value
            isNegative = true
        }
    }

    // MARK: - Words

    /// Normalized words, with thousands separators dropped (`1,000`) and units split from digits (`34yrs`).
    private static func words(of input: String) -> [String] {
        return TextNormalizer.words(droppingThousandsSeparators(input)).flatMap { word -> [String] in
            guard let match = word.wholeMatch(of: #/(-?\d+(?:\.\d+)?)([a-z]+)/#) else { return [word] }
            return [String(match.1), String(match.2)]
        }
    }

    /// `1,000` → `1000`, but `1,5` and `1,2345` keep their commas (and then read as two numbers).
    private static func droppingThousandsSeparators(_ input: String) -> String {
        let characters = Array(input)
        var output = ""
        for (index, character) in characters.enumerated() {
            if character == ",", index > 0, characters[index - 1].isASCIIDigit,
               index + 3 < characters.count, characters[(index + 1)...(index + 3)].allSatisfy(\.isASCIIDigit),
               index + 4 >= characters.count || !characters[index + 4].isASCIIDigit {
                continue
            }
            output.append(character)
        }
        return output
    }

    /// `34`, `-5`, `34.5`.
    private static func isLiteral(_ word: String) -> Bool {
        word.wholeMatch(of: #/-?\d+(?:\.\d+)?/#) != nil
    }

    /// The unit as shown, its singular, and common abbreviations of the same unit.
    private static func unitWords(for unit: String?, families unitFamilies: [Set<String>]) -> Set<String> {
        guard let unit else { return [] }
        var words = Set(TextNormalizer.words(unit))
        for word in words where word.hasSuffix("s") { words.insert(String(word.dropLast())) }
        for family in unitFamilies where !family.isDisjoint(with: words) { words.formUnion(family) }
        return words
    }
}
