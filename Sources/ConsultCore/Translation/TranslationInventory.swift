import Foundation

/// Every translatable string of a consultation in one language, in the order a translator meets them:
/// each dialog's texts and word lists in file order, then the rules' patient messages, the FAQ, and the
/// program's own words (messages and formats of `languages/CODE/messages.yaml`).
///
/// It covers every text ``TextInventory`` checks (a test holds them equal), plus the word lists and the catalog.
enum TranslationInventory {
    /// The formats of a catalog, with the top-level `name`, in the order written.
    static let formatKeys = ["name", "decimal_separator", "grouping_separator", "money_with_symbol", "money_with_code", "date", "months"]

    static func strings(in consultation: Consultation, language: String, catalog: CatalogFile?, catalogPath: String) -> [TranslatableString] {
        var collector = Collector(language: language)
        for dialogID in consultation.dialogOrder {
            guard let dialog = consultation.dialogs[dialogID] else { continue }
            if let title = dialog.title {
                collector.text(title, id: "\(dialogID)/title", what: "title of dialog '\(dialogID)'")
            }
            for (index, node) in dialog.nodes.enumerated() {
                collector.node(node, position: index + 1, dialog: dialog)
            }
        }
        for rule in consultation.rules {
            guard let message = rule.patientMessage else { continue }
            collector.text(message, id: "rule/\(rule.id)/patient", what: "told the patient when rule '\(rule.id)' fires")
        }
        for entry in consultation.faq {
            let first = entry.questions.english.first.map { ", first asked as '\($0)'" } ?? ""
            collector.words(entry.questions, id: "faq/\(entry.id)/questions", what: "example questions of FAQ '\(entry.id)' (the first is offered in 'Did you mean…')",
                            place: .id(entry.location), key: "questions")
            collector.words(entry.keywords, id: "faq/\(entry.id)/keywords", what: "keywords of FAQ '\(entry.id)', each on its own pointing at it",
                            place: .id(entry.location), key: "keywords")
            collector.text(entry.answer, id: "faq/\(entry.id)/answer", what: "answer of FAQ '\(entry.id)'\(first)")
        }
        let catalogStart = SourceLocation(file: catalogPath, line: 1, column: 1)
        for message in MessageID.allCases {
            collector.strings.append(TranslatableString(
                id: "message/\(message.rawValue)", kind: .message, context: message.translatorContext, english: message.english,
                translation: catalog?.message(message), location: catalog?.location(ofMessage: message) ?? catalogStart,
                place: .message(message)))
        }
        for key in formatKeys {
            collector.strings.append(TranslatableString(
                id: "format/\(key)", kind: .format, context: formatContext(key), english: englishFormat(key),
                translation: catalog?.format(key), location: catalog?.location(ofMessage: nil) ?? catalogStart, place: .format(key)))
        }
        return collector.strings
    }

    /// The English value of a catalog format.
    static func englishFormat(_ key: String) -> String {
        let english = LanguageFormats.english
        return switch key {
        case "name": MessageCatalog.english.name
        case "decimal_separator": english.decimalSeparator
        case "grouping_separator": english.groupingSeparator
        case "money_with_symbol": english.moneyWithSymbol
        case "money_with_code": english.moneyWithCode
        case "date": english.date
        default: TranslatableString.joined(english.months)
        }
    }

    private static func formatContext(_ key: String) -> String {
        switch key {
        case "name": "the language's name in itself, in the kiosk's language choice (Español)"
        case "decimal_separator": "the decimal mark of numbers (2.5 or 2,5)"
        case "grouping_separator": "what groups thousands (1,800 or 1.800)"
        case "money_with_symbol": "an amount with a currency symbol ({symbol}{amount}: $1,800; {amount} {symbol}: 1.800 €)"
        case "money_with_code": "an amount with a currency code (1,800 USD)"
        case "date": "a day in words ({day} {month} {year}: 3 April 2026)"
        default: "the twelve months, January first"
        }
    }

    /// Gathers the strings of one language.
    private struct Collector {
        /// How a word list's mapping is found in its file.
        enum Anchor {
            /// The question whose `ask` key is written here.
            case ask(SourceLocation)
            /// The option or FAQ entry whose `id` value is written here.
            case id(SourceLocation)
        }

        let language: String
        var strings: [TranslatableString] = []

        mutating func text(_ text: LocalizedText, id: String, what: String) {
            let location = text.location(of: "en")
            strings.append(TranslatableString(
                id: id, kind: .text, context: "\(what) (\(Self.place(location)))", english: text.translations["en"] ?? "",
                translation: text.translations[language], location: location,
                place: .text(file: text.location.file, position: .init(line: text.location.line, column: text.location.column))))
        }

        /// A word list; none when it has no English words (there is nothing to translate).
        mutating func words(_ words: LocalizedWords, id: String, what: String, place anchor: Anchor, key: String) {
            guard !words.english.isEmpty else { return }
            let (location, anchorKey, anchorIsKey): (SourceLocation, String, Bool) = switch anchor {
            case let .ask(location): (location, "ask", true)
            case let .id(location): (location, "id", false)
            }
            let translation = language == "en" ? words.english : words.translations[language]
            strings.append(TranslatableString(
                id: id, kind: .words, context: "\(what); one item per ' | ' (\(Self.place(location)))",
                english: TranslatableString.joined(words.english), translation: translation.map(TranslatableString.joined),
                location: location,
                place: .words(file: location.file, anchorKey: anchorKey, anchorIsKey: anchorIsKey,
                              position: .init(line: location.line, column: location.column), key: key)))
        }

        mutating func node(_ node: DialogNode, position: Int, dialog: Dialog) {
            let name = node.id ?? "@\(position)"
            let base = "\(dialog.id)/\(name)"
            switch node.kind {
            case let .say(text):
                self.text(text, id: "\(base)/text", what: "text shown in dialog '\(dialog.id)'")
            case let .end(text):
                if let text { self.text(text, id: "\(base)/text", what: "last words of the consultation, in dialog '\(dialog.id)'") }
            case let .outcome(text):
                if let text { self.text(text, id: "\(base)/text", what: "shown before the screening outcome, in dialog '\(dialog.id)'") }
            case let .ask(question):
                self.question(question, base: "\(dialog.id)/\(question.id)")
            case let .explain(topic):
                text(topic.title, id: "\(base)/title", what: "title of topic '\(topic.id)'")
                text(topic.text, id: "\(base)/text", what: "text of topic '\(topic.id)'")
                if let more = topic.more { text(more, id: "\(base)/more", what: "more detail of topic '\(topic.id)', on request") }
            case .branch, .call, .returnToCaller:
                break
            }
        }

        private mutating func question(_ question: Question, base: String) {
            let name = "'\(question.id)'"
            text(question.text, id: "\(base)/text", what: "question \(name)")
            for option in question.options {
                text(option.label, id: "\(base)/option/\(option.id)/label", what: "label of option '\(option.id)' of question \(name)")
                words(option.synonyms, id: "\(base)/option/\(option.id)/synonyms", what: "words a patient may type for option '\(option.id)' of \(name)",
                      place: .id(option.location), key: "synonyms")
            }
            if let none = question.noneLabel { text(none, id: "\(base)/none", what: "the none-of-these option of question \(name)") }
            if let unit = question.unit { text(unit, id: "\(base)/unit", what: "unit of the number asked by \(name)") }
            if let why = question.why { text(why, id: "\(base)/why", what: "why question \(name) is asked (shown on 'why')") }
            for answer in YesNoUnsure.allCases {
                guard let readback = question.readback[answer] else { continue }
                text(readback, id: "\(base)/readback/\(answer.rawValue)",
                     what: "said back for the answer '\(answer.rawValue)' to \(name): 'I understood: …'")
            }
            words(question.terms, id: "\(base)/terms", what: "words naming what \(name) asks about",
                  place: .ask(question.location), key: "terms")
        }

        /// `screening.yaml:29`: the file's name and line, as a translator looks it up.
        static func place(_ location: SourceLocation) -> String {
            "\((location.file as NSString).lastPathComponent):\(location.line)"
        }
    }
}
