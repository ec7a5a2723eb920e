@testable import ConsultCore

/// Walks a consultation with a record's answers, as a session would have walked it, to check that the record
/// holds answers only to the questions on the path those answers lead to, in the order they come.
///
/// It knows nothing of how the session got there (answers said back, `back`, `restart`, words carried to the
/// next question): only the dialog and the answers kept. A stale answer (one from a branch left by going
/// back) or a topic out of place shows up as a mismatch.
struct PathWalk {
    /// How the walk ended.
    enum End: Equatable {
        /// At an `end` node, or off the end of the entry dialog: the consultation was over.
        case finished
        /// At a prompt the record has nothing for: the session stopped there.
        case stoppedAt(String)
    }

    let consultation: Consultation
    let today: CalendarDay

    /// Walks from the entry, taking the record's answers and topics in order.
    ///
    /// - Returns: How the walk ended, or a description of the first answer or topic not on the path.
    func walk(_ record: ConsultationRecord) -> Result<End, PathWalkMismatch> {
        var answers = record.answers[...]
        var topics = record.topics[...]
        var values: [String: AnswerValue?] = [:]
        var callStack: [NodeAddress] = []
        var next: NodeAddress? = NodeAddress(dialog: consultation.entry, index: 0)
        var steps = 0
        while let address = next {
            steps += 1
            guard steps <= ConsultationStateMachine.stepLimit, let node = consultation.node(at: address) else {
                return .failure(PathWalkMismatch("the walk ran away at \(address)"))
            }
            switch node.kind {
            case .say, .outcome:
                next = onward(from: address, &callStack)
            case let .ask(question):
                guard let answer = answers.first else { return finish(.stoppedAt(question.id), answers, topics) }
                guard answer.id == question.id else {
                    return .failure(PathWalkMismatch("the record answers '\(answer.id)' where the path asks '\(question.id)'"))
                }
                answers.removeFirst()
                values[answer.id] = .some(answer.value)
                next = onward(from: address, &callStack)
            case let .explain(topic):
                guard let read = topics.first else { return finish(.stoppedAt(topic.id), answers, topics) }
                guard read.id == topic.id else {
                    return .failure(PathWalkMismatch("the record has topic '\(read.id)' where the path offers '\(topic.id)'"))
                }
                topics.removeFirst()
                next = onward(from: address, &callStack)
            case let .branch(cases, otherwise):
                let evaluator = evaluator(values)
                let index = consultation.dialogs[address.dialog]?.nodeIndex ?? [:]
                if let taken = cases.first(where: { evaluator.holds($0.condition.expression) }), let target = index[taken.target.id] {
                    next = NodeAddress(dialog: address.dialog, index: target)
                } else if let otherwise, let target = index[otherwise.id] {
                    next = NodeAddress(dialog: address.dialog, index: target)
                } else {
                    next = following(address, &callStack)
                }
            case let .call(reference):
                if let callee = consultation.dialogs[reference.id], !callee.nodes.isEmpty {
                    callStack.append(address)
                    next = NodeAddress(dialog: reference.id, index: 0)
                } else {
                    next = onward(from: address, &callStack)
                }
            case .returnToCaller:
                next = callStack.popLast().flatMap { onward(from: $0, &callStack) }
            case .end:
                return finish(.finished, answers, topics)
            }
        }
        return finish(.finished, answers, topics)
    }

    /// An evaluator over `values` whose `outcome` is worked out only when a condition reads it.
    private func evaluator(_ values: [String: AnswerValue?]) -> ExpressionEvaluator {
        let plain = consultation.evaluator(answers: values, today: today)
        return ExpressionEvaluator(today: today) { [consultation, today] name in
            guard name == ConsultationLinker.outcomeName else { return plain.lookup(name) }
            let fired = AnswerStreamPropertyTests.firedRules(consultation, values, today: today)
            let status = fired.compactMap(\.effect.status).max() ?? .proceed
            return .value(.symbol(status.rawValue))
        }
    }

    private func finish(_ end: End, _ answers: ArraySlice<AnsweredQuestion>, _ topics: ArraySlice<TopicRecord>) -> Result<End, PathWalkMismatch> {
        if let answer = answers.first {
            return .failure(PathWalkMismatch("the record answers '\(answer.id)', which the path does not reach (it ends \(end))"))
        }
        if let topic = topics.first {
            return .failure(PathWalkMismatch("the record has topic '\(topic.id)', which the path does not reach (it ends \(end))"))
        }
        return .success(end)
    }

    private func onward(from address: NodeAddress, _ callStack: inout [NodeAddress]) -> NodeAddress? {
        if let next = consultation.node(at: address)?.next, let index = consultation.dialogs[address.dialog]?.nodeIndex[next.id] {
            return NodeAddress(dialog: address.dialog, index: index)
        }
        return following(address, &callStack)
    }

    private func following(_ address: NodeAddress, _ callStack: inout [NodeAddress]) -> NodeAddress? {
        if address.index + 1 < consultation.dialogs[address.dialog]?.nodes.count ?? 0 {
            return NodeAddress(dialog: address.dialog, index: address.index + 1)
        }
        return callStack.popLast().flatMap { onward(from: $0, &callStack) }
    }
}

/// What a record holds that its path does not.
struct PathWalkMismatch: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
