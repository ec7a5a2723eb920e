import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder of compiled consultations, so a start whose dialog files have not changed skips parsing and checking.
///
/// A start looks for the compiled form of its dialogs; when the key in it matches the hash of the dialog files'
/// bytes now (and of the program), it is used as it is. Anything else (no compiled form, another key, a file
/// truncated or damaged, a folder that cannot be read or written) falls back to loading the dialog files, so a
/// stale or broken compiled form never runs. After a load from the files the compiled form is written for the
/// next start, atomically (a temporary file renamed into place) with mode 0600 in a 0700 folder.
///
/// `consult validate` and `consult paths` never use it: they exist to check the files themselves.
public struct ConsultationCache: Sendable {
    /// The folder holding compiled consultations.
    public var folder: String

    /// The largest compiled form read: ten times a 10,000-node dialog's.
    static let maximumBytes = 256 << 20

    /// The wall clock, which decides whether a source file's last change is old enough for its fingerprint to be
    /// trusted (``FileFingerprint/isSettled(before:)``); tests move it.
    var now: @Sendable () -> FileFingerprint.Timestamp = { .now }

    /// A cache kept in `folder`, which is created (0700, with any missing parent) when first written.
    public init(folder: String) {
        self.folder = folder
    }

    /// The default folder: `$XDG_CACHE_HOME/consult`, else `$HOME/.cache/consult`; `nil` when neither is set.
    public static func defaultFolder(environment: [String: String]) -> String? {
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") { return cache + "/consult" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.cache/consult" }
        return nil
    }

    /// The default folder of this process's environment (read with `getenv`, which costs nothing at start).
    public static var defaultFolder: String? {
        var environment: [String: String] = [:]
        for name in ["XDG_CACHE_HOME", "HOME"] {
            if let value = getenv(name) { environment[name] = String(cString: value) }
        }
        return defaultFolder(environment: environment)
    }

    /// Where a consultation's loading came from.
    public enum Source: Sendable, Hashable {
        /// The compiled form matched the dialog files.
        case compiledForm
        /// The dialog files were loaded and checked (the compiled form was missing, stale or damaged).
        case dialogFiles(stored: Bool)
    }

    /// Loads the consultation at `path`: from its compiled form when that matches the files, else from the files
    /// (then storing the compiled form, when there are no errors and the folder can be written).
    public func load(path: String) -> (result: ConsultationLoader.Result, source: Source) {
        if let consultation = compiledConsultation(for: path) {
            return (ConsultationLoader.Result(consultation: consultation, diagnostics: []), .compiledForm)
        }
        let started = now()
        let result = ConsultationLoader.load(path: path)
        let stored = result.consultation != nil && (try? store(result, for: path, started: started)) != nil
        return (result, .dialogFiles(stored: stored))
    }

    /// Loads the consultation at `path` from its files and writes its compiled form (`consult compile`).
    ///
    /// - Returns: the loading's result and the compiled form's path; no path when the dialogs have errors.
    /// - Throws: ``ConsultationCacheError`` when the compiled form cannot be written.
    public func compile(path: String) throws(ConsultationCacheError) -> (result: ConsultationLoader.Result, file: String?) {
        let started = now()
        let result = ConsultationLoader.load(path: path)
        guard result.consultation != nil else { return (result, nil) }
        return (result, try store(result, for: path, started: started))
    }

    /// The file holding the compiled form of the dialogs at `path`.
    ///
    /// Named by a hash of the path's real location and of the path as given (the consultation's source locations
    /// name files as given, so `dialogs` and `/srv/dialogs` are compiled apart).
    public func file(for path: String) -> String {
        var real = path
        if let resolved = realpath(path, nil) {
            real = String(cString: resolved)
            free(resolved)
        }
        let name = String(SHA256.hex(Array("\(real)\u{0}\(path)".utf8)).prefix(32))
        return folder + "/" + name + ".compiled"
    }

    // MARK: - Reading

    /// The consultation compiled from the files at `path` as they are now, if there is one.
    func compiledConsultation(for path: String) -> Consultation? {
        guard let engine = EngineIdentity.current, let bytes = readTrusted(file(for: path)),
              let (header, payloadStart) = try? CompiledConsultation.header(of: bytes) else { return nil }
        // The files the loader would read now must all be among those compiled: a dialog added since is not.
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let listed = info.st_mode & S_IFMT == S_IFDIR ? (try? ConsultationLoader.dialogFiles(inFolder: path)) : [path]
        guard let listed, Set(listed).isSubset(of: header.sourcePaths) else { return nil }
        // Files that provably have not been written since they were hashed need not be read at all.
        if header.sourcesUnchanged(engine: engine) {
            return try? CompiledConsultation.decode(bytes, header: header, payloadStart: payloadStart)
        }
        let started = now()
        var files: [(path: String, bytes: Data)] = []
        for sourcePath in header.sourcePaths {
            // One byte over the loader's limit is enough to tell a file that has grown past it.
            guard case let .success(data) = RegularFileReader.contents(of: sourcePath, maximumBytes: YAMLFile.maximumBytes) else { return nil }
            files.append((sourcePath, data))
        }
        guard CompiledConsultation.key(engine: engine, files: files) == header.key,
              let consultation = try? CompiledConsultation.decode(bytes, header: header, payloadStart: payloadStart) else { return nil }
        // The same bytes, but not provably so by their fingerprints (touched, copied, or compiled right after an
        // edit): record what they are now, so the next start need not read them.
        var refreshed = header
        refreshed.engine = engine
        refreshed.fingerprints = Self.fingerprints(of: header.sourcePaths, settledBefore: started)
        if refreshed != header {
            _ = try? place(CompiledConsultation.reheadered(bytes, payloadStart: payloadStart, header: refreshed), for: path)
        }
        return consultation
    }

    /// The fingerprints of files whose last change was well before `start`; `nil` for the others.
    static func fingerprints(of paths: [String], settledBefore start: FileFingerprint.Timestamp) -> [FileFingerprint?] {
        paths.map { path in FileFingerprint(path: path).flatMap { $0.isSettled(before: start) ? $0 : nil } }
    }

    /// The bytes of a compiled form that only this user (or the administrator who compiled it) could have written.
    ///
    /// A compiled form is run without checks, so one that others could have planted or changed is not read.
    private func readTrusted(_ path: String) -> [UInt8]? {
        var folderInfo = stat()
        guard stat(folder, &folderInfo) == 0, Self.isPrivate(folderInfo) else { return nil }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Self.isPrivate(info),
              info.st_size <= off_t(Self.maximumBytes) else { return nil }
        let size = Int(info.st_size)
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, size - filled) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return nil }
            filled += count
        }
        return bytes
    }

    /// Whether a file or folder belongs to this user or to the administrator, and nobody else may write it.
    private static func isPrivate(_ info: stat) -> Bool {
        (info.st_uid == geteuid() || info.st_uid == 0) && info.st_mode & (S_IWGRP | S_IWOTH) == 0
    }

    // MARK: - Writing

    /// Writes the compiled form of a successful load that began at `started`; returns its path.
    @discardableResult
    func store(_ result: ConsultationLoader.Result, for path: String, started: FileFingerprint.Timestamp) throws(ConsultationCacheError) -> String {
        guard let consultation = result.consultation else { throw .nothingToStore }
        guard let engine = EngineIdentity.current else { throw .unknownProgram }
        let key = CompiledConsultation.key(engine: engine, files: result.sourceFiles)
        let paths = result.sourceFiles.map(\.path)
        // Fingerprints are taken after the load: a file written since it was read has a change time after
        // `started`, so it gets none and is read and hashed at the next start.
        let bytes = CompiledConsultation.encode(consultation, key: key, engine: engine, sourcePaths: paths,
                                                fingerprints: Self.fingerprints(of: paths, settledBefore: started))
        return try place(bytes, for: path)
    }

    /// Writes a compiled form's bytes for the dialogs at `path`, atomically; returns the file's path.
    @discardableResult
    private func place(_ bytes: [UInt8], for path: String) throws(ConsultationCacheError) -> String {
        try createFolder()
        var folderInfo = stat()
        guard stat(folder, &folderInfo) == 0, Self.isPrivate(folderInfo) else {
            // It would never be read back (see `readTrusted`), so it is not written either.
            throw .cannotWrite(folder, "other users can write in it, so what is compiled there is not trusted; use a folder only you can write")
        }
        let target = file(for: path)
        let temporary = "\(target).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw .cannotWrite(folder, Self.systemMessage()) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, bytes.count - written) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                let message = Self.systemMessage()
                close(descriptor)
                unlink(temporary)
                throw .cannotWrite(folder, message)
            }
            written += count
        }
        // No fsync: a compiled form torn by a power cut fails its length or checksum and is simply rebuilt.
        guard close(descriptor) == 0, rename(temporary, target) == 0 else {
            let message = Self.systemMessage()
            unlink(temporary)
            throw .cannotWrite(folder, message)
        }
        return target
    }

    /// Creates the folder and any missing parent with mode 0700.
    private func createFolder() throws(ConsultationCacheError) {
        var info = stat()
        if stat(folder, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else { throw .cannotWrite(folder, "it is not a folder") }
            return
        }
        var partial = folder.hasPrefix("/") ? "" : "."
        for component in folder.split(separator: "/") {
            partial += "/" + component
            if mkdir(partial, 0o700) != 0, errno != EEXIST { throw .cannotWrite(folder, Self.systemMessage()) }
        }
    }

    private static func systemMessage() -> String {
        String(cString: strerror(errno))
    }
}

/// Why a compiled consultation could not be written.
public enum ConsultationCacheError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The dialogs have errors, so there is nothing to compile.
    case nothingToStore
    /// The running program cannot be identified, so a compiled form could not be told apart from another program's.
    case unknownProgram
    /// The folder cannot be created or written, with the system's reason.
    case cannotWrite(String, String)

    public var description: String {
        switch self {
        case .nothingToStore:
            "the dialogs have errors; run 'consult validate' and fix them first"
        case .unknownProgram:
            "cannot look at the consult program itself, so its compiled consultations could not be told apart; run without a cache"
        case let .cannotWrite(folder, reason):
            "cannot write the compiled consultation in '\(folder)': \(reason); choose a writable folder with --cache-dir"
        }
    }
}
