import ConsultCore
import Foundation

/// What the kiosk tells staff on standard error about summaries it could not write, in one place for review.
enum KioskStaffText {
    static func writtenLater(_ names: [String]) -> String {
        CommandMessages.lines("an earlier summary is now written: \(names.joined(separator: ", "))", CommandMessages.notePrefix)
    }

    static func stillNotWritten(_ reason: String) -> String {
        CommandMessages.lines("a summary is still not written: \(reason)", CommandMessages.errorPrefix)
    }

    /// The report when the kiosk stops with summaries it could not write even at the last attempt: which
    /// sessions (id and code, start, outcome, number of answers) and why, one per line.
    static func unsavedAtStop(_ sessions: [(record: ConsultationRecord, reason: String)]) -> String {
        let count = sessions.count == 1 ? "1 consultation could not be saved" : "\(sessions.count) consultations could not be saved"
        var text = "stopping: \(count); their answers are lost when the kiosk exits:\n"
        for (record, reason) in sessions {
            let answers = record.answers.count == 1 ? "1 answer" : "\(record.answers.count) answers"
            let code = record.reference.map { " (code \($0))" } ?? ""
            text += "  session \(record.id)\(code), started \(timestamp(record.started)), "
                + "\(record.outcome.status.rawValue), \(answers): \(reason)\n"
        }
        return CommandMessages.lines(text, CommandMessages.errorPrefix)
    }

    /// `2026-11-26 05:31:27 UTC`.
    private static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withSpaceBetweenDateAndTime]
        return formatter.string(from: date) + " UTC"
    }
}
