import Foundation

/// What journal recovery tells staff, gathered here for review and later translation.
enum JournalText {
    static func folderUnusable(_ error: SummaryWriteError) -> String {
        "cannot look for interrupted consultations: \(error.description)"
    }

    static func message(for outcome: JournalRecoveryOutcome, in folder: String) -> String? {
        let journal = ".journal/" + outcome.journal
        let session = outcome.session.map { "session \($0)" } ?? "a session"
        var line: String
        switch outcome.result {
        case let .recovered(files, answers, lastActivity):
            line = "recovered an interrupted consultation (\(session), \(count(answers, "answer")) saved, last activity "
                + "\(SummaryTimestamp.iso8601(lastActivity))) from its journal \(journal): written as incomplete and marked "
                + "recovered in \(folder): \(files.joined(separator: ", "))"
        case let .pendingSummaryWritten(files, status):
            line = "wrote the pending summary of \(session) (outcome \(status.rawValue)) from its journal \(journal): "
                + files.joined(separator: ", ")
        case let .alreadyWritten(files):
            line = "the summary of \(session) was already written (\(files.joined(separator: ", "))); removed its journal \(journal)"
        case let .stillPending(error):
            line = "the summary of \(session) is still not written; its journal \(journal) is kept and tried again at the "
                + "next chance: \(error.description)"
        case let .quarantined(reason, to):
            line = "cannot recover the session journal \(folder)/\(journal): \(reason.description). It was moved to "
                + "\(folder)/.journal/\(to) and kept; it holds a patient's answers, so keep it private and "
                + "report it to whoever maintains Consult."
        case let .quarantineFailed(reason, why):
            line = "cannot recover the session journal \(folder)/\(journal): \(reason.description). Moving it to "
                + "quarantine failed too (\(why)), so it stays where it is; it holds a patient's answers."
        case let .otherDialog(id):
            line = "left the session journal \(journal) for the consultation '\(id)', which is not the one running"
        case .inUse:
            return nil
        case let .unreadable(reason):
            line = "cannot read the session journal \(folder)/\(journal) (\(reason)); it is kept and tried again"
        }
        if let torn = outcome.tornTail {
            line += " (its last record, \(count(torn.length, "byte")) written as Consult stopped and never confirmed to the "
                + "patient, was incomplete and dropped)"
        }
        if let removal = outcome.removalError {
            line += " (removing the journal failed: \(removal); it is found written next time)"
        }
        return line
    }

    private static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
