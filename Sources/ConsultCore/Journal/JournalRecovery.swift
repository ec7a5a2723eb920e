import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the journals that no live session holds, and turns each into its summary.
///
/// A journal is *orphaned* when no process holds its lock: its session's process died (a crash, a kill, a
/// power cut), or its summary could not be written and the session let go of it (a full disk). Recovery locks
/// each orphan (`flock`, exclusive, non-blocking) before reading it, so two processes on the same folder never
/// recover the same journal twice; a journal whose lock is held is skipped, and one that lost its name while
/// waiting (another recoverer finished it) is left alone.
///
/// For each orphan, in name order:
/// - it is read (``JournalFormat/read(_:)``): a torn last record is dropped and reported;
/// - a journal of another dialog (by id) is left for the program that runs it;
/// - it is replayed (``JournalReplay``) and its summary written (``ReplayedJournal/summaryRecord``): the
///   record the live session owed, or the session cut short as `incomplete` and marked recovered;
/// - the journal is removed once the three files are durably in place — or left, as the pending summary,
///   when they cannot be written (a full disk), and tried again at the next call;
/// - a journal that cannot be read or replayed (damaged, newer format, another dialog version, replay
///   differs) is moved to `.journal/quarantine/` and reported by name for staff; it is never deleted.
///
/// The summary is written with the same name and bytes each time, and a name already holding them counts
/// as written, so a recovery cut short and run again leaves one copy.
public struct JournalRecovery: Sendable {
    public let consultation: Consultation
    public let writer: SummaryWriter

    public init(consultation: Consultation, writer: SummaryWriter) {
        self.consultation = consultation
        self.writer = writer
    }

    /// The quarantine folder inside `.journal`.
    static let quarantineFolderName = "quarantine"

    /// Recovers every orphaned journal in the writer's folder.
    ///
    /// Never throws and never crashes on a bad journal: every journal's fate is in the report.
    public func recover() -> JournalRecoveryReport {
        let folder: DurableFolder
        let journals: DurableFolder
        do throws(SummaryWriteError) {
            folder = try writer.openFolder()
            journals = try writer.openJournalFolder(in: folder)
        } catch {
            return JournalRecoveryReport(path: writer.path, outcomes: [], folderError: error)
        }
        let names = ((try? journals.names()) ?? []).filter { $0.hasSuffix(".journal") && !$0.hasPrefix(".") }
        let outcomes = names.compactMap { recover($0, in: journals) }
        return JournalRecoveryReport(path: writer.path, outcomes: outcomes, folderError: nil)
    }

    /// Recovers one journal, when it is orphaned.
    ///
    /// - Returns: what happened; `nil` when the journal went away before it could be locked.
    func recover(_ name: String, in journals: DurableFolder) -> JournalRecoveryOutcome? {
        // Read and write: over NFS an exclusive flock needs a descriptor open for writing.
        guard let descriptor = try? journals.open(name, flags: O_RDWR | O_NONBLOCK) else { return nil }
        defer { _ = closeDescriptor(descriptor) } // releases the lock, after the journal is gone or kept
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            return JournalRecoveryOutcome(journal: name, result: .inUse)
        }
        guard Self.isStillNamed(name, descriptor: descriptor, in: journals) else { return nil }
        let data: Data
        do throws(SystemCallError) {
            data = try DurableFolder.readAll(descriptor, path: journals.path + "/" + name)
        } catch {
            return JournalRecoveryOutcome(journal: name, result: .unreadable(reason: error.reason))
        }

        let contents: JournalContents
        do throws(JournalReadError) {
            contents = try JournalFormat.read(data)
        } catch {
            return quarantine(name, in: journals, because: .unreadable(error))
        }
        let torn = contents.tornTail
        guard contents.header.dialogID == consultation.identity.id else {
            return JournalRecoveryOutcome(journal: name, session: contents.header.sessionID, tornTail: torn,
                                          result: .otherDialog(id: contents.header.dialogID))
        }
        let replayed: ReplayedJournal
        do throws(JournalReplayError) {
            replayed = try JournalReplay.replay(contents, consultation: consultation)
        } catch {
            return quarantine(name, in: journals, because: .unreplayable(error), session: contents.header.sessionID)
        }
        let session = contents.header.sessionID

        if let files = replayed.writtenFiles {
            return remove(name, in: journals, outcome: JournalRecoveryOutcome(
                journal: name, session: session, tornTail: torn, result: .alreadyWritten(files: files)))
        }
        let record = replayed.summaryRecord
        let files: [URL]
        do throws(SummaryWriteError) {
            files = try writer.write(record, acceptingIdenticalFiles: true)
        } catch {
            return JournalRecoveryOutcome(journal: name, session: session, tornTail: torn, result: .stillPending(error))
        }
        let names = files.map(\.lastPathComponent)
        let result: JournalRecoveryOutcome.Result = replayed.finished
            ? .pendingSummaryWritten(files: names, status: record.outcome.status)
            : .recovered(files: names, answers: record.answers.count, lastActivity: replayed.lastActivity)
        return remove(name, in: journals, outcome: JournalRecoveryOutcome(journal: name, session: session, tornTail: torn, result: result))
    }

    /// Whether the locked descriptor is still the file named `name` (not one another recoverer removed meanwhile).
    private static func isStillNamed(_ name: String, descriptor: Int32, in folder: DurableFolder) -> Bool {
        var opened = stat()
        var named = stat()
        guard fstat(descriptor, &opened) == 0, opened.st_nlink > 0, opened.st_mode & S_IFMT == S_IFREG,
              fstatat(folder.descriptor, name, &named, AT_SYMLINK_NOFOLLOW) == 0 else { return false }
        return opened.st_dev == named.st_dev && opened.st_ino == named.st_ino
    }

    /// Removes a journal whose summary is in place, and syncs the folder.
    private func remove(_ name: String, in journals: DurableFolder, outcome: JournalRecoveryOutcome) -> JournalRecoveryOutcome {
        journals.remove(name)
        do throws(SystemCallError) {
            try journals.sync()
        } catch {
            // The summary is written; at worst the journal comes back and is found written again.
            var outcome = outcome
            outcome.removalError = error.reason
            return outcome
        }
        return outcome
    }

    /// Moves a journal that cannot be recovered to `.journal/quarantine/`, under its own name or the next free suffix.
    private func quarantine(_ name: String, in journals: DurableFolder, because reason: JournalQuarantineReason,
                            session: String? = nil) -> JournalRecoveryOutcome {
        do throws(DurableFolderError) {
            let quarantine = try journals.subfolder(Self.quarantineFolderName)
            let base = String(name.dropLast(".journal".count))
            for attempt in 1...SummaryWriter.nameLimit {
                let target = (attempt == 1 ? base : "\(base)-\(attempt)") + ".journal"
                let moved: Bool
                do throws(SystemCallError) {
                    moved = try journals.move(name, to: quarantine, as: target)
                } catch {
                    throw .failed(error)
                }
                guard moved else { continue }
                try? quarantine.sync()
                try? journals.sync()
                return JournalRecoveryOutcome(journal: name, session: session,
                                              result: .quarantined(reason, to: Self.quarantineFolderName + "/" + target))
            }
            throw .failed(SystemCallError(code: EEXIST, path: quarantine.path))
        } catch {
            let why = switch error {
            case let .failed(failure): failure.reason + " (" + failure.path + ")"
            case let .notPrivate(path, mode, _): "\(path) is open to other users (mode \(String(mode & 0o7777, radix: 8)))"
            }
            return JournalRecoveryOutcome(journal: name, session: session, result: .quarantineFailed(reason, why: why))
        }
    }
}

// MARK: - Report

/// What ``JournalRecovery/recover()`` did, journal by journal.
public struct JournalRecoveryReport: Sendable {
    /// The summary folder, as an absolute path.
    public var path: String
    /// One entry per journal found, in name order.
    public var outcomes: [JournalRecoveryOutcome]
    /// Set when the folder itself could not be used; nothing was recovered.
    public var folderError: SummaryWriteError?

    /// Lines for staff (standard error), one per journal that needs saying something about.
    public var messages: [String] {
        if let folderError { return [JournalText.folderUnusable(folderError)] }
        return outcomes.compactMap { $0.message(inFolder: path) }
    }

    /// Journals still waiting for their summary (it could not be written yet).
    public var pending: [JournalRecoveryOutcome] {
        outcomes.filter { if case .stillPending = $0.result { true } else { false } }
    }
}

/// What recovery did with one journal.
public struct JournalRecoveryOutcome: Sendable, Hashable {
    /// The journal's file name in `.journal`.
    public var journal: String
    /// The session id, when the journal could be read.
    public var session: String?
    /// The incomplete last record that was dropped, if any.
    public var tornTail: JournalContents.TornTail?
    public var result: Result
    /// Set when the journal's summary is in place but removing the journal failed (it is found written next time).
    public var removalError: String?

    public enum Result: Sendable, Hashable {
        /// A consultation cut short: written as `incomplete`, marked recovered, and the journal removed.
        case recovered(files: [String], answers: Int, lastActivity: Date)
        /// A finished consultation whose summary had not been written: written now, and the journal removed.
        case pendingSummaryWritten(files: [String], status: OutcomeStatus)
        /// The journal says its summary was written; only the journal was removed.
        case alreadyWritten(files: [String])
        /// The summary still cannot be written; the journal stays as the pending summary.
        case stillPending(SummaryWriteError)
        /// The journal cannot be recovered and was moved to quarantine (path relative to `.journal`).
        case quarantined(JournalQuarantineReason, to: String)
        /// The journal cannot be recovered, and moving it to quarantine failed too; it stays where it is.
        case quarantineFailed(JournalQuarantineReason, why: String)
        /// The journal belongs to another dialog; left for the program that runs it.
        case otherDialog(id: String)
        /// A live session holds the journal (or another process is recovering it); left alone.
        case inUse
        /// The journal could not be read from the disk; left where it is, tried again next time.
        case unreadable(reason: String)
    }

    init(journal: String, session: String? = nil, tornTail: JournalContents.TornTail? = nil, result: Result) {
        self.journal = journal
        self.session = session
        self.tornTail = tornTail
        self.result = result
    }

    /// The line for staff about a journal of the summary folder `path`, or `nil` when there is nothing to say (a live
    /// session's journal).
    public func message(inFolder path: String) -> String? {
        JournalText.message(for: self, in: path)
    }
}

/// Why a journal went to quarantine.
public enum JournalQuarantineReason: Sendable, Hashable, CustomStringConvertible {
    /// It cannot be read: not a journal, a newer format, no header, damage before the last record.
    case unreadable(JournalReadError)
    /// It can be read but not replayed: another dialog version, or the replay differs.
    case unreplayable(JournalReplayError)

    public var description: String {
        switch self {
        case let .unreadable(error): error.description
        case let .unreplayable(error): error.description
        }
    }
}
