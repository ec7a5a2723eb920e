/// One dialog file: a list of nodes, plus the rules, FAQ and values it declares.
public struct Dialog: Sendable, Equatable {
    public var id: String
    public var title: LocalizedText?
    /// The file the dialog was read from, as given.
    public var file: String
    public var location: SourceLocation
    public var nodes: [DialogNode]

    public init(id: String, title: LocalizedText?, file: String, location: SourceLocation, nodes: [DialogNode]) {
        self.id = id
        self.title = title
        self.file = file
        self.location = location
        self.nodes = nodes
    }

    /// Index of each named node (the first node of an id, when a faulty dialog repeats one), built at each call:
    /// only the checker and property files look ids up; stepping uses ``DialogControl``, which resolves every
    /// reference once.
    public var nodeIndex: [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(nodes.count)
        for (position, node) in nodes.enumerated() {
            if let id = node.id, index[id] == nil { index[id] = position }
        }
        return index
    }
}

/// Where a node is: its dialog and its position in that dialog's list.
public struct NodeAddress: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public var dialog: String
    public var index: Int

    public init(dialog: String, index: Int) {
        self.dialog = dialog
        self.index = index
    }

    public var description: String { "\(dialog)#\(index)" }

    public static func < (lhs: NodeAddress, rhs: NodeAddress) -> Bool {
        (lhs.dialog, lhs.index) < (rhs.dialog, rhs.index)
    }
}

/// One step of a dialog.
public struct DialogNode: Sendable, Equatable {
    /// The node's id: required on questions (it is also the answer's id) and on `goto` targets.
    public var id: String?
    public var location: SourceLocation
    /// Where to continue instead of the following node.
    public var next: NodeReference?
    public var kind: Kind

    public enum Kind: Sendable, Equatable {
        /// Show text and continue.
        case say(LocalizedText)
        /// Ask a question and store the answer.
        case ask(Question)
        /// A topic section the patient reads or skips.
        case explain(Topic)
        /// Go to the first case whose condition holds, else to `otherwise`, else on.
        case branch([BranchCase], otherwise: NodeReference?)
        /// Run another dialog, then continue here.
        case call(DialogReference)
        /// Return from a called dialog.
        case returnToCaller
        /// Finish the consultation, optionally with closing text.
        case end(LocalizedText?)
        /// Show the patient messages of every fired rule, after an optional introduction.
        case outcome(LocalizedText?)
    }

    /// A short name of the node's kind for messages (`ask`, `branch`…).
    public var kindName: String {
        switch kind {
        case .say: "say"
        case .ask: "ask"
        case .explain: "explain"
        case .branch: "branch"
        case .call: "call"
        case .returnToCaller: "return"
        case .end: "end"
        case .outcome: "outcome"
        }
    }

    /// Whether the node stops for the patient (so a loop through it is not an infinite loop).
    public var isPrompt: Bool {
        switch kind {
        case .ask, .explain: true
        case .say, .branch, .call, .returnToCaller, .end, .outcome: false
        }
    }
}

/// A reference to a node by id, remembered with where it was written.
public struct NodeReference: Sendable, Hashable {
    public var id: String
    public var location: SourceLocation
}

/// A reference to a dialog by id, remembered with where it was written.
public struct DialogReference: Sendable, Hashable {
    public var id: String
    public var location: SourceLocation
}

/// An expression written in a dialog (a condition or a value), with its source for messages and staff views.
public struct WrittenExpression: Sendable, Hashable {
    public var expression: Expression
    /// The condition as written (`age < 18 or pregnant == yes`).
    public var source: String
    public var location: SourceLocation
}

/// One case of a branch.
public struct BranchCase: Sendable, Hashable {
    public var condition: WrittenExpression
    public var target: NodeReference
}

/// A question of an `ask` node.
public struct Question: Sendable, Equatable {
    /// The answer's id (`pregnant`), unique across the consultation.
    public var id: String
    public var text: LocalizedText
    public var type: QuestionType
    public var options: [QuestionOption]
    /// The label of the "none of these" option of a multiple choice (its id is `none`).
    public var noneLabel: LocalizedText?
    public var minimum: Double?
    public var maximum: Double?
    public var integer: Bool
    public var unit: LocalizedText?
    public var pattern: String?
    public var required: Bool
    public var why: LocalizedText?
    /// Words that name what a yes/no question asks about, beyond its own text (`warfarin`, `eliquis` for
    /// blood thinners): an answer naming one is read as about the question.
    public var terms = LocalizedWords()
    /// Plain words saying back each answer of a yes/no question (`yes: you are breastfeeding`), used when an
    /// answer is confirmed.
    public var readback: [YesNoUnsure: LocalizedText] = [:]
    /// What the answer identifies the patient by (`identifies: name`), for the summary's `patient` block.
    public var identifies: PatientIdentifier? = nil
    public var location: SourceLocation

    /// The answer kind in `language`, for the interpreter and the prompt.
    public func answerKind(in language: String, render: (LocalizedText) -> String) -> AnswerKind {
        switch type {
        case .yesNo: return .yesNo
        case .yesNoUnsure: return .yesNoUnsure
        case .choice:
            return .singleChoice(options.map { ChoiceOption(id: $0.id, label: render($0.label), synonyms: $0.synonyms.withEnglish(in: language)) })
        case .multipleChoice:
            return .multipleChoice(
                options.map { ChoiceOption(id: $0.id, label: render($0.label), synonyms: $0.synonyms.withEnglish(in: language)) },
                none: noneLabel.map { ChoiceOption(id: "none", label: render($0)) }
            )
        case .number:
            return .number(NumberRange(minimum: minimum, maximum: maximum, unit: unit.map(render), integer: integer))
        case .date: return .date
        case .text: return .text(pattern: pattern)
        case .continue: return .acknowledgement
        }
    }
}

/// The kinds of question a dialog can ask.
public enum QuestionType: String, Sendable, Hashable, CaseIterable {
    case yesNo = "yes-no"
    case yesNoUnsure = "yes-no-unsure"
    case choice
    case multipleChoice = "multiple-choice"
    case number
    case date
    case text
    case `continue`
}

/// An option of a choice question.
public struct QuestionOption: Sendable, Equatable {
    public var id: String
    public var label: LocalizedText
    public var synonyms: LocalizedWords
    public var location: SourceLocation
}

/// A topic section of an `explain` node.
public struct Topic: Sendable, Equatable {
    public var id: String
    public var title: LocalizedText
    public var text: LocalizedText
    /// Extra detail shown when the patient asks for more.
    public var more: LocalizedText?
}
