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
/// The folder is created (with any missing parents) as `0700`; an existing
/// folder of ours that is open to others loses its group and other permissions
/// (`0755` becomes `0700`). Each file is written to a temporary `0600` file
/// beside it, synced, then hard-linked to its name (which fails rather than
/// replace an existing file) and the temporary name removed; the folder is
/// synced last. When any of the three names is taken, all three get the next
/// free suffix (`-2`, `-3`, …). When a file fails, the files already placed by
/// the same call are removed again, so a call leaves all three or none.
public struct SummaryWriter: Sendable {
    /// The folder the summaries go into.
    public let directory: URL

    /// The highest suffix tried before giving up (`<stem>-999`).
    static let nameLimit = 999

    /// Called with each file's final name just before it is placed; tests use it to fail mid-way.
    let beforePlacing: (@Sendable (String) throws(SummaryWriteError) -> Void)?

    public init(directory: URL) {
        self.init(directory: directory, beforePlacing: nil)
    }

    init(directory: URL, beforePlacing: (@Sendable (String) throws(SummaryWriteError) -> Void)?) {
        self.directory = directory
        self.beforePlacing = beforePlacing
    }

    /// Writes `<stem>.md`, `<stem>.json` and `<stem>.fhir.json` for a record.
    ///
    /// - Returns: the three files' URLs, in that order.
    /// - Throws: ``SummaryWriteError``, after removing whatever this call had written.
    public func write(_ record: ConsultationRecord) throws(SummaryWriteError) -> [URL] {
        let contents = try Self.render(record)
        let folder = try OutputFolder(path: directory.path)
        defer { folder.close() }
        let stem = SummaryRenderer.fileStem(for: record)
        for attempt in 1...Self.nameLimit {
            let candidate = attempt == 1 ? stem : "\(stem)-\(attempt)"
            let files = contents.map { (name: "\(candidate).\($0.extension)", data: $0.data) }
            if let names = try place(files, in: folder) {
                try folder.sync()
                return names.map { directory.appendingPathComponent($0, isDirectory: false) }
            }
        }
        throw .noFreeName(path: folder.path, stem: stem)
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
    private func place(_ files: [(name: String, data: Data)], in folder: OutputFolder) throws(SummaryWriteError) -> [String]? {
        var placed: [String] = []
        do throws(SummaryWriteError) {
            for file in files {
                let temporary = try folder.writeTemporary(file.data, for: file.name)
                do throws(SummaryWriteError) {
                    try beforePlacing?(file.name)
                    guard try folder.link(temporary, to: file.name) else {
                        folder.remove(temporary)
                        folder.remove(placed)
                        return nil
                    }
                } catch {
                    folder.remove(temporary)
                    throw error
                }
                placed.append(file.name)
                folder.remove(temporary)
            }
            return placed
        } catch {
            folder.remove(placed)
            try? folder.sync()
            throw error
        }
    }

    /// Writes all of `data` to `descriptor`, through interrupted and partial writes.
    static func writeAll(_ data: Data, to descriptor: Int32, path: String) throws(SummaryWriteError) {
        let failure: Int32? = data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
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
        if let failure { throw SummaryWriteError(errno: failure, path: path) }
    }
}

// MARK: - The folder

/// An open summary folder: every file operation is relative to its descriptor,
/// so a folder renamed or replaced mid-way cannot send files elsewhere.
private struct OutputFolder {
    let path: String
    let descriptor: Int32

    /// Creates the folder as needed, opens it and makes it private.
    init(path: String) throws(SummaryWriteError) {
        self.path = path
        try Self.createMissing(path)
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw SummaryWriteError.directoryUnavailable(path: path, reason: SummaryWriteError.reason(errno: errno))
        }
        self.descriptor = descriptor
        do throws(SummaryWriteError) {
            try makePrivate()
        } catch {
            close()
            throw error
        }
    }

    /// `mkdir` with mode `0700` for the folder and each missing parent.
    private static func createMissing(_ path: String) throws(SummaryWriteError) {
        var info = stat()
        if stat(path, &info) == 0 { return }
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + component
            if mkdir(prefix, 0o700) == 0 {
                _ = chmod(prefix, 0o700) // exactly 0700, whatever the umask
            } else if errno != EEXIST {
                throw SummaryWriteError.directoryUnavailable(path: prefix, reason: SummaryWriteError.reason(errno: errno))
            }
        }
    }

    /// Takes group and other permissions away from the folder when it is ours; refuses an open folder that is not.
    private func makePrivate() throws(SummaryWriteError) {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw SummaryWriteError(errno: errno, path: path) }
        guard info.st_mode & 0o077 != 0 else { return }
        guard info.st_uid == geteuid() else {
            throw .directoryNotPrivate(path: path, mode: UInt32(info.st_mode), owner: UInt32(info.st_uid))
        }
        guard fchmod(descriptor, info.st_mode & 0o700) == 0 else { throw SummaryWriteError(errno: errno, path: path) }
    }

    /// Writes `data` to a new `0600` temporary file beside `name` and syncs it.
    ///
    /// - Returns: the temporary file's name.
    func writeTemporary(_ data: Data, for name: String) throws(SummaryWriteError) -> String {
        var temporary = ""
        var file: Int32 = -1
        for _ in 0..<16 where file < 0 {
            temporary = ".\(name).\(String(UInt64.random(in: 0...UInt64.max), radix: 16)).tmp"
            file = openat(descriptor, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if file < 0, errno != EEXIST { throw SummaryWriteError(errno: errno, path: path) }
        }
        guard file >= 0 else { throw SummaryWriteError(errno: EEXIST, path: path) }
        do throws(SummaryWriteError) {
            guard fchmod(file, 0o600) == 0 else { throw SummaryWriteError(errno: errno, path: path) }
            try SummaryWriter.writeAll(data, to: file, path: path)
            try Self.retryingInterrupts(path: path) { fsync(file) }
        } catch {
            _ = closeDescriptor(file)
            remove(temporary)
            throw error
        }
        if closeDescriptor(file) != 0, errno != EINTR {
            let failure = errno
            remove(temporary)
            throw SummaryWriteError(errno: failure, path: path)
        }
        return temporary
    }

    /// Gives `temporary` the name `name` unless that name exists.
    ///
    /// - Returns: `false` when `name` is taken.
    func link(_ temporary: String, to name: String) throws(SummaryWriteError) -> Bool {
        if linkat(descriptor, temporary, descriptor, name, 0) == 0 { return true }
        if errno == EEXIST { return false }
        throw SummaryWriteError(errno: errno, path: path)
    }

    func remove(_ name: String) {
        _ = unlinkat(descriptor, name, 0)
    }

    func remove(_ names: [String]) {
        names.forEach(remove)
    }

    /// Makes the folder's new entries durable.
    func sync() throws(SummaryWriteError) {
        try Self.retryingInterrupts(path: path) { fsync(descriptor) }
    }

    func close() {
        _ = closeDescriptor(descriptor)
    }

    private static func retryingInterrupts(path: String, _ call: () -> Int32) throws(SummaryWriteError) {
        while call() != 0 {
            if errno != EINTR { throw SummaryWriteError(errno: errno, path: path) }
        }
    }
}

/// `close(2)`, reachable from types that have a `close()` of their own.
private func closeDescriptor(_ descriptor: Int32) -> Int32 {
    close(descriptor)
}
