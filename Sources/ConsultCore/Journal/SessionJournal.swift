import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One session's journal file in the summary folder's private `.journal` folder.
///
/// Created at the first record, as `<YYYYMMDD-HHMMSS>-<session id>.journal` (the session's start in UTC):
/// the preamble, the header and the first record are written to a temporary file, synced and locked, and
/// only then linked under the journal's name, so a recoverer never sees a journal without its header or
/// without its owner's lock. The lock (`flock`, exclusive) is held until the journal is removed or this
/// value goes away — as it does when the process dies, which is what makes a journal orphaned.
///
/// Records that could not be written (a full disk) are kept and written, in order, before the next one;
/// every record is also kept in memory, so a journal whose folder was removed under it is written again.
final class SessionJournal {
    let writer: SummaryWriter
    private let header: JournalHeader
    /// Every framed record of the session after the header, in order.
    private var framed: [Data] = []
    /// How many of them are durable in the file.
    private var durableCount = 0
    private var folder: DurableFolder?
    private var file: AppendOnlyFile?
    /// The journal's file name in `.journal`, once created.
    private(set) var name: String?
    /// Set after a record too large to write: the journal stops, and says so at every event.
    private var refused: JournalWriteError?
    /// Whether the `.journal` folder was synced since the journal got its name.
    private var nameIsDurable = false
    /// Set once the session let go of its journal (removed, or left for recovery): nothing more is written.
    private var closed = false

    init(writer: SummaryWriter, header: JournalHeader) {
        self.writer = writer
        self.header = header
    }

    /// Whether every record so far is durably in the journal.
    var isDurable: Bool { refused == nil && name != nil && durableCount == framed.count && nameIsDurable }

    /// The journal's path, for messages.
    var path: String {
        (writer.path == "/" ? "" : writer.path) + "/" + SummaryWriter.journalFolderName + (name.map { "/" + $0 } ?? "")
    }

    /// Appends `record` (after any that could not be written before) and syncs the journal.
    ///
    /// - Returns: `nil` when the journal holds every record; otherwise why it does not (the records are kept
    ///   and written before the next one).
    func append(_ record: JournalRecord) -> JournalWriteError? {
        if let refused { return refused }
        guard let data = JournalFormat.frame(record) else {
            refused = .recordTooLarge(path: path)
            return refused
        }
        framed.append(data)
        return flush()
    }

    /// Writes the records not yet durable, creating the journal (again) when it has no file.
    func flush() -> JournalWriteError? {
        if let refused { return refused }
        if closed || (file == nil && framed.isEmpty) { return nil } // let go of, or nothing changed yet: no journal
        do throws(JournalWriteError) {
            if let file, file.isRemoved {
                // The folder or the journal was removed under us: write it again from memory.
                self.file = nil
                self.folder = nil
                durableCount = 0
            }
            guard let file else {
                try create()
                return nil
            }
            do throws(SystemCallError) {
                if durableCount < framed.count {
                    try file.append(framed[durableCount...].reduce(Data(), +))
                    durableCount = framed.count
                }
                try syncName()
            } catch {
                throw .cannotWrite(path: file.path, reason: error.reason, code: error.code)
            }
            return nil
        } catch {
            return error
        }
    }

    /// Creates the journal file with every record so far, locked, under a free name.
    private func create() throws(JournalWriteError) {
        let folder: DurableFolder
        do throws(SummaryWriteError) {
            folder = try writer.openJournalFolder(in: writer.openFolder())
        } catch {
            throw .folderUnusable(error)
        }
        guard let headerRecord = JournalFormat.frame(.header(header)) else {
            refused = .recordTooLarge(path: folder.path)
            throw .recordTooLarge(path: folder.path)
        }
        let contents = JournalFormat.preamble() + headerRecord + framed.reduce(Data(), +)
        let stem = SummaryRenderer.fileStem(id: header.sessionID, reference: header.reference, at: header.started)
        do throws(SystemCallError) {
            let (temporary, descriptor) = try folder.createTemporary(for: stem + ".journal", contents: contents, appending: true)
            defer { folder.remove(temporary) }
            var placed: String?
            for attempt in 1...SummaryWriter.nameLimit where placed == nil {
                let candidate = (attempt == 1 ? stem : "\(stem)-\(attempt)") + ".journal"
                do throws(SystemCallError) {
                    if try folder.link(temporary, to: candidate) { placed = candidate }
                } catch {
                    _ = closeDescriptor(descriptor)
                    throw error
                }
            }
            guard let placed else {
                _ = closeDescriptor(descriptor)
                throw SystemCallError(code: EEXIST, path: folder.path)
            }
            folder.remove(temporary)
            self.folder = folder
            self.name = placed
            self.file = AppendOnlyFile(descriptor: descriptor, path: folder.path + "/" + placed, durableLength: contents.count,
                                       operations: writer.operations)
            durableCount = framed.count
            nameIsDurable = false
            try syncName()
        } catch {
            throw .cannotWrite(path: folder.path, reason: error.reason, code: error.code)
        }
    }

    /// Syncs the `.journal` folder once after the journal was created, so its name survives a power cut.
    private func syncName() throws(SystemCallError) {
        guard !nameIsDurable, let folder else { return }
        try folder.sync()
        nameIsDurable = true
    }

    /// Removes the journal after its summary is durably written: a last record saying so, then the name, then a
    /// folder sync. Releases the lock.
    ///
    /// - Returns: `nil`, or why the journal could not be removed (recovery later finds the summary written and
    ///   removes it).
    func remove(afterWriting files: [String], at time: Date) -> JournalWriteError? {
        defer {
            close()
            name = nil
        }
        guard let folder, let name, let file else { return nil }
        var failure: JournalWriteError?
        if let data = JournalFormat.frame(.summaryWritten(files: files, at: time)) {
            do throws(SystemCallError) {
                try file.append(data)
            } catch {
                failure = .cannotWrite(path: file.path, reason: error.reason, code: error.code)
            }
        }
        folder.remove(name)
        do throws(SystemCallError) {
            try folder.sync()
        } catch {
            failure = failure ?? .cannotWrite(path: folder.path, reason: error.reason, code: error.code)
        }
        return failure
    }

    /// Closes the file and releases its lock; the journal stays for recovery.
    func close() {
        closed = true
        file = nil
        folder = nil
    }
}

/// Why a session's journal could not be written. The consultation goes on; what is not in the journal
/// is only in memory until it can be written.
public enum JournalWriteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The summary folder or its `.journal` folder cannot be used.
    case folderUnusable(SummaryWriteError)
    /// Writing or syncing the journal failed (a full disk, a failing disk).
    case cannotWrite(path: String, reason: String, code: Int32)
    /// A typed line too long for one journal record (16 MiB); the session is no longer journaled.
    case recordTooLarge(path: String)

    public var description: String {
        switch self {
        case let .folderUnusable(error):
            "Cannot keep this session's journal: \(error.description) \(Self.consequence)"
        case let .cannotWrite(path, reason, _):
            "Cannot write this session's journal \(path): \(reason). Free some disk space or check the disk. "
                + Self.consequence
        case let .recordTooLarge(path):
            "A line too long for this session's journal \(path) was typed, so the rest of the session is not "
                + "journaled. " + Self.consequence
        }
    }

    private static let consequence = "The consultation goes on, but until its journal can be written its answers are "
        + "only in memory and would be lost if Consult stopped."
}

extension AppendOnlyFile {
    /// Whether the file no longer has a name (its folder or the file itself was removed).
    var isRemoved: Bool {
        var info = stat()
        return fstat(descriptor, &info) == 0 && info.st_nlink == 0
    }
}
