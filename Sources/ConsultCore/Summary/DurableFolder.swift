import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An open folder whose new files survive a crash or a power cut, and never replace anything.
///
/// Every operation is relative to the folder's descriptor, so a folder renamed or replaced
/// mid-way cannot send files elsewhere. A file is placed in four steps: a hidden temporary
/// file is created beside it (exclusively, mode `0600`, locked with `flock`), written and
/// `fsync`ed, then hard-linked to its name — which fails rather than replace an existing file —
/// and the temporary name removed. ``sync()`` then makes the new names durable; callers that
/// place several files sync once, after the last.
///
/// Temporary names are `.<name>.<16 hex digits>.tmp`. While its writer lives, a temporary file
/// is locked; ``isStale(_:olderThan:now:)`` tells a left-over one (its process was killed) from
/// one being written.
final class DurableFolder {
    /// The folder's path, for messages.
    let path: String
    let descriptor: Int32
    let operations: any FileOperations
    /// Set when the folder is shared with a staff group (``SummaryGroup``): new files are given to that group,
    /// mode `0640`, instead of `0600`. Sub-folders (the journals) never are.
    var sharedGroup: gid_t?

    /// Takes ownership of an open folder descriptor (closed when this value goes away).
    init(descriptor: Int32, path: String, operations: any FileOperations) {
        self.descriptor = descriptor
        self.path = path
        self.operations = operations
    }

    deinit {
        _ = closeDescriptor(descriptor)
    }

    // MARK: - Sub-folders

    /// Opens the sub-folder `name`, creating it (mode `0700`) when missing.
    ///
    /// A sub-folder that exists is used only when it is a real folder (not a symbolic link) that
    /// belongs to the user running Consult and is closed to everyone else; its mode is never changed.
    func subfolder(_ name: String) throws(DurableFolderError) -> DurableFolder {
        let subpath = path.hasSuffix("/") ? path + name : path + "/" + name
        var created = false
        if operations.mkdirat(descriptor, name, 0o700) == 0 {
            created = true
        } else if errno != EEXIST {
            throw .failed(.last(path: subpath))
        }
        let opened = operations.openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC, 0)
        guard opened >= 0 else { throw .failed(.last(path: subpath)) }
        let folder = DurableFolder(descriptor: opened, path: subpath, operations: operations)
        var info = stat()
        guard fstat(opened, &info) == 0 else { throw .failed(.last(path: subpath)) }
        if created {
            // Exactly 0700, whatever the umask; the folder is ours, just made.
            guard fchmod(opened, 0o700) == 0 else { throw .failed(.last(path: subpath)) }
            try folder.syncParent(self)
        } else if info.st_uid != geteuid() || info.st_mode & 0o077 != 0 {
            throw .notPrivate(path: subpath, mode: UInt32(info.st_mode), owner: UInt32(info.st_uid))
        }
        return folder
    }

    /// Syncs `parent` after this folder was created in it, so the new folder's name is durable.
    private func syncParent(_ parent: DurableFolder) throws(DurableFolderError) {
        do throws(SystemCallError) {
            try parent.sync()
        } catch {
            throw .failed(error)
        }
    }

    // MARK: - Placing files

    /// Creates a new temporary file beside `name`, writes `contents` and syncs it.
    ///
    /// The file is created exclusively with mode `0600` and locked (`flock`, exclusive) for as long as
    /// its descriptor is open.
    ///
    /// - Parameter appending: opens the file with `O_APPEND`, for a log that grows after it is placed.
    /// - Returns: the temporary name and its open descriptor, which the caller closes (or keeps, to append).
    func createTemporary(for name: String, contents: Data, appending: Bool = false)
        throws(SystemCallError) -> (name: String, descriptor: Int32) {
        let (temporary, file) = try openTemporary(for: name, appending: appending)
        do throws(SystemCallError) {
            guard fchmod(file, 0o600) == 0 else { throw .last(path: path) }
            if let sharedGroup {
                // Readable by the staff group once complete; the name it gets later is then already readable.
                guard fchown(file, uid_t.max, sharedGroup) == 0, fchmod(file, 0o640) == 0 else { throw .last(path: path) }
            }
            try Self.writeAll(contents, to: file, path: path, operations: operations)
            try Self.retryingInterrupts(path: path) { operations.fsync(file) }
        } catch {
            _ = closeDescriptor(file)
            remove(temporary)
            throw error
        }
        return (temporary, file)
    }

    /// Shows whether a file of `length` bytes could be placed here now, without writing or syncing one.
    ///
    /// Creates a temporary file beside `name`, reserves `length` bytes for it (a full disk or an exhausted
    /// quota fails here, as a read-only one fails at the creation) and removes it. Reserving costs a quarter of
    /// what writing and syncing the bytes does (a journal commit, a millisecond or more on a real disk), and a
    /// start does it every time; a disk that fails while writing still shows at the first answer's journal entry.
    func checkSpace(_ length: Int, for name: String) throws(SystemCallError) {
        let (temporary, file) = try openTemporary(for: name, appending: false)
        defer {
            _ = closeDescriptor(file)
            remove(temporary)
        }
        try Self.retryingInterrupts(path: path) { operations.allocate(file, off_t(length)) }
    }

    /// Creates a new, empty temporary file beside `name` (exclusively, mode `0600` before the umask) and locks it, so
    /// a start that sees it meanwhile leaves it alone.
    ///
    /// - Returns: the temporary name and its open descriptor, which the caller closes.
    private func openTemporary(for name: String, appending: Bool) throws(SystemCallError) -> (name: String, descriptor: Int32) {
        var temporary = ""
        var file: Int32 = -1
        for _ in 0..<16 where file < 0 {
            temporary = Self.temporaryName(for: name)
            file = operations.openat(descriptor, temporary,
                                     O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC | (appending ? O_APPEND : 0), 0o600)
            if file < 0, errno != EEXIST { throw .last(path: path) }
        }
        guard file >= 0 else { throw SystemCallError(code: EEXIST, path: path) }
        _ = flock(file, LOCK_EX | LOCK_NB) // nobody else knows the name yet, so this cannot wait
        return (temporary, file)
    }

    /// Writes `contents` to a temporary file, syncs it and closes it.
    ///
    /// - Returns: the temporary file's name.
    func writeTemporary(_ contents: Data, for name: String) throws(SystemCallError) -> String {
        let (temporary, file) = try createTemporary(for: name, contents: contents)
        if closeDescriptor(file) != 0, errno != EINTR {
            let failure = SystemCallError.last(path: path)
            remove(temporary)
            throw failure
        }
        return temporary
    }

    /// Gives the file `existing` the additional name `name`, unless `name` is taken.
    ///
    /// - Returns: `false` when `name` is taken (nothing changed).
    func link(_ existing: String, to name: String) throws(SystemCallError) -> Bool {
        if operations.linkat(descriptor, existing, descriptor, name) == 0 { return true }
        if errno == EEXIST { return false }
        throw .last(path: path)
    }

    /// Places `contents` under `name` durably: temporary file, sync, link, remove the temporary name.
    ///
    /// The folder itself is not synced; call ``sync()`` after the last file.
    ///
    /// - Returns: `false` when `name` is taken (nothing is left behind).
    func place(_ contents: Data, as name: String) throws(SystemCallError) -> Bool {
        let temporary = try writeTemporary(contents, for: name)
        defer { remove(temporary) }
        return try link(temporary, to: name)
    }

    /// Moves the entry `name` into `folder` as `newName` without replacing anything (link, then unlink).
    ///
    /// - Returns: `false` when `newName` is taken in `folder` (nothing changed).
    func move(_ name: String, to folder: DurableFolder, as newName: String) throws(SystemCallError) -> Bool {
        if operations.linkat(descriptor, name, folder.descriptor, newName) != 0 {
            if errno == EEXIST { return false }
            throw .last(path: path)
        }
        guard unlinkat(descriptor, name, 0) == 0 else { throw .last(path: path) }
        return true
    }

    /// Removes the name `name`; a missing name is not an error.
    func remove(_ name: String) {
        _ = unlinkat(descriptor, name, 0)
    }

    /// Makes the folder's new and removed entries durable.
    func sync() throws(SystemCallError) {
        try Self.retryingInterrupts(path: path) { operations.fsync(descriptor) }
    }

    // MARK: - Reading

    /// The names in the folder, sorted, without `.` and `..`.
    /// Calls `body` with each name in the folder, unsorted; nothing when the folder cannot be read.
    func forEachName(_ body: (String) -> Void) {
        let copy = dup(descriptor)
        guard copy >= 0 else { return }
        guard let stream = fdopendir(copy) else {
            _ = closeDescriptor(copy)
            return
        }
        defer { closedir(stream) }
        rewinddir(stream)
        while let entry = readdir(stream) {
            body(withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            })
        }
    }

    func names() throws(SystemCallError) -> [String] {
        let copy = dup(descriptor)
        guard copy >= 0 else { throw .last(path: path) }
        guard let stream = fdopendir(copy) else {
            let failure = SystemCallError.last(path: path)
            _ = closeDescriptor(copy)
            throw failure
        }
        defer { closedir(stream) }
        rewinddir(stream)
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Opens the regular file `name` (never through a symbolic link).
    func open(_ name: String, flags: Int32 = O_RDONLY) throws(SystemCallError) -> Int32 {
        let file = operations.openat(descriptor, name, flags | O_NOFOLLOW | O_CLOEXEC, 0)
        guard file >= 0 else { throw .last(path: path + "/" + name) }
        return file
    }

    /// The whole content of the regular file `name`.
    func contents(of name: String) throws(SystemCallError) -> Data {
        let file = try open(name, flags: O_RDONLY | O_NONBLOCK) // a FIFO under the name cannot block
        defer { _ = closeDescriptor(file) }
        return try Self.readAll(file, path: path + "/" + name)
    }

    /// Reads from `descriptor` to the end of the file.
    static func readAll(_ descriptor: Int32, path: String) throws(SystemCallError) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                data.append(contentsOf: buffer[0..<count])
            } else if count == 0 {
                return data
            } else if errno != EINTR {
                throw .last(path: path)
            }
        }
    }

    // MARK: - Left-over temporary files

    /// `.<name>.<16 hex digits>.tmp`.
    static func temporaryName(for name: String) -> String {
        let random = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        return ".\(name).\(String(repeating: "0", count: 16 - random.count))\(random).tmp"
    }

    /// Whether the temporary file `name` was left by a process that is gone: nobody holds its lock and it
    /// was last changed more than `age` ago (a live writer holds a temporary file for milliseconds).
    ///
    /// - Returns: the file's open descriptor, still locked, when it is stale (the caller removes the name
    ///   and closes it); `nil` when it is in use, young, or not a regular file.
    func staleTemporary(_ name: String, olderThan age: TimeInterval, now: Date) -> Int32? {
        // Read and write: over NFS an exclusive flock needs a descriptor open for writing.
        guard let file = try? open(name, flags: O_RDWR | O_NONBLOCK) else { return nil }
        var info = stat()
        guard fstat(file, &info) == 0, info.st_mode & S_IFMT == S_IFREG, flock(file, LOCK_EX | LOCK_NB) == 0 else {
            _ = closeDescriptor(file)
            return nil
        }
        #if canImport(Darwin)
        let time = info.st_mtimespec
        #else
        let time = info.st_mtim
        #endif
        let modified = Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
        guard now.timeIntervalSince1970 - modified > age else {
            _ = closeDescriptor(file)
            return nil
        }
        return file
    }

    // MARK: - System call helpers

    /// Writes all of `data` to `descriptor`, through interrupted and partial writes.
    static func writeAll(_ data: Data, to descriptor: Int32, path: String,
                         operations: any FileOperations = SystemFileOperations()) throws(SystemCallError) {
        let failure: Int32? = data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = operations.write(descriptor, UnsafeRawBufferPointer(rebasing: buffer[offset...]))
                if written > 0 {
                    offset += written
                } else if written < 0, errno == EINTR {
                    continue
                } else {
                    return written < 0 ? errno : EIO
                }
            }
            return nil
        }
        if let failure { throw SystemCallError(code: failure, path: path) }
    }

    static func retryingInterrupts(path: String, _ call: () -> Int32) throws(SystemCallError) {
        while call() != 0 {
            if errno != EINTR { throw .last(path: path) }
        }
    }
}

/// Why a sub-folder of a ``DurableFolder`` cannot be used.
enum DurableFolderError: Error, Sendable, Hashable {
    /// A system call failed.
    case failed(SystemCallError)
    /// The folder exists but is open to others or belongs to someone else; it is left as it is.
    case notPrivate(path: String, mode: UInt32, owner: UInt32)
}

/// `close(2)`, reachable from types that have a `close()` of their own.
func closeDescriptor(_ descriptor: Int32) -> Int32 {
    close(descriptor)
}
