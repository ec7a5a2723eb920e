import Foundation

/// Events and queries that only staff rehearsal uses: jumping to a node, changing an answer,
/// and the trace of the branch cases the session's own walk took.
///
/// Each event leaves a checkpoint behind, so the ordinary `back` undoes it.
extension ConsultationStateMachine {
    // MARK: - Jumping

    /// What ``jump(to:callStack:at:)`` did.
    public enum JumpAction: Sendable, Hashable {
        /// The session now waits at the node; show the prompt.
        case jumped(ConsultationAction)
        /// The session is not at a prompt (not started, confirming or finished), so it cannot jump.
        case notAtAPrompt
        /// The address is not a question or a topic.
        case notAPrompt
    }

    /// Moves the session to a question or topic, with the call stack given; the answers stay.
    ///
    /// - Parameters:
    ///   - address: an `ask` or `explain` node.
    ///   - callStack: the `call` nodes to return through when the target's dialog ends, outermost first.
    public mutating func jump(to address: NodeAddress, callStack: [NodeAddress], at now: Date) -> JumpAction {
        guard case let .awaiting(point) = state.phase else { return .notAtAPrompt }
        let stage: PromptPoint.Stage
        switch consultation.node(at: address)?.kind {
        case .ask?: stage = .question
        case .explain?: stage = .topicOffer
        case .say?, .branch?, .call?, .returnToCaller?, .end?, .outcome?, nil: return .notAPrompt
        }
        pushCheckpoint(point)
        state.callStack = callStack
        state.phase = .awaiting(PromptPoint(address: address, stage: stage))
        return .jumped(.prompt([], currentPrompt(), showQuestion: true))
    }

    // MARK: - Changing an answer

    /// What ``replaceAnswer(_:with:at:)`` did.
    public enum ReplaceAction: Sendable, Hashable {
        /// The answer is stored (replacing any earlier one); the session stays where it was.
        case replaced(previous: AnsweredQuestion?, now: AnsweredQuestion, ConsultationAction)
        /// The text does not read as an answer to that question.
        case unreadable(hint: String)
        /// No question stores that answer id.
        case unknownQuestion
        /// The session is not at a prompt, so it cannot change answers.
        case notAtAPrompt
    }

    /// Reads `text` as the answer to question `id` with the normal interpreter and stores it.
    ///
    /// The session stays at its prompt: the path already walked is not re-routed.
    /// `skip` (or an empty text) clears an optional question's answer to "skipped".
    public mutating func replaceAnswer(_ id: String, with text: String, at now: Date) -> ReplaceAction {
        guard case let .awaiting(point) = state.phase else { return .notAtAPrompt }
        guard let address = consultation.questions[id], let node = consultation.node(at: address),
              case let .ask(question) = node.kind else { return .unknownQuestion }
        let cleaned = TerminalSanitizer.clean(text)
        let kind = answerKind(of: question)
        let value: AnswerValue?
        let trimmed = cleaned.trimmingCharacters(in: .whitespaces)
        if !question.required, trimmed.isEmpty || SessionCommand(TextNormalizer.normalize(trimmed), language: readingLanguage) == .skip {
            value = nil
        } else {
            switch interpreter.interpret(cleaned, as: kind) {
            case let .answer(read): value = read
            case let .unreadable(hint): return .unreadable(hint: hint.text)
            }
        }
        let previous = state.answers[id: id]
        let answer = AnsweredQuestion(id: id, question: render(question.text), kind: kind, value: value,
                                      text: value == nil ? "skip" : cleaned)
        // Changed where it stands, at the place it was asked.
        let undo = state.answers.replace(.init(answer: answer, address: previous?.address ?? address))
        pushCheckpoint(point, answers: undo)
        return .replaced(previous: previous?.answer, now: answer, .prompt([], currentPrompt(), showQuestion: true))
    }

    // MARK: - Tracing a walk

    /// One decision of a branch node: the index of the case taken, or `nil` for `otherwise` (or falling through).
    public struct BranchChoice: Sendable, Hashable {
        public var branch: NodeAddress
        public var caseIndex: Int?
    }

    /// The branch decisions a walk made, in order, and the prompt it stopped at (`nil` when the consultation finished).
    public struct WalkTrace: Sendable, Hashable {
        public var choices: [BranchChoice]
        public var stop: NodeAddress?
    }
}
