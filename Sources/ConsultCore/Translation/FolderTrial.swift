import Foundation

/// Tries an import on a copy of the dialog folder before any original is touched: the copy must validate
/// (missing translations aside), every imported string must read back exactly as the CSV gave it, and every
/// English string must read as before.
enum FolderTrial {
    struct Outcome {
        var stillMissing: Int
        var warnings: [Diagnostic]
    }

    static func check(files: [String: EditedFile], dialogs: String, source: TranslationSource,
                      expected: [String: String]) throws(TranslationError) -> Outcome {
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: dialogs, isDirectory: &isDirectory)
        let root = isDirectory.boolValue ? dialogs : (dialogs as NSString).deletingLastPathComponent
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("consult-strings-\(UUID().uuidString)")
        let copy = scratch.appendingPathComponent("dialogs").path
        defer { try? FileManager.default.removeItem(at: scratch) }
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: root.isEmpty ? "." : root, toPath: copy)
        } catch {
            throw .cannotWrite(path: scratch.path, reason: "cannot copy \(root.isEmpty ? "." : root) to try the import: \(error.localizedDescription)")
        }
        for (path, file) in files {
            guard let relative = relativePath(path, under: root) else {
                throw .cannotWrite(path: path, reason: "it is outside the dialog folder \(root)")
            }
            try file.write(to: (copy as NSString).appendingPathComponent(relative))
        }
        let trialPath = isDirectory.boolValue ? copy : (copy as NSString).appendingPathComponent((dialogs as NSString).lastPathComponent)
        let result = ConsultationLoader.load(path: trialPath)
        let diagnostics = result.diagnostics.map { diagnostic in
            var diagnostic = diagnostic
            diagnostic.location.file = originalPath(diagnostic.location.file, copy: copy, root: root)
            return diagnostic
        }
        let breaking = diagnostics.filter { $0.severity == .error && !TranslationSource.completenessDiagnostics.contains($0.id) }
        guard breaking.isEmpty else { throw .importWouldBreakDialogs(breaking) }

        let after: TranslationSource
        do {
            after = try TranslationSource.load(path: trialPath, language: source.language)
        } catch {
            throw .importWouldBreakDialogs(diagnostics.filter { $0.severity == .error })
        }
        let afterByID = Dictionary(after.strings.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for (id, translation) in expected.sorted(by: { $0.key < $1.key }) {
            let found = afterByID[id]?.translation
            guard found == translation else { throw .roundTripFailed(id: id, expected: translation, found: found ?? "(nothing)") }
        }
        for string in source.strings {
            let found = afterByID[string.id]?.english
            guard found == string.english else {
                throw .roundTripFailed(id: string.id + " (English)", expected: string.english, found: found ?? "(nothing)")
            }
        }
        return Outcome(stillMissing: after.strings.filter { $0.translation == nil }.count,
                       warnings: diagnostics.filter { $0.severity == .warning })
    }

    /// `path` relative to the folder `root` (both as the user named them), or `nil` when it is outside.
    static func relativePath(_ path: String, under root: String) -> String? {
        let path = (path as NSString).standardizingPath
        let root = (root.isEmpty ? "." : root as NSString).standardizingPath
        if root == "." { return path.hasPrefix("/") || path.hasPrefix("..") ? nil : path }
        return path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : nil
    }

    /// A path in the copy named as the original is.
    private static func originalPath(_ path: String, copy: String, root: String) -> String {
        guard path.hasPrefix(copy) else { return path }
        let rest = String(path.dropFirst(copy.count)).drop { $0 == "/" }
        return rest.isEmpty ? root : (root.isEmpty ? String(rest) : (root as NSString).appendingPathComponent(String(rest)))
    }
}

/// The catalog a language starts from when it has none: its formats English until translated, no messages.
enum CatalogTemplate {
    static func text(language: String) -> String {
        let english = LanguageFormats.english
        return """
            # The program's own words in '\(language)' (hints, commands, confirmations, the kiosk's screens), started by
            # 'consult strings import'. Every message of the English catalog must be here, with the same {placeholders},
            # and the formats below are English until translated; see docs/languages.md.
            language: \(language)
            name: \(language)

            formats:
              decimal_separator: "\(english.decimalSeparator)"
              grouping_separator: "\(english.groupingSeparator)"
              money_with_symbol: "\(english.moneyWithSymbol)"
              money_with_code: "\(english.moneyWithCode)"
              date: "\(english.date)"
              months: [\(english.months.joined(separator: ", "))]

            messages:

            """
    }
}
