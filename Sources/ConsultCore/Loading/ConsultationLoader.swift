import Foundation
import Yams

/// Loads a consultation from dialog files and checks it like a compiler.
///
/// Loading never crashes and never throws: whatever the files hold, the result is
/// a consultation, diagnostics, or both (warnings only).
public enum ConsultationLoader {
    /// What loading produced.
    public struct Result: Sendable {
        /// The consultation, when there were no errors.
        public var consultation: Consultation?
        /// Errors and warnings, in file order.
        public var diagnostics: [Diagnostic]
        /// Every file the consultation was read from (dialogs and settings), with the bytes that were parsed:
        /// the key of its compiled form is their hash, so it names exactly what was checked.
        var sourceFiles: [(path: String, bytes: Data)] = []
        /// The consultation as linked, even when checking it found errors: `consult strings` exports and
        /// imports translations of dialogs whose only errors are the missing translations.
        var linked: Consultation?

        public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
        public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    }

    /// Loads a consultation from a folder of dialog files, or from one dialog file.
    public static func load(path: String) -> Result {
        load(path: path, limits: .standard)
    }

    /// Loads a consultation from a folder of dialog files, or from one dialog file, accepting files within `limits`.
    static func load(path: String, limits: YAMLFile.Limits) -> Result {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            // A symbolic link to nothing, or in a circle of links, is there but leads nowhere: say which.
            if (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil {
                return load(files: [path], listedInFolder: false, limits: limits)
            }
            return failure("no such file or folder; give a dialog file or a folder of them (like 'dialogs')", at: path, id: "no-such-path")
        }
        guard isDirectory.boolValue else { return load(files: [path], listedInFolder: false, limits: limits) }
        let files: [String]
        do {
            files = try dialogFiles(inFolder: path)
        } catch {
            return failure("cannot list the folder: \(error.reason)", at: path, id: "folder-unreadable")
        }
        guard !files.isEmpty else {
            return failure("the folder holds no dialog files (*.yaml)", at: path, id: "no-dialog-files")
        }
        return load(files: files, listedInFolder: true, limits: limits)
    }

    /// The files of a folder that are read as dialogs (or settings), in the order they are read.
    static func dialogFiles(inFolder path: String) throws(FolderListingError) -> [String] {
        // With `opendir` rather than FileManager, whose set-up and NSString paths cost a warm start (which lists
        // the folder to see that no dialog was added) more than the listing.
        guard let stream = opendir(path) else { throw FolderListingError(reason: SystemCallError.last(path: path).reason) }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                let bytes = raw.bindMemory(to: UInt8.self)
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<(bytes.firstIndex(of: 0) ?? bytes.count)]), as: UTF8.self)
            }
            // `properties.yaml` holds the folder's safety properties (`consult paths --check`), not a dialog.
            if !name.hasPrefix("."), name.hasSuffix(".yaml") || name.hasSuffix(".yml"), name != "properties.yaml" {
                names.append(name)
            }
        }
        // Joined as NSString's `appendingPathComponent` joins them, so paths (and keys of compiled forms) stay as before.
        return names.sorted().map { path.isEmpty ? $0 : path.hasSuffix("/") ? path + $0 : path + "/" + $0 }
    }

    /// Loads a consultation from these files; a file named by a dialog's `settings:` is read as settings.
    public static func load(files: [String]) -> Result {
        load(files: files, listedInFolder: false)
    }

    /// Loads a consultation from these files.
    ///
    /// - Parameter listedInFolder: whether the files were found by listing a folder, so what is not a file
    ///   at all (a folder named `x.yaml`, a named pipe…) is skipped with a warning.
    static func load(files: [String], listedInFolder: Bool, limits: YAMLFile.Limits = .standard) -> Result {
        var log = DiagnosticLog()
        var sources = SourceFiles()
        var trees: [(path: String, root: Yams.Node)] = []
        var sourceFiles: [(path: String, bytes: Data)] = []
        for path in files {
            guard let file = YAMLFile.read(path, log: &log, listedInFolder: listedInFolder, limits: limits) else { continue }
            trees.append((path, file.root))
            sources.add(file.text, path: path)
            sourceFiles.append((path, file.bytes))
        }

        // Settings files are the ones a dialog names; read those paths first.
        var dialogFiles: [DialogFile] = []
        var otherTrees: [(path: String, root: Yams.Node)] = []
        for tree in trees {
            if case let .mapping(mapping) = tree.root, mapping.keys.contains(where: { $0.string == "dialog" }) {
                var parser = DialogFileParser(path: tree.path, sources: sources)
                if let parsed = parser.parse(tree.root) { dialogFiles.append(parsed) }
                log.append(contentsOf: parser.log)
            } else {
                otherTrees.append(tree)
            }
        }

        var settingsPaths: [String: SourceLocation] = [:]
        for file in dialogFiles {
            guard let (relative, location) = file.settingsPath else { continue }
            let directory = (file.dialog.file as NSString).deletingLastPathComponent
            let path = relative.hasPrefix("/") ? relative : (directory as NSString).appendingPathComponent(relative)
            settingsPaths[(path as NSString).standardizingPath] = location
        }

        var settings: [String: Value] = [:]
        var settingsLocations: [String: SourceLocation] = [:]
        var settingsFile: String?
        for (path, reference) in settingsPaths.sorted(by: { $0.key < $1.key }) {
            let tree = otherTrees.first { ($0.path as NSString).standardizingPath == path }
            var root = tree?.root
            if root == nil {
                guard FileManager.default.fileExists(atPath: path) else {
                    log.error("the settings file '\(path)' does not exist", at: reference, id: "settings-file-missing")
                    continue
                }
                if let file = YAMLFile.read(path, log: &log, limits: limits) {
                    root = file.root
                    sources.add(file.text, path: path)
                    sourceFiles.append((path, file.bytes))
                }
            }
            guard let root else { continue }
            settingsFile = path
            SettingsParser.parse(root, reader: YAMLReader(path: tree?.path ?? path, sources: sources),
                                 into: &settings, locations: &settingsLocations, log: &log)
        }
        for tree in otherTrees where settingsPaths[(tree.path as NSString).standardizingPath] == nil {
            log.error("this is not a dialog file (it has no 'dialog:' key) and no dialog names it as its 'settings:' file", at: SourceLocation(file: tree.path, line: 1, column: 1), id: "not-a-dialog-file")
        }

        guard !dialogFiles.isEmpty else {
            if !log.hasErrors, let first = files.first {
                log.error("no dialog found; a dialog file starts with 'dialog: ID'", at: SourceLocation(file: first, line: 1, column: 1), id: "no-dialog-found")
            }
            return Result(consultation: nil, diagnostics: log.sorted)
        }

        var linker = ConsultationLinker(files: dialogFiles, settings: settings, settingsLocations: settingsLocations,
                                        settingsFile: settingsFile, sources: sources,
                                        checksFlow: !log.hasErrors)
        var consultation = linker.link()
        log.append(contentsOf: linker.log)
        if var linked = consultation {
            let languagesLocation = dialogFiles.first { $0.dialog.id == linked.entry }?.languagesLocation
            LanguageFiles.load(into: &linked, declaredAt: languagesLocation, sources: &sources, sourceFiles: &sourceFiles,
                               log: &log, limits: limits)
            consultation = linked
        }
        return Result(consultation: log.hasErrors ? nil : consultation, diagnostics: log.sorted, sourceFiles: sourceFiles,
                      linked: consultation)
    }

    private static func failure(_ message: String, at path: String, id: String) -> Result {
        Result(consultation: nil, diagnostics: [Diagnostic(.error, at: SourceLocation(file: path, line: 1, column: 1), message, id: id)])
    }
}

/// Reads a settings file: a flat mapping of names to numbers, text or true/false.
enum SettingsParser {
    static func parse(_ root: Yams.Node, reader yaml: YAMLReader, into settings: inout [String: Value],
                      locations: inout [String: SourceLocation], log: inout DiagnosticLog) {
        guard let mapping = yaml.mapping(root, "a settings file", log: &log) else { return }
        for entry in mapping.entries {
            guard YAMLReader.isIdentifier(entry.key) else {
                log.error("setting name '\(entry.key)' should be a word of letters, digits and underscores", at: entry.keyLocation, id: "bad-setting-name")
                continue
            }
            guard case let .scalar(scalar) = entry.value else {
                log.error("the setting '\(entry.key)' should be a single value (a number, text, or true/false), not \(yaml.describe(entry.value))", at: yaml.location(of: entry.value), id: "setting-not-a-value")
                continue
            }
            if settings[entry.key] != nil {
                log.error("the setting '\(entry.key)' is defined twice", at: entry.keyLocation, id: "duplicate-setting")
                continue
            }
            let text = scalar.string
            let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
            if !quoted, let number = Double(text.replacingOccurrences(of: "_", with: "")), number.isFinite {
                if abs(number) > NumberFormatting.largestShown {
                    log.error("the setting '\(entry.key)' is \(text), beyond ±\(NumberIntervals.bound), the largest number a consultation can show", at: entry.keyLocation, id: "setting-out-of-range")
                }
                settings[entry.key] = .number(number)
            } else if !quoted, ["true", "false"].contains(text.lowercased()) {
                settings[entry.key] = .boolean(text.lowercased() == "true")
            } else {
                settings[entry.key] = .text(text)
            }
            locations[entry.key] = entry.keyLocation
        }
    }
}

/// Why a folder of dialogs could not be listed: the system's reason (`Permission denied`).
struct FolderListingError: Error {
    var reason: String
}
