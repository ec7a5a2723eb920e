import Foundation
import Testing
@testable import ConsultCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct SummaryWriterTests {
    /// A fresh folder under the system's temporary folder, removed by `cleanUp`.
    private static func scratchFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("consult-summary-tests-\(UUID().uuidString)")
    }

    private static func cleanUp(_ folder: URL) {
        try? FileManager.default.removeItem(at: folder)
    }

    private static func permissions(_ path: String) -> UInt32 {
        var info = stat()
        guard stat(path, &info) == 0 else { return 0 }
        return UInt32(info.st_mode & 0o7777)
    }

    /// The folder's files but its index (`SummaryIndexTests` check that).
    private static func names(in folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0 != SummaryIndex.fileName }.sorted()
    }

    @Test func writesThreePrivateFilesIntoANewPrivateFolder() throws {
        let base = Self.scratchFolder()
        defer { Self.cleanUp(base) }
        let folder = base.appendingPathComponent("clinic/summaries")
        let record = SummaryFixtures.proceedPatient

        let urls = try SummaryWriter(directory: folder).write(record)

        #expect(urls.map(\.lastPathComponent) ==
                ["20261126-053127-3f9a1c2e.md", "20261126-053127-3f9a1c2e.json", "20261126-053127-3f9a1c2e.fhir.json"])
        #expect(Self.names(in: folder) == urls.map(\.lastPathComponent).sorted(), "no temporary files left")
        for url in urls {
            #expect(url.lastPathComponent.wholeMatch(of: /[0-9]{8}-[0-9]{6}-[A-Za-z0-9_-]+\.(md|json|fhir\.json)/) != nil)
            #expect(Self.permissions(url.path) == 0o600, "\(url.lastPathComponent)")
        }
        #expect(Self.permissions(folder.path) == 0o700)
        #expect(Self.permissions(folder.deletingLastPathComponent().path) == 0o700, "missing parents are private too")
        #expect(try String(contentsOf: urls[0], encoding: .utf8) == SummaryRenderer.markdown(record))
        #expect(try Data(contentsOf: urls[1]) == SummaryRenderer.json(record))
        #expect(try Data(contentsOf: urls[2]) == SummaryRenderer.fhirQuestionnaireResponse(record))
    }

    // MARK: - Folders it did not create (issue 9)

    @Test func anOpenFolderItDidNotCreateIsRefusedAndLeftAsItIs() throws {
        let folder = Self.scratchFolder()
        defer { Self.cleanUp(folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
        #expect(throws: SummaryWriteError.directoryNotPrivate(path: folder.path, mode: 0o040755, owner: geteuid())) {
            try SummaryWriter(directory: folder).write(SummaryFixtures.proceedPatient)
        }
        #expect(Self.permissions(folder.path) == 0o755, "the mode of a folder Consult did not create is never changed")
        #expect(Self.names(in: folder).isEmpty)
    }

    @Test func aSymbolicLinkToAnOpenFolderIsRefusedAndItsTargetLeftAsItIs() throws {
        let base = Self.scratchFolder()
        defer { Self.cleanUp(base) }
        let target = base.appendingPathComponent("shared")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        let link = base.appendingPathComponent("summaries")
        #expect(symlink(target.path, link.path) == 0)
        #expect(throws: SummaryWriteError.directoryNotPrivate(path: link.path, mode: 0o040755, owner: geteuid())) {
            try SummaryWriter(directory: link).write(SummaryFixtures.proceedPatient)
        }
        #expect(Self.permissions(target.path) == 0o755)
    }

    @Test func aSharedStickyFolderKeepsItsStickyBit() throws {
        let shared = Self.scratchFolder()
        defer { Self.cleanUp(shared) }
        try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: false)
        #expect(chmod(shared.path, 0o1777) == 0)
        let error = #expect(throws: SummaryWriteError.directoryNotPrivate(path: shared.path, mode: 0o041777, owner: geteuid())) {
            try SummaryWriter(directory: shared).write(SummaryFixtures.proceedPatient)
        }
        #expect(Self.permissions(shared.path) == 0o1777, "like /tmp: never chmod'ed")
        #expect(error?.description.contains("\(shared.path)/consult-summaries") == true, "the message suggests a new folder inside it")
        // A new folder inside a shared folder is created private and used.
        let inside = shared.appendingPathComponent("consult-summaries")
        _ = try SummaryWriter(directory: inside).write(SummaryFixtures.proceedPatient)
        #expect(Self.permissions(inside.path) == 0o700)
    }

    @Test func aPrivateFolderBehindASymbolicLinkIsUsed() throws {
        let base = Self.scratchFolder()
        defer { Self.cleanUp(base) }
        let target = base.appendingPathComponent("private")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let link = base.appendingPathComponent("summaries")
        #expect(symlink(target.path, link.path) == 0)
        let urls = try SummaryWriter(directory: link).write(SummaryFixtures.proceedPatient)
        #expect(Self.names(in: target) == urls.map(\.lastPathComponent).sorted())
    }

    @Test(.enabled(if: geteuid() == 0, "needs root to give the folder to another user"))
    func refusesAnOpenFolderOfSomeoneElse() throws {
        let folder = Self.scratchFolder()
        defer { Self.cleanUp(folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
        #expect(chown(folder.path, 54_321, 54_321) == 0)
        #expect(throws: SummaryWriteError.directoryNotPrivate(path: folder.path, mode: 0o040755, owner: 54_321)) {
            try SummaryWriter(directory: folder).write(SummaryFixtures.proceedPatient)
        }
        #expect(Self.names(in: folder).isEmpty)
    }

    @Test(.enabled(if: geteuid() == 0, "needs root to give the folder to another user"))
    func refusesAPrivateFolderOfSomeoneElse() throws {
        let folder = Self.scratchFolder()
        defer { Self.cleanUp(folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        #expect(chown(folder.path, 54_321, 54_321) == 0)
        let error = #expect(throws: SummaryWriteError.directoryNotOwned(path: folder.path, owner: 54_321, user: 0)) {
            try SummaryWriter(directory: folder).write(SummaryFixtures.proceedPatient)
        }
        #expect(error?.description.contains("`chown 0 \(folder.path)`") == true)
        #expect(Self.names(in: folder).isEmpty)
    }

    @Test func neverOverwritesAndSuffixesAllThreeFiles() throws {
        let folder = Self.scratchFolder()
        defer { Self.cleanUp(folder) }
        let writer = SummaryWriter(directory: folder)
        let first = try writer.write(SummaryFixtures.proceedPatient)
        let firstBytes = try first.map { try Data(contentsOf: $0) }
        var changed = SummaryFixtures.proceedPatient
        changed.language = "es"

        let second = try writer.write(changed)
        let third = try writer.write(changed)

        #expect(second.map(\.lastPathComponent) ==
                ["20261126-053127-3f9a1c2e-2.md", "20261126-053127-3f9a1c2e-2.json", "20261126-053127-3f9a1c2e-2.fhir.json"])
        #expect(third.map(\.lastPathComponent).allSatisfy { $0.hasPrefix("20261126-053127-3f9a1c2e-3.") })
        #expect(try first.map { try Data(contentsOf: $0) } == firstBytes)
        #expect(Self.names(in: folder).count == 9)
    }

    @Test func writingAgainWhatIsAlreadyWrittenAddsNoCopyWhenAskedTo() throws {
        let folder = Self.scratchFolder()
        defer { Self.cleanUp(folder) }
        let writer = SummaryWriter(directory: folder)
        let first = try writer.write(SummaryFixtures.proceedPatient)
        // Recovery after a crash between placing the summary and removing its journal:
        #expect(try writer.write(SummaryFixtures.proceedPatient, acceptingIdenticalFiles: true) == first)
        #expect(Self.names(in: folder).count == 3)
        // A write cut short after its first file: the identical file counts, the other two are added.
        try FileManager.default.removeItem(at: first[1])
        try FileManager.default.removeItem(at: first[2])
        #expect(try writer.write(SummaryFixtures.proceedPatient, acceptingIdenticalFiles: true) == first)
        #expect(Self.names(in: folder) == first.map(\.lastPathComponent).sorted())
        // A different record under the same names is never mistaken for it.
        var changed = SummaryFixtures.proceedPatient
        changed.language = "es"
        let other = try writer.write(changed, acceptingIdenticalFiles: true)
        #expect(other.allSatisfy { $0.lastPathComponent.hasPrefix("20261126-053127-3f9a1c2e-2.") })
    }

    @Test func aStrayFileWithOneOfTheNamesMovesAllThreeToTheNextSuffix() throws {
        let folder = Self.scratchFolder()
        defer { Self.cleanUp(folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        let stray = folder.appendingPathComponent("20261126-053127-3f9a1c2e.fhir.json")
        try Data("keep me".utf8).write(to: stray)

        let urls = try SummaryWriter(directory: folder).write(SummaryFixtures.proceedPatient)

        #expect(urls.map(\.lastPathComponent).allSatisfy { $0.hasPrefix("20261126-053127-3f9a1c2e-2.") })
        #expect(try String(contentsOf: stray, encoding: .utf8) == "keep me")
        #expect(Self.names(in: folder) == (urls.map(\.lastPathComponent) + [stray.lastPathComponent]).sorted())
    }

    @Test func aRemovedFolderIsCreatedAgain() throws {
        let folder = Self.scratchFolder()
        defer { Self.cleanUp(folder) }
        let writer = SummaryWriter(directory: folder)
        _ = try writer.write(SummaryFixtures.proceedPatient)
        try FileManager.default.removeItem(at: folder)
        let urls = try writer.write(SummaryFixtures.declineTwoReasons)
        #expect(Self.names(in: folder) == urls.map(\.lastPathComponent).sorted())
        #expect(Self.permissions(folder.path) == 0o700)
    }

    @Test func aFolderPathThroughAFileIsUnavailable() throws {
        let base = Self.scratchFolder()
        defer { Self.cleanUp(base) }
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: false)
        let file = base.appendingPathComponent("not-a-folder")
        try Data().write(to: file)
        let folder = file.appendingPathComponent("summaries")

        let error = #expect(throws: SummaryWriteError.self) {
            try SummaryWriter(directory: folder).write(SummaryFixtures.proceedPatient)
        }
        guard case let .directoryUnavailable(path, reason) = error else {
            Issue.record("expected directoryUnavailable, got \(String(describing: error))")
            return
        }
        #expect(path == folder.path)
        #expect(reason.contains("Not a directory"))
        #expect(Self.names(in: base) == ["not-a-folder"])
    }

    /// Root ignores permission bits, so a read-only folder is made with the immutable attribute (`chattr +i`).
    @Test(.enabled(if: ImmutableFolder.isAvailable, "needs chattr and CAP_LINUX_IMMUTABLE on an ext4-like file system"))
    func aReadOnlyFolderIsNotWritableAndLeavesNothing() throws {
        let folder = Self.scratchFolder()
        defer { Self.cleanUp(folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        try ImmutableFolder.set(folder, immutable: true)
        defer { try? ImmutableFolder.set(folder, immutable: false) }

        let error = #expect(throws: SummaryWriteError.self) {
            try SummaryWriter(directory: folder).write(SummaryFixtures.proceedPatient)
        }
        guard case let .notWritable(path, reason) = error else {
            Issue.record("expected notWritable, got \(String(describing: error))")
            return
        }
        #expect(path == folder.path)
        #expect(reason.contains("Operation not permitted"))
        #expect(Self.names(in: folder).isEmpty)
    }

    @Test func aFailureAfterTheFirstFileRemovesWhatThisCallWrote() throws {
        let folder = Self.scratchFolder()
        defer { Self.cleanUp(folder) }
        let injected = SummaryWriteError.diskFull(path: folder.path, reason: "No space left on device (errno 28)")
        let writer = SummaryWriter(directory: folder) { name throws(SummaryWriteError) in
            if name.hasSuffix(".fhir.json") { throw injected }
        }
        #expect(throws: injected) { try writer.write(SummaryFixtures.proceedPatient) }
        #expect(Self.names(in: folder).isEmpty, "neither the placed files nor temporary files remain")
    }

    // MARK: - Before the first question

    @Test func prepareCreatesTheFolderAndItsJournalFolderPrivateAndLeavesNothingElse() throws {
        let base = Self.scratchFolder()
        defer { Self.cleanUp(base) }
        let folder = base.appendingPathComponent("summaries")
        let check = try SummaryWriter(directory: folder).prepare(now: Date())
        #expect(check == SummaryFolderCheck(path: folder.path))
        #expect(check.message == nil)
        #expect(Self.names(in: folder) == [".journal"])
        #expect(Self.permissions(folder.path) == 0o700)
        #expect(Self.permissions(folder.appendingPathComponent(".journal").path) == 0o700)
    }

    @Test func prepareRefusesWhatWritingWouldRefuse() throws {
        let folder = Self.scratchFolder()
        defer { Self.cleanUp(folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
        #expect(throws: SummaryWriteError.directoryNotPrivate(path: folder.path, mode: 0o040755, owner: geteuid())) {
            try SummaryWriter(directory: folder).prepare(now: Date())
        }
        #expect(Self.names(in: folder).isEmpty)
    }

    @Test func prepareRefusesAnOpenJournalFolder() throws {
        let folder = Self.scratchFolder()
        defer { Self.cleanUp(folder) }
        let journal = folder.appendingPathComponent(".journal")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        try FileManager.default.createDirectory(at: journal, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o755])
        #expect(throws: SummaryWriteError.directoryNotPrivate(path: journal.path, mode: 0o040755, owner: geteuid())) {
            try SummaryWriter(directory: folder).prepare(now: Date())
        }
        #expect(Self.permissions(journal.path) == 0o755)
    }

    @Test(arguments: [ENOSPC, EIO])
    func prepareFindsAFullOrFailingDiskBeforeTheFirstQuestion(code: Int32) throws {
        let folder = Self.scratchFolder()
        defer { Self.cleanUp(folder) }
        let writer = SummaryWriter(directory: folder, operations: FailingFileOperations(failing: .allocate, at: 1, times: .max, errno: code),
                                   beforePlacing: nil)
        #expect(throws: SummaryWriteError(errno: code, path: folder.path)) { try writer.prepare(now: Date()) }
        #expect(Self.names(in: folder) == [".journal"], "no probe file is left")
    }

    @Test(.enabled(if: ImmutableFolder.isAvailable, "needs chattr and CAP_LINUX_IMMUTABLE on an ext4-like file system"))
    func prepareFindsAReadOnlyFolder() throws {
        let folder = Self.scratchFolder()
        defer { Self.cleanUp(folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".journal"), withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        #expect(chmod(folder.path, 0o700) == 0)
        try ImmutableFolder.set(folder, immutable: true)
        defer { try? ImmutableFolder.set(folder, immutable: false) }
        let error = #expect(throws: SummaryWriteError.self) { try SummaryWriter(directory: folder).prepare(now: Date()) }
        guard case .notWritable = error else {
            Issue.record("expected notWritable, got \(String(describing: error))")
            return
        }
    }

    @Test func prepareRemovesTemporaryFilesLeftByAKilledWriterAndNothingElse() throws {
        let folder = Self.scratchFolder()
        defer { Self.cleanUp(folder) }
        let writer = SummaryWriter(directory: folder)
        _ = try writer.prepare(now: Date())
        let journal = folder.appendingPathComponent(".journal")
        let stale = [".20261126-053127-3f9a1c2e.md.00000000deadbeef.tmp", ".20261126-053127-3f9a1c2e-2.fhir.json.abc.tmp",
                     ".consult-probe.0123456789abcdef.tmp"]
        let staleJournal = ".20261126-052000-3f9a1c2e.journal.0123456789abcdef.tmp"
        let young = ".20261126-053127-3f9a1c2e.json.1111111111111111.tmp"
        let locked = ".20261126-053127-3f9a1c2e.json.2222222222222222.tmp"
        let unrelated = [".coverage.json.tmp", "notes.tmp", "20261126-053127-3f9a1c2e.md"]
        for name in stale + [young, locked] + unrelated {
            try Data("x".utf8).write(to: folder.appendingPathComponent(name))
        }
        try Data("x".utf8).write(to: journal.appendingPathComponent(staleJournal))
        let anHourAgo = Date().addingTimeInterval(-3600)
        for path in (stale + [locked] + unrelated).map({ folder.appendingPathComponent($0).path }) + [journal.appendingPathComponent(staleJournal).path] {
            try FileManager.default.setAttributes([.modificationDate: anHourAgo], ofItemAtPath: path)
        }
        let holder = open(folder.appendingPathComponent(locked).path, O_RDONLY)
        #expect(flock(holder, LOCK_EX) == 0)
        defer { close(holder) }

        let check = try writer.prepare(now: Date())

        #expect(check.removedTemporaryFiles.sorted() == (stale + [".journal/" + staleJournal]).sorted())
        #expect(check.keptTemporaryFiles.sorted() == [young, locked].sorted())
        #expect(Self.names(in: folder) == ([".journal", young, locked] + unrelated).sorted())
        #expect(Self.names(in: journal).isEmpty)
        #expect(check.message?.hasPrefix("removed 4 temporary files left in \(folder.path) by a writer that was stopped") == true)
    }

    /// The three files are written with one write each: failing any of them leaves nothing, and says why.
    @Test(arguments: [(1, ENOSPC), (2, ENOSPC), (3, ENOSPC), (1, EIO), (2, EIO), (3, EIO)])
    func aFailingWriteOfAnyFileLeavesNothingAndIsTyped(k: Int, code: Int32) throws {
        let folder = Self.scratchFolder()
        defer { Self.cleanUp(folder) }
        let operations = FailingFileOperations(failing: .write, at: k, errno: code, tornWrite: true)
        let writer = SummaryWriter(directory: folder, operations: operations, beforePlacing: nil)
        #expect(throws: SummaryWriteError(errno: code, path: folder.path)) { try writer.write(SummaryFixtures.proceedPatient) }
        #expect(Self.names(in: folder).isEmpty, "k=\(k): neither placed files nor temporary files remain")
        let urls = try writer.write(SummaryFixtures.proceedPatient)
        #expect(urls.map(\.lastPathComponent).allSatisfy { $0.hasPrefix("20261126-053127-3f9a1c2e.") }, "the next write uses the names")
    }

    @Test func writingToAFullDiskIsDiskFull() throws {
        let device = open("/dev/full", O_WRONLY | O_CLOEXEC)
        try #require(device >= 0, "/dev/full is missing")
        defer { close(device) }
        #expect(throws: SummaryWriteError.diskFull(path: "/dev/full", reason: SummaryWriteError.reason(errno: ENOSPC))) {
            try SummaryWriter.writeAll(Data(repeating: 0x41, count: 100_000), to: device, path: "/dev/full")
        }
    }

    @Test(arguments: [
        (ENOSPC, "diskFull"), (EDQUOT, "diskFull"), (EROFS, "notWritable"), (EACCES, "notWritable"),
        (EPERM, "notWritable"), (ENOTDIR, "directoryUnavailable"), (ENOENT, "directoryUnavailable"), (EIO, "writeFailed"),
    ])
    func errnoMapping(code: Int32, kind: String) {
        let error = SummaryWriteError(errno: code, path: "/srv/summaries")
        #expect(String(describing: error).contains("/srv/summaries"))
        #expect(String(describing: error).contains(String(cString: strerror(code))))
        #expect(Mirror(reflecting: error).children.first?.label == kind)
    }

    @Test func messagesSayWhatHappenedAndWhatToDo() {
        let full = SummaryWriteError(errno: ENOSPC, path: "/srv/summaries")
        #expect(full.description == "Cannot save the consultation summary in /srv/summaries: No space left on device "
                + "(errno 28). Free some disk space, or choose a folder on another disk. "
                + "No summary file was saved for this consultation.")
        #expect(full.patientMessage == "We couldn't save your answers. Please tell the front desk — your answers are kept.")
        #expect(SummaryWriteError.directoryNotPrivate(path: "/srv/s", mode: 0o040755, owner: 1000).description
                == "The summary folder /srv/s is open to other users (mode 755, owner user 1000). Consult changes the "
                + "permissions only of folders it creates, so it leaves this one as it is. Either make it private with "
                + "`chmod 700 /srv/s` (as its owner), or give --out a folder that does not exist yet, such as "
                + "/srv/s/consult-summaries: Consult creates it private. No summary file was saved for this consultation.")
    }
}

/// Sets and clears the Linux immutable attribute, which even root cannot write through.
enum ImmutableFolder {
    static let isAvailable: Bool = {
        guard geteuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/chattr") else { return false }
        let probe = FileManager.default.temporaryDirectory.appendingPathComponent("consult-chattr-probe-\(UUID().uuidString)")
        guard (try? FileManager.default.createDirectory(at: probe, withIntermediateDirectories: false)) != nil else { return false }
        defer { try? FileManager.default.removeItem(at: probe) }
        guard (try? set(probe, immutable: true)) != nil else { return false }
        try? set(probe, immutable: false)
        return true
    }()

    static func set(_ folder: URL, immutable: Bool) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
        process.arguments = [immutable ? "+i" : "-i", folder.path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteNoPermission) }
    }
}
