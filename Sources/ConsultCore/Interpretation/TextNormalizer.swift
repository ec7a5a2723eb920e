import Foundation

/// Reduces what a patient typed to plain lowercase words, so answers and questions can be compared loosely.
///
/// `"Yes, I’m SURE!"` becomes `"yes i'm sure"`: case and accents are folded, curly apostrophes become
/// straight ones, and punctuation becomes spaces, except where it is part of a word or a number
/// (`don't`, `thirty-four`, `2026-03-01`, `34.5`, `-5`).
public enum TextNormalizer {
    /// The normalized text: lowercased, without accents, punctuation replaced by spaces, whitespace collapsed and trimmed.
    public static func normalize(_ text: String) -> String {
        // Folding goes through Foundation and costs more than everything else here; plain ASCII needs only lowercasing.
        let folded = text.utf8.allSatisfy({ $0 < 0x80 })
            ? text.lowercased()
            : text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        let characters = folded.map(unifyingApostrophesAndHyphens)
        var output = ""
        output.reserveCapacity(characters.count)
        for index in characters.indices {
            let character = characters[index]
            let previous: Character? = index > 0 ? characters[index - 1] : nil
            let next: Character? = index + 1 < characters.count ? characters[index + 1] : nil
            if character.isLetter || character.isNumber {
                output.append(character)
            } else if keepsPunctuation(character, previous: previous, next: next) {
                output.append(character)
            } else {
                output.append(" ")
            }
        }
        return output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The words of the normalized text.
    public static func words(_ text: String) -> [String] {
        normalize(text).split(separator: " ").map(String.init)
    }

    // MARK: - Punctuation

    private static func unifyingApostrophesAndHyphens(_ character: Character) -> Character {
        switch character {
        case "\u{2019}", "\u{2018}", "\u{02BC}", "`", "\u{00B4}": "'"
        case "\u{2010}", "\u{2011}", "\u{2212}": "-"
        default: character
        }
    }

    /// Apostrophes inside words (`don't`), hyphens inside words or numbers (`thirty-four`, `2026-03-01`),
    /// a minus sign before a number (`-5`) and decimal points (`34.5`) carry meaning; other punctuation does not.
    private static func keepsPunctuation(_ character: Character, previous: Character?, next: Character?) -> Bool {
        let previousIsAlphanumeric = previous.map { $0.isLetter || $0.isNumber } ?? false
        let nextIsAlphanumeric = next.map { $0.isLetter || $0.isNumber } ?? false
        switch character {
        case "'":
            return (previous?.isLetter ?? false) && (next?.isLetter ?? false)
        case "-":
            if previousIsAlphanumeric && nextIsAlphanumeric { return true }
            return !previousIsAlphanumeric && (next?.isASCIIDigit ?? false)
        case ".":
            return (previous?.isASCIIDigit ?? false) && (next?.isASCIIDigit ?? false)
        default:
            return false
        }
    }
}

extension Character {
    /// `0`–`9` only: other scripts' digits are not read as numbers by `Int` or `Double`.
    var isASCIIDigit: Bool { isASCII && isNumber }
}
