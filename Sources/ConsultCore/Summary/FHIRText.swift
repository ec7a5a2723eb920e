import Foundation

/// Dialog text as a Questionnaire shows it: settings, and computed values of settings alone, filled in ("In the last
/// 12 months…"), since they are the same for every patient; a value that depends on answers stays a readable
/// placeholder, `[sessions_min]`, since the form is written before anyone answers.
struct FHIRText {
    let consultation: Consultation

    /// The FHIR `translation` extension's URL, on a `_text` or `_display` element.
    static let translationURL = "http://hl7.org/fhir/StructureDefinition/translation"

    /// The text in `language` (English when it has no such translation).
    func render(_ text: LocalizedText, in language: String) -> String {
        fill(text.template(in: language))
    }

    /// The text's translations into the consultation's other languages, as a `_text` element; `nil` when it has none.
    func translations(_ text: LocalizedText, besides language: String) -> Translations? {
        let others = consultation.languages.filter { $0 != language }
        let extensions = others.compactMap { code -> Translations.Translation? in
            // Only a real translation: a text missing in a language falls back to English, which is not one.
            guard let template = text.translations[code] else { return nil }
            let content = fill(template)
            return content.isEmpty ? nil : .init(language: code, content: content)
        }
        return extensions.isEmpty ? nil : Translations(extension: extensions)
    }

    private func fill(_ template: String) -> String {
        guard template.contains("{") || template.contains("}"), let parsed = try? TextTemplate.parse(template) else { return template }
        var result = ""
        for segment in parsed.segments {
            switch segment {
            case let .literal(literal):
                result += literal
            case let .value(expression, format, _):
                result += settingsValue(expression).map { written($0, format) } ?? "[\(placeholder(expression))]"
            }
        }
        return result
    }

    /// The value when the expression reads settings only (not answers, the outcome, or the day).
    private func settingsValue(_ expression: Expression) -> Value? {
        let dependencies = consultation.dependencies(of: expression)
        guard dependencies.answers.isEmpty, !dependencies.readsOutcome else { return nil }
        let readExpressions = [expression] + dependencies.computed.compactMap { consultation.computed[$0]?.expression }
        let readsDay = readExpressions.contains { $0.allNodes.contains { node in
            if case let .call(function, _) = node.kind { return function.hasSuffix("_since") }
            return false
        } }
        guard !readsDay, let day = CalendarDay(year: 2000, month: 1, day: 1) else { return nil }
        return consultation.evaluator(answers: [:], today: day).evaluate(expression)
    }

    /// `[age]`, `[sessions_min + 1]`: what the dialog writes between the braces, without its outer parentheses.
    private func placeholder(_ expression: Expression) -> String {
        var text = expression.description
        if text.hasPrefix("("), text.hasSuffix(")"), case .binary = expression.kind {
            text = String(text.dropFirst().dropLast())
        }
        return text
    }

    private func written(_ value: Value, _ format: TextTemplate.Format) -> String {
        switch (value, format) {
        case let (.number(number), .money):
            var symbol: String?
            if case let .text(text)? = consultation.settings["currency_symbol"] { symbol = text }
            var code = "USD"
            if case let .text(text)? = consultation.settings["currency"] { code = text }
            return NumberFormatting.money(number, symbol: symbol, code: code)
        case let (.number(number), .number): return NumberFormatting.grouped(number)
        case let (.number(number), .plain): return NumberFormatting.plain(number)
        case let (.text(text), _): return text
        case let (.boolean(flag), _): return flag ? "yes" : "no"
        case let (.date(day), _): return day.description
        case let (.symbol(symbol), _): return symbol == "unsure" ? "not sure" : symbol
        case let (.set(ids), _): return ids.joined(separator: ", ")
        case let (.list(items), _): return items.map { written($0, .plain) }.joined(separator: ", ")
        }
    }

    /// A `_text` (or `_display`) element holding `translation` extensions.
    struct Translations: Encodable, Hashable {
        var `extension`: [Translation]

        /// `{"url": ".../translation", "extension": [{"url": "lang", …}, {"url": "content", …}]}`.
        struct Translation: Encodable, Hashable {
            var language: String
            var content: String

            private enum Keys: String, CodingKey { case url, `extension` }
            private struct Part: Encodable {
                var url: String
                var valueCode: String?
                var valueString: String?
            }

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Keys.self)
                try container.encode(FHIRText.translationURL, forKey: .url)
                try container.encode([Part(url: "lang", valueCode: language), Part(url: "content", valueString: content)], forKey: .extension)
            }
        }
    }
}
