import Testing
@testable import ConsultCore

/// The translators' CSV: written so spreadsheets open it right, read back exactly, broken rows named by line.
@Suite struct CSVTableTests {
    @Test func writesQuotedFieldsWithAByteOrderMarkAndCRLF() {
        let text = CSVTable.write([["id", "english"], ["a", "He said \"yes\", then\nleft"]])
        #expect(text == "\u{FEFF}\"id\",\"english\"\r\n\"a\",\"He said \"\"yes\"\", then\nleft\"\r\n")
    }

    @Test func readsBackWhatItWrites() throws {
        let rows = [["id", "translation"], ["x", "¿Qué? \"sí\", no: #1\r\nsegunda 🎉"], ["y", ""]]
        let records = try CSVTable.read(CSVTable.write(rows))
        // A CRLF inside a quoted field is one line break.
        #expect(records.map(\.fields) == [["id", "translation"], ["x", "¿Qué? \"sí\", no: #1\nsegunda 🎉"], ["y", ""]])
        #expect(records.map(\.line) == [1, 2, 4])
    }

    @Test func aStrayQuoteIsReportedOnItsLineAndTheRestIsRead() throws {
        let records = try CSVTable.read("id,translation\na,fine\nb,say \"hi\" now\nc,\"ok\"\n")
        #expect(records.count == 4)
        #expect(records[2].line == 3)
        #expect(records[2].problem != nil)
        #expect(records[3].fields == ["c", "ok"])
        #expect(records[3].problem == nil)
    }

    @Test func aQuoteNeverClosedStopsTheReadingAtItsLine() {
        #expect(throws: CSVReadingError.unclosedQuote(line: 3)) {
            try CSVTable.read("id,translation\na,b\nc,\"never closed\nd,e\n")
        }
    }

    @Test func readsSemicolonsWhenTheHeaderUsesThem() throws {
        let records = try CSVTable.read("id;english;translation\r\na;One, two;Uno, dos\r\n")
        #expect(records.map(\.fields) == [["id", "english", "translation"], ["a", "One, two", "Uno, dos"]])
    }
}
