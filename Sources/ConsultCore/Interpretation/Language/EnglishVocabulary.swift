extension ReadingVocabulary {
    /// The English vocabulary: built in, so an English session parses nothing at start. The readers' behaviour in
    /// English is exactly what it was before languages (docs/languages.md).
    static let english: ReadingVocabulary = {
        var v = ReadingVocabulary()
        v.yes = [
            "y", "ye", "yes", "yeah", "yea", "yeh", "yep", "yup", "ya", "yah", "yas", "ja", "si", "aye", "uh huh", "mhm",
            "mm hmm", "yes please", "sure", "for sure", "sure thing", "ok", "okay", "k", "alright", "all right",
            "fine by me", "of course", "correct", "that's right", "thats right", "right", "true", "absolutely",
            "definitely", "certainly", "indeed", "affirmative", "totally", "exactly", "always", "a lot", "often",
            "usually", "all the time", "constantly", "understood", "i understand", "understand", "got it", "makes sense",
            "that makes sense", "go ahead", "go on", "let's go", "lets go", "let's do it", "sounds good", "why not",
            "yes i am", "that's fine", "thats fine", "no problem", "no worries", "i agree", "agreed",
        ]
        v.affirming = [
            "i am", "i'm", "im", "i do", "i have", "i've", "ive", "i did", "i was", "i take", "i use", "i get", "i got",
            "i still", "i still have", "i still do", "i have got", "i've got", "ive got", "there is", "there are",
            "there's", "theres", "got", "i had",
        ]
        v.no = [
            "n", "no", "nope", "nah", "naw", "nay", "nop", "noo", "nada", "no way", "negative", "never", "not at all",
            "of course not", "certainly not", "definitely not", "absolutely not", "not me", "none", "nothing", "neither",
            "no no", "no sir", "i'm not", "im not", "i am not", "i don't", "i dont", "i do not", "i haven't", "i havent",
            "i have not", "i didn't", "i didnt", "i did not", "i never", "i wasn't", "i wasnt", "i've never",
            "ive never", "never have", "never had", "never did", "not at the moment", "not now", "not right now",
            "not currently", "not at present", "none at all", "no thanks", "not that", "false", "nkda", "nka",
            "no known allergies", "healthy", "i'm healthy", "perfectly healthy", "all good", "nothing wrong",
            "all clear", "not applicable", "n/a", "na",
        ]
        v.unsure = [
            "not sure", "unsure", "not certain", "uncertain", "no idea", "idk", "dunno", "dno", "i dunno", "don't know",
            "dont know", "do not know", "not know", "i don't know", "i dont know", "i do not know", "maybe", "mayb",
            "perhaps", "possibly", "might be", "could be", "might", "hard to say", "no clue", "can't remember",
            "cant remember", "cannot remember", "can't recall", "cant recall", "don't remember", "dont remember",
            "do not remember", "not remember", "can't say", "cant say", "not too sure", "unknown", "who knows", "50 50",
            "either way", "i'm not sure", "im not sure", "possibly yes", "possibly not", "maybe not", "maybe yes",
            "don't think i know", "never checked", "not tested", "haven't checked", "havent checked", "no way to know",
            "could be yes", "might be pregnant", "not 100",
        ]
        v.probablyYes = [
            "i think so", "think so", "probably", "probably yes", "likely", "most likely", "i believe so", "believe so",
            "i guess so", "guess so", "i guess", "i suppose", "i suppose so", "suppose so", "pretty sure", "fairly sure",
            "i think i am", "i think i do", "i think i have", "i think i did", "seems like it", "sounds like me",
            "i reckon", "reckon so",
        ]
        v.probablyNo = [
            "i don't think so", "i dont think so", "don't think so", "dont think so", "i do not think so",
            "i don't think", "i dont think", "don't think", "dont think", "i doubt it", "doubt it", "i doubt", "doubt",
            "probably not", "i don't believe so", "i dont believe so", "don't believe so", "dont believe so", "unlikely",
            "i hope not", "hope not", "not likely", "i wouldn't think so", "i wouldnt think so", "shouldn't be",
            "shouldnt be", "i'm pretty sure not", "pretty sure not", "i think not", "think not",
        ]
        v.noAsFarAsKnown = [
            "not that i know", "not that i know of", "not that im aware", "not that i'm aware", "not that i am aware",
            "not as far as i know", "not to my knowledge", "none that i know of", "none that i know",
            "nothing that i know of", "not that i've been told", "not that ive been told", "never been told",
            "not that i remember", "not that i can remember", "not that i recall",
        ]
        v.partial = [
            "sometimes", "sometime", "occasionally", "at times", "a little", "a little bit", "a bit", "a tiny bit",
            "slightly", "kind of", "kinda", "sort of", "sorta", "somewhat", "a few", "some", "mild", "mildly", "minor",
            "now and then", "every now and then", "now and again", "on and off", "off and on", "from time to time",
            "once or twice", "here and there", "a couple", "a couple of", "small", "tiny", "one or two", "more or less",
            "partly", "partially", "only a little", "just a little", "just a bit", "only a bit", "i think a little",
            "a few times", "every so often", "depends", "it depends", "sort of yes", "sometimes yes", "yes and no",
            "not always",
        ]
        v.weakNo = [
            "not really", "not much", "not very", "not that much", "not very much", "not often", "hardly", "hardly ever",
            "barely", "rarely", "seldom", "not usually", "not normally", "not particularly", "not especially",
            "not so much", "nothing much", "nothing major", "nothing serious", "not badly", "not easily", "not too much",
        ]
        v.past = [
            "used to", "use to", "not anymore", "not any more", "no more", "anymore", "any more", "no longer",
            "not since", "in the past", "previously", "years ago", "long ago", "long time ago", "a long time ago",
            "ages ago", "a while ago", "a while back", "as a teen", "as a teenager", "as a kid", "as a child",
            "when i was younger", "when i was young", "when i was a teen", "when i was a kid", "when i was little",
            "back then", "stopped", "stoped", "stop", "quit", "finished", "ended", "gone", "went away", "cleared up",
            "cleared", "healed", "came off", "come off", "off it", "not for years", "not in years", "in years",
            "not recently", "a long time", "in my teens", "in my twenties",
        ]
        v.when = [
            "once", "before", "since", "last", "ago", "past", "had", "took", "was", "were", "did", "over", "for years",
            "then", "back then",
        ]
        v.negations = [
            "not", "never", "no", "don't", "dont", "do not", "doesn't", "doesnt", "didn't", "didnt", "haven't", "havent",
            "hasn't", "hasnt", "hadn't", "hadnt", "isn't", "isnt", "aren't", "arent", "wasn't", "wasnt", "weren't",
            "werent", "won't", "wont", "can't", "cant", "without", "nor", "neither", "none", "nothing", "zero",
            "free of", "free from", "clear of",
        ]
        v.contrasts = [
            "but", "though", "although", "however", "except", "apart from", "other than", "besides", "just", "only",
            "instead", "whereas", "while", "yet", "though i", "aside from", "except for",
        ]
        v.fillers = [
            "i", "me", "my", "mine", "it", "its", "it's", "that", "this", "there", "there's", "theres", "is", "are", "a",
            "an", "the", "any", "one", "ones", "thing", "things", "stuff", "well", "um", "umm", "uh", "erm", "er", "hmm",
            "hm", "ah", "oh", "so", "and", "also", "too", "really", "honestly", "actually", "thanks", "thank you",
            "thankyou", "thx", "ty", "please", "pls", "lol", "haha", "sorry", "to be honest", "tbh", "unfortunately",
            "fortunately", "luckily", "thankfully", "sadly", "of", "in", "on", "at", "for", "with", "to", "about", "be",
            "been", "being", "currently", "right now", "now", "at the moment", "at the minute", "atm", "yet", "ever",
            "any of", "any of those", "any of that", "anything", "them", "they", "those", "these", "you", "your", "we",
            "either", "have", "has", "do", "does", "am", "got", "get", "gets", "take", "takes", "taking", "use", "uses",
            "using", "as", "far", "all", "as well", "very", "quite", "pretty", "i'd say", "id say", "would say", "say",
            "think", "mean", "i mean", "like", "lot", "much", "many", "am i", "have i", "do i", "dear", "mate", "buddy",
            "friend", "bit",
        ]
        v.otherPeople = [
            "sister", "brother", "mum", "mom", "mother", "dad", "father", "husband", "wife", "partner", "boyfriend",
            "girlfriend", "friend", "daughter", "son", "family", "aunt", "uncle", "grandma", "grandmother", "grandpa",
            "grandfather", "cousin", "he", "she", "they", "his", "her", "their", "kids", "children", "parents",
        ]
        v.historyMarkers = [
            "ever", "have you had", "have you been", "have you taken", "have you used", "in the last", "did you",
            "been told", "in the past", "before", "had any", "when did",
        ]
        v.genericQuestionWords = [
            "a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "with", "from", "by", "as", "that",
            "this", "these", "those", "it", "its", "is", "are", "am", "was", "were", "be", "been", "do", "does", "did",
            "have", "has", "had", "you", "your", "you'd", "youd", "you're", "i", "my", "me", "we", "us", "our", "any",
            "some", "there", "where", "what", "which", "when", "who", "how", "why", "right", "now", "ever", "like",
            "would", "could", "can", "will", "should", "may", "might", "treatment", "treated", "area", "areas", "such",
            "also", "called", "other", "than", "very", "just", "if", "not", "no", "yes", "answer", "apply", "does",
            "still", "last", "time", "here", "today", "currently", "thing", "things", "one", "ones", "get", "got",
            "take", "taken", "told", "think", "about", "these", "know", "so", "it's", "that's", "into",
        ]
        v.questionWords = [
            "what", "what's", "whats", "wat", "wht", "how", "how's", "hows", "why", "when", "where", "who", "who's",
            "whos", "which", "whose", "whats", "whom",
        ]
        v.auxiliaries = [
            "can", "could", "would", "will", "should", "shall", "may", "might", "must", "do", "does", "did", "is", "are",
            "am", "was", "were", "has", "have", "had", "isn't", "isnt", "doesn't", "doesnt", "don't", "dont", "won't",
            "wont", "can't", "cant", "shouldn't", "shouldnt", "wouldn't", "wouldnt", "aren't", "arent", "will",
        ]
        v.statementAuxiliaries = [
            "have", "has", "had", "was", "were", "did", "am",
        ]
        v.determiners = [
            "my", "the", "a", "an", "your", "one", "these", "those", "me",
        ]
        v.subjects = [
            "i", "you", "u", "it", "that", "this", "there", "we", "they", "he", "she", "my", "your", "the", "a", "an",
            "people", "someone", "somebody", "anyone", "anybody", "patients", "microneedling", "micro-needling",
            "needling", "one", "men", "women", "kids", "teens", "these", "those", "me", "i've", "ive", "i'm", "im",
            "it's", "its", "y'all", "ya",
        ]
        v.statementVerbs = [
            "was", "had", "got", "took", "stopped", "started", "used", "did", "finished", "ended", "quit", "came",
            "went", "saw", "think", "remember", "know",
        ]
        v.askingPhrases = [
            "what if", "what about", "how about", "is it ok", "is it okay", "is that ok", "is that okay", "is it fine",
            "is it safe", "is that safe", "is that bad", "is that a problem", "would that matter", "does that matter",
            "does it matter", "does that count", "does it count", "do they count", "does this count", "do you mean",
            "what do you mean", "what does", "what counts", "what is a", "what's a", "whats a", "i have a question",
            "i want to know", "i'd like to know", "id like to know", "i wonder", "wondering if", "wondering whether",
            "can you tell me", "could you tell me", "can you explain", "could you explain", "tell me about",
            "tell me more about", "explain what", "what exactly", "how do i know", "how would i know", "can i still",
            "am i allowed", "is there a", "are there any",
        ]
        v.questionStarts = [
            "what", "what's", "whats", "how", "how's", "hows", "does", "do", "did", "can", "could", "is", "are", "am",
            "will", "would", "when", "why", "where", "who", "which", "should", "may", "might", "was", "were", "has",
            "have", "isn't", "doesn't", "won't", "can't",
        ]
        v.numberFillers = [
            "about", "around", "approximately", "approx", "roughly", "circa", "ca", "exactly", "just", "only", "i",
            "i'm", "im", "am", "i've", "it's", "its", "it", "is", "was", "my", "age", "aged", "the",
        ]
        v.dateFillers = [
            "on", "in", "around", "about", "approximately", "approx", "roughly", "circa", "the", "of", "since", "it",
            "was", "it's", "its", "i", "my", "just", "like", "maybe", "probably", "think", "at", "least", "or", "so",
            "um", "uh", "hmm", "well", "only", "ish", "dose",
        ]
        v.endingWords = [
            "stopped", "stoped", "finished", "ended", "quit", "took", "had", "did", "done", "last", "dose", "pill",
            "pills", "course", "treatment", "injection", "injections", "session", "that", "was", "got", "them", "taking",
            "take", "it", "my", "the", "a", "an", "i", "on", "in", "around", "about", "ago", "back", "off", "came",
            "come", "went", "and", "then", "there", "when", "over", "completed", "surgery", "op", "operation", "filler",
            "fillers", "botox", "peel", "laser", "chemo", "radiotherapy", "radiation", "isotretinoin", "accutane",
            "roaccutane", "tablets", "tablet", "meds", "medication", "is", "be",
        ]
        v.futureWords = [
            "tomorrow", "next", "later", "from", "coming", "upcoming",
        ]
        v.recent = [
            "recently", "lately", "not long ago", "a little while ago", "the other day",
        ]
        v.longAgo = [
            "ages ago", "ages", "a while ago", "a while back", "while ago", "a long time ago", "long time ago",
            "long ago", "years ago", "years back", "many years ago", "some time ago", "sometime ago", "a long while ago",
            "forever ago", "way back", "when i was a teenager", "when i was younger", "as a teenager",
            "when i was a teen", "in my teens", "when i was a kid", "as a teen", "as a kid", "years", "a long time",
            "donkey's years", "donkeys years",
        ]
        v.choiceFillers = [
            "the", "a", "an", "one", "ones", "option", "options", "number", "numbers", "choice", "answer", "i", "i'd",
            "id", "i'm", "im", "i'll", "say", "said", "would", "like", "think", "guess", "pick", "choose", "want", "go",
            "for", "with", "please", "it's", "its", "it", "is", "that", "this", "my", "mine", "and", "or", "also",
            "plus", "both", "of", "just", "only", "maybe", "probably", "mostly", "mainly", "about", "to", "in", "on",
            "me", "be", "are", "am", "mean", "those", "these", "them", "yes", "yeah", "yep", "ok", "okay", "well", "um",
            "uh", "hmm", "had", "have", "got", "some", "bit", "little", "lot", "really", "definitely", "thanks", "thank",
            "you", "was", "did", "do", "ive", "i've", "mostly", "especially", "mainly", "main", "from", "at", "by",
            "lol", "really",
        ]
        v.allWords = ["all", "everything"]
        v.allCompanions = ["above", "every"]
        v.noneWords = [
            "none", "nothing", "neither", "no", "nope", "nah", "nada",
        ]
        v.choiceNegations = [
            "not", "don't", "dont", "never", "except", "without", "nor", "isn't", "isnt", "aren't", "arent", "but",
        ]
        v.stopWords = [
            "a", "an", "the", "this", "that", "these", "those", "any", "some", "i", "i'm", "im", "i'll", "i've", "i'd",
            "me", "my", "mine", "myself", "we", "us", "our", "you", "your", "you're", "yours", "it", "its", "it's",
            "they", "them", "their", "he", "she", "him", "her", "his", "is", "are", "am", "was", "were", "be", "been",
            "being", "do", "does", "did", "don't", "doesn't", "didn't", "have", "has", "had", "will", "would", "shall",
            "should", "can", "could", "may", "might", "must", "won't", "can't", "isn't", "aren't", "there", "is there",
            "are there", "there", "to", "of", "in", "on", "at", "by", "for", "from", "with", "into", "about", "as",
            "and", "or", "but", "so", "if", "too young", "actually work", "too", "very", "really", "actually", "quite",
            "just",
        ]
        v.typoYes = ["yes", "yeah", "yep", "yup", "sure", "okay"]
        v.typoNo = ["no", "nope", "never", "none"]
        v.typoNegation = ["not"]
        v.subjectWords = ["i"]
        v.dropsApostrophes = true
        v.statementSubjects = ["i", "i'm", "im", "my", "it", "they"]

        // Numbers.
        let small = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                     "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
        let tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
        for (value, word) in small.enumerated() { v.numberValues[word] = value }
        for (index, word) in tens.enumerated() { v.numberValues[word] = (index + 2) * 10 }
        v.numberValues["fourty"] = 40  // a common misspelling, not a different number
        v.multipliers = ["hundred": 100, "thousand": 1000]
        v.numberArticles = ["a", "an"]
        v.numberJoiners = ["and"]
        v.negativeWords = ["minus", "negative"]
        v.unitFamilies = [
            ["years", "year", "yrs", "yr", "y", "yo", "old"],
            ["months", "month", "mos", "mo", "mths", "mth"],
            ["weeks", "week", "wks", "wk"],
            ["days", "day", "d"],
            ["hours", "hour", "hrs", "hr", "h"],
            ["kilograms", "kilogram", "kg", "kgs", "kilos", "kilo"],
            ["centimetres", "centimeters", "centimetre", "centimeter", "cm"],
            ["sessions", "session", "treatments", "treatment", "times"],
        ]

        // Dates.
        v.months = [
            ["january"], ["february"], ["march"], ["april"], ["may"], ["june"], ["july"], ["august"],
            ["september", "sept"], ["october"], ["november"], ["december"],
        ]
        v.abbreviationLength = 3
        v.weekdays = [["monday"], ["tuesday"], ["wednesday"], ["thursday"], ["friday"], ["saturday"], ["sunday"]]
        v.dayUnits = ["day": 1, "days": 1, "d": 1, "week": 7, "weeks": 7, "wk": 7, "wks": 7, "w": 7, "fortnight": 14, "fortnights": 14]
        v.monthUnits = ["month": 1, "months": 1, "mo": 1, "mos": 1, "mth": 1, "mths": 1, "m": 1,
                        "year": 12, "years": 12, "yr": 12, "yrs": 12, "y": 12]
        v.agoAfter = ["ago", "back", "before"]
        v.inWords = ["in"]
        v.daysBack = ["today": 0, "now": 0, "yesterday": 1]
        v.lastBefore = ["last", "past"]
        v.thisBefore = ["this"]
        v.beforeLast = ["before last"]
        v.weekWords = ["week"]
        v.monthWords = ["month"]
        v.yearWords = ["year"]
        v.soFarThisYear = ["earlier this year", "earlier in the year", "this year"]
        v.seasons = [NamedNumbers("spring", [3, 5]), NamedNumbers("summer", [6, 8]), NamedNumbers("autumn", [9, 11]),
                     NamedNumbers("fall", [9, 11]), NamedNumbers("winter", [12, 2])]
        v.holidays = [
            NamedNumbers("christmas", [12, 25, 7]), NamedNumbers("xmas", [12, 25, 7]), NamedNumbers("around christmas", [12, 25, 7]),
            NamedNumbers("christmas time", [12, 25, 7]), NamedNumbers("over christmas", [12, 25, 7]),
            NamedNumbers("new year", [1, 1, 7]), NamedNumbers("new years", [1, 1, 7]), NamedNumbers("new year's", [1, 1, 7]),
            NamedNumbers("around new year", [1, 1, 7]), NamedNumbers("halloween", [10, 31, 3]),
            NamedNumbers("valentines", [2, 14, 3]), NamedNumbers("valentine's", [2, 14, 3]),
            NamedNumbers("valentines day", [2, 14, 3]), NamedNumbers("valentine's day", [2, 14, 3]),
        ]
        v.otherPeriods = ["christmas", "weekend", "night"]
        v.yearParts = [
            NamedNumbers("early", [1, 4]), NamedNumbers("beginning", [1, 3]), NamedNumbers("start", [1, 3]),
            NamedNumbers("mid", [5, 8]), NamedNumbers("middle", [5, 8]), NamedNumbers("late", [9, 12]),
            NamedNumbers("end", [10, 12]),
        ]
        v.roughAmounts = [
            NamedNumbers("a couple of", [2, 3]), NamedNumbers("couple of", [2, 3]), NamedNumbers("a couple", [2, 3]),
            NamedNumbers("a few", [2, 6]), NamedNumbers("few", [2, 6]), NamedNumbers("several", [3, 9]),
            NamedNumbers("some", [2, 9]), NamedNumbers("many", [3, 20]),
        ]
        v.amountWords = ["a", "an", "few", "several", "couple", "of", "and", "half"]
        v.halfAfter = ["and a half"]
        v.halfBefore = ["half a", "half an"]
        v.timeWords = ["yesterday", "recently", "lately"]
        v.moreThanStarts = ["over", "more", "longer"]
        v.moreThanWords = ["over", "more", "longer", "than"]
        v.lessThanStarts = ["less", "under", "within"]
        v.lessThanWords = ["less", "under", "than", "within", "the", "last", "past"]
        v.ordinalSuffixes = ["st", "nd", "rd", "th"]

        // Choices.
        let ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
        for (index, word) in ordinals.enumerated() { v.ordinals[word] = index + 1 }
        let cardinals = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
        for (index, word) in cardinals.enumerated() { v.cardinals[word] = index + 2 }
        v.oneWords = ["one"]
        v.numberAbbreviations = ["no", "nr", "num", "#"]
        v.labelAlternatives = ["or"]

        // In-session commands, by their English names.
        v.commands = [
            "back": ["back", "go back", "previous", "undo"],
            "repeat": ["repeat", "again", "say again", "say that again"],
            "why": ["why", "why do you ask", "why do you need to know", "why are you asking"],
            "skip": ["skip", "skip it", "skip this", "pass"],
            "restart": ["restart", "start again", "start over"],
            "help": ["help", "commands", "what can i type"],
            "quit": ["quit", "exit", "leave", "stop", "bye"],
            "more": ["more", "details", "tell me more", "more please"],
            "none": ["none", "none of these", "none of them", "neither"],
        ]
        return v
    }()
}
