/// The staff commands of a rehearsal, recognised before the patient's commands and answers.
public enum RehearsalCommand: Sendable, Hashable {
    /// `goto NODE`: stand at a question or topic.
    case goto(String)
    /// `answers`: every answer so far.
    case answers
    /// `set ID VALUE`: change an answer.
    case set(String, String)
    /// `rules`: fired and not fired, with their conditions.
    case rules
    /// `where`: the path so far.
    case `where`
    /// `persona FILE`: play a transcript's answers, then hand over.
    case persona(String)
    /// `help`: patient and staff commands.
    case help

    /// The command words, for Tab completion and `help`.
    public static let words = ["goto", "answers", "set", "rules", "where", "persona", "help"]

    /// Reads a staff command from a whole line.
    ///
    /// - Returns: the command, a usage error for a command word with wrong arguments, or `nil` for any other line.
    public static func parse(_ line: String) -> Result<RehearsalCommand, RehearsalRejection>? {
        let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let keyword = words.first?.lowercased() else { return nil }
        let rest = Array(words.dropFirst())
        switch keyword {
        case "goto":
            guard rest.count == 1 else { return .failure(.usage(RehearsalText.gotoUsage)) }
            return .success(.goto(rest[0]))
        case "answers":
            return rest.isEmpty ? .success(.answers) : nil
        case "set":
            guard rest.count >= 2 else { return .failure(.usage(RehearsalText.setUsage)) }
            return .success(.set(rest[0], rest.dropFirst().joined(separator: " ")))
        case "rules":
            return rest.isEmpty ? .success(.rules) : nil
        case "where":
            return rest.isEmpty ? .success(.where) : nil
        case "persona":
            guard !rest.isEmpty else { return .failure(.usage(RehearsalText.personaUsage)) }
            return .success(.persona(rest.joined(separator: " ")))
        case "help":
            return rest.isEmpty ? .success(.help) : nil
        default:
            return nil
        }
    }
}

/// Why a staff command was refused; the session stays where it was.
public enum RehearsalRejection: Error, Sendable, Hashable, CustomStringConvertible {
    case unknownNode(String, suggestion: String?)
    case ambiguousNode(String, candidates: [String])
    case unknownAnswer(String, suggestion: String?)
    case unreadable(String, hint: String)
    case notAtAPrompt
    case usage(String)

    public var description: String {
        switch self {
        case let .unknownNode(name, suggestion): RehearsalText.unknownNode(name, suggestion: suggestion)
        case let .ambiguousNode(name, candidates): RehearsalText.ambiguousNode(name, candidates: candidates)
        case let .unknownAnswer(id, suggestion): RehearsalText.unknownAnswer(id, suggestion: suggestion)
        case let .unreadable(id, hint): RehearsalText.unreadable(id, hint: hint)
        case .notAtAPrompt: RehearsalText.notAtAPrompt
        case let .usage(usage): RehearsalText.usage(usage)
        }
    }
}
