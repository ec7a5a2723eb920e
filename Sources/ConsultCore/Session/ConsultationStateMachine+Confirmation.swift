import Foundation

// Answers read with a doubt are said back before they are stored; words an answer did not use are offered to
// the questions that follow; questions asked back are answered from the FAQ, offered as a choice, or noted.

extension ConsultationStateMachine {
    // MARK: - Saying an answer back

    /// Says a reading back and waits for the patient to accept or correct it.
    mutating func askToConfirm(_ proposed: AnsweredQuestion, doubt: ReadingDoubt, question: Question, at point: PromptPoint,
                               mentioned: String?, messages: [Message] = []) -> ConsultationAction {
        let readBack = sessionText.readBack(proposed, phrase: proposed.value.flatMap { readbackPhrase(question, $0) })
        var answer = proposed
        answer.confirmation = AnswerConfirmation(doubt: doubt, readBack: readBack, from: mentioned == nil ? nil : state.carried?.from)
        state.phase = .confirmingAnswer(SessionState.PendingAnswer(answer: answer, doubt: doubt, readBack: readBack, rest: nil), point)
        return .prompt(messages, currentPrompt(), showQuestion: true)
    }

    /// The patient's reply to "I understood: … Is that right?".
    mutating func confirmAnswer(_ pending: SessionState.PendingAnswer, at point: PromptPoint, reply: String, now: Date) -> ConsultationAction {
        if let command = SessionCommand(TextNormalizer.normalize(reply), language: readingLanguage) {
            switch command {
            case .back, .repeat:
                // Back from a confirmation is back to its question, not to the one before.
                state.phase = .awaiting(point)
                return .prompt([Message(.notice, sessionText.askAgain)], currentPrompt(), showQuestion: true)
            case .why, .help, .skip, .restart, .quit:
                state.phase = .awaiting(point)
                return perform(command, at: point, now: now)
            }
        }
        switch YesNoReader(allowsUnsure: false, focus: .none, language: readingLanguage).read(reply).verdict {
        case .understood(.yesNo(.yes)):
            state.phase = .awaiting(point)
            return record(pending.answer, at: point, now: now)
        case .understood(.yesNo(.no)):
            state.phase = .awaiting(point)
            if pending.answer.confirmation?.from != nil { state.carried = nil }
            return .prompt([Message(.notice, sessionText.askAgain)], currentPrompt(), showQuestion: true)
        default:
            // Not a plain yes or no: maybe a new answer to the question itself ("not sure", "actually yes").
            state.phase = .awaiting(point)
            guard let node = consultation.node(at: point.address), case let .ask(question) = node.kind else {
                preconditionFailure("a confirmation at \(point.address) that is not a question")
            }
            let reading = reader(for: question).read(reply)
            switch reading.verdict {
            case .understood, .confirm, .notAnAnswer:
                return answer(reply, at: point, now: now)
            case .notUnderstood:
                state.phase = .confirmingAnswer(pending, point)
                return reprompt([Message(.hint, sessionText.confirmationHint)], showQuestion: false)
            }
        }
    }

    /// The dialog's words for an answer of a yes/no question ("you are breastfeeding"), if it has them.
    func readbackPhrase(_ question: Question, _ value: AnswerValue) -> String? {
        guard case let .yesNo(word) = value, let text = question.readback[word] else { return nil }
        return render(text)
    }

    // MARK: - Words kept for the next questions

    /// Offers words of an earlier answer to a question, when they answer it: "nope, just breastfeeding" at
    /// "Are you pregnant?" makes "Are you breastfeeding?" ask "You mentioned “just breastfeeding”. I understood:
    /// yes, you are breastfeeding. Is that right?" instead of asking blindly.
    ///
    /// The words are kept for the two questions after the one they were typed at; a yes/no question uses them
    /// only when they name what it asks about, so that a time or a medicine never answers an unrelated question.
    mutating func offerCarriedWords(to question: Question, at point: PromptPoint, messages: [Message]) -> ConsultationAction? {
        guard var carried = state.carried else { return nil }
        guard carried.questionsLeft > 0, carried.from != question.id else {
            state.carried = nil
            return nil
        }
        carried.questionsLeft -= 1
        state.carried = carried
        let reader = reader(for: question)
        switch reader.kind {
        case .yesNo, .yesNoUnsure:
            guard TextNormalizer.words(carried.text).contains(where: reader.focus.echoes) else { return nil }
        case .text:
            // Free text only right after the answer it came with ("yes, warfarin" → "Which one do you take?").
            guard carried.questionsLeft == 1, carried.cameWithAnswer else { return nil }
        case .acknowledgement:
            return nil
        case .singleChoice, .multipleChoice, .number, .date:
            break
        }
        guard let value = reader.read(carried.text).value else { return nil }
        let proposed = AnsweredQuestion(id: question.id, question: render(question.text), kind: reader.kind, value: value, text: carried.text)
        return askToConfirm(proposed, doubt: .fromEarlierAnswer, question: question, at: point, mentioned: carried.text, messages: messages)
    }

    /// Words worth offering to later questions: some word that is not a number, a yes/no word or a filler.
    static func isWorthCarrying(_ text: String, language: ReadingLanguage) -> Bool {
        AnswerClauses(line: text, language: language).clauses.contains { clause in
            clause.content.contains { word in word.contains(where: \.isLetter) } || clause.mentionsTime
        }
    }

    // MARK: - Questions asked back

    /// A question the patient asked at a prompt: answered from the FAQ, offered as a choice of entries when
    /// several fit, or noted for staff; then the prompt is asked again.
    ///
    /// - Parameter onlyIfAnswered: for lines that are not clearly questions (a keyword at a topic offer):
    ///   act only when the FAQ answers them, and otherwise return `nil`.
    mutating func ownQuestion(_ text: String, at point: PromptPoint, onlyIfAnswered: Bool = false) -> ConsultationAction? {
        switch faqRetriever.decide(text) {
        case let .answer(candidate):
            guard let entry = consultation.faq.first(where: { $0.id == candidate.entryID }) else { return nil }
            state.faq.append(FAQRecord(asked: text, answered: true, entry: entry.id))
            return reprompt([Message(.faqAnswer, render(entry.answer))], showQuestion: true)
        case let .offer(candidates):
            if onlyIfAnswered { return nil }
            state.phase = .choosingFAQ(SessionState.FAQChoice(asked: text, entries: candidates.map(\.entryID)), point)
            return .prompt([], currentPrompt(), showQuestion: true)
        case .none:
            if onlyIfAnswered { return nil }
            state.faq.append(FAQRecord(asked: text, answered: false))
            return reprompt([Message(.unanswered, sessionText.unanswered)], showQuestion: true)
        }
    }

    /// A question asked back where the reply must be acted on (never `nil`).
    mutating func ownQuestion(_ text: String, at point: PromptPoint) -> ConsultationAction {
        ownQuestion(text, at: point, onlyIfAnswered: false) ?? reprompt([], showQuestion: true)
    }

    /// The patient's reply to "Did you mean: 1) … 2) …?".
    mutating func chooseFAQ(_ choice: SessionState.FAQChoice, at point: PromptPoint, reply: String, now: Date) -> ConsultationAction {
        state.phase = .awaiting(point)
        if let command = SessionCommand(TextNormalizer.normalize(reply), language: readingLanguage), command != .skip {
            if command == .back || command == .repeat { return reprompt([], showQuestion: true) }
            return perform(command, at: point, now: now)
        }
        let options = choice.entries.map { id in ChoiceOption(id: id, label: faqTitle(id)) }
        let none = ChoiceOption(id: "none", label: sessionText.noneOfTheseQuestions)
        let reading = ChoiceReader(options: options, none: none, allowsSeveral: true, language: readingLanguage).read(reply)
        if case let .answer(.choices(ids)) = reading, let id = ids.first, ids.count == 1,
           let entry = consultation.faq.first(where: { $0.id == id }) {
            state.faq.append(FAQRecord(asked: choice.asked, answered: true, entry: entry.id))
            return reprompt([Message(.faqAnswer, render(entry.answer))], showQuestion: true)
        }
        // Neither: the staff will answer it.
        state.faq.append(FAQRecord(asked: choice.asked, answered: false))
        if case .answer(.choices([])) = reading { return reprompt([Message(.unanswered, sessionText.unanswered)], showQuestion: true) }
        let noted = Message(.unanswered, sessionText.notedEarlierQuestion)
        // Not a choice at all: the patient moved on (another question, or an answer to the prompt). Take the
        // line as typed at the prompt, after saying the first question is noted.
        return lineReceived(reply, at: now).prepending([noted])
    }

    /// How an FAQ entry is named in "Did you mean…": its first example question.
    func faqTitle(_ id: String) -> String {
        consultation.faq.first { $0.id == id }?.questions.own(in: language).first ?? id
    }
}
