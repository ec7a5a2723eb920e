import Foundation

/// Number and money formatting for text shown to patients and staff.
///
/// Written by hand rather than with `NumberFormatter` so output does not depend
/// on the machine's locale data: a kiosk and CI must print the same digits.
public enum NumberFormatting {
    /// `34`, `2.5`, `-1`: whole numbers without a decimal point, others with up to two decimals.
    public static func plain(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        if value.rounded() == value, abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// `1,800`: whole numbers with thousands separators, rounded.
    public static func grouped(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = Int64(value.rounded())
        let digits = String(rounded.magnitude)
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (rounded < 0 ? "-" : "") + groups.joined(separator: ",")
    }

    /// `$1,800` for a symbol, or `1,800 EUR` without one.
    public static func money(_ value: Double, symbol: String?, code: String) -> String {
        if let symbol, !symbol.isEmpty { return symbol + grouped(value) }
        return grouped(value) + " " + code
    }
}
