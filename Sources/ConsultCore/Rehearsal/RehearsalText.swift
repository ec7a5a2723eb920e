/// The library's own words in a rehearsal (not the dialog's), in one place for review and translation.
enum RehearsalText {
    static let help = """
    Staff commands:
      goto NODE      go to a question or topic (id or dialog/id); answers stay
      answers        every answer so far
      set ID VALUE   change an answer and see which rules change
      rules          the rules fired and not fired, with their conditions
      where          the path so far
      persona FILE   type a transcript's answers, then hand over to you
    The patient's commands work too: back, repeat, why, skip, restart, help, quit.
    """
    static let notAsked = "not asked"
    static let skipped = "skipped"
    static let unknown = "unknown"
    static let gotoUsage = "goto NODE"
    static let setUsage = "set ID VALUE"
    static let personaUsage = "persona FILE"

    static func usage(_ usage: String) -> String { "usage: \(usage)" }

    static func unknownNode(_ name: String, suggestion: String?) -> String {
        "no question or topic '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
    }

    static func ambiguousNode(_ name: String, candidates: [String]) -> String {
        "'\(name)' is in several dialogs; say which: \(candidates.joined(separator: ", "))"
    }

    static func unknownAnswer(_ id: String, suggestion: String?) -> String {
        "no question stores an answer '\(id)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
    }

    static func unreadable(_ id: String, hint: String) -> String {
        "that does not read as an answer to '\(id)': \(hint)"
    }

    static let notAtAPrompt = "staff commands work only at a question or topic"
}
