import Foundation

/// One thing a translator translates: a text of the dialogs, a word list, or one of the program's own words.
public struct TranslatableString: Sendable, Equatable {
    /// What it is, which decides how it is written back.
    public enum Kind: Sendable, Equatable {
        /// A dialog text (`LocalizedText`): a string or `{en: …, es: …}`.
        case text
        /// A word list (`terms`, option `synonyms`, FAQ `questions` and `keywords`): a list or `{en: [...], es: [...]}`.
        case words
        /// A message of the catalog (`messages:` in `languages/CODE/messages.yaml`).
        case message
        /// A format of the catalog (`formats:`), or its `name`.
        case format
    }

    /// The row's stable id: `screening/pregnant/text`, `faq/faq_pain/questions`, `message/went_back`.
    public var id: String
    public var kind: Kind
    /// What it is and where: "question 'pregnant' (screening.yaml:29)".
    public var context: String
    /// The English, a word list joined with ``TranslatableString/wordSeparator``.
    public var english: String
    /// The translation in the exported language; `nil` when there is none.
    public var translation: String?
    /// Where the English is written, for `validate --lang` (the catalog file for messages).
    public var location: SourceLocation
    /// Where to write the translation.
    var place: Place

    /// Items of a word list in one CSV field: `expecting | weeks along | trimester`.
    public static let wordSeparator = " | "

    /// A word list as one field.
    static func joined(_ words: [String]) -> String { words.joined(separator: wordSeparator) }

    /// A field as a word list: split at `|`, each item trimmed, empty items dropped.
    static func words(in field: String) -> [String] {
        field.split(separator: "|", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
    }
}

/// Where a translation is written.
enum Place: Sendable, Equatable {
    /// A dialog text whose loaded ``LocalizedText/location`` is `position`.
    case text(file: String, position: YAMLSourceMap.Position)
    /// The word list under `key` of the mapping that has `anchorKey` written at `position` (its key for a
    /// question's `ask`, its value for an `id`).
    case words(file: String, anchorKey: String, anchorIsKey: Bool, position: YAMLSourceMap.Position, key: String)
    /// `messages: {ID: …}` of the language's catalog.
    case message(MessageID)
    /// `formats: {KEY: …}` of the catalog, or its top-level `name` (`key == "name"`).
    case format(String)

    var file: String? {
        switch self {
        case let .text(file, _), let .words(file, _, _, _, _): file
        case .message, .format: nil
        }
    }
}
