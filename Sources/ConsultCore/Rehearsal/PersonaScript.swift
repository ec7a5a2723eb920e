import Foundation

/// A persona transcript as rehearsal plays it: answer lines, one a line.
///
/// Lines starting with `#` are comments or checks (for `consult replay`) and are skipped;
/// a `#> stop` line ends the part that is played, so staff take over from there.
/// Empty lines are answers (Enter at a topic or an optional question).
public struct PersonaScript: Sendable, Hashable {
    /// The lines to type, in order.
    public var lines: [String]
    /// Whether a `#> stop` line cut the script short.
    public var stoppedEarly: Bool

    public init(parsing text: String) {
        // "\r\n" is one Character in Swift, so Windows line ends are made plain first.
        var pieces = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        if pieces.last == "" { pieces.removeLast() }  // the final line break
        var lines: [String] = []
        var stopped = false
        for piece in pieces {
            let line = piece
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("#") {
                let check = trimmed.dropFirst().drop { $0 == ">" || $0 == " " }
                if trimmed.hasPrefix("#>"), check.lowercased() == "stop" {
                    stopped = true
                    break
                }
                continue
            }
            lines.append(line)
        }
        self.lines = lines
        stoppedEarly = stopped
    }
}
