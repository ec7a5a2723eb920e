/// Reads yes, no and not-sure answers, and says how sure the reading is.
///
/// General rules, not a table of sentences (shared/answers.md):
/// - a question asked back is not an answer;
/// - a hedge ("not sure", "maybe") is "not sure" where the question offers it;
/// - a guess ("I think so", "I doubt it") is read towards its side and confirmed;
/// - "in the middle" ("sometimes", "a little") means it applies, and is confirmed; "not really" leans to no;
/// - the past ("not anymore", "I stopped 2 months ago") is a yes to "have you ever…" and a no to "right now…",
///   confirmed either way;
/// - "no, but …" and "not X but Y": when the second fact is about the question's own subject, it is the answer
///   (yes); otherwise the no stands for this question, is confirmed, and the second fact is kept for the next;
/// - an answer without yes or no that repeats the question's subject ("I bruise easily") is a yes, confirmed;
/// - clear words either side with nothing to tell them apart are asked again.
struct YesNoReader {
    let allowsUnsure: Bool
    let focus: QuestionFocus
    var language: ReadingLanguage = .english

    func read(_ input: String) -> AnswerReading {
        if QuestionDetector.isQuestion(input, language: language) { return AnswerReading(.notAnAnswer) }
        let clauses = AnswerClauses(line: input, language: language).clauses.filter { !$0.isEmpty }
        guard !clauses.isEmpty else { return AnswerReading(.notUnderstood(notAnswered)) }

        let stances = clauses.map(stance)
        // Someone who does not know says so whatever else they say ("no, not sure", "maybe, a little"), unless a
        // clear yes comes first and the doubt is about a detail ("yes but I don't remember the name").
        if let doubt = clauses.firstIndex(where: { $0.has(.unsure) }) {
            if let yes = stances.firstIndex(where: { $0.polarity == .yes }), yes < doubt, !clauses[doubt].content.isEmpty {
                return AnswerReading(.confirm(.yesNo(.yes), .qualified), rest: clauses[doubt].text)
            }
            guard allowsUnsure else { return AnswerReading(.notUnderstood(.needsYesOrNo)) }
            // "idk, my scar is kind of thick": not sure, but describing the very thing; say it back.
            if stances.indices.contains(where: { $0 != doubt && stances[$0].echoes }) {
                return AnswerReading(.confirm(.yesNo(.unsure), .hedged))
            }
            return AnswerReading(.understood(.yesNo(.unsure)))
        }
        let rest = { (used: Int) -> String? in
            let others = clauses.indices.filter { $0 != used && !stances[$0].isBare }.map { clauses[$0].text }
            return others.isEmpty ? nil : others.joined(separator: ", ")
        }

        // "Not that I know of" is usually a no, said with care: confirmed as a no.
        if let careful = stances.firstIndex(where: { $0.polarity == .noAsFarAsKnown }),
           !stances.contains(where: { $0.polarity == .yes || $0.polarity == .probablyYes }) {
            return AnswerReading(.confirm(.yesNo(.no), .hedged), rest: rest(careful))
        }
        // A guess ("I think so", "I doubt it") is not sure where the question offers it, and confirmed otherwise.
        if let guess = stances.firstIndex(where: { $0.polarity == .probablyYes || $0.polarity == .probablyNo }) {
            if allowsUnsure { return AnswerReading(.understood(.yesNo(.unsure)), rest: rest(guess)) }
            let leaning: YesNoUnsure = stances[guess].polarity == .probablyYes ? .yes : .no
            return AnswerReading(.confirm(.yesNo(leaning), .hedged), rest: rest(guess))
        }

        // A second fact about the question's own subject answers it: "no, but I bruise easily".
        if let affirmed = stances.firstIndex(where: { ($0.polarity == .statement || $0.polarity == .yes) && $0.echoes && !$0.onlyPast }),
           stances.contains(where: { $0.polarity == .no }) {
            return AnswerReading(.confirm(.yesNo(.yes), .qualified), rest: rest(affirmed))
        }

        let polar = stances.indices.filter { stances[$0].polarity != .statement && stances[$0].polarity != .none }
        // Only clear yes and no words can contradict each other; "no, only a little" is a qualified answer.
        let sides = Set(polar.filter { [.yes, .no].contains(stances[$0].polarity) }.map { stances[$0].side })
        if sides.count > 1 {
            // Clear yes and clear no with nothing to tell which answers the question.
            return AnswerReading(.notUnderstood(.bothYesAndNo(allowsUnsure: allowsUnsure)))
        }
        guard let lead = polar.first else {
            // No yes or no at all: a statement, or only a time.
            return readStatement(clauses, stances)
        }
        let stance = stances[lead]
        let others = stances.indices.filter { $0 != lead }
        let qualified = stances.contains { $0.past } || stances.contains { $0.polarity == .partial || $0.polarity == .weakNo }
        let namesOther = others.contains { stances[$0].polarity == .statement && !stances[$0].echoes && !stances[$0].onlyPast }
            || (stance.otherContent && stance.polarity == .yes)
        switch stance.side {
        case .yes:
            if stance.polarity == .partial || stances.contains(where: { $0.polarity == .partial }) {
                return AnswerReading(.confirm(.yesNo(.yes), .partial), rest: rest(lead))
            }
            if stances.contains(where: \.past) {
                return AnswerReading(.confirm(.yesNo(.yes), .mentionsTime), rest: rest(lead))
            }
            if clauses[lead].typo { return AnswerReading(.confirm(.yesNo(.yes), .typo)) }
            if namesOther { return AnswerReading(.confirm(.yesNo(.yes), .namesSomethingElse), rest: rest(lead) ?? stance.contentText) }
            return AnswerReading(.understood(.yesNo(.yes)), rest: rest(lead))
        case .no:
            if stances.contains(where: { $0.polarity == .partial }) {
                // "no, only a little": it applies.
                return AnswerReading(.confirm(.yesNo(.yes), .partial), rest: rest(lead))
            }
            if stances.contains(where: \.past) {
                // "not anymore", "no, I stopped 2 months ago": yes to "ever", no to "right now".
                let reading: YesNoUnsure = focus.tense == .history ? .yes : .no
                guard stance.polarity != .noAsFarAsKnown else { return AnswerReading(.confirm(.yesNo(.no), .hedged)) }
                return AnswerReading(.confirm(.yesNo(reading), .mentionsTime), rest: pastRest(clauses, stances) ?? rest(lead))
            }
            if stance.polarity == .weakNo, !stances.contains(where: { $0.polarity == .no }) {
                return AnswerReading(.confirm(.yesNo(.no), .partial), rest: rest(lead))
            }
            if clauses[lead].typo { return AnswerReading(.confirm(.yesNo(.no), .typo)) }
            if namesOther || (stance.otherContent && !qualified) {
                return AnswerReading(.confirm(.yesNo(.no), .namesSomethingElse), rest: rest(lead) ?? stance.contentText)
            }
            return AnswerReading(.understood(.yesNo(.no)), rest: rest(lead))
        }
    }

    /// A line without yes or no: "I bruise easily", "last year", "warfarin".
    private func readStatement(_ clauses: [AnswerClauses.Clause], _ stances: [Stance]) -> AnswerReading {
        let text = clauses.map(\.text).joined(separator: ", ")
        if stances.contains(where: { $0.echoes }) {
            if stances.contains(where: \.past) {
                // Over ("used to get them") is a no to "right now"; only a time ("a rash since last week") may be now.
                let over = stances.contains(where: \.saysOver)
                let reading: YesNoUnsure = focus.tense == .history || !over ? .yes : .no
                return AnswerReading(.confirm(.yesNo(reading), .mentionsTime), rest: text)
            }
            // "I have eczema" to "Do you have eczema…?" is a plain yes; "bruise easily" is said back first.
            if stances.count == 1, let only = stances.first, only.affirmed, !only.otherContent {
                return AnswerReading(.understood(.yesNo(.yes)))
            }
            return AnswerReading(.confirm(.yesNo(.yes), .indirect), rest: text)
        }
        if stances.contains(where: \.past) {
            // "years ago", "I used to": the past is a yes to "have you ever…" and, when it says it is over, a no
            // to "right now…". A bare time ("sunbed last week") may well be now: the careful reading is yes.
            let over = stances.contains(where: \.saysOver)
            let reading: YesNoUnsure = focus.tense == .history || !over ? .yes : .no
            return AnswerReading(.confirm(.yesNo(reading), .mentionsTime), rest: text)
        }
        // Words about something else: not an answer to this question, but maybe to the next one.
        let saysSomething = clauses.contains { $0.content.contains { word in word.contains(where: \.isLetter) } }
        return AnswerReading(.notUnderstood(saysSomething ? .unclearYesNo(allowsUnsure: allowsUnsure) : notAnswered), rest: text)
    }

    private var notAnswered: AnswerHint { allowsUnsure ? .notYesNoUnsure : .notYesNo }

    /// The clauses that speak of the past, for the questions that follow ("I stopped 2 months ago").
    private func pastRest(_ clauses: [AnswerClauses.Clause], _ stances: [Stance]) -> String? {
        let texts = clauses.indices.filter { stances[$0].past && !stances[$0].isBare }.map { clauses[$0].text }
        return texts.isEmpty ? nil : texts.joined(separator: ", ")
    }

    // MARK: - One clause

    struct Stance {
        enum Polarity { case yes, no, probablyYes, probablyNo, noAsFarAsKnown, partial, weakNo, statement, none }
        enum Side { case yes, no }

        var polarity: Polarity
        /// The clause repeats the question's subject.
        var echoes: Bool
        /// The clause has content words the question does not use.
        var otherContent: Bool
        var past: Bool
        /// The clause says something has ended ("used to", "not anymore", "stopped"), not only when.
        var saysOver: Bool
        /// The clause states something with "I have", "I am"…
        var affirmed: Bool
        var contentText: String
        /// A clause of yes/no words only ("no", "nope, never").
        var isBare: Bool
        /// A clause that only says when ("years ago").
        var onlyPast: Bool { past && !echoes && !otherContent }

        var side: Side {
            switch polarity {
            case .yes, .probablyYes, .partial, .statement, .none: .yes
            case .no, .probablyNo, .noAsFarAsKnown, .weakNo: .no
            }
        }
    }

    func stance(_ clause: AnswerClauses.Clause) -> Stance {
        // What someone else has ("my sister has keloids", "my dad did") is not about the patient.
        if clause.aboutSomeoneElse {
            return Stance(polarity: .none, echoes: false, otherContent: !clause.content.isEmpty, past: false, saysOver: false,
                          affirmed: false, contentText: clause.content.joined(separator: " "), isBare: false)
        }
        let echoing = clause.aboutSomeoneElse ? [] : clause.content.filter(focus.echoes)
        let other = clause.aboutSomeoneElse ? clause.content : clause.content.filter { !focus.echoes($0) }
        // A past word that is the question's own ("healed" to "Has it healed?") answers it; it is not a time.
        let pastPhrases = clause.pastPhrases.filter { !$0.contains(where: focus.echoes) }
        let saysOver = !pastPhrases.isEmpty
        let past = saysOver || clause.mentionsTime || clause.has(.when)
        let polarity: Stance.Polarity
        if clause.has(.noAsFarAsKnown) {
            polarity = .noAsFarAsKnown
        } else if clause.has(.probablyNo) {
            polarity = .probablyNo
        } else if clause.has(.probablyYes) {
            polarity = .probablyYes
        } else if clause.has(.weakNo) {
            polarity = .weakNo
        } else if clause.has(.no) || clause.has(.negation) {
            polarity = .no
        } else if clause.has(.partial) {
            polarity = .partial
        } else if clause.has(.yes) {
            polarity = .yes
        } else if clause.has(.affirming), clause.content.isEmpty, !past {
            polarity = .yes  // "I am", "I do"
        } else if !clause.content.isEmpty || past {
            polarity = .statement
        } else {
            polarity = .none
        }
        // Only a past word that the question itself uses ("all healed"): a plain statement of it.
        let echoedPast = clause.pastPhrases.count > pastPhrases.count
        if echoedPast, polarity == .none {
            return Stance(polarity: .statement, echoes: true, otherContent: !other.isEmpty, past: false, saysOver: false,
                          affirmed: true, contentText: other.joined(separator: " "), isBare: false)
        }
        return Stance(polarity: polarity, echoes: !echoing.isEmpty || echoedPast, otherContent: !other.isEmpty, past: past,
                      saysOver: saysOver, affirmed: clause.has(.affirming), contentText: other.joined(separator: " "),
                      isBare: clause.content.isEmpty && !past)
    }
}
