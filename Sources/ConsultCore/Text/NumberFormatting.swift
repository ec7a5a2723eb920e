import Foundation

/// Number and money formatting for text shown to patients and staff.
///
/// Written by hand rather than with `NumberFormatter` so output does not depend
/// on the machine's locale data: a kiosk and CI must print the same digits.
///
/// Every function takes any `Double` without trapping. The loader keeps the numbers a dialog shows
/// within ``largestShown``; beyond it digits are still printed in full, and a value that is not finite
/// (infinite, not a number) shows as ``noValue``, like an unknown value in text.
public enum NumberFormatting {
    /// The largest magnitude a dialog may show with `| money` or `| number` (checked when a dialog loads).
    ///
    /// Whole numbers up to it are exact in a `Double`, so the digits shown are the digits computed.
    public static let largestShown = 1e15

    /// What a number that is not finite shows as.
    public static let noValue = "—"

    /// `34`, `2.5`, `-1`: whole numbers without a decimal point, others with up to two decimals.
    public static func plain(_ value: Double) -> String {
        guard value.isFinite else { return noValue }
        if value.rounded() == value, abs(value) < largestShown { return String(Int64(value)) }
        var text = String(format: "%.2f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// `1,800`: whole numbers with thousands separators, rounded.
    public static func grouped(_ value: Double) -> String {
        guard value.isFinite else { return noValue }
        let rounded = value.rounded()
        // `%.0f` prints every digit of a whole `Double`, however large; `Int64` would trap beyond 9.2 × 10^18.
        let digits = rounded.magnitude < largestShown
            ? String(Int64(rounded.magnitude)) : String(format: "%.0f", rounded.magnitude)
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
        guard value.isFinite else { return noValue }
        if let symbol, !symbol.isEmpty { return symbol + grouped(value) }
        return grouped(value) + " " + code
    }
}
