import Foundation

/// Reads a transcript file: answers, `#` comments and `#>` checks (see `docs/transcripts.md`).
public enum TranscriptParser {
    /// What starts a check line; a line starting with `#` alone is a comment.
    public static let checkMarker = "#>"
    /// The check line that ends the input early, like Ctrl-D.
    public static let endOfInput = "end of input"
    /// The directive that names the patient's language: `#> language: es`.
    public static let languageDirective = "language:"

    /// The check kinds, as written after `expect`.
    static let kinds = ["line", "prompt", "answer", "not asked", "outcome", "reasons", "precautions", "notes", "faq"]

    /// Parses a transcript.
    ///
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - path: the file's path, for diagnostics and reports.
    /// - Returns: the transcript, and its errors as `path:line:1: error: …`; a transcript with errors
    ///   leaves out the lines in error and must not be replayed.
    public static func parse(_ text: String, path: String) -> (transcript: Transcript, diagnostics: [Diagnostic]) {
        var steps: [Transcript.Step] = []
        var diagnostics: [Diagnostic] = []
        var endLine: Int?
        var language: String?
        // "\r\n" is one Character in Swift, so it is a separator of its own.
        var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        if lines.last == "" { lines.removeLast() }  // the newline that ends the last line
        for (index, rawLine) in lines.enumerated() {
            let number = index + 1
            let line = rawLine.hasSuffix("\r") ? String(rawLine.dropLast()) : String(rawLine)
            func error(_ message: String, id: String) {
                diagnostics.append(Diagnostic(.error, at: SourceLocation(file: path, line: number, column: 1), message, id: id))
            }
            if line.hasPrefix(checkMarker) {
                let directive = line.dropFirst(checkMarker.count).trimmingCharacters(in: .whitespaces)
                if directive.lowercased() == endOfInput {
                    if let endLine {
                        error(TranscriptText.secondEndOfInput(firstAt: endLine), id: "transcript-second-end")
                    } else {
                        endLine = number
                        steps.append(.init(line: number, kind: .endOfInput))
                    }
                    continue
                }
                if directive.lowercased().hasPrefix(languageDirective) {
                    let code = directive.dropFirst(languageDirective.count).trimmingCharacters(in: .whitespaces)
                    if language != nil {
                        error(TranscriptText.secondLanguage, id: "transcript-second-language")
                    } else if steps.contains(where: { if case .answer = $0.kind { true } else { false } }) {
                        error(TranscriptText.languageAfterAnswers, id: "transcript-late-language")
                    } else if !YAMLReader.isLanguageCode(code) {
                        error(TranscriptText.notALanguage(code), id: "transcript-bad-language")
                    } else {
                        language = code
                    }
                    continue
                }
                switch parseCheck(directive) {
                case let .success(check): steps.append(.init(line: number, kind: .check(check)))
                case let .failure(problem): error(problem.message, id: "transcript-bad-check")
                }
            } else if line.hasPrefix("#") {
                continue  // a comment
            } else if line.trimmingCharacters(in: .whitespaces).hasPrefix("#") {
                error(TranscriptText.indentedMarker, id: "transcript-indented-marker")
            } else if let endLine {
                error(TranscriptText.answerAfterEndOfInput(endAt: endLine), id: "transcript-answer-after-end")
            } else {
                steps.append(.init(line: number, kind: .answer(line)))
            }
        }
        return (Transcript(path: path, steps: steps, language: language), diagnostics)
    }

    // MARK: - Checks

    struct Problem: Error {
        var message: String
    }

    /// One check, from the text after `#>`.
    static func parseCheck(_ directive: String) -> Result<TranscriptCheck, Problem> {
        guard directive.lowercased().hasPrefix("expect ") else {
            let word = directive.split(separator: " ").first.map(String.init) ?? ""
            return .failure(Problem(message: TranscriptText.notACheck(word)))
        }
        let body = directive.dropFirst("expect ".count)
        guard let colon = body.firstIndex(of: ":") else {
            return .failure(Problem(message: TranscriptText.missingColon(body.trimmingCharacters(in: .whitespaces))))
        }
        let kind = body[..<colon].split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
        let value = body[body.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        guard kinds.contains(kind) else {
            return .failure(Problem(message: TranscriptText.unknownKind(kind, suggestion: Suggestion.closest(to: kind, in: kinds))))
        }
        guard !value.isEmpty else { return .failure(Problem(message: TranscriptText.missingValue(kind))) }
        switch kind {
        case "line":
            return .success(.line(value))
        case "prompt":
            return identifier(value, in: kind).map(TranscriptCheck.prompt)
        case "answer":
            return answerCheck(value)
        case "not asked":
            return list(value, in: kind, allowsNone: false).map(TranscriptCheck.notAsked)
        case "outcome":
            guard let status = OutcomeStatus(rawValue: value.lowercased()) else {
                return .failure(Problem(message: TranscriptText.unknownOutcome(value)))
            }
            return .success(.outcome(status))
        case "faq":
            return list(value, in: kind, allowsNone: true).map(TranscriptCheck.faq)
        default:
            let group = TranscriptCheck.RuleGroup(rawValue: kind)!  // the rest of `kinds`
            return list(value, in: kind, allowsNone: true).map { .rules(group, Set($0)) }
        }
    }

    /// `ID = VALUE`.
    static func answerCheck(_ text: String) -> Result<TranscriptCheck, Problem> {
        guard let equals = text.firstIndex(of: "=") else { return .failure(Problem(message: TranscriptText.answerNeedsEquals)) }
        let id = text[..<equals].trimmingCharacters(in: .whitespaces)
        let written = text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        guard !id.isEmpty, !written.isEmpty else { return .failure(Problem(message: TranscriptText.answerNeedsEquals)) }
        return identifier(id, in: "answer").flatMap { id in
            expectedValue(written).map { .answer(id: id, ExpectedAnswer(written: written, value: $0)) }
        }
    }

    /// A value in JSON (`"text"`, `[…]`, a number, `null`, `true`) or in plain words.
    static func expectedValue(_ written: String) -> Result<ExpectedAnswer.Value, Problem> {
        if let number = Double(written) { return .success(.number(number)) }
        switch written {
        case "null": return .success(.skipped)
        case "true": return .success(.continued)
        default: break
        }
        guard written.hasPrefix("\"") || written.hasPrefix("[") else { return .success(.words(written)) }
        let json = try? JSONSerialization.jsonObject(with: Data(written.utf8), options: [.fragmentsAllowed])
        switch json {
        case let text as String:
            return .success(.text(text))
        case let items as [Any]:
            let ids = items.compactMap { $0 as? String }
            guard ids.count == items.count else { return .failure(Problem(message: TranscriptText.listOfStrings(written))) }
            return .success(.list(ids))
        default:
            return .failure(Problem(message: TranscriptText.invalidJSON(written)))
        }
    }

    static func identifier(_ text: String, in kind: String) -> Result<String, Problem> {
        guard !text.contains(where: \.isWhitespace), !text.contains(",") else {
            return .failure(Problem(message: TranscriptText.notAnIdentifier(text, kind: kind)))
        }
        return .success(text)
    }

    /// `a, b, c`, or `none` for an empty list when allowed.
    static func list(_ text: String, in kind: String, allowsNone: Bool) -> Result<[String], Problem> {
        if allowsNone, text.lowercased() == "none" { return .success([]) }
        var items: [String] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let trimmed = item.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { return .failure(Problem(message: TranscriptText.emptyItem(kind))) }
            switch identifier(trimmed, in: kind) {
            case let .success(id): items.append(id)
            case let .failure(problem): return .failure(problem)
            }
        }
        return .success(items)
    }
}
