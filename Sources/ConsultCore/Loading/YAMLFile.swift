import Foundation
import Yams

/// A YAML file read defensively: whatever the file holds, reading it gives a tree or diagnostics, never a crash.
struct YAMLFile {
    /// How large a file the loader accepts. Benchmarks lift them to load dialogs larger than any real one.
    struct Limits: Sendable {
        /// Largest dialog or settings file accepted. Real dialogs are a few dozen KiB.
        var maximumBytes = 1 << 20
        /// Most nodes walked in one file, so alias "billion laughs" bombs cannot blow up the walk.
        var maximumNodes = 200_000

        static let standard = Limits()
    }

    static var maximumBytes: Int { Limits.standard.maximumBytes }
    /// Deepest nesting accepted; Yams builds its tree recursively, so depth must be bounded before parsing.
    static let maximumDepth = 200
    static var maximumNodes: Int { Limits.standard.maximumNodes }

    /// The bytes some editors write at the start of a UTF-8 file.
    static let utf8ByteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The path used in diagnostics (as given by the user).
    var path: String
    var root: Yams.Node
    /// The file's text, for tracing positions inside scalars (see ``SourceFiles``).
    var text: String
    /// The file's bytes as read, which key its consultation's compiled form (``ConsultationCache``).
    var bytes: Data

    /// Reads and parses `path`, adding any problem to `log`.
    ///
    /// - Parameter listedInFolder: whether `path` was found by listing a folder: then what is not a file at
    ///   all (a folder, a named pipe, a device…) is skipped with a warning, and a file that has gone since
    ///   is said to have gone.
    static func read(_ path: String, log: inout DiagnosticLog, listedInFolder: Bool = false, limits: Limits = .standard) -> YAMLFile? {
        let start = SourceLocation(file: path, line: 1, column: 1)
        switch RegularFileReader.contents(of: path, maximumBytes: limits.maximumBytes) {
        case let .success(data):
            return parse(data, path: path, log: &log, limits: limits)
        case let .failure(problem) where listedInFolder && problem.isNotAFile:
            log.warning("skipped: \(problem.description)", at: start, id: "file-skipped")
        case .failure(.missing) where listedInFolder:
            log.error("cannot open the file: it was removed while the folder was being read", at: start, id: "file-vanished")
        case let .failure(problem):
            log.error("cannot read the file: \(problem.description)", at: start, id: "file-unreadable")
        }
        return nil
    }

    /// Parses file contents already in memory.
    static func parse(_ data: Data, path: String, log: inout DiagnosticLog, limits: Limits = .standard) -> YAMLFile? {
        let start = SourceLocation(file: path, line: 1, column: 1)
        let original = data
        guard data.count <= limits.maximumBytes else {
            log.error("the file is larger than \(limits.maximumBytes / 1024) KiB; a dialog file should be much smaller, split it into several dialogs", at: start, id: "file-too-large")
            return nil
        }
        // Some editors start UTF-8 files with a byte-order mark; it is not part of the text.
        let data = data.starts(with: utf8ByteOrderMark) ? data.dropFirst(utf8ByteOrderMark.count) : data
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            log.error("the file is UTF-16 text; save it as UTF-8", at: start, id: "file-utf16")
            return nil
        }
        if let zero = data.firstIndex(of: 0) {
            log.error("this is not a text file (it holds a zero byte at offset \(zero - data.startIndex))", at: start, id: "file-binary")
            return nil
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            let location = firstInvalidUTF8(in: data, path: path)
            log.error("the file is not valid UTF-8 text; save it as UTF-8", at: location, id: "file-invalid-utf8")
            return nil
        }
        if let deep = firstTooDeeplyNested(text, path: path) {
            log.error("the YAML is nested more than \(maximumDepth) levels deep", at: deep, id: "yaml-too-deep")
            return nil
        }
        do {
            guard let root = try Yams.compose(yaml: text) else {
                log.error("the file is empty", at: start, id: "file-empty")
                return nil
            }
            var budget = limits.maximumNodes
            guard withinBudget(root, &budget) else {
                log.error("the YAML expands to more than \(limits.maximumNodes) values (anchors and aliases repeated?); dialogs do not need aliases", at: root.mark.map { location(of: $0, in: path) } ?? start, id: "yaml-too-large")
                return nil
            }
            return YAMLFile(path: path, root: root, text: text, bytes: original)
        } catch let error as YamlError {
            var (message, mark) = describe(error)
            if let mark, startsWithTab(text, at: mark) {
                message = "a tab cannot indent YAML; indent with spaces"
            }
            log.error("YAML syntax error: \(message)", at: mark.map { location(of: $0, in: path) } ?? start, id: "yaml-syntax")
            return nil
        } catch {
            log.error("YAML syntax error: \(error)", at: start, id: "yaml-syntax")
            return nil
        }
    }

    static func location(of mark: Mark, in path: String) -> SourceLocation {
        SourceLocation(file: path, line: mark.line, column: mark.column)
    }

    private static func describe(_ error: YamlError) -> (String, Mark?) {
        switch error {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            guard let context else { return (problem, mark) }
            let place = (context.mark.line, context.mark.column) == (mark.line, mark.column)
                ? "" : " that starts at line \(context.mark.line), column \(context.mark.column)"
            return ("\(problem) (\(context.text)\(place))", mark)
        case let .duplicatedKeysInMapping(duplicates, context):
            return ("the key '\(duplicates.joined(separator: "', '"))' appears twice in the same mapping", context.mark)
        case let .reader(problem, _, _, _):
            return (problem, nil)
        default:
            return ("\(error)", nil)
        }
    }

    /// Whether the character at `mark` is a tab in the file's leading whitespace, where YAML forbids tabs.
    private static func startsWithTab(_ text: String, at mark: Mark) -> Bool {
        let lines = text.split(separator: "\n", maxSplits: mark.line, omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count else { return false }
        let prefix = lines[mark.line - 1].unicodeScalars.prefix(mark.column)
        return prefix.last == "\t" && prefix.allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// Counts nodes, sharing one budget across aliases, and stops as soon as it runs out.
    private static func withinBudget(_ node: Yams.Node, _ budget: inout Int) -> Bool {
        budget -= 1
        guard budget >= 0 else { return false }
        switch node {
        case .scalar, .alias:
            return true
        case let .sequence(sequence):
            for item in sequence where !withinBudget(item, &budget) { return false }
            return true
        case let .mapping(mapping):
            for (key, value) in mapping where !withinBudget(key, &budget) || !withinBudget(value, &budget) { return false }
            return true
        }
    }

    /// A cheap upper bound of YAML nesting per line: indentation levels, leading block indicators
    /// (`- - -`) and open flow brackets.
    ///
    /// It over-estimates (brackets inside quotes count too), which only matters for absurd files.
    private static func firstTooDeeplyNested(_ text: String, path: String) -> SourceLocation? {
        var bracketDepth = 0
        var indentStack: [Int] = []
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var leadingIndicators = 0
            var indent = 0
            var inLeadingRun = true
            var blank = true
            var column = 0
            for character in line.utf8 {
                if character & 0xC0 != 0x80 { column += 1 }
                if inLeadingRun {
                    switch character {
                    case UInt8(ascii: " "):
                        if leadingIndicators == 0 { indent += 1 }
                        continue
                    case UInt8(ascii: "-"), UInt8(ascii: "?"):
                        leadingIndicators += 1
                        continue
                    default:
                        inLeadingRun = false
                    }
                }
                blank = false
                switch character {
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    bracketDepth += 1
                    // Brackets can nest deeply within one line, as in `[[[[…]]]]`.
                    if bracketDepth + indentStack.count + leadingIndicators > maximumDepth {
                        return SourceLocation(file: path, line: lineNumber, column: column)
                    }
                case UInt8(ascii: "]"), UInt8(ascii: "}"): bracketDepth = max(0, bracketDepth - 1)
                default: break
                }
            }
            if !blank || leadingIndicators > 0 {
                while let top = indentStack.last, top > indent { indentStack.removeLast() }
                if indentStack.last != indent { indentStack.append(indent) }
            }
            if bracketDepth + indentStack.count + leadingIndicators > maximumDepth {
                return SourceLocation(file: path, line: lineNumber, column: 1)
            }
        }
        return nil
    }

    private static func firstInvalidUTF8(in data: Data, path: String) -> SourceLocation {
        var line = 1
        var column = 1
        var index = data.startIndex
        while index < data.endIndex {
            let byte = data[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return SourceLocation(file: path, line: line, column: column)
            }
            let end = index + length
            guard end <= data.endIndex, String(validating: data[index..<end], as: UTF8.self) != nil else {
                return SourceLocation(file: path, line: line, column: column)
            }
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
            index = end
        }
        return SourceLocation(file: path, line: line, column: column)
    }
}
