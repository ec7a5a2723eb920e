/// A session's short code for the front desk: six characters, read aloud and typed without doubt (`K7M-4QX`).
///
/// The alphabet has no `0`/`O`, `1`/`I`/`L` (read alike) and no `U` (fewer accidental words): 30 characters,
/// so about 729 million codes. A code is drawn from a random source the caller passes in (tests pass a seeded
/// one), and ``SummaryWriter/newReference(using:)`` draws again until the code is not used in its folder.
public struct ReferenceCode: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The characters a code is made of.
    public static let alphabet: [Character] = Array("23456789ABCDEFGHJKMNPQRSTVWXYZ")
    /// How many characters a code has (without the dash).
    public static let length = 6

    /// The six characters, upper case, without the dash (`K7M4QX`).
    public let characters: String

    /// Reads a code as staff type it: any case, with or without the dash, spaces ignored (`k7m 4qx`, `K7M-4QX`).
    ///
    /// - Returns: `nil` when the text is not six characters of the alphabet.
    public init?(_ text: String) {
        // The form codes are written in (`K7M-4QX`), read without the general path: listing a folder reads one
        // per summary.
        let bytes = text.utf8
        if bytes.count == 7, bytes.allSatisfy({ Self.isAlphabetByte($0) || $0 == UInt8(ascii: "-") }),
           bytes.firstIndex(of: UInt8(ascii: "-")) == bytes.index(bytes.startIndex, offsetBy: 3),
           bytes.lastIndex(of: UInt8(ascii: "-")) == bytes.index(bytes.startIndex, offsetBy: 3) {
            var kept = Array(bytes)
            kept.remove(at: 3)
            characters = String(decoding: kept, as: UTF8.self)
            return
        }
        let kept = text.uppercased().filter { $0 != "-" && $0 != " " }
        guard kept.count == Self.length, kept.allSatisfy(Self.alphabet.contains) else { return nil }
        characters = kept
    }

    /// A code drawn from `generator`, uniformly over the alphabet.
    public static func random<Generator: RandomNumberGenerator>(using generator: inout Generator) -> ReferenceCode {
        var code = ""
        for _ in 0..<length { code.append(alphabet[Int.random(in: 0..<alphabet.count, using: &generator)]) }
        return ReferenceCode(unchecked: code)
    }

    /// A code drawn from `generator` that is not in `used`.
    ///
    /// Draws again on a clash, at most ``maximumDraws`` times: with 729 million codes a folder would need hundreds
    /// of millions of summaries before a second draw is common, and a broken random source must not hang a kiosk.
    /// After that the last code is kept; the session id in every file name still keeps its files apart.
    public static func random<Generator: RandomNumberGenerator>(
        avoiding used: Set<ReferenceCode>, using generator: inout Generator
    ) -> ReferenceCode {
        var code = random(using: &generator)
        for _ in 1..<maximumDraws where used.contains(code) {
            code = random(using: &generator)
        }
        return code
    }

    /// How many codes ``random(avoiding:using:)`` draws before it gives up avoiding.
    static let maximumDraws = 1_000

    /// Whether `byte` is one of the alphabet's characters (in upper case).
    private static func isAlphabetByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "2")...UInt8(ascii: "9"): true
        case UInt8(ascii: "A")...UInt8(ascii: "Z"):
            byte != UInt8(ascii: "I") && byte != UInt8(ascii: "L") && byte != UInt8(ascii: "O") && byte != UInt8(ascii: "U")
        default: false
        }
    }

    private init(unchecked characters: String) {
        self.characters = characters
    }

    /// `K7M-4QX`: two groups of three, as shown to patients and in file names.
    public var description: String {
        String(characters.prefix(3)) + "-" + String(characters.suffix(3))
    }

    public static func < (lhs: ReferenceCode, rhs: ReferenceCode) -> Bool {
        lhs.characters < rhs.characters
    }

    /// Finds the code in a summary or journal file name (`20261126-053127-K7M-4QX-3f9a1c2e.md`): the two groups
    /// after the time. `nil` for names without one (summaries written before codes existed).
    public static func inFileName(_ name: String) -> ReferenceCode? {
        // On bytes, not a regular expression: a kiosk's folder may hold hundreds of thousands of names, read at
        // every patient's start.
        let bytes = Array(name.utf8.prefix(24))
        guard bytes.count == 24 else { return nil }
        let dash = UInt8(ascii: "-")
        func digits(_ range: Range<Int>) -> Bool { bytes[range].allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        func code(_ range: Range<Int>) -> Bool { bytes[range].allSatisfy(isAlphabetByte) }
        guard digits(0..<8), bytes[8] == dash, digits(9..<15), bytes[15] == dash, code(16..<19), bytes[19] == dash,
              code(20..<23), bytes[23] == dash else { return nil }
        return ReferenceCode(unchecked: String(decoding: bytes[16..<19] + bytes[20..<23], as: UTF8.self))
    }
}

extension ReferenceCode: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let code = ReferenceCode(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "not a reference code: \(text)"))
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
