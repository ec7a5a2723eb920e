import Foundation
@testable import ConsultCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real system calls, except that one kind of call fails from its k-th use on, as a full or failing disk would.
///
/// Counts are kept per kind of call, from 1. A failing write can first write half of its bytes (a torn write),
/// so tests see what a crash or an error leaves in the file.
final class FailingFileOperations: FileOperations, @unchecked Sendable {
    enum Call: Hashable, Sendable {
        case write
        case fsync
        case link
        case open
        case allocate
    }

    private let system = SystemFileOperations()
    private let lock = NSLock()
    private let call: Call
    private let first: Int
    private var remaining: Int
    private let code: Int32
    private let tornWrite: Bool
    private var counts: [Call: Int] = [:]
    /// Set after a torn write: the write that follows it fails.
    private var failNextWrite = false

    /// - Parameters:
    ///   - call: the kind of call that fails.
    ///   - k: the first use (from 1) that fails.
    ///   - times: how many uses fail from there (`Int.max`: until ``heal()``).
    ///   - code: the `errno` of the failure (`ENOSPC`, `EIO`).
    ///   - tornWrite: a failing write first writes half of its bytes and reports the failure at the next write.
    init(failing call: Call, at k: Int, times: Int = 1, errno code: Int32, tornWrite: Bool = false) {
        self.call = call
        self.first = k
        self.remaining = times
        self.code = code
        self.tornWrite = tornWrite
    }

    /// Stops failing: the disk has space again.
    func heal() {
        lock.withLock { remaining = 0 }
    }

    /// How many calls of a kind were made.
    func count(_ kind: Call) -> Int {
        lock.withLock { counts[kind, default: 0] }
    }

    /// Whether this use of `kind` fails; counts it.
    private func fails(_ kind: Call) -> Bool {
        lock.withLock {
            counts[kind, default: 0] += 1
            guard kind == call, counts[kind, default: 0] >= first, remaining > 0 else { return false }
            if remaining != Int.max { remaining -= 1 }
            return true
        }
    }

    private func failure<T: BinaryInteger>() -> T {
        errno = code
        return -1
    }

    func openat(_ folder: Int32, _ name: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
        fails(.open) ? failure() : system.openat(folder, name, flags, mode)
    }

    func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
        if lock.withLock({ () -> Bool in
            defer { failNextWrite = false }
            return failNextWrite
        }) {
            return failure()
        }
        guard fails(.write) else { return system.write(descriptor, bytes) }
        if tornWrite, bytes.count > 1 {
            // Half the bytes reach the file; writing the rest then fails.
            let half = system.write(descriptor, UnsafeRawBufferPointer(rebasing: bytes[0..<(bytes.count / 2)]))
            if half > 0 {
                lock.withLock { failNextWrite = true }
                return half
            }
        }
        return failure()
    }

    func fsync(_ descriptor: Int32) -> Int32 {
        fails(.fsync) ? failure() : system.fsync(descriptor)
    }

    func ftruncate(_ descriptor: Int32, _ length: off_t) -> Int32 {
        system.ftruncate(descriptor, length)
    }

    func allocate(_ descriptor: Int32, _ length: off_t) -> Int32 {
        fails(.allocate) ? failure() : system.allocate(descriptor, length)
    }

    func linkat(_ fromFolder: Int32, _ from: String, _ toFolder: Int32, _ to: String) -> Int32 {
        fails(.link) ? failure() : system.linkat(fromFolder, from, toFolder, to)
    }

    func mkdirat(_ folder: Int32, _ name: String, _ mode: mode_t) -> Int32 {
        system.mkdirat(folder, name, mode)
    }
}
