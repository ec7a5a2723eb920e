import ConsultCore
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The rehearsal folder: rehearsal summaries, the staff's line history and the coverage file, all private.
struct RehearsalFolder {
    let url: URL

    /// The line history readline keeps between rehearsals.
    var historyFile: URL { url.appendingPathComponent(".history") }
    /// Branch cases and rules exercised, across rehearsals.
    var coverageFile: URL { url.appendingPathComponent("coverage.json") }

    /// Creates the folder (mode 0700) and an empty history file (mode 0600) when missing.
    func prepare() throws {
        if !FileManager.default.fileExists(atPath: url.path) {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            _ = chmod(url.path, 0o700)  // exactly 0700, whatever the umask
        }
        let descriptor = open(historyFile.path, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw RehearsalFolderError(path: historyFile.path, reason: String(cString: strerror(errno)))
        }
        _ = fchmod(descriptor, 0o600)
        close(descriptor)
    }

    /// Adds one rehearsal's coverage to the coverage file and returns the totals for its dialog version.
    ///
    /// The file is replaced atomically by a `0600` file; an unreadable file is left as it is (and reported).
    func record(_ coverage: RehearsalCoverage, under key: String) throws -> RehearsalCoverage {
        var ledger = CoverageLedger()
        if let data = try? Data(contentsOf: coverageFile) {
            do {
                ledger = try JSONDecoder().decode(CoverageLedger.self, from: data)
            } catch {
                throw RehearsalFolderError(path: coverageFile.path, reason: "it is not a coverage file (\(error))")
            }
        }
        ledger.add(coverage, under: key)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(ledger)
        let temporary = url.appendingPathComponent(".coverage.json.\(UInt32.random(in: 0...UInt32.max)).tmp")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw RehearsalFolderError(path: temporary.path, reason: String(cString: strerror(errno))) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            _ = fchmod(descriptor, 0o600)
            try handle.write(contentsOf: data + Data("\n".utf8))
            try handle.synchronize()
            try handle.close()
            guard rename(temporary.path, coverageFile.path) == 0 else {
                throw RehearsalFolderError(path: coverageFile.path, reason: String(cString: strerror(errno)))
            }
        } catch {
            unlink(temporary.path)
            throw error
        }
        return ledger.dialogs[key] ?? coverage
    }

    /// Whether `candidate` is the patients' summary folder (`summaries` in the working folder), symbolic links resolved.
    static func isPatientFolder(_ candidate: URL) -> Bool {
        let patients = URL(fileURLWithPath: "summaries").standardizedFileURL.resolvingSymlinksInPath()
        return candidate.standardizedFileURL.resolvingSymlinksInPath().path == patients.path
    }
}

/// A rehearsal file that could not be written or read.
struct RehearsalFolderError: Error, CustomStringConvertible {
    let path: String
    let reason: String
    var description: String { "\(path): \(reason)" }
}
