#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The system calls that make files durable, behind one seam.
///
/// ``DurableFolder`` and ``AppendOnlyFile`` make every call that can fail for lack of space
/// or a failing disk through this protocol, so tests can fail the k-th write with `ENOSPC`
/// or `EIO` and check that nothing already synced is lost. Each function behaves as its
/// POSIX namesake: it returns `-1` and sets `errno` on failure.
protocol FileOperations: Sendable {
    func openat(_ folder: Int32, _ name: String, _ flags: Int32, _ mode: mode_t) -> Int32
    func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int
    func fsync(_ descriptor: Int32) -> Int32
    func ftruncate(_ descriptor: Int32, _ length: off_t) -> Int32
    /// Reserves the file's first `length` bytes on the disk (`posix_fallocate`), so a full disk shows without
    /// writing and syncing data.
    func allocate(_ descriptor: Int32, _ length: off_t) -> Int32
    func linkat(_ fromFolder: Int32, _ from: String, _ toFolder: Int32, _ to: String) -> Int32
    func mkdirat(_ folder: Int32, _ name: String, _ mode: mode_t) -> Int32
}

/// The real system calls.
struct SystemFileOperations: FileOperations {
    func openat(_ folder: Int32, _ name: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
        systemOpenat(folder, name, flags, mode)
    }

    func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        return systemWrite(descriptor, base, bytes.count)
    }

    func fsync(_ descriptor: Int32) -> Int32 {
        systemFsync(descriptor)
    }

    func ftruncate(_ descriptor: Int32, _ length: off_t) -> Int32 {
        systemFtruncate(descriptor, length)
    }

    func allocate(_ descriptor: Int32, _ length: off_t) -> Int32 {
        // posix_fallocate returns the error instead of setting errno; where the file system cannot reserve
        // space itself, glibc writes a byte into each block instead.
        let code = posix_fallocate(descriptor, 0, length)
        guard code == 0 else {
            errno = code
            return -1
        }
        return 0
    }

    func linkat(_ fromFolder: Int32, _ from: String, _ toFolder: Int32, _ to: String) -> Int32 {
        systemLinkat(fromFolder, from, toFolder, to, 0)
    }

    func mkdirat(_ folder: Int32, _ name: String, _ mode: mode_t) -> Int32 {
        systemMkdirat(folder, name, mode)
    }
}

// The C functions under names the protocol's own methods do not shadow.
private func systemOpenat(_ folder: Int32, _ name: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
    openat(folder, name, flags, mode)
}
private func systemWrite(_ descriptor: Int32, _ base: UnsafeRawPointer, _ count: Int) -> Int { write(descriptor, base, count) }
private func systemFsync(_ descriptor: Int32) -> Int32 { fsync(descriptor) }
private func systemFtruncate(_ descriptor: Int32, _ length: off_t) -> Int32 { ftruncate(descriptor, length) }
private func systemLinkat(_ a: Int32, _ from: String, _ b: Int32, _ to: String, _ flags: Int32) -> Int32 {
    linkat(a, from, b, to, flags)
}
private func systemMkdirat(_ folder: Int32, _ name: String, _ mode: mode_t) -> Int32 { mkdirat(folder, name, mode) }

/// A system call that failed, with its `errno` and the file or folder it was about.
struct SystemCallError: Error, Sendable, Hashable {
    var code: Int32
    var path: String

    /// The error for the call that just failed, from the current `errno`.
    static func last(path: String) -> SystemCallError {
        SystemCallError(code: errno, path: path)
    }

    /// `No space left on device (errno 28)`.
    var reason: String { SummaryWriteError.reason(errno: code) }
}
