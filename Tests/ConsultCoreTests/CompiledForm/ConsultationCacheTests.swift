import Foundation
import Testing
@testable import ConsultCore

#if canImport(Glibc)
import Glibc
#endif

/// A folder of dialogs and a cache folder of their own, removed when the test ends.
struct CacheScratch: ~Copyable {
    let root: URL
    var dialogs: String { root.appendingPathComponent("dialogs").path }
    var cacheFolder: String { root.appendingPathComponent("cache").path }
    var cache: ConsultationCache { ConsultationCache(folder: cacheFolder) }
    /// The cache, with its clock a minute ahead when `settled` (the files just written then count as settled and
    /// get fingerprints, so a start takes the fingerprint path rather than hashing them).
    func cache(settled: Bool) -> ConsultationCache { settled ? settledCache : cache }

    /// The cache with its clock a minute ahead, so the files just written count as settled and get fingerprints.
    var settledCache: ConsultationCache {
        var cache = cache
        cache.now = {
            let now = FileFingerprint.Timestamp.now
            return FileFingerprint.Timestamp(seconds: now.seconds + 60, nanoseconds: now.nanoseconds)
        }
        return cache
    }

    /// The small consultation of the state machine tests.
    init() throws {
        try self.init(files: [("clinic.yaml", SessionTestDialog.entry), ("screening.yaml", SessionTestDialog.screening),
                              ("settings.yaml", SessionTestDialog.settings)])
    }

    init(files: [(String, String)]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("consult-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: root.appendingPathComponent("dialogs").path, withIntermediateDirectories: true)
        for (name, text) in files { try write(name, text) }
    }

    /// A copy of the bundled dialogs.
    static func bundled() throws -> CacheScratch {
        let bundled = BundledConsultation.packageRoot.appendingPathComponent("dialogs").path
        let names = try FileManager.default.contentsOfDirectory(atPath: bundled).filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".md") }
        let scratch = try CacheScratch(files: try names.map { ($0, try String(contentsOfFile: bundled + "/" + $0, encoding: .utf8)) })
        // The languages other than English: the program's words and how answers are read in them.
        try FileManager.default.copyItem(atPath: bundled + "/languages", toPath: scratch.dialogs + "/languages")
        return scratch
    }

    func write(_ name: String, _ text: String) throws {
        try text.write(toFile: dialogs + "/" + name, atomically: false, encoding: .utf8)
    }

    var compiledFile: String { cache.file(for: dialogs) }

    func compiledBytes() throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: compiledFile)))
    }

    func replaceCompiled(with bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: compiledFile))
        chmod(compiledFile, 0o600)
    }

    deinit {
        chmod(root.appendingPathComponent("cache").path, 0o700)
        try? FileManager.default.removeItem(at: root)
    }
}

@Suite("compiled consultations: a warm start is the cold one, and anything doubtful loads the files")
struct ConsultationCacheTests {
    // MARK: - Warm equals cold

    @Test("the bundled consultation read back from its compiled form equals the one loaded from the files")
    func bundledRoundTrip() throws {
        let scratch = try CacheScratch.bundled()
        let cold = scratch.cache.load(path: scratch.dialogs)
        #expect(cold.source == .dialogFiles(stored: true))
        let warm = scratch.cache.load(path: scratch.dialogs)
        #expect(warm.source == .compiledForm)
        let coldConsultation = try #require(cold.result.consultation)
        let warmConsultation = try #require(warm.result.consultation)
        #expect(warmConsultation == coldConsultation)
        #expect(warmConsultation == ConsultationLoader.load(path: scratch.dialogs).consultation)
        #expect(warm.result.errors.isEmpty)
    }

    @Test("every scripted patient of tests/transcripts sees the same screens and gets the same summary, warm or cold")
    func transcriptsBehaveTheSame() throws {
        let scratch = try CacheScratch.bundled()
        let cold = try #require(scratch.cache.load(path: scratch.dialogs).result.consultation)
        let loaded = scratch.cache.load(path: scratch.dialogs)
        try #require(loaded.source == .compiledForm)
        let warm = try #require(loaded.result.consultation)
        let folder = BundledConsultation.packageRoot.appendingPathComponent("tests/transcripts").path
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }.sorted()
            + ((try? FileManager.default.contentsOfDirectory(atPath: folder + "/es")) ?? []).filter { $0.hasSuffix(".txt") }.sorted().map { "es/" + $0 }
        #expect(names.count > 10)
        let started = Date(timeIntervalSince1970: 1_780_000_000)
        for name in names {
            let (transcript, diagnostics) = TranscriptParser.parse(try String(contentsOfFile: folder + "/" + name, encoding: .utf8), path: name)
            try #require(diagnostics.isEmpty, "\(name): \(diagnostics)")
            let coldResult = TranscriptReplayer(consultation: cold, started: started).replay(transcript)
            let warmResult = TranscriptReplayer(consultation: warm, started: started).replay(transcript)
            #expect(warmResult.screen == coldResult.screen, "\(name)")
            #expect(warmResult.failures == coldResult.failures, "\(name)")
            #expect(warmResult.record?.outcome == coldResult.record?.outcome, "\(name)")
            #expect(warmResult.record?.answers == coldResult.record?.answers, "\(name)")
        }
    }

    @Test("a long generated dialog and one file given alone round-trip too")
    func longDialogRoundTrip() throws {
        let scratch = try CacheScratch(files: [("long.yaml", LongDialog.text(questions: 300))])
        let file = scratch.dialogs + "/long.yaml"
        let cold = scratch.cache.load(path: file)
        #expect(cold.source == .dialogFiles(stored: true))
        let warm = scratch.cache.load(path: file)
        #expect(warm.source == .compiledForm)
        #expect(try #require(warm.result.consultation) == (try #require(cold.result.consultation)))
        #expect(scratch.cache.file(for: file) != scratch.cache.file(for: scratch.dialogs))
    }

    @Test("compiling the same consultation twice writes the same bytes")
    func deterministic() throws {
        let scratch = try CacheScratch()
        _ = try scratch.cache.compile(path: scratch.dialogs)
        let first = try scratch.compiledBytes()
        _ = try scratch.cache.compile(path: scratch.dialogs)
        #expect(try scratch.compiledBytes() == first)
    }

    // MARK: - Never stale

    @Test("a changed dialog file is loaded from the files, with the change", arguments: [false, true])
    func changedFile(settled: Bool) throws {
        let scratch = try CacheScratch()
        _ = scratch.cache(settled: settled).load(path: scratch.dialogs)
        try scratch.write("clinic.yaml", SessionTestDialog.entry.replacingOccurrences(of: "How old are you?", with: "What is your age?"))
        let loaded = scratch.cache(settled: settled).load(path: scratch.dialogs)
        #expect(loaded.source == .dialogFiles(stored: true))
        let consultation = try #require(loaded.result.consultation)
        #expect(consultation.question("age")?.text.template(in: "en") == "What is your age?")
        #expect(scratch.cache(settled: settled).load(path: scratch.dialogs).source == .compiledForm)
    }

    @Test("a changed settings file is loaded from the files, with the new setting", arguments: [false, true])
    func changedSettings(settled: Bool) throws {
        let scratch = try CacheScratch()
        _ = scratch.cache(settled: settled).load(path: scratch.dialogs)
        try scratch.write("settings.yaml", SessionTestDialog.settings.replacingOccurrences(of: "price: 200", with: "price: 250"))
        let loaded = scratch.cache(settled: settled).load(path: scratch.dialogs)
        #expect(loaded.source == .dialogFiles(stored: true))
        #expect(loaded.result.consultation?.settings["price"] == .number(250))
    }

    @Test("a dialog file added to the folder is loaded from the files (and its errors reported)", arguments: [false, true])
    func addedFile(settled: Bool) throws {
        let scratch = try CacheScratch()
        _ = scratch.cache(settled: settled).load(path: scratch.dialogs)
        try scratch.write("extra.yaml", "just: text\n")
        let loaded = scratch.cache(settled: settled).load(path: scratch.dialogs)
        #expect(loaded.source == .dialogFiles(stored: false))
        #expect(loaded.result.consultation == nil)
        #expect(!loaded.result.errors.isEmpty)
    }

    @Test("a removed dialog file is not run from the compiled form", arguments: [false, true])
    func removedFile(settled: Bool) throws {
        let scratch = try CacheScratch()
        _ = scratch.cache(settled: settled).load(path: scratch.dialogs)
        try FileManager.default.removeItem(atPath: scratch.dialogs + "/screening.yaml")
        let loaded = scratch.cache(settled: settled).load(path: scratch.dialogs)
        #expect(loaded.source == .dialogFiles(stored: false))
        #expect(loaded.result.consultation == nil)
    }

    @Test("a compiled form of another format version is not read")
    func otherVersion() throws {
        let scratch = try CacheScratch()
        _ = scratch.cache.load(path: scratch.dialogs)
        var bytes = try scratch.compiledBytes()
        bytes[8] &+= 1
        try scratch.replaceCompiled(with: bytes)
        #expect(scratch.cache.load(path: scratch.dialogs).source == .dialogFiles(stored: true))
    }

    // MARK: - Damage

    @Test("a truncated compiled form falls back to the files, at every length")
    func truncated() throws {
        let scratch = try CacheScratch()
        let cold = try #require(scratch.cache.load(path: scratch.dialogs).result.consultation)
        let bytes = try scratch.compiledBytes()
        for length in Set([0, 1, 7, 8, 15, 16, 40, bytes.count / 2, bytes.count - 1]) {
            try scratch.replaceCompiled(with: Array(bytes.prefix(length)))
            let loaded = scratch.cache.load(path: scratch.dialogs)
            #expect(loaded.source == .dialogFiles(stored: true), "length \(length)")
            #expect(loaded.result.consultation == cold, "length \(length)")
        }
    }

    @Test("a compiled form with a changed byte falls back to the files")
    func corrupted() throws {
        let scratch = try CacheScratch()
        let cold = try #require(scratch.cache.load(path: scratch.dialogs).result.consultation)
        let bytes = try scratch.compiledBytes()
        for position in [3, 12, 20, 60, bytes.count / 3, bytes.count - 2] {
            var damaged = bytes
            damaged[position] ^= 0x5A
            try scratch.replaceCompiled(with: damaged)
            let loaded = scratch.cache.load(path: scratch.dialogs)
            #expect(loaded.source == .dialogFiles(stored: true), "byte \(position)")
            #expect(loaded.result.consultation == cold, "byte \(position)")
        }
        try scratch.replaceCompiled(with: bytes + [0])
        #expect(scratch.cache.load(path: scratch.dialogs).source == .dialogFiles(stored: true))
    }

    @Test("reading damaged payloads throws and never crashes, whatever the damage")
    func damagedPayloads() throws {
        let consultation = try SessionTestDialog.load()
        let payload = Self.encode(consultation)
        var rejected = 0
        for length in stride(from: 0, to: payload.count, by: 7) {
            if (try? Self.decode(Array(payload.prefix(length)))) == nil { rejected += 1 }
        }
        #expect(rejected == (payload.count + 6) / 7)
        for position in stride(from: 0, to: payload.count, by: 11) {
            for flip: UInt8 in [0x01, 0x80, 0xFF] {
                var damaged = payload
                damaged[position] ^= flip
                _ = try? Self.decode(damaged)  // a value or an error; what matters is that it returns
            }
        }
        #expect(try Self.decode(payload) == consultation)
    }

    @Test("the FAQ is read from a compiled form only when first asked for, and a damaged one never crashes")
    func faqReadWhenNeeded() throws {
        let consultation = try BundledConsultation.consultation()
        let payload = Self.encode(consultation)
        let decoded = try Self.decode(payload)
        #expect(!decoded.faqEntries.isMade)
        #expect(decoded.faq == consultation.faq)
        #expect(decoded.faqEntries.isMade)
        #expect(!consultation.faq.isEmpty)
        // Every kind of damage, read as far as the FAQ: entries or none, never a crash.
        for position in stride(from: 0, to: payload.count, by: 97) {
            var damaged = payload
            damaged[position] ^= 0xFF
            if let read = try? Self.decode(damaged) { _ = read.faq.count }
        }
    }

    /// A compiled form's payload: what ``decode(_:)`` reads.
    static func encode(_ consultation: Consultation) -> [UInt8] {
        var writer = CompiledFormWriter()
        writer.write(consultation)
        return writer.bytes
    }

    static func decode(_ bytes: [UInt8]) throws -> Consultation {
        var reader = try CompiledFormReader(bytes)
        let consultation = try Consultation(from: &reader)
        guard reader.isAtEnd else { throw CompiledFormReader.Damaged(reason: "bytes to spare") }
        return consultation
    }

    // MARK: - Folders

    @Test("a compiled form in a read-only folder is read; storing there fails quietly")
    func readOnlyFolder() throws {
        let scratch = try CacheScratch()
        let compiled = try scratch.cache.compile(path: scratch.dialogs)
        #expect(compiled.file == scratch.compiledFile)
        chmod(scratch.cacheFolder, 0o500)
        #expect(scratch.cache.load(path: scratch.dialogs).source == .compiledForm)
        try scratch.write("clinic.yaml", SessionTestDialog.entry + "\n")
        let loaded = scratch.cache.load(path: scratch.dialogs)
        #expect(loaded.result.consultation != nil)
        // The administrator may write anywhere, so only an ordinary user sees the folder refuse.
        if geteuid() != 0 { #expect(loaded.source == .dialogFiles(stored: false)) }
    }

    @Test("a cache folder that cannot be made still lets the consultation load, and compile says why")
    func unwritableFolder() throws {
        let scratch = try CacheScratch()
        let blocker = scratch.root.appendingPathComponent("a-file").path
        try "".write(toFile: blocker, atomically: false, encoding: .utf8)
        let cache = ConsultationCache(folder: blocker + "/cache")
        let loaded = cache.load(path: scratch.dialogs)
        #expect(loaded.source == .dialogFiles(stored: false))
        #expect(loaded.result.consultation != nil)
        #expect(throws: ConsultationCacheError.self) { try cache.compile(path: scratch.dialogs) }
    }

    @Test("the folder is created 0700 and the compiled form written 0600, with no temporary file left")
    func permissions() throws {
        let scratch = try CacheScratch()
        let cache = ConsultationCache(folder: scratch.cacheFolder + "/nested/consult")
        let compiled = try cache.compile(path: scratch.dialogs)
        let file = try #require(compiled.file)
        var info = stat()
        #expect(stat(scratch.cacheFolder + "/nested/consult", &info) == 0 && info.st_mode & 0o777 == 0o700)
        #expect(stat(file, &info) == 0 && info.st_mode & 0o777 == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.folder) == [(file as NSString).lastPathComponent])
    }

    @Test("a compiled form others could have written is not read")
    func untrustedFile() throws {
        let scratch = try CacheScratch()
        _ = scratch.cache.load(path: scratch.dialogs)
        chmod(scratch.compiledFile, 0o666)
        #expect(scratch.cache.load(path: scratch.dialogs).source == .dialogFiles(stored: true))
        #expect(scratch.cache.load(path: scratch.dialogs).source == .compiledForm)
        chmod(scratch.cacheFolder, 0o777)
        #expect(scratch.cache.load(path: scratch.dialogs).source == .dialogFiles(stored: false))
        #expect(throws: ConsultationCacheError.self) { try scratch.cache.compile(path: scratch.dialogs) }
    }

    @Test("the default folder follows XDG_CACHE_HOME, then HOME")
    func defaultFolder() {
        #expect(ConsultationCache.defaultFolder(environment: ["XDG_CACHE_HOME": "/x/cache", "HOME": "/home/a"]) == "/x/cache/consult")
        #expect(ConsultationCache.defaultFolder(environment: ["XDG_CACHE_HOME": "relative", "HOME": "/home/a"]) == "/home/a/.cache/consult")
        #expect(ConsultationCache.defaultFolder(environment: [:]) == nil)
    }

    // MARK: - Pieces

    @Test("SHA-256 gives the standard's test vectors")
    func sha256() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        var split = SHA256()
        let million = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        split.update([UInt8](million.prefix(100)))
        million.dropFirst(100).withUnsafeBytes { split.update($0) }
        #expect(split.finalize().map { String(format: "%02x", $0) }.joined() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("CRC-32 of a buffer is that of the bytes one by one")
    func crc32OfBuffer() {
        let bytes = Array("123456789".utf8) + (0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        #expect(Array("123456789".utf8).withUnsafeBytes { CRC32.checksum($0) } == 0xCBF4_3926)
        #expect(bytes.withUnsafeBytes { CRC32.checksum($0) } == CRC32.checksum(bytes))
        // Eight bytes at a time, then the rest: every length and start around the eight-byte steps.
        for start in 0..<9 {
            for length in 0..<40 {
                let slice = Array(bytes[start..<(start + length)])
                #expect(bytes.withUnsafeBytes { CRC32.checksum(UnsafeRawBufferPointer(rebasing: $0[start..<(start + length)])) }
                    == CRC32.checksum(slice), "start \(start), length \(length)")
            }
        }
    }

    @Test("a dialog's node index is rebuilt when its nodes change")
    func nodeIndex() throws {
        var consultation = try SessionTestDialog.load()
        var dialog = try #require(consultation.dialogs[consultation.entry])
        let position = try #require(dialog.nodeIndex["age"])
        dialog.nodes.remove(at: 0)
        #expect(dialog.nodeIndex["age"] == position - 1)
        consultation.dialogs[dialog.id] = dialog
    }
}
