import Testing
@testable import ConsultCore

/// Formatting shows any number a dialog can compute without trapping: the loader bounds what dialogs show,
/// and formatting is the second line of defence.
@Suite struct NumberFormattingTests {
    @Test func ordinaryNumbers() {
        #expect(NumberFormatting.plain(34) == "34")
        #expect(NumberFormatting.plain(2.5) == "2.5")
        #expect(NumberFormatting.plain(-1) == "-1")
        #expect(NumberFormatting.grouped(1800) == "1,800")
        #expect(NumberFormatting.grouped(-1234567.4) == "-1,234,567")
        #expect(NumberFormatting.grouped(999.5) == "1,000")
        #expect(NumberFormatting.grouped(-0.4) == "0")
        #expect(NumberFormatting.money(1800, symbol: "$", code: "USD") == "$1,800")
        #expect(NumberFormatting.money(1800, symbol: nil, code: "EUR") == "1,800 EUR")
    }

    /// `price_per_session: 2e18` made the costs topic trap: six sessions cost more than `Int64` holds.
    @Test func numbersBeyondSixtyFourBitsAreShownInFull() {
        #expect(NumberFormatting.grouped(1.2e19) == "12,000,000,000,000,000,000")
        #expect(NumberFormatting.grouped(-1.2e19) == "-12,000,000,000,000,000,000")
        #expect(NumberFormatting.money(1.2e19, symbol: "$", code: "USD") == "$12,000,000,000,000,000,000")
        #expect(NumberFormatting.grouped(Double(Int64.max)) == "9,223,372,036,854,775,808")
        #expect(NumberFormatting.grouped(1e300).count == 301 + 100)
        #expect(NumberFormatting.grouped(-Double.greatestFiniteMagnitude).hasPrefix("-179,769,313,486,231,570,"))
        #expect(NumberFormatting.plain(1e20) == "100000000000000000000")
    }

    @Test func numbersThatAreNotFiniteShowNoValue() {
        for value in [Double.infinity, -Double.infinity, Double.nan, -Double.nan, Double.signalingNaN] {
            #expect(NumberFormatting.plain(value) == "—")
            #expect(NumberFormatting.grouped(value) == "—")
            #expect(NumberFormatting.money(value, symbol: "$", code: "USD") == "—")
            #expect(NumberFormatting.money(value, symbol: nil, code: "USD") == "—")
        }
    }
}
