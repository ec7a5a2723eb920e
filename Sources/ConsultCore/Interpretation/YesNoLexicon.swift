/// The words and phrases that carry a yes, a no, a hedge or a qualification in a patient's answer.
///
/// Grouped by what a screening reader must do with them (see shared/answers.md, after the Circa study of
/// indirect answers): a clean yes or no, a guess in one direction, "in the middle", the past, a contrast.
/// Phrases are matched longest first on normalized words, so "not sure" is never read as "sure".
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

    /// All phrases as word lists, longest first, with their mark.
    static let phrases: [(words: [String], mark: Mark)] = {
        // A phrase in several lists keeps the mark of the first list here: guesses before clean answers
        // ("might"), clean answers before structure ("never", "no").
        let lists: [([String], Mark)] = [
            (unsure, .unsure), (noAsFarAsKnown, .noAsFarAsKnown), (probablyNo, .probablyNo), (probablyYes, .probablyYes), (weakNo, .weakNo),
            (no, .no), (yes, .yes), (affirming, .affirming), (partial, .partial), (past, .past), (when, .when),
            (negations, .negation),
            (contrasts, .contrast), (fillers, .filler),
        ]
        var seen: Set<String> = []
        var all: [(words: [String], mark: Mark)] = []
        for (list, mark) in lists {
            // A guess may start with "I" ("I don't remember"), which must not leave "I don't" to read as a no.
            let withSubject = [.unsure, .probablyYes, .probablyNo, .noAsFarAsKnown].contains(mark)
                ? list + list.filter { !$0.hasPrefix("i ") }.map { "i " + $0 } : list
            // Patients often leave out apostrophes: "dont", "im", "havent".
            for phrase in withSubject.flatMap({ [$0, $0.replacingOccurrences(of: "'", with: "")] }) where seen.insert(phrase).inserted {
                all.append((phrase.split(separator: " ").map(String.init), mark))
            }
        }
        // Longest first; equal lengths keep the list order above, so the result never depends on sorting.
        return all.enumerated()
            .sorted { ($0.element.words.count, -$0.offset) > ($1.element.words.count, -$1.offset) }
            .map(\.element)
    }()

    /// The phrases by their first word, longest first: a lookup per word instead of a scan of every phrase.
    static let phrasesByFirstWord: [String: [(words: [String], mark: Mark)]] = {
        var index: [String: [(words: [String], mark: Mark)]] = [:]
        for phrase in phrases { index[phrase.words[0], default: []].append(phrase) }
        return index
    }()

    /// Single words of the yes and no lists, for typo matching ("yse", "nopw").
    static let typoTargets: [(word: String, mark: Mark)] = [
        ("yes", .yes), ("yeah", .yes), ("yep", .yes), ("yup", .yes), ("sure", .yes), ("okay", .yes),
        ("no", .no), ("nope", .no), ("never", .no), ("none", .no), ("not", .negation),
    ]

    // MARK: - Clean answers

    static let yes = [
        "y", "ye", "yes", "yeah", "yea", "yeh", "yep", "yup", "ya", "yah", "yas", "ja", "si", "aye", "uh huh", "mhm",
        "mm hmm", "yes please", "sure", "for sure", "sure thing", "ok", "okay", "k", "alright", "all right", "fine by me",
        "of course", "correct", "that's right", "thats right", "right", "true", "absolutely", "definitely",
        "certainly", "indeed", "affirmative", "totally", "exactly", "always", "a lot", "often",
        "usually", "all the time", "constantly", "understood", "i understand", "understand", "got it", "makes sense",
        "that makes sense", "go ahead", "go on", "let's go", "lets go", "let's do it", "sounds good", "why not", "yes i am",
        "that's fine", "thats fine", "no problem", "no worries", "i agree", "agreed",
    ]
    static let affirming = [
        "i am", "i'm", "im", "i do", "i have", "i've", "ive", "i did", "i was", "i take", "i use", "i get",
        "i got", "i still", "i still have", "i still do", "i have got", "i've got", "ive got", "there is",
        "there are", "there's", "theres", "got", "i had",
    ]
    static let no = [
        "n", "no", "nope", "nah", "naw", "nay", "nop", "noo", "nada", "no way", "negative", "never", "not at all",
        "of course not", "certainly not", "definitely not", "absolutely not", "not me", "none", "nothing",
        "neither", "no no", "no sir", "i'm not", "im not", "i am not", "i don't", "i dont", "i do not", "i haven't",
        "i havent", "i have not", "i didn't", "i didnt", "i did not", "i never", "i wasn't", "i wasnt",
        "i've never", "ive never", "never have", "never had", "never did", "not at the moment", "not now",
        "not right now", "not currently", "not at present", "none at all", "no thanks", "not that",
        "false", "nkda", "nka", "no known allergies", "healthy", "i'm healthy", "perfectly healthy", "all good", "nothing wrong",
        "all clear", "not applicable", "n/a", "na",
    ]

    // MARK: - Guesses

    static let unsure = [
        "not sure", "unsure", "not certain", "uncertain", "no idea", "idk", "dunno", "dno", "i dunno",
        "don't know", "dont know", "do not know", "not know", "i don't know", "i dont know", "i do not know",
        "maybe", "mayb", "perhaps", "possibly", "might be", "could be", "might", "hard to say", "no clue",
        "can't remember", "cant remember", "cannot remember", "can't recall", "cant recall", "don't remember",
        "dont remember", "do not remember", "not remember", "can't say", "cant say", "not too sure", "unknown",
        "who knows", "50 50", "either way", "i'm not sure", "im not sure", "possibly yes", "possibly not",
        "maybe not", "maybe yes", "don't think i know", "never checked", "not tested", "haven't checked",
        "havent checked", "no way to know", "could be yes", "might be pregnant", "not 100",
    ]
    static let probablyYes = [
        "i think so", "think so", "probably", "probably yes", "likely", "most likely", "i believe so",
        "believe so", "i guess so", "guess so", "i guess", "i suppose", "i suppose so", "suppose so",
        "pretty sure", "fairly sure", "i think i am", "i think i do", "i think i have", "i think i did",
        "seems like it", "sounds like me", "i reckon", "reckon so",
    ]
    static let probablyNo = [
        "i don't think so", "i dont think so", "don't think so", "dont think so", "i do not think so",
        "i don't think", "i dont think", "don't think", "dont think", "i doubt it", "doubt it", "i doubt",
        "doubt", "probably not", "i don't believe so", "i dont believe so",
        "don't believe so", "dont believe so", "unlikely", "i hope not", "hope not", "not likely",
        "i wouldn't think so", "i wouldnt think so", "shouldn't be", "shouldnt be", "i'm pretty sure not",
        "pretty sure not", "i think not", "think not",
    ]

    static let noAsFarAsKnown = [
        "not that i know", "not that i know of", "not that im aware", "not that i'm aware", "not that i am aware",
        "not as far as i know", "not to my knowledge", "none that i know of", "none that i know",
        "nothing that i know of", "not that i've been told", "not that ive been told", "never been told",
        "not that i remember", "not that i can remember", "not that i recall",
    ]

    // MARK: - In the middle

    static let partial = [
        "sometimes", "sometime", "occasionally", "at times", "a little", "a little bit", "a bit", "a tiny bit",
        "slightly", "kind of", "kinda", "sort of", "sorta", "somewhat", "a few", "some", "mild", "mildly", "minor",
        "now and then", "every now and then", "now and again", "on and off", "off and on", "from time to time",
        "once or twice", "here and there", "a couple", "a couple of", "small", "tiny", "one or two",
        "more or less", "partly", "partially", "only a little", "just a little", "just a bit", "only a bit",
        "i think a little", "a few times", "every so often", "depends", "it depends", "sort of yes",
        "sometimes yes", "yes and no", "not always",
    ]
    static let weakNo = [
        "not really", "not much", "not very", "not that much", "not very much", "not often", "hardly",
        "hardly ever", "barely", "rarely", "seldom", "not usually", "not normally", "not particularly",
        "not especially", "not so much", "nothing much", "nothing major", "nothing serious", "not badly",
        "not easily", "not too much",
    ]

    // MARK: - The past

    static let past = [
        "used to", "use to", "not anymore", "not any more", "no more", "anymore", "any more", "no longer",
        "not since", "in the past", "previously", "years ago", "long ago",
        "long time ago", "a long time ago", "ages ago", "a while ago", "a while back", "as a teen",
        "as a teenager", "as a kid", "as a child", "when i was younger", "when i was young", "when i was a teen",
        "when i was a kid", "when i was little", "back then", "stopped", "stoped", "stop", "quit", "finished",
        "ended", "gone", "went away", "cleared up", "cleared", "healed", "came off", "come off", "off it",
        "not for years", "not in years", "in years", "not recently", "a long time", "in my teens", "in my twenties",
    ]
    /// Words that only place something in time, without saying it is over ("once", "since my op", "had").
    static let when = [
        "once", "before", "since", "last", "ago", "past", "had", "took", "was", "were", "did", "over", "for years",
        "then", "back then",
    ]

    // MARK: - Structure

    static let negations = [
        "not", "never", "no", "don't", "dont", "do not", "doesn't", "doesnt", "didn't", "didnt", "haven't",
        "havent", "hasn't", "hasnt", "hadn't", "hadnt", "isn't", "isnt", "aren't", "arent", "wasn't", "wasnt",
        "weren't", "werent", "won't", "wont", "can't", "cant", "without", "nor", "neither", "none", "nothing",
        "zero", "free of", "free from", "clear of",
    ]
    static let contrasts = [
        "but", "though", "although", "however", "except", "apart from", "other than", "besides", "just", "only",
        "instead", "whereas", "while", "yet", "though i", "aside from", "except for",
    ]
    /// Words that say nothing about which answer it is: pronouns, auxiliaries, politeness, thinking noises.
    static let fillers = [
        "i", "me", "my", "mine", "it", "its", "it's", "that", "this", "there", "there's", "theres", "is", "are",
        "a", "an", "the", "any", "one", "ones", "thing", "things", "stuff", "well", "um", "umm", "uh", "erm", "er",
        "hmm", "hm", "ah", "oh", "so", "and", "also", "too", "really", "honestly", "actually", "thanks",
        "thank you", "thankyou", "thx", "ty", "please", "pls", "lol", "haha", "sorry", "to be honest", "tbh",
        "unfortunately", "fortunately", "luckily", "thankfully", "sadly", "of", "in", "on", "at", "for", "with",
        "to", "about", "be", "been", "being", "currently", "right now", "now", "at the moment", "at the minute",
        "atm", "yet", "ever", "any of", "any of those", "any of that", "anything", "them", "they", "those", "these",
        "you", "your", "we", "either", "have", "has", "do", "does", "am", "got", "get", "gets", "take",
        "takes", "taking", "use", "uses", "using", "as", "far", "all", "as well", "very", "quite", "pretty",
        "i'd say", "id say", "would say", "say", "think", "mean", "i mean", "like", "lot", "much", "many",
        "am i", "have i", "do i", "dear", "mate", "buddy", "friend", "bit",
    ]
}
