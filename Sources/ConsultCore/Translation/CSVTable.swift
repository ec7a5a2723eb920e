/// Comma-separated values as RFC 4180 writes them, for the translators' spreadsheets.
///
/// Written with a UTF-8 byte-order mark and CRLF line ends, every field quoted, so Excel and LibreOffice open
/// accents, line breaks and quotes right. Read leniently: LF or CRLF, with or without the mark, and `;` as
/// the separator when the header row uses it (what Excel saves in locales whose decimal mark is a comma).
public enum CSVTable {
    /// The byte-order mark that tells spreadsheets the file is UTF-8.
    public static let byteOrderMark = "\u{FEFF}"

    /// `rows` as CSV text, starting with the byte-order mark.
    public static func write(_ rows: [[String]]) -> String {
        var text = byteOrderMark
        for row in rows {
            text += row.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",")
            text += "\r\n"
        }
        return text
    }

    /// One row as read, with the line of the file it starts on.
    public struct Record: Sendable, Equatable {
        /// 1-based line number where the row starts (a quoted field may hold line breaks).
        public var line: Int
        public var fields: [String]
        /// What is wrong with the row's quoting, when something is; its fields are then not to be trusted.
        public var problem: String?
    }

    /// The rows of `text`.
    ///
    /// A row with a stray quote is returned with a `problem` and the reading goes on at the next line; a quote
    /// that is never closed would swallow the rest of the file, so it stops the reading.
    public static func read(_ text: String) throws(CSVReadingError) -> [Record] {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        let separator = detectSeparator(scalars)
        var records: [Record] = []
        var index = 0
        var line = 1
        while index < scalars.count {
            let startLine = line
            var fields: [String] = []
            var field = ""
            var problem: String?
            var atFieldStart = true
            var endOfRow = false
            while index < scalars.count, !endOfRow {
                let character = scalars[index]
                if atFieldStart, character == "\"" {
                    // A quoted field: up to the quote that is not doubled.
                    index += 1
                    var closed = false
                    while index < scalars.count {
                        let inner = scalars[index]
                        if inner == "\"" {
                            if index + 1 < scalars.count, scalars[index + 1] == "\"" {
                                field.unicodeScalars.append("\"")
                                index += 2
                                continue
                            }
                            index += 1
                            closed = true
                            break
                        }
                        if inner == "\n" { line += 1 }
                        if inner == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" {
                            index += 1
                            continue // CRLF inside a field is one line break
                        }
                        field.unicodeScalars.append(inner)
                        index += 1
                    }
                    guard closed else { throw .unclosedQuote(line: startLine) }
                    atFieldStart = false
                    // Only a separator or the end of the row may follow the closing quote.
                    if index < scalars.count, scalars[index] != separator, scalars[index] != "\n", scalars[index] != "\r" {
                        problem = problem ?? "text follows a closing quote; a quote inside a field is written twice (\"\")"
                        while index < scalars.count, scalars[index] != separator, scalars[index] != "\n" {
                            field.unicodeScalars.append(scalars[index])
                            index += 1
                        }
                    }
                    continue
                }
                switch character {
                case separator:
                    fields.append(field)
                    field = ""
                    atFieldStart = true
                    index += 1
                case "\r" where index + 1 < scalars.count && scalars[index + 1] == "\n":
                    index += 1
                case "\n":
                    endOfRow = true
                    line += 1
                    index += 1
                default:
                    if character == "\"" {
                        problem = problem ?? "a quote in the middle of a field that does not start with one; quote the whole field"
                    }
                    field.unicodeScalars.append(character)
                    atFieldStart = false
                    index += 1
                }
            }
            fields.append(field)
            // Blank lines between rows (some editors add one at the end) are not rows.
            if fields == [""] && problem == nil { continue }
            records.append(Record(line: startLine, fields: fields, problem: problem))
        }
        return records
    }

    /// `;` when the first line has semicolons outside quotes and no commas, else `,`.
    private static func detectSeparator(_ scalars: [Unicode.Scalar]) -> Unicode.Scalar {
        var commas = 0, semicolons = 0, quoted = false
        for character in scalars {
            if character == "\"" { quoted.toggle() }
            if quoted { continue }
            if character == "\n" { break }
            if character == "," { commas += 1 }
            if character == ";" { semicolons += 1 }
        }
        return semicolons > 0 && commas == 0 ? ";" : ","
    }
}

/// Why a CSV file could not be read at all.
public enum CSVReadingError: Error, Equatable, CustomStringConvertible {
    /// A quoted field opened on `line` is never closed.
    case unclosedQuote(line: Int)

    public var description: String {
        switch self {
        case let .unclosedQuote(line):
            "line \(line): a quoted field is never closed, so the rest of the file cannot be read; "
                + "check that every quote inside a field is written twice (\"\")"
        }
    }
}
