import Foundation
import Testing
@testable import ConsultCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct DurableFolderTests {
    /// A new, private scratch folder, opened; removed by `defer { Scratch.remove(...) }`.
    static func openScratch(operations: any FileOperations = SystemFileOperations()) throws -> DurableFolder {
        let url = Scratch.folder("durable")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        let descriptor = open(url.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        try #require(descriptor >= 0)
        return DurableFolder(descriptor: descriptor, path: url.path, operations: operations)
    }

    @Test func aPlacedFileIsPrivateAndNoTemporaryFileRemains() throws {
        let folder = try Self.openScratch()
        defer { Scratch.remove(folder.path) }
        #expect(try folder.place(Data("hello".utf8), as: "a.txt"))
        try folder.sync()
        #expect(try folder.names() == ["a.txt"])
        #expect(Scratch.permissions(folder.path + "/a.txt") == 0o600)
        #expect(try folder.contents(of: "a.txt") == Data("hello".utf8))
    }

    @Test func aTakenNameIsNeverReplaced() throws {
        let folder = try Self.openScratch()
        defer { Scratch.remove(folder.path) }
        #expect(try folder.place(Data("first".utf8), as: "a.txt"))
        #expect(try !folder.place(Data("second".utf8), as: "a.txt"))
        #expect(try folder.contents(of: "a.txt") == Data("first".utf8))
        #expect(try folder.names() == ["a.txt"], "the temporary file of the refused write is gone")
    }

    @Test func aFailedSyncLeavesNoTemporaryFile() throws {
        let operations = FailingFileOperations(failing: .fsync, at: 1, errno: EIO)
        let folder = try Self.openScratch(operations: operations)
        defer { Scratch.remove(folder.path) }
        #expect(throws: SystemCallError(code: EIO, path: folder.path)) { try folder.place(Data("x".utf8), as: "a.txt") }
        #expect(try folder.names().isEmpty)
    }

    @Test func aNewSubfolderIsPrivate() throws {
        let folder = try Self.openScratch()
        defer { Scratch.remove(folder.path) }
        let sub = try folder.subfolder(".journal")
        #expect(sub.path == folder.path + "/.journal")
        #expect(Scratch.permissions(sub.path) == 0o700)
        _ = try folder.subfolder(".journal") // an existing private folder of ours is used as it is
    }

    @Test func anOpenSubfolderIsRefusedAndLeftAsItIs() throws {
        let folder = try Self.openScratch()
        defer { Scratch.remove(folder.path) }
        #expect(mkdir(folder.path + "/shared", 0o755) == 0)
        #expect(chmod(folder.path + "/shared", 0o755) == 0)
        #expect(throws: DurableFolderError.notPrivate(path: folder.path + "/shared", mode: 0o040755, owner: geteuid())) {
            try folder.subfolder("shared")
        }
        #expect(Scratch.permissions(folder.path + "/shared") == 0o755)
    }

    @Test func aSymbolicLinkIsNotASubfolder() throws {
        let folder = try Self.openScratch()
        defer { Scratch.remove(folder.path) }
        #expect(symlink("/tmp", folder.path + "/.journal") == 0)
        let error = #expect(throws: DurableFolderError.self) { try folder.subfolder(".journal") }
        guard case let .failed(failure) = error else {
            Issue.record("expected a failed open, got \(String(describing: error))")
            return
        }
        #expect([ELOOP, ENOTDIR].contains(failure.code), "Linux says ENOTDIR, others ELOOP")
        #expect(Scratch.permissions("/tmp") == 0o1777)
    }

    @Test func movingNeverReplaces() throws {
        let folder = try Self.openScratch()
        defer { Scratch.remove(folder.path) }
        let aside = try folder.subfolder("aside")
        #expect(try folder.place(Data("one".utf8), as: "a"))
        #expect(try folder.place(Data("two".utf8), as: "b"))
        #expect(try aside.place(Data("kept".utf8), as: "b"))
        #expect(try folder.move("a", to: aside, as: "a"))
        #expect(try !folder.move("b", to: aside, as: "b"))
        #expect(try folder.names() == ["aside", "b"])
        #expect(try aside.contents(of: "b") == Data("kept".utf8))
        #expect(try aside.contents(of: "a") == Data("one".utf8))
    }

    // MARK: - Left-over temporary files

    @Test func aTemporaryFileIsStaleOnlyWhenUnlockedAndOld() throws {
        let folder = try Self.openScratch()
        defer { Scratch.remove(folder.path) }
        let (name, descriptor) = try folder.createTemporary(for: "a.md", contents: Data("x".utf8))
        #expect(name.wholeMatch(of: /\.a\.md\.[0-9a-f]{16}\.tmp/) != nil)
        let later = Date().addingTimeInterval(3600)
        #expect(folder.staleTemporary(name, olderThan: 60, now: later) == nil, "its writer still holds the lock")
        _ = close(descriptor)
        #expect(folder.staleTemporary(name, olderThan: 60, now: Date()) == nil, "too young: it may be about to be locked")
        let stale = try #require(folder.staleTemporary(name, olderThan: 60, now: later))
        _ = close(stale)
    }

    // MARK: - Append-only files

    /// An append-only file `log` in a scratch folder.
    static func appendOnly(in folder: DurableFolder, operations: any FileOperations) throws -> AppendOnlyFile {
        let (temporary, descriptor) = try folder.createTemporary(for: "log", contents: Data(), appending: true)
        #expect(try folder.link(temporary, to: "log"))
        folder.remove(temporary)
        return AppendOnlyFile(descriptor: descriptor, path: folder.path + "/log", durableLength: 0, operations: operations)
    }

    @Test func recordsAreAppendedAndSynced() throws {
        let operations = FailingFileOperations(failing: .write, at: .max, errno: EIO)
        let folder = try Self.openScratch(operations: operations)
        defer { Scratch.remove(folder.path) }
        let log = try Self.appendOnly(in: folder, operations: operations)
        let fsyncsBefore = operations.count(.fsync)
        try log.append(Data("one\n".utf8))
        try log.append(Data("two\n".utf8))
        #expect(operations.count(.fsync) - fsyncsBefore == 2, "one fsync per record")
        #expect(try folder.contents(of: "log") == Data("one\ntwo\n".utf8))
        #expect(log.durableLength == 8)
    }

    @Test(arguments: [(ENOSPC, false), (ENOSPC, true), (EIO, false), (EIO, true)])
    func aFailedWriteKeepsEverySyncedRecordAndLeavesNoTail(code: Int32, torn: Bool) throws {
        let operations = FailingFileOperations(failing: .write, at: 3, times: 2, errno: code, tornWrite: torn)
        let folder = try Self.openScratch(operations: operations)
        defer { Scratch.remove(folder.path) }
        let log = try Self.appendOnly(in: folder, operations: operations)
        let writesBefore = operations.count(.write)
        try log.append(Data("record 1\n".utf8))
        try log.append(Data("record 2\n".utf8))
        #expect(operations.count(.write) - writesBefore == 2)
        #expect(throws: SystemCallError(code: code, path: folder.path + "/log")) { try log.append(Data("record 3\n".utf8)) }
        #expect(try folder.contents(of: "log") == Data("record 1\nrecord 2\n".utf8), "cut back to the last synced record")
        #expect(throws: SystemCallError(code: code, path: folder.path + "/log")) { try log.append(Data("record 3\n".utf8)) }
        try log.append(Data("record 3\n".utf8))
        try log.append(Data("record 4\n".utf8))
        #expect(try folder.contents(of: "log") == Data("record 1\nrecord 2\nrecord 3\nrecord 4\n".utf8))
        #expect(log.durableLength == 36)
    }

    @Test func aFailedSyncIsReportedAndTheRecordWrittenAgainLater() throws {
        let operations = FailingFileOperations(failing: .fsync, at: 3, errno: EIO)
        let folder = try Self.openScratch(operations: operations)
        defer { Scratch.remove(folder.path) }
        let log = try Self.appendOnly(in: folder, operations: operations)  // fsync 1 (the temporary file)
        try log.append(Data("a".utf8))                                     // fsync 2
        #expect(throws: SystemCallError(code: EIO, path: folder.path + "/log")) { try log.append(Data("b".utf8)) }
        #expect(try folder.contents(of: "log") == Data("a".utf8))
        try log.append(Data("b".utf8))
        #expect(try folder.contents(of: "log") == Data("ab".utf8))
    }
}

/// Scratch folders for file tests.
enum Scratch {
    static func folder(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("consult-\(name)-tests-\(UUID().uuidString)")
    }

    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    static func permissions(_ path: String) -> UInt32 {
        var info = stat()
        guard stat(path, &info) == 0 else { return 0 }
        return UInt32(info.st_mode & 0o7777)
    }
}
