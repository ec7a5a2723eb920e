import Yams

/// Reads a language's catalog of the program's own words, `languages/CODE/messages.yaml`:
///
/// ```yaml
/// language: es
/// name: Español
/// formats:
///   decimal_separator: ","
///   grouping_separator: "."
///   money_with_symbol: "{amount} {symbol}"
///   money_with_code: "{amount} {code}"
///   date: "{day} de {month} de {year}"
///   months: [enero, febrero, …]
/// messages:
///   went_back: Volvemos un paso atrás.
///   previous_answer: "Usted respondió: {answer}"
/// ```
///
/// Every message of ``MessageID`` must be there, with the same `{placeholders}` as the English.
struct MessageCatalogParser {
    var yaml: YAMLReader
    var log = DiagnosticLog()

    init(path: String, sources: SourceFiles) {
        yaml = YAMLReader(path: path, sources: sources)
    }

    mutating func parse(_ root: Yams.Node, language: String) -> MessageCatalog? {
        guard let top = yaml.mapping(root, "a language's message catalog", log: &log) else { return nil }
        top.reportUnknownKeys(allowed: ["language", "name", "formats", "messages"], in: "a message catalog", log: &log)
        if let node = top.required("language", in: "a message catalog", log: &log),
           let code = yaml.string(node, "language", log: &log), code != language {
            log.error("this catalog says it is '\(code)', but it is in the folder of '\(language)'", at: yaml.location(of: node), id: "catalog-language-mismatch")
        }
        let name = top.required("name", in: "a message catalog", log: &log).flatMap { yaml.string($0, "name", log: &log) }
        let formats = top.required("formats", in: "a message catalog", log: &log).flatMap { parseFormats($0) }
        var templates: [MessageID: String] = [:]
        if let node = top.required("messages", in: "a message catalog", log: &log),
           let messages = yaml.mapping(node, "messages", log: &log) {
            for entry in messages.entries {
                guard let id = MessageID(rawValue: entry.key) else {
                    log.error("unknown message '\(entry.key)'\(Suggestion.didYouMean(entry.key, in: MessageID.allCases.map(\.rawValue)))", at: entry.keyLocation, id: "unknown-message")
                    continue
                }
                guard let template = yaml.string(entry.value, "the message '\(entry.key)'", log: &log) else { continue }
                let expected = MessageCatalog.placeholders(in: id.english), found = MessageCatalog.placeholders(in: template)
                if expected != found {
                    log.error("the message '\(entry.key)' must use \(Self.describe(expected)), as the English does; it uses \(Self.describe(found))", at: yaml.textLocation(of: entry.value), id: "message-placeholders")
                }
                templates[id] = template
            }
            let missing = MessageID.allCases.filter { templates[$0] == nil }
            if !missing.isEmpty {
                log.error("the catalog has no words for \(missing.count) message\(missing.count == 1 ? "" : "s"): \(missing.map(\.rawValue).joined(separator: ", ")); translate them from the English in docs/languages.md", at: messages.location, id: "catalog-incomplete")
            }
        }
        guard let name, let formats, !log.hasErrors else { return nil }
        return MessageCatalog(language: language, name: name, templates: templates, formats: formats)
    }

    private mutating func parseFormats(_ node: Yams.Node) -> LanguageFormats? {
        guard let mapping = yaml.mapping(node, "formats", log: &log) else { return nil }
        let keys = ["decimal_separator", "grouping_separator", "money_with_symbol", "money_with_code", "date", "months"]
        mapping.reportUnknownKeys(allowed: keys, in: "formats", log: &log)
        func string(_ key: String, placeholders: Set<String>) -> String? {
            guard let node = mapping.required(key, in: "formats", log: &log), let value = yaml.string(node, key, log: &log) else { return nil }
            let found = MessageCatalog.placeholders(in: value)
            if found != placeholders {
                log.error("'\(key)' must use \(Self.describe(placeholders)); it uses \(Self.describe(found))", at: yaml.textLocation(of: node), id: "format-placeholders")
            }
            return value
        }
        let decimal = string("decimal_separator", placeholders: [])
        let grouping = string("grouping_separator", placeholders: [])
        let withSymbol = string("money_with_symbol", placeholders: ["amount", "symbol"])
        let withCode = string("money_with_code", placeholders: ["amount", "code"])
        let date = string("date", placeholders: ["day", "month", "year"])
        var months: [String]?
        if let node = mapping.required("months", in: "formats", log: &log), let items = yaml.sequence(node, "months", log: &log) {
            months = items.compactMap { yaml.string($0, "a month", log: &log) }
            if months?.count != 12 {
                log.error("'months' lists \(months?.count ?? 0) names; it needs the 12 months, January first", at: yaml.location(of: node), id: "months-count")
            }
        }
        if let decimal, decimal == grouping {
            log.error("the decimal and grouping separators are both '\(decimal)'; numbers could not be read back", at: mapping.location, id: "separators-equal")
        }
        guard let decimal, let grouping, let withSymbol, let withCode, let date, let months else { return nil }
        return LanguageFormats(decimalSeparator: decimal, groupingSeparator: grouping, moneyWithSymbol: withSymbol,
                               moneyWithCode: withCode, date: date, months: months)
    }

    private static func describe(_ names: Set<String>) -> String {
        names.isEmpty ? "no placeholders" : names.sorted().map { "{\($0)}" }.joined(separator: ", ")
    }
}
