import Foundation

/// Reduces what a patient typed to plain lowercase words, so answers and questions can be compared loosely.
///
/// `"Yes, I’m SURE!"` becomes `"yes i'm sure"`: case and accents are folded, curly apostrophes become
/// straight ones, and punctuation becomes spaces, except where it is part of a word or a number
/// (`don't`, `thirty-four`, `2026-03-01`, `34.5`, `-5`).
public enum TextNormalizer {
    /// The normalized text: lowercased, without accents, punctuation replaced by spaces, whitespace collapsed and trimmed.
    public static func normalize(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return normalizeASCII(text) }
        return normalizeCharacters(text)
    }

    /// The rules on Characters, for any text (the ASCII path must agree with it; a test checks).
    static func normalizeCharacters(_ text: String) -> String {
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

    /// The same rules on bytes, for the usual case of plain ASCII: Character properties are slow to look up.
    private static func normalizeASCII(_ text: String) -> String {
        let bytes = Array(text.utf8)
        func isAlphanumeric(_ byte: UInt8) -> Bool { (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) }
        func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var pendingSpace = false
        for index in bytes.indices {
            var byte = bytes[index]
            if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
            if byte == 0x60 { byte = 0x27 }  // a backtick is an apostrophe
            let previous: UInt8? = index > 0 ? lowered(bytes[index - 1]) : nil
            let next: UInt8? = index + 1 < bytes.count ? lowered(bytes[index + 1]) : nil
            var keep = isAlphanumeric(byte)
            if !keep {
                let previousIsAlphanumeric = previous.map(isAlphanumeric) ?? false
                let nextIsAlphanumeric = next.map(isAlphanumeric) ?? false
                switch byte {
                case 0x27:  // '
                    keep = (previous.map { $0 >= 0x61 && $0 <= 0x7A } ?? false) && (next.map { $0 >= 0x61 && $0 <= 0x7A } ?? false)
                case 0x2D:  // -
                    keep = (previousIsAlphanumeric && nextIsAlphanumeric) || (!previousIsAlphanumeric && (next.map(isDigit) ?? false))
                case 0x2E:  // .
                    keep = (previous.map(isDigit) ?? false) && (next.map(isDigit) ?? false)
                default:
                    keep = false
                }
            }
            if keep {
                if pendingSpace && !output.isEmpty { output.append(0x20) }
                pendingSpace = false
                output.append(byte)
            } else {
                pendingSpace = true
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func lowered(_ byte: UInt8) -> UInt8 {
        let lower = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
        return lower == 0x60 ? 0x27 : lower
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
