/// A patient's line cut into clauses, each with the yes/no marks it carries and the words left over.
///
/// Clauses end at punctuation, at a contrast ("but", "though", "just") and where the line turns from no to
/// yes or back ("no I have a cold sore"), because "no" often answers only part of the question and the second
/// fact is the one that matters (shared/answers.md).
struct AnswerClauses {
    struct Clause: Hashable {
        /// The marks found, in order.
        var marks: [YesNoLexicon.Mark] = []
        /// Words the lexicon does not explain: what the clause is about ("breastfeeding", "bruise", "easily").
        var content: [String] = []
        /// Every word of the clause, as normalized.
        var words: [String] = []
        /// Whether the clause names a time ("2 months ago", "last year", "in 2019").
        var mentionsTime = false
        /// Whether a yes or no was read only by allowing for a typing slip.
        var typo = false
        /// The words of each phrase marked as the past ("stopped", "used to", "healed").
        var pastPhrases: [[String]] = []
        /// The words of each hedge or "in the middle" phrase ("not sure", "on and off", "kind of").
        var hedgePhrases: [[String]] = []
        /// Whether the clause speaks of someone else ("my sister has keloids").
        var aboutSomeoneElse = false

        /// How many words at the start only introduce the clause ("but", "just").
        var leadingContrastWords = 0

        /// The clause's words without the contrast that introduces it: "i'm breastfeeding", not "but i'm…".
        var text: String { words.dropFirst(leadingContrastWords).joined(separator: " ") }
        func has(_ mark: YesNoLexicon.Mark) -> Bool { marks.contains(mark) }
        var isEmpty: Bool { marks.allSatisfy { $0 == .filler || $0 == .contrast } && content.isEmpty && !mentionsTime }
    }

    private(set) var clauses: [Clause] = []
    private let lexicon: ReadingLexicon

    /// Cuts a line as typed: punctuation ends a clause.
    init(line: String, language: ReadingLanguage = .english) {
        lexicon = language.lexicon
        for segment in Self.segments(of: line) {
            append(words: TextNormalizer.words(segment))
        }
    }

    /// Cuts a line already reduced to words.
    init(words: [String], language: ReadingLanguage = .english) {
        lexicon = language.lexicon
        append(words: words)
    }

    // MARK: - Cutting

    private mutating func append(words: [String]) {
        var current = Clause()
        var index = 0
        func close() {
            if !current.words.isEmpty { clauses.append(current) }
            current = Clause()
        }
        while index < words.count {
            if let length = lexicon.dates.timePhraseLength(in: words, at: index) {
                current.words += words[index..<(index + length)]
                current.mentionsTime = true
                index += length
                continue
            }
            guard let (mark, length) = mark(in: words, at: index) else {
                let word = words[index]
                if words.count == 1, let typo = typoMark(word) {
                    current.marks.append(typo)
                    current.typo = true
                } else {
                    current.content.append(word)
                    if lexicon.otherPeople.contains(word) { current.aboutSomeoneElse = true }
                }
                current.words.append(word)
                index += 1
                continue
            }
            let phrase = words[index..<(index + length)]
            switch mark {
            case .contrast:
                close()
                current.marks.append(.contrast)
                current.leadingContrastWords = length
            case .affirming where current.words.last.map(lexicon.negators.contains) == true:
                // "no tengo", "nunca he tenido": the verb is negated, not a second, affirmative fact.
                break
            case .yes, .affirming, .no, .probablyYes, .probablyNo, .noAsFarAsKnown:
                // A turn from no to yes (or back) within a clause starts a new fact: "no I have a cold sore".
                if let previous = current.marks.last(where: Self.isPolar), Self.side(previous) != Self.side(mark),
                   !(previous == .negation && mark == .yes) {
                    close()
                }
                current.marks.append(mark)
            case .past:
                current.marks.append(mark)
                current.pastPhrases.append(Array(phrase))
            case .unsure, .partial, .weakNo:
                current.marks.append(mark)
                current.hedgePhrases.append(Array(phrase))
            default:
                current.marks.append(mark)
            }
            current.words += phrase
            index += length
        }
        close()
    }

    private static func isPolar(_ mark: YesNoLexicon.Mark) -> Bool {
        switch mark {
        case .yes, .affirming, .no, .probablyYes, .probablyNo, .noAsFarAsKnown: true
        default: false
        }
    }

    private static func side(_ mark: YesNoLexicon.Mark) -> Bool {
        mark == .yes || mark == .affirming || mark == .probablyYes
    }

    /// The longest lexicon phrase starting at `index`.
    private func mark(in words: [String], at index: Int) -> (YesNoLexicon.Mark, Int)? {
        for phrase in lexicon.yesNoPhrasesByFirstWord[words[index]] ?? [] where words[index...].starts(with: phrase.words) {
            return (phrase.mark, phrase.words.count)
        }
        // Stretched words: "yesss", "nooo", "nopeee".
        let squeezed = Self.squeeze(words[index])
        if squeezed != words[index],
           let phrase = lexicon.yesNoPhrasesByFirstWord[squeezed]?.first(where: { $0.words == [squeezed] }) {
            return (phrase.mark, 1)
        }
        return nil
    }

    /// A lone word one typing slip away from a yes or no word ("yse", "nopw", "yeas").
    private func typoMark(_ word: String) -> YesNoLexicon.Mark? {
        guard word.count >= 2, word.allSatisfy(\.isLetter) else { return nil }
        let matches = lexicon.typoTargets.filter { EditDistance.isWithinOne(word, $0.word) }
        let marks = Set(matches.map(\.mark))
        guard marks.count == 1, let mark = marks.first else { return nil }
        return mark == .negation ? .no : mark
    }

    /// Runs of one letter cut to a single letter: "yesss" → "yes", "nooo" → "no".
    private static func squeeze(_ word: String) -> String {
        var result = ""
        for character in word where character != result.last { result.append(character) }
        return result
    }

    /// Parts of a line between punctuation that ends a clause.
    private static func segments(of line: String) -> [String] {
        var segments: [String] = []
        var current = ""
        let characters = Array(line)
        for (index, character) in characters.enumerated() {
            let previous: Character? = index > 0 ? characters[index - 1] : nil
            let next: Character? = index + 1 < characters.count ? characters[index + 1] : nil
            let isBreak: Bool
            switch character {
            case ",", ";", "!", "?", ":", "(", ")", "\n", "…":
                // "1,000" keeps its comma.
                isBreak = !(character == "," && (previous?.isASCIIDigit ?? false) && (next?.isASCIIDigit ?? false))
            case ".":
                isBreak = !((previous?.isASCIIDigit ?? false) && (next?.isASCIIDigit ?? false))
            case "-", "–", "—":
                isBreak = (previous?.isWhitespace ?? true) && (next?.isWhitespace ?? true)
            default:
                isBreak = false
            }
            if isBreak {
                segments.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        segments.append(current)
        return segments
    }
}
