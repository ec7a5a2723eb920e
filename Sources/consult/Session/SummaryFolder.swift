import ArgumentParser
import ConsultCore
import Foundation

/// The summary folder as a patient session uses it: checked before the first question, and searched for the
/// journals of sessions a crash, a kill or a full disk left behind (docs/reliability.md).
enum SummaryFolder {
    /// Prepares `path` for summaries and journals, then recovers what earlier sessions left; messages for staff
    /// go to standard error. A folder that cannot be used ends the command with status 1 before any question,
    /// so no patient answers questions whose answers could not be kept.
    ///
    /// - Parameter group: the staff group to share the folder with (`--group`): a new folder is created `2750` for
    ///   it, an existing one must already be; the files are then `0640` for that group.
    /// - Returns: the folder's absolute path, and the reference codes its summaries and journals use (listed once, with the check).
    static func open(_ path: String, for consultation: Consultation, group: SummaryGroup? = nil) throws
        -> (path: String, usedReferences: Set<ReferenceCode>) {
        let writer = SummaryWriter(path: path, group: group)
        let check: SummaryFolderCheck
        do {
            check = try writer.prepare(now: Date())
            if let message = check.message { CommandMessages.warning(message) }
        } catch {
            CommandMessages.error(error.description)
            throw ExitCode(1)
        }
        // Recovery writes summaries only under codes already listed: those of the journals it recovers.
        recover(in: writer.path, for: consultation)
        return (writer.path, check.usedReferences)
    }

    /// Writes the summaries of journals left in the summary folder `path` by sessions that did not finish saving.
    ///
    /// - Returns: How many journals still wait for their summary.
    @discardableResult
    static func recover(in path: String, for consultation: Consultation) -> Int {
        let report = JournalRecovery(consultation: consultation, writer: SummaryWriter(path: path)).recover()
        for line in report.messages { CommandMessages.note(line) }
        return report.pending.count
    }
}

extension SummaryGroup {
    /// The group of `--group NAME`; a name the system does not know is a usage error (exit 2).
    static func option(_ name: String?) throws -> SummaryGroup? {
        guard let name else { return nil }
        guard let group = SummaryGroup.named(name) else {
            throw ValidationError("--group: there is no group named '\(name)' on this system (create it with `groupadd \(name)`)")
        }
        return group
    }
}
