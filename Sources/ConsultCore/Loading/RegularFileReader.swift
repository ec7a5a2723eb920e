import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads dialog and settings files, and only regular files: a named pipe would block the loader forever,
/// a device could be endless, and a folder or socket cannot be read as text.
///
/// The file is looked at before it is opened (so a pipe or a device is never opened) and again once it is
/// open (so one swapped in between is not read either).
enum RegularFileReader {
    /// Why a path could not be read.
    enum Problem: Error, Equatable {
        /// Nothing is there.
        case missing
        /// A symbolic link whose target does not exist.
        case danglingLink
        /// Symbolic links that lead round in a circle (or too many in a row).
        case linkLoop
        case folder
        case namedPipe
        case socket
        case device
        case permissionDenied
        /// Any other error of the system, with its description.
        case system(String)

        /// Whether the path is something other than a file, which a folder's listing skips with a warning.
        var isNotAFile: Bool {
            switch self {
            case .danglingLink, .linkLoop, .folder, .namedPipe, .socket, .device: true
            case .missing, .permissionDenied, .system: false
            }
        }

        /// What the path is, for a diagnostic: "this is a named pipe (FIFO), not a file".
        var description: String {
            switch self {
            case .missing: "no such file"
            case .danglingLink: "this is a symbolic link to a file that does not exist"
            case .linkLoop: "this is a symbolic link that leads round in a circle of links"
            case .folder: "this is a folder, not a file"
            case .namedPipe: "this is a named pipe (FIFO), not a file"
            case .socket: "this is a socket, not a file"
            case .device: "this is a device, not a file"
            case .permissionDenied: "it cannot be read (check its permissions)"
            case let .system(message): message
            }
        }
    }

    /// The contents of the regular file at `path`, at most `maximumBytes + 1` bytes (one more than allowed,
    /// so a caller can tell a file over the limit).
    static func contents(of path: String, maximumBytes: Int) -> Result<Data, Problem> {
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(problemFindingFile(path, errno)) }
        if let problem = problem(ofKind: info.st_mode) { return .failure(problem) }

        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else { return .failure(problemFindingFile(path, errno)) }
        defer { close(descriptor) }
        guard fstat(descriptor, &info) == 0 else { return .failure(.system(String(cString: strerror(errno)))) }
        if let problem = problem(ofKind: info.st_mode) { return .failure(problem) }

        var data = Data()
        // A buffer the size the file says it is (one byte more shows the end), at most 64 KiB: a start reads
        // every dialog file to hash it, and a zeroed 64 KiB buffer for each of hundreds of small files added up.
        let expected = max(0, Int(clamping: info.st_size))
        data.reserveCapacity(min(expected, maximumBytes) + 1)
        var buffer = [UInt8](repeating: 0, count: min(64 * 1024, max(4096, expected + 1)))
        while data.count <= maximumBytes {
            let wanted = min(buffer.count, maximumBytes + 1 - data.count)
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, wanted) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return .failure(.system(String(cString: strerror(errno))))
            }
            if count == 0 { break }
            data.append(contentsOf: buffer[0..<count])
        }
        return .success(data)
    }

    /// What a file's mode says it is, unless it is a regular file.
    private static func problem(ofKind mode: mode_t) -> Problem? {
        switch mode & mode_t(S_IFMT) {
        case mode_t(S_IFREG): nil
        case mode_t(S_IFDIR): .folder
        case mode_t(S_IFIFO): .namedPipe
        case mode_t(S_IFSOCK): .socket
        case mode_t(S_IFCHR), mode_t(S_IFBLK): .device
        default: .system("this is not a regular file")
        }
    }

    /// Why `stat` or `open` failed with `error`.
    private static func problemFindingFile(_ path: String, _ error: Int32) -> Problem {
        switch error {
        case ENOENT, ENOTDIR:
            var info = stat()
            return lstat(path, &info) == 0 ? .danglingLink : .missing
        case ELOOP: return .linkLoop
        case EACCES, EPERM: return .permissionDenied
        default: return .system(String(cString: strerror(error)))
        }
    }
}
