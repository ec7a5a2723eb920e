import Foundation

/// The words of transcript parsing and replay reports, in one place for review.
enum TranscriptText {
    // MARK: - Syntax errors

    static func notACheck(_ word: String) -> String {
        let kinds = TranscriptParser.kinds.map { "'expect \($0):'" }.joined(separator: ", ")
        return "unknown check '\(word)'; a '#>' line is one of \(kinds) or '#> end of input' (write '# …' for a comment)"
    }

    static func missingColon(_ kind: String) -> String {
        "missing ':' after 'expect \(kind)'; write it like 'expect outcome: proceed'"
    }

    static func unknownKind(_ kind: String, suggestion: String?) -> String {
        let hint = suggestion.map { "did you mean 'expect \($0):'?" }
            ?? "expected one of: \(TranscriptParser.kinds.joined(separator: ", "))"
        return "unknown check 'expect \(kind)'; \(hint)"
    }

    static func missingValue(_ kind: String) -> String {
        let example = switch kind {
        case "reasons", "precautions", "notes", "faq": " (write 'none' for an empty list)"
        default: ""
        }
        return "'expect \(kind):' needs a value\(example)"
    }

    static func unknownOutcome(_ value: String) -> String {
        "unknown outcome '\(value)'; expected one of: \(OutcomeStatus.allCases.map(\.rawValue).joined(separator: ", "))"
    }

    static let answerNeedsEquals = "write the answer check as 'expect answer: ID = VALUE', e.g. 'expect answer: age = 34'"

    static func invalidJSON(_ text: String) -> String {
        "'\(text)' is not valid JSON; write plain words without quotes or brackets, or valid JSON"
    }

    static func listOfStrings(_ text: String) -> String {
        "'\(text)' must be a JSON list of option ids (strings)"
    }

    static func notAnIdentifier(_ text: String, kind: String) -> String {
        "'\(text)' is not an id ('expect \(kind):' takes ids without spaces, separated by commas)"
    }

    static func emptyItem(_ kind: String) -> String {
        "an empty item in the list of 'expect \(kind):'"
    }

    static let secondLanguage = "a second '#> language:' line; a transcript has one language"
    static let languageAfterAnswers = "'#> language:' must come before the first answer"
    static func notALanguage(_ code: String) -> String { "'\(code)' is not a language code like 'en' or 'es'" }

    static func secondEndOfInput(firstAt line: Int) -> String {
        "a second '#> end of input' (the first is on line \(line))"
    }

    static func answerAfterEndOfInput(endAt line: Int) -> String {
        "an answer after '#> end of input' on line \(line); only checks and comments may follow it"
    }

    static let indentedMarker = "a '#' line that does not start in the first column; a comment or check must start with '#', "
        + "and an answer starting with '#' cannot be written in a transcript"

    // MARK: - Failures

    static let finishedEarly = "the consultation finished before this answer"
    static func anotherPrompt(for answer: String) -> String { "a prompt for \"\(answer)\"" }
    static func finished(_ status: OutcomeStatus) -> String { "the consultation had finished (\(status.rawValue))" }

    static func lineNotShown(since line: Int?) -> String {
        line.map { "the screen shows no such line after the one expected on line \($0)" } ?? "the screen shows no such line"
    }

    /// The screen lines a failed `expect line` searched, the last few of them.
    static func screen(_ lines: [String], sinceMatch: Bool, limit: Int = 12) -> String {
        let shown = lines.suffix(limit).map { $0.isEmpty ? "|" : "| " + $0 }
        let cut = lines.count > limit ? ["| … \(lines.count - limit) lines before"] : []
        let heading = sinceMatch ? "the screen since that line:" : "the screen (its end):"
        return ([heading] + cut + shown).joined(separator: "\n")
    }

    static let promptDiffers = "a different prompt"
    static func prompt(_ prompt: Prompt) -> String {
        let text = prompt.text.isEmpty ? prompt.instructions : prompt.text
        return "\(prompt.nodeID) (\"\(text.split(whereSeparator: \.isWhitespace).joined(separator: " "))\")"
    }

    static func answerDiffers(_ id: String) -> String { "the answer '\(id)' differs" }
    static func notAnswered(_ id: String) -> String { "'\(id)' has not been asked" }

    /// A stored answer as JSON, with the words shown to staff when they differ.
    static func describe(_ answer: AnsweredQuestion) -> String {
        let json: String = switch answer.value.map(SummaryDocument.Value.init) {
        case nil: "null"
        case let .string(text)?: quoted(text)
        case let .strings(ids)?: "[" + ids.map(quoted).joined(separator: ", ") + "]"
        case let .number(number)?: NumberFormatting.plain(number)
        case let .bool(flag)?: flag ? "true" : "false"
        }
        let display = answer.displayValue
        return json == display || json == quoted(display) ? json : "\(json) (shown as \"\(display)\", typed \"\(answer.text)\")"
    }

    static let askedAfterAll = "questions expected not to be asked were asked"
    static func notAsked(_ ids: [String]) -> String { "not asked: " + ids.joined(separator: ", ") }
    static func asked(_ ids: [String]) -> String { "asked: " + ids.joined(separator: ", ") }

    static let outcomeDiffers = "the outcome differs"
    static func soFar(_ status: OutcomeStatus) -> String { "\(status.rawValue) (so far: the consultation has not finished)" }

    static func rulesDiffer(_ group: TranscriptCheck.RuleGroup) -> String { "the \(group.rawValue) differ" }

    static let faqDiffers = "the patient's own questions differ"
    static let unanswered = "unanswered"
    static func faq(_ records: [FAQRecord]) -> String {
        guard !records.isEmpty else { return "none" }
        return records.map { record in
            "\(record.answered ? record.entry ?? unanswered : unanswered) (\"\(record.asked)\")"
        }.joined(separator: ", ")
    }

    static func list(_ items: [String]) -> String { items.isEmpty ? "none" : items.joined(separator: ", ") }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    // MARK: - Reports

    static let passMark = "✓"
    static let notReplayed = "(not replayed)"
    static let failMark = "✗"
    static let expectedLabel = "expected: "
    static let gotLabel = "got:      "

    static func counts(answers: Int, checks: Int, failed: Int) -> String {
        let base = "\(answers) answer\(answers == 1 ? "" : "s"), \(checks) check\(checks == 1 ? "" : "s")"
        return failed == 0 ? "(\(base))" : "(\(base), \(failed) failed)"
    }

    static func total(transcripts: Int, failed: Int) -> String {
        let noun = "transcript\(transcripts == 1 ? "" : "s")"
        return failed == 0 ? "\(transcripts) \(noun) passed" : "\(failed) of \(transcripts) \(noun) failed"
    }
}
