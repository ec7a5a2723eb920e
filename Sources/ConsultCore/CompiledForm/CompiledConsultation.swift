import Foundation

/// The file format of a checked consultation's compiled form: a header that says which dialog files (and which
/// bytes of them) it was compiled from, then the consultation itself in ``CompiledFormWriter``'s binary form.
///
/// ```
/// "CONSULTC"  format version (4 bytes, little-endian)  header length (4 bytes)  header  payload
/// header: the source files' paths, the key (SHA-256, hex), the payload's length and CRC-32, the engine's
///         identity, and each source file's fingerprint (or none)
/// ```
/// The key is the hash of the engine's identity and of every source file's path and bytes, so the compiled
/// form is used only for exactly the files (and the program) it was made from. The fingerprints let a start
/// skip reading and hashing files that provably have not been written since (``FileFingerprint``).
enum CompiledConsultation {
    static let magic = Array("CONSULTC".utf8)

    /// Bumped whenever the model, the loader's checks or this format change, so older compiled forms are
    /// never read. (The program's own identity is part of the key too: see ``EngineIdentity``.)
    static let formatVersion: UInt32 = 7

    /// What the header says about a compiled form.
    struct Header: Equatable {
        /// The files it was compiled from, as the loader named them, in the order they were read.
        var sourcePaths: [String]
        /// The hash of the engine and of those files' bytes.
        var key: String
        var payloadLength: Int
        var payloadChecksum: UInt32
        /// The identity of the program that compiled it (``EngineIdentity``), also hashed into the key.
        var engine: String
        /// For each source file, its fingerprint when it had settled before the compile began, else `nil`.
        var fingerprints: [FileFingerprint?]

        /// Whether every source file is as it was when its bytes went into the key, by `stat` alone.
        func sourcesUnchanged(engine current: String) -> Bool {
            guard engine == current, fingerprints.count == sourcePaths.count else { return false }
            for (path, recorded) in zip(sourcePaths, fingerprints) {
                guard let recorded, FileFingerprint(path: path) == recorded else { return false }
            }
            return true
        }

        func write(to writer: inout CompiledFormWriter) {
            writer.write(sourcePaths)
            writer.write(key)
            writer.writeCount(payloadLength)
            writer.writeUnsigned(UInt64(payloadChecksum))
            writer.write(engine)
            writer.writeCount(fingerprints.count)
            for fingerprint in fingerprints {
                writer.writeOptional(fingerprint) { writer, print in
                    writer.writeUnsigned(print.device)
                    writer.writeUnsigned(print.inode)
                    writer.write(Int(print.size))
                    for time in [print.modified, print.changed] {
                        writer.write(Int(time.seconds))
                        writer.write(Int(time.nanoseconds))
                    }
                }
            }
        }
    }

    /// The key of a consultation compiled from these files' bytes by this engine.
    static func key(engine: String, files: [(path: String, bytes: Data)]) -> String {
        var hash = SHA256()
        hash.update("consult compiled consultation \(formatVersion)")
        hash.update(engine)
        hash.update(files.count)
        for file in files {
            hash.update(file.path)
            hash.update(file.bytes.count)
            file.bytes.withUnsafeBytes { hash.update($0) }
        }
        return SHA256.hexDigits(hash.finalize())
    }

    /// The compiled form of `consultation`, read from the files at `sourcePaths` with these fingerprints.
    static func encode(_ consultation: Consultation, key: String, engine: String, sourcePaths: [String],
                       fingerprints: [FileFingerprint?]) -> [UInt8] {
        var body = CompiledFormWriter()
        body.write(consultation)
        let payload = body.bytes
        let header = Header(sourcePaths: sourcePaths, key: key, payloadLength: payload.count,
                            payloadChecksum: payload.withUnsafeBytes { CRC32.checksum($0) }, engine: engine,
                            fingerprints: fingerprints)
        return file(header: header, payload: payload[...])
    }

    /// The same compiled form under another header (new fingerprints); its payload is kept byte for byte.
    static func reheadered(_ bytes: [UInt8], payloadStart: Int, header: Header) -> [UInt8] {
        file(header: header, payload: bytes[payloadStart...])
    }

    private static func file(header: Header, payload: ArraySlice<UInt8>) -> [UInt8] {
        var writer = CompiledFormWriter()
        header.write(to: &writer)
        let headerBytes = writer.bytes
        var file = magic
        file.reserveCapacity(16 + headerBytes.count + payload.count)
        appendLittleEndian(formatVersion, to: &file)
        appendLittleEndian(UInt32(headerBytes.count), to: &file)
        file += headerBytes
        file += payload
        return file
    }

    /// The header of a compiled form, if the bytes start like one of this format version.
    static func header(of bytes: [UInt8]) throws(CompiledFormReader.Damaged) -> (header: Header, payloadStart: Int) {
        guard bytes.count >= 16, Array(bytes[0..<8]) == magic else { throw .init(reason: "it is not a compiled consultation") }
        guard readLittleEndian(bytes, at: 8) == formatVersion else { throw .init(reason: "it was written by another version") }
        let headerLength = Int(readLittleEndian(bytes, at: 12))
        guard headerLength <= bytes.count - 16 else { throw .init(reason: "it ends inside its header") }
        var reader = try CompiledFormReader(Array(bytes[16..<(16 + headerLength)]))
        let header = try Header(from: &reader)
        guard reader.isAtEnd else { throw .init(reason: "its header has bytes to spare") }
        return (header, 16 + headerLength)
    }

    /// The consultation in a compiled form whose header has been read and whose key has been checked.
    static func decode(_ bytes: [UInt8], header: Header, payloadStart: Int) throws(CompiledFormReader.Damaged) -> Consultation {
        guard bytes.count - payloadStart == header.payloadLength else { throw .init(reason: "it is truncated or too long") }
        let checksum = bytes.withUnsafeBytes { CRC32.checksum(UnsafeRawBufferPointer(rebasing: $0[payloadStart...])) }
        guard checksum == header.payloadChecksum else { throw .init(reason: "its checksum does not match") }
        var reader = try CompiledFormReader(bytes, from: payloadStart)
        let consultation = try Consultation(from: &reader)
        guard reader.isAtEnd else { throw .init(reason: "it has bytes to spare") }
        return consultation
    }

    private static func appendLittleEndian(_ value: UInt32, to bytes: inout [UInt8]) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    private static func readLittleEndian(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        (0..<4).reduce(0) { $0 | UInt32(bytes[offset + $1]) << (8 * UInt32($1)) }
    }
}

extension CompiledConsultation.Header {
    /// Read in an extension, so the header keeps its memberwise initialiser.
    init(from reader: inout CompiledFormReader) throws(CompiledFormReader.Damaged) {
        sourcePaths = try reader.readStrings()
        key = try reader.readString()
        payloadLength = Int(try reader.readUnsigned())
        payloadChecksum = UInt32(truncatingIfNeeded: try reader.readUnsigned())
        engine = try reader.readString()
        fingerprints = try reader.readArray { reader throws(CompiledFormReader.Damaged) in
            try reader.readOptional { reader throws(CompiledFormReader.Damaged) in
                let device = try reader.readUnsigned(), inode = try reader.readUnsigned()
                let size = Int64(try reader.readInt())
                let modified = FileFingerprint.Timestamp(seconds: Int64(try reader.readInt()), nanoseconds: Int64(try reader.readInt()))
                let changed = FileFingerprint.Timestamp(seconds: Int64(try reader.readInt()), nanoseconds: Int64(try reader.readInt()))
                return FileFingerprint(device: device, inode: inode, size: size, modified: modified, changed: changed)
            }
        }
    }
}

/// What identifies the program that compiles and runs consultations: the format version and the executable's
/// size, modification time and inode.
///
/// A rebuilt or upgraded program may read dialogs differently, and a forgotten ``CompiledConsultation/formatVersion``
/// bump must not let it run a model the old one compiled; one `stat` of the executable costs microseconds.
enum EngineIdentity {
    /// The identity of the running program, or `nil` when the executable cannot be looked at (then nothing is cached).
    static let current: String? = {
        #if os(Linux)
        let path = "/proc/self/exe"
        #else
        let path = CommandLine.arguments.first ?? ""
        #endif
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if os(Linux)
        let modified = "\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        #else
        let modified = "\(info.st_mtimespec.tv_sec).\(info.st_mtimespec.tv_nsec)"
        #endif
        return "format \(CompiledConsultation.formatVersion); program \(info.st_size) bytes, modified \(modified), inode \(info.st_ino)"
    }()
}
