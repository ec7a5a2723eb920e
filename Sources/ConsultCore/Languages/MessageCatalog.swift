/// The program's own words in one language, with how that language writes numbers, money and dates.
///
/// The session renders every patient-visible sentence of its own through the catalog of the patient's language
/// (``SessionText``); the dialog's texts come from the dialog files. Staff-facing output (diagnostics, the
/// staff page) stays in English, the clinic's staff language.
public struct MessageCatalog: Sendable, Equatable {
    /// The language code (`en`, `es`).
    public let language: String
    /// The language's name in itself (`Español`), for the kiosk's language choice.
    public let name: String
    /// Templates by message; English for any message a catalog lacks (the loader refuses such a catalog,
    /// so this only matters for catalogs built in tests).
    let templates: [MessageID: String]
    public let formats: LanguageFormats

    public init(language: String, name: String, templates: [MessageID: String], formats: LanguageFormats) {
        self.language = language
        self.name = name
        self.templates = templates
        self.formats = formats
    }

    /// The built-in English catalog.
    public static let english = MessageCatalog(
        language: "en", name: "English",
        templates: Dictionary(uniqueKeysWithValues: MessageID.allCases.map { ($0, $0.english) }),
        formats: .english
    )

    /// The template of `id`, with `{name}` placeholders.
    public func template(_ id: MessageID) -> String { templates[id] ?? id.english }

    /// The message `id` with its placeholders filled: `text(.previousAnswer, ["answer": "yes"])`.
    public func text(_ id: MessageID, _ arguments: [String: String] = [:]) -> String {
        Self.fill(template(id), arguments)
    }

    /// `{name}` replaced by its argument; a placeholder without one is left as written, so a fault shows.
    static func fill(_ template: String, _ arguments: [String: String]) -> String {
        // Bytes, not Foundation's substring search (through NSString, for every message shown).
        guard template.utf8.contains(UInt8(ascii: "{")) else { return template }
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            result += arguments[name] ?? "{\(name)}"
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }

    /// The placeholder names of a template (`{count}`, `{title}`), for checking a translation keeps them.
    static func placeholders(in template: String) -> Set<String> {
        var names: Set<String> = []
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// Messages this catalog has no words for.
    public var missing: [MessageID] { MessageID.allCases.filter { templates[$0] == nil } }
}

/// How a language writes numbers, money and dates.
public struct LanguageFormats: Sendable, Equatable {
    /// `.` in English, `,` in most of Europe.
    public var decimalSeparator: String
    /// `,` in English, `.` in Spain; a space or nothing elsewhere.
    public var groupingSeparator: String
    /// Money with a currency symbol: `{symbol}{amount}` (`$1,800`) or `{amount} {symbol}` (`1.800 €`).
    public var moneyWithSymbol: String
    /// Money with a currency code: `{amount} {code}`.
    public var moneyWithCode: String
    /// A day in words: `{day} {month} {year}` (`3 April 2026`), `{day} de {month} de {year}`.
    public var date: String
    /// The months' names, January first.
    public var months: [String]

    public init(decimalSeparator: String, groupingSeparator: String, moneyWithSymbol: String, moneyWithCode: String,
                date: String, months: [String]) {
        self.decimalSeparator = decimalSeparator
        self.groupingSeparator = groupingSeparator
        self.moneyWithSymbol = moneyWithSymbol
        self.moneyWithCode = moneyWithCode
        self.date = date
        self.months = months
    }

    public static let english = LanguageFormats(
        decimalSeparator: ".", groupingSeparator: ",", moneyWithSymbol: "{symbol}{amount}", moneyWithCode: "{amount} {code}",
        date: "{day} {month} {year}",
        months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                 "November", "December"]
    )

    /// `34`, `2,5`: ``NumberFormatting/plain(_:)`` with this language's decimal separator.
    public func plain(_ value: Double) -> String {
        localized(NumberFormatting.plain(value))
    }

    /// `1,800`, `1.800`: ``NumberFormatting/grouped(_:)`` with this language's separators.
    public func grouped(_ value: Double) -> String {
        localized(NumberFormatting.grouped(value))
    }

    /// `$1,800`, `1.800 €`, `1,800 EUR`.
    public func money(_ value: Double, symbol: String?, code: String) -> String {
        guard value.isFinite else { return NumberFormatting.noValue }
        let amount = grouped(value)
        if let symbol, !symbol.isEmpty { return MessageCatalog.fill(moneyWithSymbol, ["symbol": symbol, "amount": amount]) }
        return MessageCatalog.fill(moneyWithCode, ["code": code, "amount": amount])
    }

    /// `3 April 2026`, `3 de abril de 2026`.
    public func spoken(_ day: CalendarDay) -> String {
        let month = months.indices.contains(day.month - 1) ? months[day.month - 1] : String(day.month)
        return MessageCatalog.fill(date, ["day": String(day.day), "month": month, "year": String(day.year)])
    }

    /// English digits with this language's separators (swapped through a placeholder so `,` and `.` can trade).
    private func localized(_ english: String) -> String {
        guard decimalSeparator != "." || groupingSeparator != "," else { return english }
        return String(english.map { character -> String in
            switch character {
            case ",": return groupingSeparator
            case ".": return decimalSeparator
            default: return String(character)
            }
        }.joined())
    }
}
