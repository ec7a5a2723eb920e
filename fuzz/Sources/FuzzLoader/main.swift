import ConsultCore
import Foundation
import FuzzSupport

// The dialog loader: the input is one or more dialog or settings files, written to a folder and loaded as
// `consult validate FOLDER` loads it. A line `#file: NAME` starts a new file (it is a YAML comment, so a
// single dialog needs no marker); text before the first marker is `consultation.yaml`.
//
// Properties: loading never traps; every diagnostic in a written file names a line of it (or the end of the
// file); a consultation that loads runs a session (scripted answers, then the end of input) whose record has
// the properties every record has, and draws as a chart.
FuzzDriver.run { data, size in
    LoaderTarget.test(FuzzInput(data, size))
    return 0
}

enum LoaderTarget {
    /// The answers typed at a consultation that loads, in turn, until it ends or 60 lines are typed.
    static let answers = [
        "yes", "no", "1", "34", "2 months ago", "", "back", "not sure", "why", "skip", "1, 2", "none",
        "does it hurt?", "more", "help", "last year", "restart", "no", "hello there", "quit", "no", "3",
    ]

    static let folder: String = {
        let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let path = (base as NSString).appendingPathComponent("consult-fuzz-loader-\(getpid())")
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }()

    static func test(_ input: FuzzInput) {
        let files = LoaderInput.files(in: Array(input.bytes))
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
            try? FileManager.default.removeItem(atPath: (folder as NSString).appendingPathComponent(name))
        }
        var lineCounts: [String: Int] = [:]
        for file in files {
            let path = (folder as NSString).appendingPathComponent(file.name)
            guard FileManager.default.createFile(atPath: path, contents: Data(file.bytes)) else {
                fatalError("cannot write \(path): the fuzz target needs a writable temporary folder")
            }
            lineCounts[path] = LoaderInput.yamlLineCount(file.bytes)
        }
        let text = { input.text }
        let result = ConsultationLoader.load(path: folder)
        for diagnostic in result.diagnostics {
            let location = diagnostic.location
            guard let lines = lineCounts[location.file] else { continue }
            // libyaml reports the end of a file whose last line has no line break on the line after it, column 1.
            let endOfFile = location.line == lines + 1 && location.column == 1
            if !((1...max(1, lines)).contains(location.line) || endOfFile) || location.column < 1 {
                Finding.report("a diagnostic at line \(location.line), column \(location.column) of a \(lines)-line file: \(diagnostic)", input: text())
            }
        }
        guard let consultation = result.consultation else { return }
        let lines = (0..<60).map { answers[$0 % answers.count] }
        for language in Set([consultation.languages.first ?? "en", consultation.languages.last ?? "en"]) {
            SessionPlay.play(lines, through: consultation, language: language, input: text())
        }
        let chart = ConsultationChart(consultation: consultation)
        _ = MermaidRenderer().render(chart)
        _ = DOTRenderer().render(chart)
    }
}

/// Splits a loader input into files at `#file: NAME` lines.
enum LoaderInput {
    struct File {
        var name: String
        var bytes: [UInt8]
    }

    static let marker = Array("#file: ".utf8)
    /// The name of the file before the first marker.
    static let firstName = "consultation.yaml"
    static let mostFiles = 12

    static func files(in bytes: [UInt8]) -> [File] {
        var files: [File] = []
        var names: Set<String> = []
        let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            if line.starts(with: marker), files.count < mostFiles {
                var name = fileName(String(decoding: line.dropFirst(marker.count), as: UTF8.self))
                if names.contains(name) { name = "\(files.count)-\(name)" }
                names.insert(name)
                files.append(File(name: name, bytes: []))
                continue
            }
            if files.isEmpty {
                names.insert(firstName)
                files.append(File(name: firstName, bytes: []))
            }
            files[files.count - 1].bytes.append(contentsOf: line)
            if index < lines.count - 1 { files[files.count - 1].bytes.append(UInt8(ascii: "\n")) }
        }
        return files
    }

    /// How many lines YAML sees in `bytes`: it breaks lines at `\n`, `\r\n`, a lone `\r`, and U+0085, U+2028 and
    /// U+2029 (so a diagnostic may name more lines than an editor that breaks only at `\n` shows).
    static func yamlLineCount(_ bytes: [UInt8]) -> Int {
        var count = 1
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\n"): count += 1
            case UInt8(ascii: "\r"): if index + 1 >= bytes.count || bytes[index + 1] != UInt8(ascii: "\n") { count += 1 }
            case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0x85: count += 1
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                count += 1
            default: break
            }
            index += 1
        }
        return count
    }

    /// A plain file name (letters, digits, `-`, `_`, `.`) ending in `.yaml`, so nothing is written outside the folder.
    static func fileName(_ written: String) -> String {
        let kept = written.trimmingCharacters(in: .whitespaces).unicodeScalars.prefix(40).filter {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0))
        }
        var name = String(String.UnicodeScalarView(kept))
        while name.hasPrefix(".") { name.removeFirst() }
        if name.isEmpty { name = "file" }
        return name.hasSuffix(".yaml") || name.hasSuffix(".yml") ? name : name + ".yaml"
    }
}
