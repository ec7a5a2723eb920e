import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The absolute form of a path given on the command line, as `URL(fileURLWithPath:).path` gives it.
///
/// A patient start names its summary folder once and needs its absolute path for every message; Foundation's `URL`
/// costs a twentieth of a start the first time it parses and prints a path (its own first protocol-conformance
/// lookups). A plain path (no `~`, no `.` or `..` component, no doubled slash) is completed here, which is all it
/// needs: the working folder in front of a relative path, trailing slashes removed. Anything else goes through `URL`,
/// so the result is always the same (`AbsolutePathTests` compare the two).
enum AbsolutePath {
    static func of(_ path: String) -> String {
        guard isPlain(path) else { return URL(fileURLWithPath: path).path }
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        if trimmed.hasPrefix("/") { return String(trimmed) }
        guard let folder = workingFolder() else { return URL(fileURLWithPath: path).path }
        return folder == "/" ? "/" + trimmed : folder + "/" + trimmed
    }

    /// Whether `path` names a file without anything `URL` would interpret: `~`, `.`, `..`, a doubled slash inside.
    private static func isPlain(_ path: String) -> Bool {
        let bytes = Array(path.utf8)
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        guard let first = bytes.first, first != UInt8(ascii: "~") else { return false }
        var end = bytes.count
        while end > 1, bytes[end - 1] == slash { end -= 1 }
        if end == 1, first == slash { return true }
        var componentStart = 0
        for index in 0...end where index == end || bytes[index] == slash {
            let length = index - componentStart
            if length == 0, index > 0 { return false }
            if length == 1, bytes[componentStart] == dot { return false }
            if length == 2, bytes[componentStart] == dot, bytes[componentStart + 1] == dot { return false }
            componentStart = index + 1
        }
        return true
    }

    /// The working folder, when it is itself a plain absolute path.
    private static func workingFolder() -> String? {
        guard let buffer = getcwd(nil, 0) else { return nil }
        defer { free(buffer) }
        let folder = String(cString: buffer)
        guard folder.hasPrefix("/"), folder == "/" || (isPlain(folder) && !folder.hasSuffix("/")) else { return nil }
        return folder
    }
}
