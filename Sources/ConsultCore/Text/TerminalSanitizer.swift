/// Makes what a patient typed safe to show back on a terminal or write into a file.
///
/// A kiosk keyboard can send escape sequences, and pasted text can carry control or invisible characters
/// that would recolour the screen, retitle the window, reorder text (bidi overrides) or hide words in a
/// summary. They are removed, whitespace is collapsed, and over-long text is shortened.
public enum TerminalSanitizer {
    /// The text without escape sequences, control, bidi-override and zero-width characters, with whitespace
    /// collapsed to single spaces and trimmed, at most `maxLength` characters long.
    ///
    /// - Parameters:
    ///   - text: Any string.
    ///   - maxLength: The most characters returned; a shortened text ends with "…", counted in `maxLength`.
    /// - Returns: The cleaned text.
    public static func clean(_ text: String, maxLength: Int = 2000) -> String {
        var scalars = String.UnicodeScalarView()
        var state = State.text
        for scalar in text.unicodeScalars {
            state = state.next(after: scalar, output: &scalars)
        }
        let collapsed = String(scalars).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return shortened(collapsed, to: maxLength)
    }

    // MARK: - Escape sequences

    /// Where the scanner is: in plain text, or inside a sequence whose characters are dropped.
    private enum State {
        /// Ordinary text.
        case text
        /// After ESC, before the character that says which sequence this is.
        case escape
        /// After ESC and intermediate bytes (`ESC ( B`), before the final byte.
        case escapeIntermediate
        /// Inside a control sequence (`ESC [ 31 m`), until its final byte.
        case controlSequence
        /// Inside a string sequence (OSC, DCS, SOS, PM, APC), until BEL or the string terminator.
        case string
        /// Inside a string sequence, just after ESC: a `\` ends it.
        case stringEscape

        func next(after scalar: Unicode.Scalar, output: inout String.UnicodeScalarView) -> State {
            let value = scalar.value
            switch self {
            case .text:
                switch value {
                case 0x1B: return .escape
                case 0x9B: return .controlSequence
                case 0x90, 0x98, 0x9D, 0x9E, 0x9F: return .string
                default:
                    if let kept = TerminalSanitizer.kept(scalar) { output.append(kept) }
                    return .text
                }
            case .escape:
                switch value {
                case 0x5B: return .controlSequence                 // [
                case 0x5D, 0x50, 0x58, 0x5E, 0x5F: return .string  // ] P X ^ _
                case 0x20...0x2F: return .escapeIntermediate
                case 0x1B: return .escape
                default: return .text                              // a two-character sequence, or a lone ESC
                }
            case .escapeIntermediate:
                return (0x20...0x2F).contains(value) ? .escapeIntermediate : .text
            case .controlSequence:
                // Parameter and intermediate bytes continue; a final byte (or anything else) ends the sequence.
                return (0x20...0x3F).contains(value) ? .controlSequence : .text
            case .string:
                switch value {
                case 0x07, 0x9C: return .text
                case 0x1B: return .stringEscape
                default: return .string
                }
            case .stringEscape:
                return value == 0x5C ? .text : .string
            }
        }
    }

    // MARK: - Characters

    /// The scalar as it should appear, `nil` to drop it: whitespace controls become spaces.
    private static func kept(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar.value {
        case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029:
            return " "
        case 0x00...0x1F, 0x7F...0x9F:
            return nil  // C0, DEL and C1 controls
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C:
            return nil  // bidi embeddings, overrides, isolates and marks
        case 0x200B...0x200D, 0x2060, 0xFEFF, 0x00AD:
            return nil  // zero-width spaces and joiners, word joiner, byte-order mark, soft hyphen
        default:
            return scalar
        }
    }

    /// At most `maxLength` characters, ending with "…" when shortened.
    private static func shortened(_ text: String, to maxLength: Int) -> String {
        guard maxLength > 0 else { return "" }
        guard text.count > maxLength else { return text }
        var prefix = String(text.prefix(maxLength - 1))
        while prefix.last?.isWhitespace == true { prefix.removeLast() }
        return prefix + "…"
    }
}
