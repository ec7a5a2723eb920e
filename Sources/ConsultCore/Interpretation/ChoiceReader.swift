/// Reads the option (or options) a patient chose: by number, label, synonym or the start of a label's word.
///
/// Each typed word is matched against the options' words; an option is chosen when it explains the typed
/// words better than any other (`acne scars` picks "Acne scars" over "Acne (active)"). When two options
/// explain the same words, the answer is ambiguous and the patient is asked to type the number.
struct ChoiceReader {
    /// The options, numbered from 1 as shown.
    let options: [ChoiceOption]
    /// The "none of these" option of a multiple-choice question; numbered after the options.
    let none: ChoiceOption?
    /// Whether several options may be chosen (multiple choice).
    let allowsSeveral: Bool

    func read(_ input: String) -> AnswerInterpretation {
        let words = TextNormalizer.words(input).filter { !Self.fillers.contains($0) }
        if allowsSeveral, !words.isEmpty, words.allSatisfy(Self.allWords.contains),
           words.contains(where: { $0 == "all" || $0 == "everything" }) {
            return .answer(.choices(options.map(\.id)))
        }
        let candidates = self.candidates
        var covers = Array(repeating: Set<Int>(), count: candidates.count)
        var saysNone = false
        for (position, word) in words.enumerated() {
            var explained = false
            for (index, candidate) in candidates.enumerated() where candidate.matches(word) {
                covers[index].insert(position)
                explained = true
            }
            if explained { continue }
            if let number = Self.position(of: word) {
                guard let index = optionIndex(numbered: number) else {
                    return .unreadable(.noSuchOption(number: number, optionCount: options.count))
                }
                covers[index].insert(position)
            } else if Self.noneWords.contains(word), allowsSeveral {
                saysNone = true
            } else if word == "no", position + 1 < words.count, Self.position(of: words[position + 1]) != nil {
                continue  // "no. 2", an abbreviation of "number"
            } else if Self.negations.contains(word) || Self.noneWords.contains(word) || word.contains(where: \.isASCIIDigit) {
                // "not the acne" or "2.5": reading past these would guess.
                return unrecognised
            }
        }
        if words.isEmpty, let first = options.first, TextNormalizer.words(input).contains("one") {
            // "one", "option one": the number one; elsewhere "one" is a filler ("the acne one").
            return .answer(allowsSeveral ? .choices([first.id]) : .choice(first.id))
        }
        return choose(from: covers, candidates: candidates, words: words, saysNone: saysNone)
    }

    // MARK: - Choosing

    private func choose(from covers: [Set<Int>], candidates: [Candidate], words: [String], saysNone: Bool) -> AnswerInterpretation {
        // An option explaining only some of the words another option explains loses to it.
        let remaining = covers.indices.filter { index in
            !covers[index].isEmpty && !covers.indices.contains { other in
                other != index && covers[index].isStrictSubset(of: covers[other])
            }
        }
        var chosen: [Int] = []
        var seen: Set<Set<Int>> = []
        // In option order, so the same line always gives the same hint.
        for cover in remaining.map({ covers[$0] }) where seen.insert(cover).inserted {
            let rivals = remaining.filter { covers[$0] == cover }
            // Equal words: the option whose whole label or synonym was typed wins ("acne" as a synonym).
            let typed = cover.sorted().map { words[$0] }  // covers hold positions in `words`
            let best = rivals.map { candidates[$0].longestWholePhrase(among: typed) }.max() ?? 0
            let winners = rivals.filter { candidates[$0].longestWholePhrase(among: typed) == best }
            guard winners.count == 1 else { return .unreadable(.ambiguousOptions(winners.sorted().map { candidates[$0].option.label })) }
            chosen.append(winners[0])
        }
        chosen.sort()
        let noneIndex = none == nil ? nil : options.count
        let choosesNone = saysNone || chosen.contains { $0 == noneIndex }
        let chosenOptions = chosen.filter { $0 != noneIndex }

        if !allowsSeveral {
            if chosenOptions.count == 1 { return .answer(.choice(options[chosenOptions[0]].id)) }
            if chosenOptions.count > 1 { return .unreadable(.ambiguousOptions(chosenOptions.map { options[$0].label })) }
            return unrecognised
        }
        if choosesNone {
            guard let none else { return .unreadable(.noneNotOffered(optionCount: options.count)) }
            return chosenOptions.isEmpty ? .answer(.choices([])) : .unreadable(.noneWithOthers(noneLabel: none.label))
        }
        return chosenOptions.isEmpty ? unrecognised : .answer(.choices(chosenOptions.map { options[$0].id }))
    }

    private var unrecognised: AnswerInterpretation {
        allowsSeveral
            ? .unreadable(.notOptions(optionCount: options.count, noneLabel: none?.label))
            : .unreadable(.notAnOption(optionCount: options.count))
    }

    /// The options that words can select, the "none of these" option last.
    private var candidates: [Candidate] {
        (options + (none.map { [$0] } ?? [])).map(Candidate.init)
    }

    /// The index of the option shown with `number`; the "none of these" option comes after the others.
    private func optionIndex(numbered number: Int) -> Int? {
        let count = options.count + (none == nil ? 0 : 1)
        return number >= 1 && number <= count ? number - 1 : nil
    }

    /// `2`, `2nd`, `second`, `two`: an option's number.
    private static func position(of word: String) -> Int? {
        if word.allSatisfy(\.isASCIIDigit), let number = Int(word) { return number }
        if let number = ordinalWords.firstIndex(of: word) { return number + 1 }
        if let number = cardinalWords.firstIndex(of: word) { return number + 2 }
        for suffix in ["st", "nd", "rd", "th"] where word.hasSuffix(suffix) {
            let digits = word.dropLast(2)
            if !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) { return Int(digits) }
        }
        return nil
    }

    // MARK: - Words

    /// Words around a choice that say nothing about which option ("I'd say the acne one, please").
    static let fillers: Set<String> = [
        "the", "a", "an", "one", "ones", "option", "options", "number", "numbers", "choice", "answer", "i", "i'd",
        "id", "i'm", "im", "i'll", "say", "said", "would", "like", "think", "guess", "pick", "choose", "want",
        "go", "for", "with", "please", "it's", "its", "it", "is", "that", "this", "my", "mine", "and", "or",
        "also", "plus", "both", "of", "just", "only", "maybe", "probably", "mostly", "mainly", "about", "to",
        "in", "on", "me", "be", "are", "am", "mean", "those", "these", "them",
    ]
    /// What "all of them" may be made of, once fillers are gone.
    private static let allWords: Set<String> = ["all", "everything", "above", "every"]
    private static let noneWords: Set<String> = ["none", "nothing", "neither", "no"]
    private static let negations: Set<String> = [
        "not", "don't", "dont", "never", "except", "without", "nor", "isn't", "isnt", "aren't", "arent", "but",
    ]
    private static let ordinalWords = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
    private static let cardinalWords = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
}

/// One option with the words that select it.
private struct Candidate {
    let option: ChoiceOption
    /// The label and each synonym as words, fillers removed.
    let phrases: [[String]]
    let words: Set<String>

    init(_ option: ChoiceOption) {
        self.option = option
        self.phrases = ([option.label] + option.synonyms).map { text in
            let words = TextNormalizer.words(text)
            let significant = words.filter { !ChoiceReader.fillers.contains($0) }
            // A label made only of fillers ("Both") is still selectable by its words.
            return significant.isEmpty ? words : significant
        }
        self.words = Set(phrases.joined())
    }

    /// Whether a typed word is one of this option's words, the same word in another form, or the start of one.
    func matches(_ word: String) -> Bool {
        if words.contains(word) { return true }
        let stem = WordStemmer.stem(word)
        return words.contains { candidate in
            WordStemmer.stem(candidate) == stem || (word.count >= 3 && candidate.hasPrefix(word))
        }
    }

    /// The number of words of the longest label or synonym all of whose words are among `typed`; 0 when none is.
    func longestWholePhrase(among typed: [String]) -> Int {
        let typedStems = Set(typed.map(WordStemmer.stem))
        return phrases
            .filter { phrase in phrase.allSatisfy { typedStems.contains(WordStemmer.stem($0)) } }
            .map(\.count)
            .max() ?? 0
    }
}
