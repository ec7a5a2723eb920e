import Yams

/// Reading helpers over Yams nodes that report problems with file:line:column.
struct YAMLReader {
    var path: String
    var sources: SourceFiles

    func location(of node: Yams.Node) -> SourceLocation {
        node.mark.map { YAMLFile.location(of: $0, in: path) } ?? SourceLocation(file: path, line: 1, column: 1)
    }

    /// Where the text of a scalar starts (inside its quotes, when quoted; on the line after `|` or `>`).
    func textLocation(of node: Yams.Node) -> SourceLocation {
        let start = location(of: node)
        switch node.scalar?.style {
        case .singleQuoted?, .doubleQuoted?: return start.advanced(by: 1)
        case .literal?, .folded?: return sources.blockContentStart(after: start)
        default: return start
        }
    }

    func describe(_ node: Yams.Node) -> String {
        switch node {
        case .scalar: "a single value"
        case .mapping: "a mapping (key: value)"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }

    /// The node as a mapping with string keys, or `nil` after reporting what was found instead.
    func mapping(_ node: Yams.Node, _ what: String, log: inout DiagnosticLog) -> YAMLMapping? {
        guard case let .mapping(mapping) = node else {
            log.error("\(what) should be a mapping (key: value) but is \(describe(node))", at: location(of: node), id: "expected-mapping")
            return nil
        }
        var entries: [YAMLMapping.Entry] = []
        for (key, value) in mapping {
            guard case let .scalar(scalar) = key else {
                log.error("keys must be plain words, not \(describe(key))", at: location(of: key), id: "bad-key")
                continue
            }
            entries.append(.init(key: scalar.string, keyLocation: location(of: key), value: value))
        }
        return YAMLMapping(entries: entries, location: location(of: node))
    }

    func sequence(_ node: Yams.Node, _ what: String, log: inout DiagnosticLog) -> [Yams.Node]? {
        guard case let .sequence(sequence) = node else {
            log.error("\(what) should be a list but is \(describe(node))", at: location(of: node), id: "expected-list")
            return nil
        }
        return Array(sequence)
    }

    func string(_ node: Yams.Node, _ what: String, log: inout DiagnosticLog) -> String? {
        guard case let .scalar(scalar) = node else {
            log.error("\(what) should be a single value but is \(describe(node))", at: location(of: node), id: "expected-value")
            return nil
        }
        return scalar.string
    }

    /// An identifier: letters, digits and underscores, starting with a letter.
    func identifier(_ node: Yams.Node, _ what: String, log: inout DiagnosticLog) -> String? {
        guard let text = string(node, what, log: &log) else { return nil }
        guard Self.isIdentifier(text) else {
            log.error("\(what) '\(text)' should be a word of letters, digits and underscores, starting with a letter (like 'acne_scars')", at: location(of: node), id: "bad-identifier")
            return nil
        }
        return text
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.isASCII, CharacterSet.letters.contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCII && ($0 == "_" || CharacterSet.alphanumerics.contains($0)) }
    }

    func bool(_ node: Yams.Node, _ what: String, log: inout DiagnosticLog) -> Bool? {
        guard let text = string(node, what, log: &log) else { return nil }
        switch text.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            log.error("\(what) should be true or false, not '\(text)'", at: location(of: node), id: "expected-boolean")
            return nil
        }
    }

    func number(_ node: Yams.Node, _ what: String, log: inout DiagnosticLog) -> Double? {
        guard let text = string(node, what, log: &log) else { return nil }
        guard let value = Double(text.replacingOccurrences(of: "_", with: "")), value.isFinite else {
            log.error("\(what) should be a number, not '\(text)'", at: location(of: node), id: "expected-number")
            return nil
        }
        return value
    }

    /// Patient-visible text: a string (English) or a mapping of language codes to strings.
    func text(_ node: Yams.Node, _ what: String, log: inout DiagnosticLog) -> LocalizedText? {
        switch node {
        case let .scalar(scalar):
            guard !scalar.string.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                log.error("\(what) is empty", at: location(of: node), id: "empty-text")
                return nil
            }
            return LocalizedText(["en": scalar.string], at: textLocation(of: node), locations: ["en": textLocation(of: node)])
        case .mapping:
            guard let mapping = mapping(node, what, log: &log) else { return nil }
            var translations: [String: String] = [:]
            var locations: [String: SourceLocation] = [:]
            for entry in mapping.entries {
                guard Self.isLanguageCode(entry.key) else {
                    log.error("'\(entry.key)' is not a language code; \(what) maps language codes like 'en' or 'es' to text", at: entry.keyLocation, id: "bad-language-code")
                    continue
                }
                guard let value = string(entry.value, "\(what) in '\(entry.key)'", log: &log) else { continue }
                translations[entry.key] = value
                locations[entry.key] = textLocation(of: entry.value)
            }
            guard !translations.isEmpty else { return nil }
            if translations["en"] == nil {
                log.error("\(what) has no English ('en') text; English is required", at: mapping.location, id: "text-without-english")
            }
            return LocalizedText(translations, at: mapping.location, locations: locations)
        case .sequence:
            // A list of paragraphs in English.
            guard let items = sequence(node, what, log: &log) else { return nil }
            let paragraphs = items.compactMap { string($0, "a paragraph of \(what)", log: &log) }
            return LocalizedText(["en": paragraphs.joined(separator: "\n\n")], at: location(of: node))
        case .alias:
            log.error("\(what) cannot be an alias", at: location(of: node), id: "alias-not-allowed")
            return nil
        }
    }

    /// A list of words or phrases: a sequence (English), or a mapping of language codes to sequences
    /// (`terms: {en: [warfarin], es: [warfarina]}`), for readers in every language.
    func words(_ node: Yams.Node, _ what: String, item: String, log: inout DiagnosticLog) -> LocalizedWords? {
        if case .mapping = node {
            guard let mapping = mapping(node, what, log: &log) else { return nil }
            var words = LocalizedWords()
            for entry in mapping.entries {
                guard Self.isLanguageCode(entry.key) else {
                    log.error("'\(entry.key)' is not a language code; \(what) is a list, or maps language codes like 'en' or 'es' to lists", at: entry.keyLocation, id: "bad-language-code")
                    continue
                }
                guard let items = sequence(entry.value, "\(what) in '\(entry.key)'", log: &log) else { continue }
                let list = items.compactMap { string($0, item, log: &log) }
                if entry.key == "en" { words.english = list } else { words.translations[entry.key] = list }
            }
            return words
        }
        guard let items = sequence(node, what, log: &log) else { return nil }
        return LocalizedWords(english: items.compactMap { string($0, item, log: &log) })
    }

    static func isLanguageCode(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLowercase }) else { return false }
        return parts.dropFirst().allSatisfy { (2...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    /// An expression, parsed; a syntax error points at its column in the file.
    func expression(_ node: Yams.Node, _ what: String, log: inout DiagnosticLog) -> WrittenExpression? {
        guard let source = string(node, what, log: &log) else { return nil }
        let start = textLocation(of: node)
        do {
            let expression = try ExpressionParser.parse(source)
            return WrittenExpression(expression: expression, source: source, location: start)
        } catch {
            log.error("in \(what): \(error.message)", at: sources.location(ofOffset: error.offset, in: source, from: start), id: "text-template-error")
            return nil
        }
    }
}

import Foundation

/// A YAML mapping with string keys, remembering key locations and which keys were read.
struct YAMLMapping {
    struct Entry {
        var key: String
        var keyLocation: SourceLocation
        var value: Yams.Node
    }

    var entries: [Entry]
    var location: SourceLocation

    subscript(key: String) -> Yams.Node? { entries.first { $0.key == key }?.value }

    func entry(_ key: String) -> Entry? { entries.first { $0.key == key } }

    /// Reports keys that are not in `allowed`, with a did-you-mean.
    func reportUnknownKeys(allowed: [String], in what: String, log: inout DiagnosticLog) {
        for entry in entries where !allowed.contains(entry.key) {
            log.error("unknown key '\(entry.key)' in \(what)\(Suggestion.didYouMean(entry.key, in: allowed))", at: entry.keyLocation, id: "unknown-key")
        }
    }

    /// The value of a required key, or `nil` after reporting that it is missing.
    func required(_ key: String, in what: String, log: inout DiagnosticLog) -> Yams.Node? {
        guard let value = self[key] else {
            log.error("\(what) is missing the required key '\(key)'", at: location, id: "missing-key")
            return nil
        }
        return value
    }
}
