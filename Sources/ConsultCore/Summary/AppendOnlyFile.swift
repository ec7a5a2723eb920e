import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file that only grows, one durable record at a time.
///
/// Opened with `O_APPEND` (mode `0600`). ``append(_:)`` writes a whole record and `fsync`s the
/// file before it returns, so a record is either durable or reported as failed. After a failed
/// append the file is cut back to its last durable length before anything else is written, so a
/// half-written record never ends up between two good ones: a record that was synced is never
/// lost, and a failure leaves at most a torn tail that readers drop.
final class AppendOnlyFile {
    /// The file's path, for messages.
    let path: String
    let descriptor: Int32
    let operations: any FileOperations
    /// The length of the file up to its last synced record.
    private(set) var durableLength: Int
    /// Set when a failed append may have left bytes after ``durableLength``.
    private var mayHaveTornTail = false

    /// Takes ownership of a descriptor opened with `O_APPEND` whose first `length` bytes are synced.
    init(descriptor: Int32, path: String, durableLength length: Int, operations: any FileOperations) {
        self.descriptor = descriptor
        self.path = path
        self.durableLength = length
        self.operations = operations
    }

    deinit {
        _ = closeDescriptor(descriptor)
    }

    /// Appends `record` and syncs the file.
    ///
    /// - Throws: ``SystemCallError`` when writing or syncing fails; the file then keeps every record
    ///   appended before this one, and the next call first removes what this one may have left.
    func append(_ record: Data) throws(SystemCallError) {
        if mayHaveTornTail {
            guard operations.ftruncate(descriptor, off_t(durableLength)) == 0 else { throw .last(path: path) }
            mayHaveTornTail = false
        }
        do throws(SystemCallError) {
            try DurableFolder.writeAll(record, to: descriptor, path: path, operations: operations)
            try DurableFolder.retryingInterrupts(path: path) { operations.fsync(descriptor) }
        } catch {
            // Best effort now; retried before the next append if it fails.
            mayHaveTornTail = operations.ftruncate(descriptor, off_t(durableLength)) != 0
            throw error
        }
        durableLength += record.count
    }
}
