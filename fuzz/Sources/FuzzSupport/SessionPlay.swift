import ConsultCore
import Foundation

/// Plays typed lines through a session and checks what it leaves, as a driver would.
public enum SessionPlay {
    /// A line of this one character is Ctrl-C at the prompt rather than typed text.
    public static let interruptLine = "\u{03}"
    /// A line of this one character is Ctrl-D: the input ends there.
    public static let endOfInputLine = "\u{04}"
    /// A line of this one character is the kiosk's idle timeout.
    public static let idleTimeoutLine = "\u{1A}"

    /// Starts a session, feeds it `lines` (at most `limit` of them) in `language`, ends the input, renders the three summaries
    /// and reports a ``Finding`` when the record breaks a property every record must have.
    ///
    /// - Returns: The record the session finished with.
    @discardableResult
    public static func play(_ lines: [String], through consultation: Consultation, language: String = "en", limit: Int = 400,
                            started: Date = BundledDialogs.started, input: @autoclosure () -> String) -> ConsultationRecord {
        var machine = ConsultationStateMachine(consultation: consultation, language: language, id: "fuzz0001", started: started)
        var now = started
        var action = machine.start(at: now)
        for line in lines.prefix(limit) {
            if case .finish = action { break }
            now += 7
            switch line {
            case interruptLine: action = machine.interrupted(at: now)
            case endOfInputLine: action = machine.endOfInput(at: now)
            case idleTimeoutLine: action = machine.idleTimedOut(at: now)
            default: action = machine.lineReceived(line, at: now)
            }
        }
        if case .prompt = action { action = machine.endOfInput(at: now + 7) }
        guard case let .finish(_, record) = action else {
            Finding.report("the session did not finish after the end of input", input: input())
        }
        check(record, of: consultation, finishedNormally: machine.isFinished && record.outcome.status != .incomplete,
              input: input())
        return record
    }

    /// The properties every finished record has, whatever was typed.
    public static func check(_ record: ConsultationRecord, of consultation: Consultation, finishedNormally: Bool,
                             input: @autoclosure () -> String) {
        _ = SummaryRenderer.markdown(record)
        do {
            _ = try SummaryRenderer.json(record)
            _ = try SummaryRenderer.fhirQuestionnaireResponse(record)
        } catch {
            Finding.report("the summary cannot be encoded: \(error)", input: input())
        }
        var seen: Set<String> = []
        for answer in record.answers {
            if consultation.question(answer.id) == nil {
                Finding.report("the record answers '\(answer.id)', which is not a question", input: input())
            }
            if !seen.insert(answer.id).inserted {
                Finding.report("the record answers '\(answer.id)' twice", input: input())
            }
            if let bad = firstControlCharacter(in: answer.text) {
                Finding.report("the stored text of '\(answer.id)' holds U+\(String(bad.value, radix: 16, uppercase: true))", input: input())
            }
            if case let .text(text)? = answer.value, let bad = firstControlCharacter(in: text) {
                Finding.report("the text answer '\(answer.id)' holds U+\(String(bad.value, radix: 16, uppercase: true))", input: input())
            }
        }
        for question in record.faq {
            if let bad = firstControlCharacter(in: question.asked) {
                Finding.report("a question asked holds U+\(String(bad.value, radix: 16, uppercase: true))", input: input())
            }
        }
        let ruleStatus = record.outcome.reasons.compactMap(\.effect.status).max() ?? .proceed
        if finishedNormally, record.outcome.status != ruleStatus {
            Finding.report("the outcome is \(record.outcome.status) but the fired rules say \(ruleStatus)", input: input())
        }
    }

    /// The first character a terminal or a summary reader should never get from a patient's typing: what
    /// `TerminalSanitizer` removes (controls, bidi controls, zero-width characters, the soft hyphen).
    public static func firstControlCharacter(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first { scalar in
            switch scalar.value {
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
            case 0x200B...0x200D, 0x2060, 0xFEFF, 0x00AD: true
            default: false
            }
        }
    }
}
