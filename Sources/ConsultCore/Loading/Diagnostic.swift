/// A problem found while loading or checking dialogs, reported like a compiler's.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    /// Something more about a diagnostic, at a place of its own (where a duplicate was first used).
    public struct Note: Sendable, Hashable {
        public var location: SourceLocation
        public var message: String

        public init(at location: SourceLocation, _ message: String) {
            self.location = location
            self.message = message
        }
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// What kind of problem it is (`unknown-node`, `read-before-asked`): stable across releases and wordings, so
    /// tests, editors and documentation can name it; the message may change.
    public var id: String
    /// Further places that explain it.
    public var notes: [Note]

    public init(_ severity: Severity, at location: SourceLocation, _ message: String, id: String, notes: [Note] = []) {
        self.severity = severity
        self.location = location
        self.message = message
        self.id = id
        self.notes = notes
    }

    /// `dialogs/x.yaml:12:5: error: unknown node 'pregant'; did you mean 'pregnant'?`, then a line per note
    /// (`dialogs/x.yaml:3:5: note: first used here`), as compilers print them.
    public var description: String {
        ([ "\(location): \(severity.rawValue): \(message)"] + notes.map { "\($0.location): note: \($0.message)" })
            .joined(separator: "\n")
    }
}

/// Collects diagnostics while loading and checking.
struct DiagnosticLog: Sendable {
    private(set) var diagnostics: [Diagnostic] = []
    /// The same diagnostics, to find a repeat without going through them all (a dialog of 20,000
    /// unreachable nodes has 20,000 warnings).
    private var logged: Set<Diagnostic> = []

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    mutating func error(_ message: String, at location: SourceLocation, id: String, notes: [Diagnostic.Note] = []) {
        append(Diagnostic(.error, at: location, message, id: id, notes: notes))
    }

    mutating func warning(_ message: String, at location: SourceLocation, id: String, notes: [Diagnostic.Note] = []) {
        append(Diagnostic(.warning, at: location, message, id: id, notes: notes))
    }

    mutating func append(_ diagnostic: Diagnostic) {
        // The same problem can be reached twice (a node checked from two paths); report it once.
        guard logged.insert(diagnostic).inserted else { return }
        diagnostics.append(diagnostic)
    }

    mutating func append(contentsOf other: DiagnosticLog) {
        for diagnostic in other.diagnostics { append(diagnostic) }
    }

    /// Diagnostics in file order, as a compiler prints them.
    var sorted: [Diagnostic] {
        diagnostics.sorted { ($0.location, $0.severity == .warning ? 1 : 0) < ($1.location, $1.severity == .warning ? 1 : 0) }
    }
}

/// "did you mean" suggestions for misspelt names.
enum Suggestion {
    /// The candidate closest to `name`, if it is close enough to be a likely typo.
    static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
        let limit = max(1, name.count / 3)
        var best: (String, Int)?
        for candidate in candidates where candidate != name {
            let distance = editDistance(name.lowercased(), candidate.lowercased())
            if distance <= limit, best.map({ distance < $0.1 }) ?? true {
                best = (candidate, distance)
            }
        }
        return best?.0
    }

    /// `; did you mean 'x'?` or nothing.
    static func didYouMean(_ name: String, in candidates: some Sequence<String>) -> String {
        closest(to: name, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// `; did you mean 'x'?`, or else `; ` and `otherwise`.
    static func didYouMean(_ name: String, in candidates: some Sequence<String>, otherwise: String) -> String {
        closest(to: name, in: candidates).map { "; did you mean '\($0)'?" } ?? "; \(otherwise)"
    }

    /// Edits (insertions, deletions, substitutions, and swaps of two neighbours) turning `a` into `b`.
    static func editDistance(_ a: String, _ b: String) -> Int {
        EditDistance.distance(a, b)
    }
}
