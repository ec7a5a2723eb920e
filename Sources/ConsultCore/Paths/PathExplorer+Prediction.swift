/// What the explorer predicts for one patient: the path its model walks for the classes of the given answers.
public struct PathPrediction: Sendable, Hashable {
    /// The questions and topics the walk stops at, in order.
    public var prompts: [NodeAddress]
    /// The outcome at the end; `nil` when the walk needs an answer it was not given (the path went elsewhere).
    public var outcome: OutcomeStatus?
    /// The rules that hold at the end, in the consultation's order.
    public var firedRules: [String]
    /// Answers that fall in none of the explorer's classes: a value the explorer never tried, and so a gap in its proof.
    public var unclassified: [String]
}

extension PathExplorer {
    /// Walks the explorer's own model with the answer class of each given answer, as it does when exploring, and
    /// says where that path goes. A differential test compares this with what the session does with the same
    /// answers: any difference is a difference between the machine that runs and the machine that is proven.
    ///
    /// - Parameter answers: answer ids and values (`nil` for a skipped question) in the order they were given; a
    ///   question asked twice (in a dialog called twice) takes its answers in turn.
    public func predict(answers: [(id: String, value: AnswerValue?)]) -> PathPrediction {
        var predictor = predictor()
        return predictor.predict(answers: answers)
    }

    /// A predictor that keeps the explorer's model and answer classes between predictions.
    public func predictor() -> PathPredictor {
        PathPredictor(engine: ExplorationEngine(explorer: self))
    }
}

/// Predicts paths for many patients of one consultation (see ``PathExplorer/predict(answers:)``), building the
/// explorer's model and each question's answer classes once.
public struct PathPredictor {
    var engine: ExplorationEngine

    public mutating func predict(answers: [(id: String, value: AnswerValue?)]) -> PathPrediction {
        engine.predict(answers: answers)
    }
}

extension ExplorationEngine {
    /// The signature of each answer class of a question, in class order (kept: predictions ask for them often).
    mutating func classSignatures(_ question: Int) -> [[Value?]] {
        if let known = signatures[question] { return known }
        let computed = answerClasses(question).map { classBuilder.signature(of: $0.value, question: question) }
        signatures[question] = computed
        return computed
    }

    mutating func predict(answers: [(id: String, value: AnswerValue?)]) -> PathPrediction {
        var given: [String: ArraySlice<AnswerValue?>] = [:]
        for answer in answers { given[answer.id, default: []].append(answer.value) }
        var prediction = PathPrediction(prompts: [], outcome: nil, firedRules: [], unclassified: [])
        var working = Working(answers: [:], holding: [], settledSeverity: 0, settledProperties: [], flags: 0, stack: [])
        for watched in model.watched.indices where holds(model.watched[watched], in: working) { working.holding.insert(watched) }
        var end = walk(from: model.control.start, &working)
        while case let .prompt(position) = end, prediction.prompts.count <= ConsultationStateMachine.stepLimit {
            prediction.prompts.append(model.nodes[position].address)
            if case let .ask(question) = model.nodes[position].kind {
                let id = model.questionIDs[question]
                guard let value = given[id]?.popFirst() else { return prediction }
                let signature = classBuilder.signature(of: value, question: question)
                guard let classIndex = classSignatures(question).firstIndex(of: signature) else {
                    prediction.unclassified.append(id)
                    return prediction
                }
                answer(question, classIndex, &working)
            }
            end = walk(from: onward(position, &working.stack), &working)
        }
        switch end {
        case .prompt: return prediction
        case .runaway: prediction.outcome = .incomplete
        case .end: prediction.outcome = currentOutcome(working)
        }
        prediction.firedRules = working.holding.filter { $0 < model.ruleCount }.sorted()
            .map { explorer.consultation.rules[$0].id }
        return prediction
    }
}
