#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `stat` says about a source file of a compiled form: enough to tell, without reading the file, that it
/// has not been written since its bytes were hashed into the compiled form's key.
///
/// Any write to a file changes its status-change time (`ctime`), which no program can set back; replacing the
/// file (an editor's save-and-rename) changes its inode. So a file whose device, inode, size, modification and
/// status-change times are all as recorded holds the bytes it held then, with one exception that
/// ``isSettled(before:)`` rules out: a write within the same tick of the file system's clock as the recorded
/// one (the "racily clean" files of Git's index). A fingerprint is therefore only recorded for a file whose
/// last change is well before the compile began; a file changed since is read and hashed at every start,
/// as all files were before, until its compiled form is refreshed (``ConsultationCache``).
struct FileFingerprint: Sendable, Hashable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    var modified: Timestamp
    var changed: Timestamp

    /// Seconds and nanoseconds since 1970, as `stat` gives them.
    struct Timestamp: Sendable, Hashable, Comparable {
        var seconds: Int64
        var nanoseconds: Int64

        static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
            (lhs.seconds, lhs.nanoseconds) < (rhs.seconds, rhs.nanoseconds)
        }

        /// The wall clock now.
        static var now: Timestamp {
            var time = timespec()
            clock_gettime(CLOCK_REALTIME, &time)
            return Timestamp(seconds: Int64(time.tv_sec), nanoseconds: Int64(time.tv_nsec))
        }
    }

    /// How long before the compile a file's last change must be for its fingerprint to be trusted: far more than
    /// any file system's timestamp tick (2 s on FAT), and room for a file server's clock to differ from ours.
    static let settlingSeconds: Int64 = 10

    /// Whether the file last changed long enough before `start` (the moment before its bytes were read) that no
    /// later write can leave the same fingerprint.
    func isSettled(before start: Timestamp) -> Bool {
        let limit = Timestamp(seconds: start.seconds - Self.settlingSeconds, nanoseconds: start.nanoseconds)
        return changed < limit && modified < limit
    }
}

extension FileFingerprint {
    // In an extension, so the fingerprint keeps its memberwise initialiser (the compiled form reads it back).
    /// The fingerprint of the regular file at `path` (symbolic links followed, as the loader reads it); `nil` when
    /// it cannot be looked at or is not a regular file.
    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        #if os(Linux)
        modified = Timestamp(seconds: Int64(info.st_mtim.tv_sec), nanoseconds: Int64(info.st_mtim.tv_nsec))
        changed = Timestamp(seconds: Int64(info.st_ctim.tv_sec), nanoseconds: Int64(info.st_ctim.tv_nsec))
        #else
        modified = Timestamp(seconds: Int64(info.st_mtimespec.tv_sec), nanoseconds: Int64(info.st_mtimespec.tv_nsec))
        changed = Timestamp(seconds: Int64(info.st_ctimespec.tv_sec), nanoseconds: Int64(info.st_ctimespec.tv_nsec))
        #endif
    }
}
