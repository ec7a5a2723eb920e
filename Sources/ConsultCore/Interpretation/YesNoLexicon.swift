/// The words and phrases that carry a yes, a no, a hedge or a qualification in a patient's answer.
///
/// Grouped by what a screening reader must do with them (see shared/answers.md, after the Circa study of
/// indirect answers): a clean yes or no, a guess in one direction, "in the middle", the past, a contrast.
/// Phrases are matched longest first on normalized words, so "not sure" is never read as "sure". The words are
/// each language's (``ReadingVocabulary``); the marks and what the readers do with them are the same in all.
enum YesNoLexicon {
    /// What a phrase contributes to the reading of its clause.
    enum Mark: Hashable {
        case yes
        /// "I am", "I have", "I do": a yes when alone, a statement about what follows otherwise.
        case affirming
        case no
        /// "not sure", "idk", "maybe": the patient does not know.
        case unsure
        /// "I think so", "probably": a guess towards yes.
        case probablyYes
        /// "I don't think so", "I doubt it": a guess towards no.
        case probablyNo
        /// "Not that I know of", "not to my knowledge": usually a no, said with care.
        case noAsFarAsKnown
        /// "sometimes", "a little", "kind of": in the middle, usually meaning it applies.
        case partial
        /// "not really", "hardly", "rarely": in the middle, leaning to no.
        case weakNo
        /// "used to", "not anymore", "stopped", "years ago": it was so in the past, and is over.
        case past
        /// "once", "since", "had": a time, without saying it is over.
        case when
        /// "not", "never", "don't": negates the clause's content.
        case negation
        /// "but", "though", "except", "just": a second fact follows.
        case contrast
        /// Words that add nothing to the reading ("well", "honestly", "thanks", "i", "it").
        case filler
    }

    /// A language's phrases by their first word, each list longest first: a lookup per word instead of a scan of
    /// every phrase. Built once per language (``ReadingLexicon``).
    static func phrasesByFirstWord(_ v: ReadingVocabulary) -> [String: [(words: [String], mark: Mark)]] {
        var index: [String: [(words: [String], mark: Mark)]] = [:]
        for phrase in phrases(v) { index[phrase.words[0], default: []].append(phrase) }
        return index
    }

    /// All phrases as word lists, longest first, with their mark.
    static func phrases(_ v: ReadingVocabulary) -> [(words: [String], mark: Mark)] {
        // A phrase in several lists keeps the mark of the first list here: guesses before clean answers
        // ("might"), clean answers before structure ("never", "no").
        let lists: [([String], Mark)] = [
            (v.unsure, .unsure), (v.noAsFarAsKnown, .noAsFarAsKnown), (v.probablyNo, .probablyNo), (v.probablyYes, .probablyYes),
            (v.weakNo, .weakNo), (v.no, .no), (v.yes, .yes), (v.affirming, .affirming), (v.partial, .partial), (v.past, .past),
            (v.when, .when), (v.negations, .negation), (v.contrasts, .contrast), (v.fillers, .filler),
        ]
        var seen: Set<String> = []
        var all: [(words: [String], mark: Mark)] = []
        for (list, mark) in lists {
            // A guess may start with "I" ("I don't remember"), which must not leave "I don't" to read as a no.
            var withSubject = list
            if [.unsure, .probablyYes, .probablyNo, .noAsFarAsKnown].contains(mark) {
                for subject in v.subjectWords { withSubject += list.filter { !$0.hasPrefix(subject + " ") }.map { subject + " " + $0 } }
            }
            // Patients often leave out apostrophes: "dont", "im", "havent". (Filtered in Swift: Foundation's
            // `replacingOccurrences` goes through NSString, and this runs for every phrase before the first question.)
            let spellings = v.dropsApostrophes ? withSubject.flatMap { [$0, String($0.unicodeScalars.filter { $0 != "'" })] } : withSubject
            for phrase in spellings where !phrase.isEmpty && seen.insert(phrase).inserted {
                all.append((phrase.split(separator: " ").map(String.init), mark))
            }
        }
        // Longest first; equal lengths keep the list order above, so the result never depends on sorting.
        return all.enumerated()
            .sorted { ($0.element.words.count, -$0.offset) > ($1.element.words.count, -$1.offset) }
            .map(\.element)
    }
}
