import Foundation

/// Reduces what a patient typed to plain lowercase words, so answers and questions can be compared loosely.
///
/// `"Yes, I’m SURE!"` becomes `"yes i'm sure"`: case and accents are folded, curly apostrophes become
/// straight ones, and punctuation becomes spaces, except where it is part of a word or a number
/// (`don't`, `thirty-four`, `2026-03-01`, `34.5`, `-5`).
public enum TextNormalizer {
    /// The normalized text: lowercased, without accents, punctuation replaced by spaces, whitespace collapsed and trimmed.
    public static func normalize(_ text: String) -> String {
        if let ascii = normalizedASCII(text) { return ascii }
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
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

    /// The same result as ``normalize(_:)`` for plain ASCII text (most of what patients type and dialogs hold), without
    /// Unicode property tables or Foundation's folding; `nil` for any other text.
    private static func normalizedASCII(_ text: String) -> String? {
        var bytes = Array(text.utf8)
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        for index in bytes.indices {
            switch bytes[index] {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes[index] += 0x20
            case UInt8(ascii: "`"): bytes[index] = UInt8(ascii: "'")
            default: break
            }
        }
        func isLetter(_ byte: UInt8?) -> Bool { byte.map { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) } ?? false }
        func isDigit(_ byte: UInt8?) -> Bool { byte.map { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } ?? false }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var separated = false
        for index in bytes.indices {
            let byte = bytes[index]
            let previous = index > 0 ? bytes[index - 1] : nil
            let next = index + 1 < bytes.count ? bytes[index + 1] : nil
            let kept: Bool
            switch byte {
            case _ where isLetter(byte) || isDigit(byte): kept = true
            // The same rules as keepsPunctuation, on bytes.
            case UInt8(ascii: "'"): kept = isLetter(previous) && isLetter(next)
            case UInt8(ascii: "-"):
                let previousIsAlphanumeric = isLetter(previous) || isDigit(previous)
                kept = (previousIsAlphanumeric && (isLetter(next) || isDigit(next))) || (!previousIsAlphanumeric && isDigit(next))
            case UInt8(ascii: "."): kept = isDigit(previous) && isDigit(next)
            default: kept = false
            }
            guard kept else {
                separated = true
                continue
            }
            if separated, !output.isEmpty { output.append(UInt8(ascii: " ")) }
            separated = false
            output.append(byte)
        }
        return String(decoding: output, as: UTF8.self)
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
