import Foundation
import Testing
@testable import ConsultCore

#if canImport(Glibc)
import Glibc
#endif

/// A warm start skips reading and hashing dialog files whose `stat` shows they have not been written since they
/// were hashed; every kind of change must still be seen.
@Suite("compiled consultations: fingerprints let a start skip the files, never a change")
struct FileFingerprintTests {
    static func header(_ scratch: borrowing CacheScratch) throws -> CompiledConsultation.Header {
        try CompiledConsultation.header(of: scratch.compiledBytes()).header
    }

    static var engine: String { EngineIdentity.current ?? "" }

    @Test("files settled before the compile are fingerprinted, and a start takes them on their fingerprints")
    func settledFilesAreFingerprinted() throws {
        let scratch = try CacheScratch.bundled()
        #expect(scratch.settledCache.load(path: scratch.dialogs).source == .dialogFiles(stored: true))
        let header = try Self.header(scratch)
        #expect(header.fingerprints.count == header.sourcePaths.count)
        #expect(header.fingerprints.allSatisfy { $0 != nil })
        #expect(header.sourcesUnchanged(engine: Self.engine))
        let warm = scratch.settledCache.load(path: scratch.dialogs)
        #expect(warm.source == .compiledForm)
        #expect(warm.result.consultation == ConsultationLoader.load(path: scratch.dialogs).consultation)
    }

    @Test("files written just before the compile get no fingerprint, and are read and hashed")
    func freshFilesAreHashed() throws {
        let scratch = try CacheScratch()
        _ = scratch.cache.load(path: scratch.dialogs)
        let header = try Self.header(scratch)
        #expect(header.fingerprints.allSatisfy { $0 == nil })
        #expect(!header.sourcesUnchanged(engine: Self.engine))
        #expect(scratch.cache.load(path: scratch.dialogs).source == .compiledForm)
    }

    @Test("a start that hashes unchanged files records their fingerprints once they have settled")
    func refreshedOnceSettled() throws {
        let scratch = try CacheScratch()
        _ = scratch.cache.load(path: scratch.dialogs)
        let before = try scratch.compiledBytes()
        #expect(scratch.settledCache.load(path: scratch.dialogs).source == .compiledForm)
        let header = try Self.header(scratch)
        #expect(header.sourcesUnchanged(engine: Self.engine))
        // Only the header changed: the payload is the very same bytes.
        let payloadLength = header.payloadLength
        #expect(try scratch.compiledBytes().suffix(payloadLength) == before.suffix(payloadLength))
        #expect(scratch.cache.load(path: scratch.dialogs).source == .compiledForm)
    }

    @Test("a change of the same size, with the modification time set back, is seen")
    func sameSizeChangeWithOldTime() throws {
        let scratch = try CacheScratch()
        _ = scratch.settledCache.load(path: scratch.dialogs)
        let path = scratch.dialogs + "/clinic.yaml"
        var info = stat()
        #expect(stat(path, &info) == 0)
        let changed = SessionTestDialog.entry.replacingOccurrences(of: "How old are you?", with: "How old are you!")
        #expect(changed.utf8.count == SessionTestDialog.entry.utf8.count)
        try scratch.write("clinic.yaml", changed)
        var times = [info.st_atim, info.st_mtim]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        #expect(try !Self.header(scratch).sourcesUnchanged(engine: Self.engine))
        let loaded = scratch.settledCache.load(path: scratch.dialogs)
        #expect(loaded.source == .dialogFiles(stored: true))
        #expect(loaded.result.consultation?.question("age")?.text.template(in: "en") == "How old are you!")
    }

    @Test("a file replaced by a copy of itself is hashed, found equal, and fingerprinted anew")
    func replacedByIdenticalCopy() throws {
        let scratch = try CacheScratch()
        _ = scratch.settledCache.load(path: scratch.dialogs)
        let path = scratch.dialogs + "/screening.yaml"
        try FileManager.default.copyItem(atPath: path, toPath: path + ".new")
        #expect(rename(path + ".new", path) == 0)
        #expect(try !Self.header(scratch).sourcesUnchanged(engine: Self.engine))
        #expect(scratch.settledCache.load(path: scratch.dialogs).source == .compiledForm)
        #expect(try Self.header(scratch).sourcesUnchanged(engine: Self.engine))
    }

    @Test("another program's compiled form is not taken on fingerprints")
    func otherEngine() throws {
        let scratch = try CacheScratch()
        _ = scratch.settledCache.load(path: scratch.dialogs)
        let header = try Self.header(scratch)
        #expect(header.sourcesUnchanged(engine: Self.engine))
        #expect(!header.sourcesUnchanged(engine: Self.engine + " rebuilt"))
    }

    @Test("a missing, replaced or removed file never matches its fingerprint")
    func fingerprintOfPaths() throws {
        let scratch = try CacheScratch()
        let path = scratch.dialogs + "/clinic.yaml"
        let first = try #require(FileFingerprint(path: path))
        #expect(FileFingerprint(path: path) == first)
        #expect(FileFingerprint(path: scratch.dialogs) == nil)
        #expect(FileFingerprint(path: path + ".absent") == nil)
        try scratch.write("clinic.yaml", SessionTestDialog.entry + "\n")
        #expect(FileFingerprint(path: path) != first)
        #expect(first.isSettled(before: FileFingerprint.Timestamp(seconds: first.changed.seconds + 11, nanoseconds: 0)))
        #expect(!first.isSettled(before: FileFingerprint.Timestamp(seconds: first.changed.seconds + 9, nanoseconds: 0)))
    }
}
