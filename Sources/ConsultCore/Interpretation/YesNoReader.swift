/// Reads yes, no and not-sure answers from loosely typed lines ("yes I am", "no, never", "idk").
enum YesNoReader {
    static func read(_ input: String, allowsUnsure: Bool) -> AnswerInterpretation {
        let found = Set(answers(in: TextNormalizer.words(input)))
        if found.contains(.yes) && found.contains(.no) {
            return .unreadable(.bothYesAndNo(allowsUnsure: allowsUnsure))
        }
        // A hedge wins over a yes or no it comes with ("no, not sure", "yes I think so"): for screening
        // questions an unsure answer is the careful reading.
        if found.contains(.unsure) {
            return allowsUnsure ? .answer(.yesNo(.unsure)) : .unreadable(.needsYesOrNo)
        }
        if let answer = found.first {
            return .answer(.yesNo(answer))
        }
        return .unreadable(allowsUnsure ? .notYesNoUnsure : .notYesNo)
    }

    /// The answers named in `words`, taking the longest phrase at each position so that
    /// "not sure" is not read as "sure" and "i don't know" not as "i don't".
    static func answers(in words: [String]) -> [YesNoUnsure] {
        var answers: [YesNoUnsure] = []
        var index = 0
        while index < words.count {
            if let phrase = phrases.first(where: { words[index...].starts(with: $0.words) }) {
                answers.append(phrase.answer)
                index += phrase.words.count
            } else {
                index += 1
            }
        }
        return answers
    }

    // MARK: - Phrases

    private static let yes = [
        "y", "yes", "yeah", "yea", "yep", "yup", "ya", "yah", "yes please", "sure", "for sure", "ok", "okay",
        "of course", "i am", "i do", "i have", "i did", "correct", "true", "absolutely", "definitely", "certainly",
    ]
    private static let no = [
        "n", "no", "nope", "nah", "not really", "not at all", "never", "none", "false", "of course not", "no way",
        "i'm not", "im not", "i am not", "i don't", "i dont", "i do not", "i haven't", "i havent", "i have not",
        "i didn't", "i didnt", "i did not", "definitely not", "absolutely not", "certainly not",
    ]
    // Hedges, including "i think so" and "i don't think so": a guess is not a yes or a no.
    private static let unsure = [
        "not sure", "unsure", "i'm not sure", "im not sure", "i am not sure", "not certain", "uncertain",
        "don't know", "dont know", "do not know", "i don't know", "i dont know", "i do not know", "idk", "dunno",
        "no idea", "maybe", "maybe not", "perhaps", "possibly", "probably", "probably not", "might be", "could be",
        "i think so", "i think not", "i don't think so", "i dont think so", "don't think so", "dont think so",
        "i guess", "i guess so", "can't remember", "cant remember", "i can't remember", "i cant remember",
        "don't remember", "dont remember", "i don't remember", "i dont remember", "not that i know",
    ]

    /// All phrases as words, longest first.
    private static let phrases: [(words: [String], answer: YesNoUnsure)] = {
        let all = yes.map { ($0, YesNoUnsure.yes) } + no.map { ($0, .no) } + unsure.map { ($0, .unsure) }
        return all
            .map { (words: $0.0.split(separator: " ").map(String.init), answer: $0.1) }
            .sorted { $0.words.count > $1.words.count }
    }()
}
