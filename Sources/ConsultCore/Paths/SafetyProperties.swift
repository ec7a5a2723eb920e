import Foundation
import Yams

/// A property every path through a consultation must have, checked by `consult paths --check`.
///
/// Written in a dialog folder's `properties.yaml` (see docs/dialog-format.md, "Safety properties").
public struct SafetyProperty: Sendable {
    public enum Kind: Sendable {
        /// No finished path ends in one of `outcomes` (any outcome when empty) with `condition` true of its answers.
        case never(outcomes: [OutcomeStatus], condition: WrittenExpression?)
        /// Every path that passes one of `nodes` shows the outcome (an `outcome` node) and then finishes.
        case alwaysSummary(nodes: [NodeAddress])
        /// Each of `nodes` is reached by some path.
        case reachable(nodes: [NodeAddress])
        /// Each of these rules fires at the end of some path.
        case canFire(rules: [String])
        /// Each of these FAQ entries is the best match of at least one of its own phrasings.
        case faqReachable(entries: [String])
    }

    /// The property's name, used in reports and counterexample file names.
    public var id: String
    public var kind: Kind
    /// The property as written, in one line (`never proceed when pregnant != no`).
    public var summary: String
    public var location: SourceLocation

    public init(id: String, kind: Kind, summary: String, location: SourceLocation) {
        self.id = id
        self.kind = kind
        self.summary = summary
        self.location = location
    }

    /// The name of a kind, as written in the file.
    public var kindName: String {
        switch kind {
        case .never: "never"
        case .alwaysSummary: "always_summary"
        case .reachable: "reachable"
        case .canFire: "can_fire"
        case .faqReachable: "faq_reachable"
        }
    }
}

/// Reads `properties.yaml`: a mapping with one key, `properties`, a list of properties.
public enum SafetyPropertiesFile {
    /// The file's name inside a dialog folder.
    public static let fileName = "properties.yaml"

    /// What reading gave: the properties, when there were no errors, and the diagnostics.
    public struct Result: Sendable {
        public var properties: [SafetyProperty]
        public var diagnostics: [Diagnostic]
        public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    }

    static let kinds = ["never", "always_summary", "reachable", "can_fire", "faq_reachable"]

    /// Parses the file's text and resolves every name in it against `consultation`.
    ///
    /// - Parameter path: the file's path as given, for `file:line:column` in diagnostics.
    public static func parse(_ text: String, path: String, consultation: Consultation) -> Result {
        var log = DiagnosticLog()
        guard let file = YAMLFile.parse(Data(text.utf8), path: path, log: &log) else {
            return Result(properties: [], diagnostics: log.sorted)
        }
        var sources = SourceFiles()
        sources.add(file.text, path: path)
        var parser = Parser(yaml: YAMLReader(path: path, sources: sources), consultation: consultation)
        let properties = parser.parse(file.root)
        log.append(contentsOf: parser.log)
        return Result(properties: log.hasErrors ? [] : properties, diagnostics: log.sorted)
    }

    private struct Parser {
        let yaml: YAMLReader
        let consultation: Consultation
        var log = DiagnosticLog()
        var usedIDs: [String: Int] = [:]

        init(yaml: YAMLReader, consultation: Consultation) {
            self.yaml = yaml
            self.consultation = consultation
        }

        mutating func parse(_ root: Yams.Node) -> [SafetyProperty] {
            guard let top = yaml.mapping(root, "a properties file", log: &log) else { return [] }
            top.reportUnknownKeys(allowed: ["properties"], in: "a properties file", log: &log)
            guard let listNode = top.required("properties", in: "a properties file", log: &log),
                  let items = yaml.sequence(listNode, "'properties'", log: &log) else { return [] }
            var properties: [SafetyProperty] = []
            var seen: Set<String> = []
            for item in items {
                guard let property = parseProperty(item) else { continue }
                guard seen.insert(property.id).inserted else {
                    log.error("two properties are named '\(property.id)'; give each its own 'id'", at: property.location, id: "duplicate-property")
                    continue
                }
                properties.append(property)
            }
            return properties
        }

        private mutating func parseProperty(_ node: Yams.Node) -> SafetyProperty? {
            guard let mapping = yaml.mapping(node, "a property", log: &log) else { return nil }
            mapping.reportUnknownKeys(allowed: SafetyPropertiesFile.kinds + ["id", "except"], in: "a property", log: &log)
            let kinds = mapping.entries.filter { SafetyPropertiesFile.kinds.contains($0.key) }
            guard kinds.count == 1, let entry = kinds.first else {
                let what = kinds.isEmpty ? "no kind" : "several kinds (\(kinds.map(\.key).joined(separator: ", ")))"
                log.error("a property needs exactly one of \(SafetyPropertiesFile.kinds.joined(separator: ", ")); this one has \(what)", at: mapping.location, id: "property-kind")
                return nil
            }
            var id: String?
            if let idNode = mapping["id"] {
                guard let named = yaml.identifier(idNode, "the property id", log: &log) else { return nil }
                id = named
            }
            let location = entry.keyLocation
            let result: (SafetyProperty.Kind, String)?
            switch entry.key {
            case "never": result = never(entry.value)
            case "always_summary": result = alwaysSummary(entry.value)
            case "reachable": result = reachable(entry.value, except: mapping["except"])
            case "can_fire": result = canFire(entry.value)
            default: result = faqReachable(entry.value)
            }
            if entry.key != "reachable", let except = mapping.entry("except") {
                log.error("'except' only narrows 'reachable: all_questions' or 'all_nodes'", at: except.keyLocation, id: "except-without-all")
            }
            guard let (kind, summary) = result else { return nil }
            let name = id ?? defaultID(entry.key)
            return SafetyProperty(id: name, kind: kind, summary: summary, location: location)
        }

        private mutating func defaultID(_ kind: String) -> String {
            usedIDs[kind, default: 0] += 1
            let count = usedIDs[kind]!
            return count == 1 ? kind : "\(kind)_\(count)"
        }

        // MARK: - Kinds

        private mutating func never(_ node: Yams.Node) -> (SafetyProperty.Kind, String)? {
            guard let mapping = yaml.mapping(node, "'never'", log: &log) else { return nil }
            mapping.reportUnknownKeys(allowed: ["outcome", "when"], in: "'never'", log: &log)
            var outcomes: [OutcomeStatus] = []
            if let outcomeNode = mapping["outcome"] {
                for word in words(outcomeNode, "'outcome'") {
                    guard let status = OutcomeStatus(rawValue: word.text) else {
                        let names = OutcomeStatus.allCases.map(\.rawValue)
                        log.error("unknown outcome '\(word.text)'; use one of \(names.joined(separator: ", "))\(Suggestion.didYouMean(word.text, in: names, otherwise: ""))", at: word.location, id: "unknown-outcome")
                        continue
                    }
                    if !outcomes.contains(status) { outcomes.append(status) }
                }
            }
            var condition: WrittenExpression?
            if let whenNode = mapping["when"] {
                guard let written = yaml.expression(whenNode, "the condition", log: &log) else { return nil }
                guard !consultation.dependencies(of: written.expression).readsOutcome else {
                    log.error("'when' cannot read 'outcome'; say which outcomes with the 'outcome' key", at: written.location, id: "property-reads-outcome")
                    return nil
                }
                let problems = ExpressionTypeChecker(names: consultation.bindings).check(written.expression, as: .condition).problems
                for problem in problems {
                    log.error("in the condition: \(problem.message)", at: yaml.sources.location(ofOffset: problem.offset, in: written.source, from: written.location), id: "expression-error")
                }
                guard problems.isEmpty else { return nil }
                condition = written
            }
            guard !outcomes.isEmpty || condition != nil else {
                log.error("'never' needs an 'outcome', a 'when' condition, or both", at: mapping.location, id: "empty-never-property")
                return nil
            }
            var summary = "never " + (outcomes.isEmpty ? "finishes" : outcomes.map(\.rawValue).joined(separator: " or "))
            if let condition { summary += " when \(condition.source)" }
            return (.never(outcomes: outcomes, condition: condition), summary)
        }

        private mutating func alwaysSummary(_ node: Yams.Node) -> (SafetyProperty.Kind, String)? {
            let names = words(node, "'always_summary'")
            let nodes = names.compactMap { resolveNode($0) }
            guard nodes.count == names.count, !nodes.isEmpty else { return nil }
            return (.alwaysSummary(nodes: nodes), "every path through \(names.map(\.text).joined(separator: ", ")) shows the outcome, then ends")
        }

        /// `reachable: all_questions` (or `all_nodes`), optionally `except: [ids]`: nodes that only some clinics'
        /// settings reach (the identification questions, under `identification: none`) are left out by name.
        private mutating func reachable(_ node: Yams.Node, except: Yams.Node?) -> (SafetyProperty.Kind, String)? {
            let names = words(node, "'reachable'")
            if names.count == 1, ["all_questions", "all_nodes"].contains(names[0].text) {
                let excluded = except.map { words($0, "'except'") } ?? []
                let excludedNodes = excluded.compactMap { resolveNode($0) }
                guard excludedNodes.count == excluded.count else { return nil }
                let but = excluded.isEmpty ? "" : " except \(excluded.map(\.text).joined(separator: ", "))"
                if names[0].text == "all_questions" {
                    let addresses = consultation.questions.values.sorted().filter { !excludedNodes.contains($0) }
                    return (.reachable(nodes: addresses), "every question\(but) is asked on some path")
                }
                let addresses = consultation.dialogOrder.flatMap { id in
                    (consultation.dialogs[id]?.nodes.indices ?? 0..<0).map { NodeAddress(dialog: id, index: $0) }
                }.filter { !excludedNodes.contains($0) }
                return (.reachable(nodes: addresses), "every node\(but) is reached on some path")
            }
            if let except {
                log.error("'except' only narrows 'all_questions' or 'all_nodes'", at: yaml.location(of: except), id: "except-without-all")
            }
            let nodes = names.compactMap { resolveNode($0) }
            guard nodes.count == names.count, !nodes.isEmpty else { return nil }
            return (.reachable(nodes: nodes), "\(names.map(\.text).joined(separator: ", ")) reached on some path")
        }

        private mutating func canFire(_ node: Yams.Node) -> (SafetyProperty.Kind, String)? {
            let names = words(node, "'can_fire'")
            let ids = consultation.rules.map(\.id)
            if names.count == 1, names[0].text == "all_rules" {
                return (.canFire(rules: ids), "every rule fires on some path")
            }
            var rules: [String] = []
            for name in names {
                guard ids.contains(name.text) else {
                    log.error("no rule '\(name.text)'\(Suggestion.didYouMean(name.text, in: ids + ["all_rules"]))", at: name.location, id: "unknown-rule")
                    continue
                }
                rules.append(name.text)
            }
            guard rules.count == names.count, !rules.isEmpty else { return nil }
            return (.canFire(rules: rules), "\(rules.joined(separator: ", ")) fire\(rules.count == 1 ? "s" : "") on some path")
        }

        private mutating func faqReachable(_ node: Yams.Node) -> (SafetyProperty.Kind, String)? {
            let names = words(node, "'faq_reachable'")
            let ids = consultation.faq.map(\.id)
            if names.count == 1, names[0].text == "all" {
                return (.faqReachable(entries: ids), "every FAQ entry answers one of its own phrasings")
            }
            var entries: [String] = []
            for name in names {
                guard ids.contains(name.text) else {
                    log.error("no FAQ entry '\(name.text)'\(Suggestion.didYouMean(name.text, in: ids + ["all"]))", at: name.location, id: "unknown-faq-entry")
                    continue
                }
                entries.append(name.text)
            }
            guard entries.count == names.count, !entries.isEmpty else { return nil }
            return (.faqReachable(entries: entries), "FAQ \(entries.joined(separator: ", ")) answer\(entries.count == 1 ? "s" : "") one of \(entries.count == 1 ? "its" : "their") own phrasings")
        }

        // MARK: - Helpers

        /// A single word or a list of words, with where each was written.
        private mutating func words(_ node: Yams.Node, _ what: String) -> [(text: String, location: SourceLocation)] {
            if case .sequence = node {
                guard let items = yaml.sequence(node, what, log: &log) else { return [] }
                return items.compactMap { item in yaml.string(item, what, log: &log).map { ($0, yaml.location(of: item)) } }
            }
            return yaml.string(node, what, log: &log).map { [($0, yaml.location(of: node))] } ?? []
        }

        /// A node id, a question id, or `dialog.node`.
        private mutating func resolveNode(_ name: (text: String, location: SourceLocation)) -> NodeAddress? {
            if let address = consultation.questions[name.text] { return address }
            let parts = name.text.split(separator: ".", maxSplits: 1).map(String.init)
            var found: [NodeAddress] = []
            for dialogID in consultation.dialogOrder {
                guard parts.count == 1 || parts[0] == dialogID, let dialog = consultation.dialogs[dialogID] else { continue }
                if let index = dialog.nodeIndex[parts.last!] { found.append(NodeAddress(dialog: dialogID, index: index)) }
            }
            if found.count == 1 { return found[0] }
            if found.isEmpty {
                let known = consultation.dialogOrder.flatMap { consultation.dialogs[$0]?.nodes.compactMap(\.id) ?? [] }
                log.error("no node or question '\(name.text)'\(Suggestion.didYouMean(name.text, in: known))", at: name.location, id: "unknown-node")
            } else {
                log.error("several dialogs have a node '\(name.text)'; write it as \(found.map { "\($0.dialog).\(name.text)" }.joined(separator: " or "))", at: name.location, id: "ambiguous-node")
            }
            return nil
        }
    }
}
