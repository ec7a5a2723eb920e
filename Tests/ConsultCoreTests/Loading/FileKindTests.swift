import Foundation
import Testing
@testable import ConsultCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Things in a dialogs folder that are not dialog files: named pipes, sockets, devices, folders, symbolic
/// links that lead nowhere. A folder's listing skips each with a warning; named on their own, each is an
/// error. Never a hang, never a system error code.
@Suite("things that are not files")
struct FileKindTests {
    static let dialog = "dialog: visit\nversion: 1.0.0\nnodes:\n  - end: Thank you.\n"

    /// A fresh folder holding `visit.yaml`, removed after `body`.
    private func inFolder(_ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("consult-kinds-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try Self.dialog.write(toFile: "\(folder)/visit.yaml", atomically: true, encoding: .utf8)
        try body(folder)
    }

    /// Loads `folder` and expects the dialog to load, with only `warnings`.
    private func expectSkipped(_ folder: String, _ warnings: [String]) {
        let result = ConsultationLoader.load(path: folder)
        #expect(result.diagnostics.map(\.description) == warnings.map { "\(folder)/\($0)" })
        #expect(result.consultation != nil)
    }

    // MARK: - Named pipes

    /// Whether anything opened the named pipe at `path` for reading while `body` ran.
    ///
    /// A reader blocked in `open` is let go (the pipe is opened for writing and closed at once), so a
    /// loader that opens the pipe reads an empty file instead of hanging the test run.
    private func pipeOpened<T>(_ path: String, while body: () -> T) -> (T, opened: Bool) {
        let watch = PipeWatch()
        let finished = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            while !watch.isDone {
                let descriptor = open(path, O_WRONLY | O_NONBLOCK)
                if descriptor >= 0 {
                    watch.markOpened()
                    close(descriptor)
                }
                usleep(2_000)
            }
            finished.signal()
        }
        let result = body()
        watch.finish()
        finished.wait()
        return (result, watch.wasOpened)
    }

    /// What the watching thread and the test share.
    private final class PipeWatch: @unchecked Sendable {
        private let lock = NSLock()
        private var done = false
        private var opened = false
        var isDone: Bool { lock.withLock { done } }
        var wasOpened: Bool { lock.withLock { opened } }
        func finish() { lock.withLock { done = true } }
        func markOpened() { lock.withLock { opened = true } }
    }

    /// A named pipe made the loader wait forever in `open` for a writer that never came.
    @Test("a named pipe in the folder is skipped without being opened")
    func namedPipeInFolder() throws {
        try inFolder { folder in
            #expect(mkfifo("\(folder)/pipe.yaml", 0o644) == 0)
            let (_, opened) = pipeOpened("\(folder)/pipe.yaml") {
                expectSkipped(folder, ["pipe.yaml:1:1: warning: skipped: this is a named pipe (FIFO), not a file"])
            }
            #expect(!opened)
        }
    }

    @Test("a symbolic link to a named pipe is skipped without opening the pipe")
    func linkToNamedPipe() throws {
        try inFolder { folder in
            #expect(mkfifo("\(folder)/pipe", 0o644) == 0)
            try FileManager.default.createSymbolicLink(atPath: "\(folder)/link.yaml", withDestinationPath: "pipe")
            let (_, opened) = pipeOpened("\(folder)/pipe") {
                expectSkipped(folder, ["link.yaml:1:1: warning: skipped: this is a named pipe (FIFO), not a file"])
            }
            #expect(!opened)
        }
    }

    @Test("a named pipe named on its own is an error, and is not opened")
    func namedPipeAlone() throws {
        try inFolder { folder in
            let path = "\(folder)/pipe.yaml"
            #expect(mkfifo(path, 0o644) == 0)
            let (result, opened) = pipeOpened(path) { ConsultationLoader.load(path: path) }
            #expect(result.diagnostics.map(\.description) == ["\(path):1:1: error: cannot read the file: this is a named pipe (FIFO), not a file"])
            #expect(!opened)
        }
    }

    // MARK: - Other things

    /// It used to be "cannot read the file: The operation could not be completed. (NSCocoaErrorDomain error 256.)".
    @Test("a folder named like a dialog file is skipped")
    func folderNamedYAML() throws {
        try inFolder { folder in
            try FileManager.default.createDirectory(atPath: "\(folder)/x.yaml", withIntermediateDirectories: false)
            expectSkipped(folder, ["x.yaml:1:1: warning: skipped: this is a folder, not a file"])
        }
    }

    @Test("symbolic links in a circle are skipped, and named on their own are an error")
    func linkLoop() throws {
        try inFolder { folder in
            try FileManager.default.createSymbolicLink(atPath: "\(folder)/a.yaml", withDestinationPath: "b.yaml")
            try FileManager.default.createSymbolicLink(atPath: "\(folder)/b.yaml", withDestinationPath: "a.yaml")
            expectSkipped(folder, [
                "a.yaml:1:1: warning: skipped: this is a symbolic link that leads round in a circle of links",
                "b.yaml:1:1: warning: skipped: this is a symbolic link that leads round in a circle of links",
            ])
            let alone = ConsultationLoader.load(path: "\(folder)/a.yaml")
            #expect(alone.diagnostics.map(\.description) == ["\(folder)/a.yaml:1:1: error: cannot read the file: this is a symbolic link that leads round in a circle of links"])
        }
    }

    @Test("a symbolic link to nothing is skipped")
    func danglingLink() throws {
        try inFolder { folder in
            try FileManager.default.createSymbolicLink(atPath: "\(folder)/gone.yaml", withDestinationPath: "nowhere.yaml")
            expectSkipped(folder, ["gone.yaml:1:1: warning: skipped: this is a symbolic link to a file that does not exist"])
        }
    }

    /// `/dev/zero` would fill memory up to the size limit; `/dev/null` read as an empty file.
    @Test("a device is skipped without being read")
    func device() throws {
        try inFolder { folder in
            try FileManager.default.createSymbolicLink(atPath: "\(folder)/null.yaml", withDestinationPath: "/dev/null")
            try FileManager.default.createSymbolicLink(atPath: "\(folder)/zero.yaml", withDestinationPath: "/dev/zero")
            expectSkipped(folder, [
                "null.yaml:1:1: warning: skipped: this is a device, not a file",
                "zero.yaml:1:1: warning: skipped: this is a device, not a file",
            ])
        }
    }

    @Test("a socket is skipped")
    func socketInFolder() throws {
        try inFolder { folder in
            let path = "\(folder)/socket.yaml"
            let descriptor = try Self.bindUnixSocket(at: path)
            defer { close(descriptor) }
            expectSkipped(folder, ["socket.yaml:1:1: warning: skipped: this is a socket, not a file"])
        }
    }

    /// A Unix domain socket bound at `path`.
    private static func bindUnixSocket(at path: String) throws -> Int32 {
        #if canImport(Glibc)
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let descriptor = socket(AF_UNIX, SOCK_STREAM, 0)
        #endif
        try #require(descriptor >= 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        try #require(bytes.count < MemoryLayout.size(ofValue: address.sun_path))
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            buffer.copyBytes(from: bytes)
            buffer[bytes.count] = 0
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        try #require(bound == 0)
        return descriptor
    }

    /// The folder was listed, then the file went (an editor saving, someone tidying up).
    @Test("a file removed between listing the folder and reading it is an error that says so")
    func removedAfterListing() throws {
        try inFolder { folder in
            let result = ConsultationLoader.load(files: ["\(folder)/visit.yaml", "\(folder)/screening.yaml"], listedInFolder: true)
            #expect(result.diagnostics.map(\.description) == ["\(folder)/screening.yaml:1:1: error: cannot open the file: it was removed while the folder was being read"])
        }
    }

    // MARK: - Encodings

    /// A byte-order mark gave "YAML syntax error: did not find expected <document start>" on line 2.
    @Test("a UTF-8 byte-order mark is accepted, and columns on the first line are unchanged")
    func byteOrderMark() throws {
        try inFolder { folder in
            let path = "\(folder)/visit.yaml"
            try Data(YAMLFile.utf8ByteOrderMark + Array(Self.dialog.utf8)).write(to: URL(fileURLWithPath: path))
            let clean = ConsultationLoader.load(path: path)
            #expect(clean.diagnostics.isEmpty, "\(clean.diagnostics)")
            #expect(clean.consultation != nil)

            try Data(YAMLFile.utf8ByteOrderMark + Array(("titel: Visit\n" + Self.dialog).utf8)).write(to: URL(fileURLWithPath: path))
            let misspelt = ConsultationLoader.load(path: path)
            #expect(misspelt.diagnostics.map(\.description) == ["\(path):1:1: error: unknown key 'titel' in a dialog file; did you mean 'title'?"])
        }
    }

    @Test("UTF-16 text is asked to be saved as UTF-8")
    func utf16() throws {
        try inFolder { folder in
            let path = "\(folder)/visit.yaml"
            try Data([0xFF, 0xFE] + #require(Self.dialog.data(using: .utf16LittleEndian))).write(to: URL(fileURLWithPath: path))
            let result = ConsultationLoader.load(path: path)
            #expect(result.diagnostics.map(\.description) == ["\(path):1:1: error: the file is UTF-16 text; save it as UTF-8"])
        }
    }
}
