import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Saves a consultation's three summary files into a private folder, never overwriting anything.
///
/// The folder is created (with any missing parents) as `0700`. An existing
/// folder is used only when it is already private and belongs to the user
/// running Consult; its mode is never changed (``SummaryWriteError/directoryNotPrivate(path:mode:owner:)``
/// and ``SummaryWriteError/directoryNotOwned(path:owner:user:)`` say how to fix it). Each file is written to a temporary `0600` file
/// beside it, synced, then hard-linked to its name (which fails rather than
/// replace an existing file) and the temporary name removed; the folder is
/// synced last. When any of the three names is taken, all three get the next
/// free suffix (`-2`, `-3`, …). When a file fails, the files already placed by
/// the same call are removed again, so a call leaves all three or none.
public struct SummaryWriter: Sendable {
    /// The folder the summaries go into, as an absolute path.
    public let path: String

    /// The folder the summaries go into.
    public var directory: URL { URL(fileURLWithPath: path, isDirectory: true) }

    /// The highest suffix tried before giving up (`<stem>-999`).
    static let nameLimit = 999

    /// Called with each file's final name just before it is placed; tests use it to fail mid-way.
    let beforePlacing: (@Sendable (String) throws(SummaryWriteError) -> Void)?
    /// The system calls that write and sync files; tests inject failures here.
    let operations: any FileOperations

    /// The staff group the folder must be shared with, when asked for (`--group`); `nil` to take the folder as it is.
    public private(set) var group: SummaryGroup?

    /// - Parameter group: the staff group to share a new folder with (mode `2750`, files `0640`); an existing folder
    ///   must already be shared with it. Without it, a folder already shared with a group (by `--group` or by its
    ///   owner) still gives its files to that group, and any other folder must be private.
    public init(directory: URL, group: SummaryGroup? = nil) {
        self.init(absolutePath: directory.path, beforePlacing: nil)
        self.group = group
    }

    /// The writer for the folder `path` (relative to the working folder, or absolute) as given on the command line.
    ///
    /// The same as `init(directory: URL(fileURLWithPath: path), group:)`, without Foundation's `URL` on a start.
    public init(path: String, group: SummaryGroup? = nil) {
        self.init(absolutePath: AbsolutePath.of(path), beforePlacing: nil)
        self.group = group
    }

    init(directory: URL, operations: any FileOperations = SystemFileOperations(),
         beforePlacing: (@Sendable (String) throws(SummaryWriteError) -> Void)?) {
        self.init(absolutePath: directory.path, operations: operations, beforePlacing: beforePlacing)
    }

    private init(absolutePath: String, operations: any FileOperations = SystemFileOperations(),
                 beforePlacing: (@Sendable (String) throws(SummaryWriteError) -> Void)?) {
        self.path = absolutePath
        self.operations = operations
        self.beforePlacing = beforePlacing
        self.group = nil
    }

    /// Writes `<stem>.md`, `<stem>.json` and `<stem>.fhir.json` for a record.
    ///
    /// - Returns: the three files' URLs, in that order.
    /// - Throws: ``SummaryWriteError``, after removing whatever this call had written.
    public func write(_ record: ConsultationRecord) throws(SummaryWriteError) -> [URL] {
        try write(record, acceptingIdenticalFiles: false)
    }

    /// Writes the three files of a record; with `acceptingIdenticalFiles`, a name that already holds exactly the
    /// bytes this call would write counts as written.
    ///
    /// Recovery writes with `acceptingIdenticalFiles`: when Consult stopped after a summary was placed but before
    /// its journal was removed, writing it again finds the same files and adds no second copy. (The renderers
    /// are deterministic, and a session id in the name and the content keeps two sessions apart.)
    func write(_ record: ConsultationRecord, acceptingIdenticalFiles: Bool) throws(SummaryWriteError) -> [URL] {
        let contents = try Self.render(record)
        let folder = try openFolder()
        let stem = SummaryRenderer.fileStem(for: record)
        for attempt in 1...Self.nameLimit {
            let candidate = attempt == 1 ? stem : "\(stem)-\(attempt)"
            let files = contents.map { (name: "\(candidate).\($0.extension)", data: $0.data) }
            if let names = try place(files, in: folder, acceptingIdenticalFiles: acceptingIdenticalFiles) {
                try Self.mapping(folder.path) { () throws(SystemCallError) in try folder.sync() }
                // The summary is written; the index only speeds up listing. When this line is lost, the listing
                // finds the summary unindexed and reads it in full (``SummaryIndex``).
                try? SummaryIndex.append(SummaryListing(record, stem: candidate), in: folder)
                return names.map { directory.appendingPathComponent($0, isDirectory: false) }
            }
        }
        throw .noFreeName(path: folder.path, stem: stem)
    }

    // MARK: - Reference codes

    /// A code for a new session that no summary or journal in the folder has.
    ///
    /// The codes in use are read from the file names (summaries and journals both carry theirs), so a code is
    /// unique in the folder whatever wrote the summaries before. A folder that cannot be read gives a code
    /// checked against nothing: a clash is then one in hundreds of millions, and never overwrites anything (the
    /// session id stays in every name).
    ///
    /// - Parameter generator: the random source; the program passes the system's, tests a seeded one.
    public func newReference<Generator: RandomNumberGenerator>(using generator: inout Generator) -> ReferenceCode {
        ReferenceCode.random(avoiding: usedReferences(), using: &generator)
    }

    /// The codes of the folder's summaries and of its sessions in progress.
    ///
    /// Lists the folder (about a second for 300,000 summaries), so a kiosk reads it once and then adds the codes
    /// it hands out itself (``ReferenceCode/random(avoiding:using:)``).
    public func usedReferences() -> Set<ReferenceCode> {
        guard let folder = try? openFolder() else { return [] }
        var used = Set<ReferenceCode>()
        folder.forEachName { if let code = ReferenceCode.inFileName($0) { used.insert(code) } }
        if let journals = try? folder.subfolder(Self.journalFolderName) {
            journals.forEachName { if let code = ReferenceCode.inFileName($0) { used.insert(code) } }
        }
        return used
    }

    // MARK: - Before the first question

    /// How old an unlocked temporary file must be before it counts as left over by a killed writer.
    static let staleTemporaryAge: TimeInterval = 60

    /// Checks the folder before the first question, so a patient never answers into a folder that cannot be written.
    ///
    /// Creates the folder (and its private journal folder `.journal`) as ``write(_:)`` would, refuses one that is
    /// not private and ours, creates a probe file, reserves 4 KiB for it and removes it (so a read-only or full disk
    /// shows now), and removes the temporary files a killed writer left: `.<summary name>.<hex>.tmp` in the folder and
    /// `.<journal name>.<hex>.tmp` in `.journal`. A temporary file is left over when no process holds its lock
    /// and it is more than a minute old; its content is never needed, because a summary's journal is removed
    /// only after all three files are in place.
    ///
    /// - Parameter now: the current time, for the age of temporary files.
    /// - Returns: what was cleaned up, with a line for staff about it.
    /// - Throws: ``SummaryWriteError`` when summaries could not be written there.
    public func prepare(now: Date) throws(SummaryWriteError) -> SummaryFolderCheck {
        let folder = try openFolder()
        let journal = try openJournalFolder(in: folder)
        try Self.mapping(folder.path) { () throws(SystemCallError) in
            try folder.checkSpace(4096, for: Self.probeName)
        }
        var check = SummaryFolderCheck(path: path)
        for (place, isTemporary) in [(folder, Self.isSummaryTemporary), (journal, Self.isJournalTemporary)] {
            // One pass over the names, unsorted (a kiosk's folder may hold hundreds of thousands): the codes in use,
            // for the next patient's code without listing the folder again, and the temporary files. Temporary
            // names start with a dot: the cheap test first.
            var temporaries: [String] = []
            place.forEachName { name in
                if let code = ReferenceCode.inFileName(name) { check.usedReferences.insert(code) }
                if name.hasPrefix("."), isTemporary(name) { temporaries.append(name) }
            }
            for name in temporaries.sorted() {
                let shown = place === folder ? name : ".journal/" + name
                guard let file = place.staleTemporary(name, olderThan: Self.staleTemporaryAge, now: now) else {
                    check.keptTemporaryFiles.append(shown)
                    continue
                }
                place.remove(name)
                _ = closeDescriptor(file)
                check.removedTemporaryFiles.append(shown)
            }
        }
        if !check.removedTemporaryFiles.isEmpty {
            try? folder.sync()
            try? journal.sync()
        }
        return check
    }

    /// Opens (creating it when missing) the private journal folder `.journal` of the summary folder.
    func openJournalFolder(in folder: DurableFolder) throws(SummaryWriteError) -> DurableFolder {
        do throws(DurableFolderError) {
            return try folder.subfolder(Self.journalFolderName)
        } catch {
            switch error {
            case let .failed(failure): throw SummaryWriteError(errno: failure.code, path: failure.path)
            case let .notPrivate(path, mode, owner):
                if mode & 0o077 != 0 { throw .directoryNotPrivate(path: path, mode: mode, owner: owner) }
                throw .directoryNotOwned(path: path, owner: owner, user: UInt32(geteuid()))
            }
        }
    }

    /// The private folder of journals inside the summary folder.
    static let journalFolderName = ".journal"
    static let probeName = "consult-probe"

    /// `.20261126-053127-3f9a1c2e.fhir.json.0123456789abcdef.tmp`, and `.consult-probe.<hex>.tmp`.
    ///
    /// Every start looks at every file of the folder, a kiosk's thousands of summaries included, and a regular
    /// expression is compiled anew at each use (0.2 ms a name): only names shaped like a temporary file reach it.
    static func isSummaryTemporary(_ name: String) -> Bool {
        name.hasPrefix(".") && name.hasSuffix(".tmp") && name.wholeMatch(of: /\.(?:[0-9]{8}-[0-9]{6}-[A-Za-z0-9_-]+\.(?:md|json|fhir\.json)|consult-probe)\.[0-9a-f]{1,16}\.tmp/) != nil
    }

    /// `.20261126-052000-3f9a1c2e.journal.0123456789abcdef.tmp`.
    static func isJournalTemporary(_ name: String) -> Bool {
        name.hasPrefix(".") && name.hasSuffix(".tmp") && name.wholeMatch(of: /\.[A-Za-z0-9_-]+\.journal\.[0-9a-f]{16}\.tmp/) != nil
    }

    // MARK: - Steps

    private static func render(_ record: ConsultationRecord) throws(SummaryWriteError) -> [(extension: String, data: Data)] {
        do {
            return [
                ("md", Data(SummaryRenderer.markdown(record).utf8)),
                ("json", try SummaryRenderer.json(record)),
                ("fhir.json", try SummaryRenderer.fhirQuestionnaireResponse(record)),
            ]
        } catch {
            throw .renderingFailed(reason: String(describing: error))
        }
    }

    /// Places every file under its name, or none of them.
    ///
    /// - Returns: the names written, or `nil` when one of the names was taken (and nothing is left behind).
    private func place(_ files: [(name: String, data: Data)], in folder: DurableFolder,
                       acceptingIdenticalFiles: Bool) throws(SummaryWriteError) -> [String]? {
        var placed: [String] = []
        do throws(SummaryWriteError) {
            for file in files {
                if acceptingIdenticalFiles, (try? folder.contents(of: file.name)) == file.data { continue }
                let temporary = try Self.mapping(folder.path) { () throws(SystemCallError) in
                    try folder.writeTemporary(file.data, for: file.name)
                }
                defer { folder.remove(temporary) }
                try beforePlacing?(file.name)
                let linked = try Self.mapping(folder.path) { () throws(SystemCallError) in
                    try folder.link(temporary, to: file.name)
                }
                guard linked else {
                    folder.remove(placed)
                    return nil
                }
                placed.append(file.name)
            }
            return files.map(\.name)
        } catch {
            folder.remove(placed)
            try? folder.sync()
            throw error
        }
    }

    /// Writes all of `data` to `descriptor`, through interrupted and partial writes.
    static func writeAll(_ data: Data, to descriptor: Int32, path: String) throws(SummaryWriteError) {
        try mapping(path) { () throws(SystemCallError) in try DurableFolder.writeAll(data, to: descriptor, path: path) }
    }

    /// Runs a file operation, turning its failure into the ``SummaryWriteError`` for `path`.
    static func mapping<T>(_ path: String, _ operation: () throws(SystemCallError) -> T) throws(SummaryWriteError) -> T {
        do {
            return try operation()
        } catch {
            throw SummaryWriteError(errno: error.code, path: path)
        }
    }

    /// Opens the summary folder, creating it as needed.
    func openFolder() throws(SummaryWriteError) -> DurableFolder {
        try OutputFolder.opening(path: path, operations: operations, group: group)
    }
}

/// What ``SummaryWriter/prepare(now:)`` found in the summary folder.
public struct SummaryFolderCheck: Sendable, Hashable {
    /// The summary folder, as an absolute path.
    public var path: String
    /// Temporary files left by a writer that was killed, removed (names relative to the folder).
    public var removedTemporaryFiles: [String] = []
    /// Temporary files in use by another process, or too recent to tell, left alone.
    public var keptTemporaryFiles: [String] = []
    /// The reference codes of the folder's summaries and journals (``SummaryWriter/usedReferences()``), from the
    /// same listing: a start need not list the folder again to give its patient a new code.
    public var usedReferences: Set<ReferenceCode> = []

    /// A line for staff (standard error) when something was cleaned up; `nil` otherwise.
    public var message: String? {
        guard !removedTemporaryFiles.isEmpty else { return nil }
        let count = removedTemporaryFiles.count
        return "removed \(count) temporary file\(count == 1 ? "" : "s") left in \(path) by a writer that was "
            + "stopped (no summary is lost: each is written again from its journal): "
            + removedTemporaryFiles.joined(separator: ", ")
    }
}

// MARK: - The folder

/// Opens the summary folder: every file operation is then relative to its descriptor,
/// so a folder renamed or replaced mid-way cannot send files elsewhere.
private enum OutputFolder {
    /// Creates the folder as needed and opens it; an existing folder must already be private and ours.
    ///
    /// The mode of a folder Consult did not create is never changed: `--out` may name a shared folder
    /// (`/tmp`, mode `1777`) or a symbolic link to someone's folder, and tightening those would break them.
    static func opening(path: String, operations: any FileOperations, group: SummaryGroup?) throws(SummaryWriteError) -> DurableFolder {
        let created = try createMissing(path)
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw SummaryWriteError.directoryUnavailable(path: path, reason: SummaryWriteError.reason(errno: errno))
        }
        let folder = DurableFolder(descriptor: descriptor, path: path, operations: operations)
        var info = stat()
        guard fstat(folder.descriptor, &info) == 0 else { throw SummaryWriteError(errno: errno, path: folder.path) }
        if created {
            if let group {
                // Ours, just made: shared with the staff group. Setgid, so every file made in it is the group's.
                guard fchown(folder.descriptor, uid_t.max, group.id) == 0 else {
                    throw .groupNotUsable(path: folder.path, group: group.name, reason: SummaryWriteError.reason(errno: errno))
                }
                _ = fchmod(folder.descriptor, 0o2750)
                folder.sharedGroup = group.id
            } else if info.st_mode & 0o777 != 0o700 {
                _ = fchmod(folder.descriptor, 0o700) // ours: just made
            }
            return folder
        }
        // A folder shared with a group: the group may list and read (r-x), never write; others nothing.
        let shared = info.st_mode & 0o007 == 0 && info.st_mode & 0o070 == 0o050
        if let group, !shared || info.st_gid != group.id {
            throw .directoryNotShared(path: folder.path, mode: UInt32(info.st_mode), group: group.name)
        }
        if shared {
            guard info.st_uid == geteuid() else {
                throw .directoryNotOwned(path: folder.path, owner: UInt32(info.st_uid), user: UInt32(geteuid()))
            }
            folder.sharedGroup = info.st_gid
            return folder
        }
        guard info.st_mode & 0o077 == 0 else {
            throw .directoryNotPrivate(path: folder.path, mode: UInt32(info.st_mode), owner: UInt32(info.st_uid))
        }
        guard info.st_uid == geteuid() else {
            throw .directoryNotOwned(path: folder.path, owner: UInt32(info.st_uid), user: UInt32(geteuid()))
        }
        return folder
    }

    /// `mkdir` with mode `0700` for the folder and each missing parent.
    ///
    /// - Returns: whether this call created the folder itself.
    private static func createMissing(_ path: String) throws(SummaryWriteError) -> Bool {
        var info = stat()
        if stat(path, &info) == 0 { return false }
        var prefix = path.hasPrefix("/") ? "/" : ""
        var created = false
        for component in path.split(separator: "/") {
            prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + component
            if mkdir(prefix, 0o700) == 0 {
                _ = chmod(prefix, 0o700) // exactly 0700, whatever the umask: a folder this call just made
                created = true
            } else if errno == EEXIST {
                created = false
            } else {
                throw SummaryWriteError.directoryUnavailable(path: prefix, reason: SummaryWriteError.reason(errno: errno))
            }
        }
        return created
    }
}

extension DurableFolder {
    func remove(_ names: [String]) {
        names.forEach(remove)
    }
}

/// A staff group that may read the summaries (`consult kiosk --group clinic-staff`).
public struct SummaryGroup: Sendable, Hashable {
    public var id: gid_t
    public var name: String

    public init(id: gid_t, name: String) {
        self.id = id
        self.name = name
    }

    /// The group named `name` on this system, or `nil` when there is none.
    public static func named(_ name: String) -> SummaryGroup? {
        guard let entry = getgrnam(name) else { return nil }
        return SummaryGroup(id: entry.pointee.gr_gid, name: name)
    }
}
