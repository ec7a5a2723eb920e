/// The translatable strings of a consultation in one language: what `consult strings export` writes and
/// `consult validate --lang` checks.
public struct ConsultationStrings: Sendable {
    /// The CSV's columns, in order. `language` repeats the code on every row, so a file says what it holds
    /// even after a spreadsheet has sorted or filtered it.
    public static let columns = ["id", "context", "english", "translation", "status", "language"]

    /// The language translated into.
    public let language: String
    /// Every string, in the order a translator meets them.
    public let strings: [TranslatableString]

    /// The strings of the consultation at `dialogs` (a folder or an entry dialog file) for `language`.
    ///
    /// - Throws: ``TranslationError`` when the language is no code or the dialogs have errors other than
    ///   missing translations.
    public static func load(dialogs: String, language: String) throws(TranslationError) -> ConsultationStrings {
        let source = try TranslationSource.load(path: dialogs, language: language)
        return ConsultationStrings(language: language, strings: source.strings)
    }

    /// The strings with no translation.
    public var missing: [TranslatableString] { strings.filter { $0.translation == nil } }

    /// The strings as CSV (RFC 4180, UTF-8 with a byte-order mark); only the untranslated with `onlyMissing`.
    public func csv(onlyMissing: Bool = false) -> String {
        let rows = (onlyMissing ? missing : strings).map { string in
            [string.id, string.context, string.english, string.translation ?? "", string.translation == nil ? "missing" : "translated", language]
        }
        return CSVTable.write([Self.columns] + rows)
    }
}
