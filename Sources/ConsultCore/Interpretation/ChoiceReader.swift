/// Reads the option (or options) a patient chose: by number, or by whole words and phrases of a label or synonym.
///
/// Each typed word is matched against the options' words as a whole word, in any inflection (`scar` for
/// `scars`), never as the start of a longer word (`face` does not select `facelift`). An option is chosen when it
/// explains the typed words better than any other (`acne scars` picks "Acne scars" over "Acne (active)"). A word
/// that matches only after allowing a typing slip (`botx`, `filer`) selects its option, but the reading is
/// confirmed; so is an option named among words that name nothing. When two options explain the same words, the
/// answer is ambiguous and the patient is asked to type the number.
struct ChoiceReader: Sendable {
    /// The options, numbered from 1 as shown.
    let options: [ChoiceOption]
    /// The "none of these" option of a multiple-choice question; numbered after the options.
    let none: ChoiceOption?
    /// Whether several options may be chosen (multiple choice).
    let allowsSeveral: Bool
    let language: ReadingLanguage
    /// The options that words can select, the "none of these" option last; prepared once.
    private let candidates: [Candidate]
    private var lexicon: ReadingLexicon { language.lexicon }

    init(options: [ChoiceOption], none: ChoiceOption?, allowsSeveral: Bool, language: ReadingLanguage = .english) {
        self.options = options
        self.none = none
        self.allowsSeveral = allowsSeveral
        self.language = language
        self.candidates = (options + (none.map { [$0] } ?? [])).map { Candidate($0, language: language) }
    }

    func reading(_ input: String) -> AnswerReading {
        if QuestionDetector.isQuestion(input, language: language) { return AnswerReading(.notAnAnswer) }
        let lexicon = self.lexicon
        var (words, times) = splittingTimes(Self.words(of: input))
        words = words.filter { !lexicon.choiceFillers.contains($0) }
        let rest = times.isEmpty ? nil : times.joined(separator: " ")
        if allowsSeveral, !words.isEmpty, words.allSatisfy({ lexicon.allWords.contains($0) || lexicon.allCompanions.contains($0) }),
           words.contains(where: lexicon.allWords.contains) {
            // Every option at once is rare enough to say back.
            return AnswerReading(.confirm(.choices(options.map(\.id)), .partialMatch), rest: rest)
        }
        let candidates = self.candidates
        var covers = Array(repeating: Set<Int>(), count: candidates.count)
        var slipped = false
        var unexplained = 0
        var saysNone = false
        var index = 0
        while index < words.count {
            let word = words[index]
            defer { index += 1 }
            // Whole phrases first: "stopped taking" is one phrase of one option, not "stopped" and "taking".
            var explained = false
            for (candidate, option) in zip(candidates, candidates.indices) {
                if let length = candidate.phraseLength(in: words, at: index), length > 1 {
                    for position in index..<(index + length) { covers[option].insert(position) }
                    explained = true
                }
            }
            if explained { continue }
            // Words run together or apart: "pock marks" for "pockmarks", "chicken pox" for "chickenpox".
            // Never across a word that negates or answers ("no se" is "I don't know", not "nose").
            if index + 1 < words.count, !lexicon.choiceNegations.contains(word), !lexicon.negators.contains(word),
               lexicon.yesNoPhrasesByFirstWord[word] == nil {
                let joined = word + words[index + 1]
                let joining = candidates.indices.filter { candidates[$0].matches(joined) }
                if !joining.isEmpty {
                    for option in joining { covers[option].formUnion([index, index + 1]) }
                    index += 1
                    continue
                }
            }
            for (position, candidate) in candidates.enumerated() where candidate.matches(word) {
                covers[position].insert(index)
                explained = true
            }
            if explained { continue }
            if let number = position(of: word) {
                // "type 1", "stage 2": a number that belongs to the word before it is not an option's number.
                if index > 0, position(of: words[index - 1]) == nil, !lexicon.numberAbbreviations.contains(words[index - 1]),
                   !candidates.contains(where: { $0.matches(words[index - 1]) }) {
                    unexplained += 1
                    continue
                }
                guard let option = optionIndex(numbered: number) else {
                    return AnswerReading(.notUnderstood(.noSuchOption(number: number, optionCount: options.count)))
                }
                covers[option].insert(index)
            } else if lexicon.noneWords.contains(word), allowsSeveral {
                saysNone = true
            } else if lexicon.numberAbbreviations.contains(word), index + 1 < words.count, position(of: words[index + 1]) != nil {
                continue  // "no. 2", an abbreviation of "number"
            } else if lexicon.choiceNegations.contains(word) || lexicon.noneWords.contains(word) || word.contains(where: \.isASCIIDigit) {
                // "not the acne" or "2.5": reading past these would guess.
                return AnswerReading(.notUnderstood(unrecognised))
            } else {
                // "None of these" is chosen by saying so, never by a slip ("nose" is not "none").
                let slips = candidates.indices.filter { $0 < options.count && candidates[$0].matchesWithSlip(word) }
                if slips.isEmpty {
                    unexplained += 1
                } else {
                    for position in slips { covers[position].insert(index) }
                    slipped = true
                }
            }
        }
        if words.isEmpty, let first = options.first, TextNormalizer.words(input).contains(where: lexicon.oneWords.contains) {
            // "one", "option one": the number one; elsewhere "one" is a filler ("the acne one").
            return AnswerReading(.understood(allowsSeveral ? .choices([first.id]) : .choice(first.id)), rest: rest)
        }
        let choice = choose(from: covers, candidates: candidates, words: words, saysNone: saysNone)
        guard case let .answer(value) = choice else {
            if case .unreadable(let hint) = choice { return AnswerReading(.notUnderstood(hint), rest: rest) }
            return AnswerReading(.notUnderstood(unrecognised))
        }
        if slipped { return AnswerReading(.confirm(value, .typo), rest: rest) }
        // "on and off", "kind of", "not sure" around an option the patient did not name by those words: say it back.
        let chosenWords = Set(candidates.filter { candidate in
            if case let .choice(id) = value { return candidate.option.id == id }
            if case let .choices(ids) = value { return ids.contains(candidate.option.id) || (ids.isEmpty && candidate.option.id == none?.id) }
            return false
        }.flatMap(\.words))
        let hedges = AnswerClauses(line: input, language: language).clauses.flatMap(\.hedgePhrases)
        if hedges.contains(where: { !$0.allSatisfy(chosenWords.contains) }) {
            return AnswerReading(.confirm(value, .partial), rest: rest)
        }
        // "botox 2 years ago" to "in the last 12 months…": the time may take the option out of the question.
        if rest != nil { return AnswerReading(.confirm(value, .mentionsTime), rest: rest) }
        if unexplained > 0 { return AnswerReading(.confirm(value, .partialMatch), rest: rest) }
        // "acne" for "Acne scars": a word that only describes the option's thing is not the thing.
        let chosenIDs: [String]
        switch value {
        case let .choice(id): chosenIDs = [id]
        case let .choices(ids): chosenIDs = ids
        default: chosenIDs = []
        }
        for (position, candidate) in candidates.enumerated() where chosenIDs.contains(candidate.option.id) {
            let typed = covers[position].sorted().map { words[$0] }
            // Only words count: "1" chooses by number, which says nothing about the label's words.
            if !typed.isEmpty, typed.allSatisfy(candidate.matches), candidate.onlyDescribes(typed) { return AnswerReading(.confirm(value, .partialMatch), rest: rest) }
        }
        return AnswerReading(.understood(value), rest: rest)
    }

    /// The strict reading: an answer only when it needs no confirmation.
    func read(_ input: String) -> AnswerInterpretation {
        reading(input).interpretation
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
            return .unreadable(unrecognised)
        }
        if choosesNone {
            guard let none else { return .unreadable(.noneNotOffered(optionCount: options.count)) }
            return chosenOptions.isEmpty ? .answer(.choices([])) : .unreadable(.noneWithOthers(noneLabel: none.label))
        }
        return chosenOptions.isEmpty ? .unreadable(unrecognised) : .answer(.choices(chosenOptions.map { options[$0].id }))
    }

    private var unrecognised: AnswerHint {
        allowsSeveral ? .notOptions(optionCount: options.count, noneLabel: none?.label) : .notAnOption(optionCount: options.count)
    }

    /// The index of the option shown with `number`; the "none of these" option comes after the others.
    private func optionIndex(numbered number: Int) -> Int? {
        let count = options.count + (none == nil ? 0 : 1)
        return number >= 1 && number <= count ? number - 1 : nil
    }

    /// `2`, `2nd`, `second`, `two`: an option's number.
    private func position(of word: String) -> Int? {
        if word.allSatisfy(\.isASCIIDigit), let number = Int(word) { return number }
        if let number = lexicon.ordinals[word] { return number }
        if let number = lexicon.cardinals[word] { return number }
        for suffix in lexicon.dates.ordinalSuffixes where word.hasSuffix(suffix) {
            let digits = word.dropLast(suffix.count)
            if !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) { return Int(digits) }
        }
        return nil
    }

    /// Normalized words, hyphenated words taken apart ("anti-wrinkle" is "anti wrinkle"), numbers kept whole.
    static func words(of text: String) -> [String] {
        TextNormalizer.words(text).flatMap { word -> [String] in
            // A Character, not Foundation's substring search: that went through NSString for every word.
            guard word.contains("-" as Character), word.contains(where: \.isLetter) else { return [word] }
            return word.split(separator: "-").map(String.init)
        }
    }

    /// The words without the times they name ("2 months ago"), and those times: a number there is not an option.
    private func splittingTimes(_ words: [String]) -> (words: [String], times: [String]) {
        var kept: [String] = []
        var times: [String] = []
        var index = 0
        while index < words.count {
            if let length = lexicon.dates.timePhraseLength(in: words, at: index), !(length == 1 && words[index].allSatisfy(\.isASCIIDigit) && words[index].count < 4) {
                times += words[index..<(index + length)]
                index += length
            } else {
                kept.append(words[index])
                index += 1
            }
        }
        return (kept, times)
    }
}

/// One option with the words that select it.
private struct Candidate: Sendable {
    let option: ChoiceOption
    /// The label and each synonym as words, fillers removed.
    let phrases: [[String]]
    let words: Set<String>
    let stems: Set<String>
    let language: ReadingLanguage

    init(_ option: ChoiceOption, language: ReadingLanguage) {
        self.option = option
        self.language = language
        // "Wrinkles or fine lines" is two phrases: "wrinkles" and "fine lines".
        var parts = [option.label]
        for alternative in language.lexicon.labelAlternatives {
            parts = parts.flatMap { $0.split(separator: " \(alternative) ").map(String.init) }
        }
        parts.append(option.label)
        let fillers = language.lexicon.choiceFillers
        func significantWords(_ text: String) -> [String] {
            let words = ChoiceReader.words(of: text)
            let significant = words.filter { !fillers.contains($0) }
            // A label made only of fillers ("Both", "I'm not sure") is still selectable by its words.
            return significant.isEmpty ? words : significant
        }
        let labelPhrases = parts.map(significantWords)
        let synonymPhrases = option.synonyms.map(significantWords)
        self.phrases = labelPhrases + synonymPhrases
        // A label's words select alone ("acne" says back "Acne scars"); a synonym's only with its main, last
        // word ("filler" of "lip filler"), never by a word that only describes ("face" of "face lift").
        self.words = Set(labelPhrases.joined()).union(synonymPhrases.compactMap(\.last))
        self.stems = Set(words.map(language.stem))
    }

    /// Whether a typed word is one of this option's words, whole, in any inflection.
    func matches(_ word: String) -> Bool {
        if words.contains(word) || words.contains(word + "s") { return true }
        // Other inflections only for words long enough that a shared stem is not a shared prefix ("por", "pores").
        return word.count >= 4 && stems.contains(language.stem(word))
    }

    /// Whether a typed word is one typing slip (two in long words) away from one of this option's words.
    func matchesWithSlip(_ word: String) -> Bool {
        let allowed = EditDistance.allowedSlips(forLength: word.count)
        guard allowed > 0 else { return false }
        return words.contains { candidate in
            candidate.count >= 4 && abs(candidate.count - word.count) <= allowed
                && EditDistance.distance(candidate, word) <= allowed
        }
    }

    /// Whether the typed words complete none of the option's phrases and each only stands before the main
    /// word of a phrase ("acne" in "acne scars"): they describe the option's thing without naming it.
    func onlyDescribes(_ typed: [String]) -> Bool {
        let typedStems = Set(typed.map(language.stem))
        let completes = phrases.contains { phrase in phrase.allSatisfy { typedStems.contains(language.stem($0)) } }
        guard !completes else { return false }
        return typedStems.allSatisfy { stem in
            !phrases.contains { phrase in phrase.last.map(language.stem) == stem }
        }
    }

    /// The length of a label or synonym of several words typed whole at `index`, if any.
    func phraseLength(in typed: [String], at index: Int) -> Int? {
        let typedStems = typed[index...].map(language.stem)
        return phrases
            .filter { $0.count > 1 && typedStems.starts(with: $0.map(language.stem)) }
            .map(\.count)
            .max()
    }

    /// The number of words of the longest label or synonym all of whose words are among `typed`; 0 when none is.
    func longestWholePhrase(among typed: [String]) -> Int {
        let typedStems = Set(typed.map(language.stem))
        return phrases
            .filter { phrase in phrase.allSatisfy { typedStems.contains(language.stem($0)) } }
            .map(\.count)
            .max() ?? 0
    }
}
