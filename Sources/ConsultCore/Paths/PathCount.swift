/// An exact count of paths: a non-negative integer of any size (dialogs multiply quickly: forty
/// yes/no questions already make a trillion paths), with only what counting needs: zero, one, addition.
public struct PathCount: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Base 10⁹ digits, least significant first; empty for zero.
    private var limbs: [UInt32]
    private static let base: UInt64 = 1_000_000_000

    public static let zero = PathCount(limbs: [])
    public static let one = PathCount(limbs: [1])

    private init(limbs: [UInt32]) { self.limbs = limbs }

    public init(_ value: Int) {
        precondition(value >= 0, "a path count is never negative")
        var rest = UInt64(value)
        var limbs: [UInt32] = []
        while rest > 0 {
            limbs.append(UInt32(rest % Self.base))
            rest /= Self.base
        }
        self.limbs = limbs
    }

    public var isZero: Bool { limbs.isEmpty }

    public static func + (lhs: PathCount, rhs: PathCount) -> PathCount {
        var result = lhs
        result += rhs
        return result
    }

    public static func += (lhs: inout PathCount, rhs: PathCount) {
        if rhs.limbs.count > lhs.limbs.count { lhs.limbs += Array(repeating: 0, count: rhs.limbs.count - lhs.limbs.count) }
        var carry: UInt64 = 0
        for index in lhs.limbs.indices {
            guard index < rhs.limbs.count || carry > 0 else { break }
            let sum = UInt64(lhs.limbs[index]) + UInt64(index < rhs.limbs.count ? rhs.limbs[index] : 0) + carry
            lhs.limbs[index] = UInt32(sum % base)
            carry = sum / base
        }
        if carry > 0 { lhs.limbs.append(UInt32(carry)) }
    }

    public static func < (lhs: PathCount, rhs: PathCount) -> Bool {
        if lhs.limbs.count != rhs.limbs.count { return lhs.limbs.count < rhs.limbs.count }
        for index in lhs.limbs.indices.reversed() where lhs.limbs[index] != rhs.limbs[index] {
            return lhs.limbs[index] < rhs.limbs[index]
        }
        return false
    }

    /// The decimal digits, `0` for zero.
    public var description: String {
        guard let top = limbs.last else { return "0" }
        var text = String(top)
        for limb in limbs.dropLast().reversed() {
            let digits = String(limb)
            text += String(repeating: "0", count: 9 - digits.count) + digits
        }
        return text
    }

    /// `12,345,678`: the digits grouped in threes, for people; beyond 18 digits, `about 2.54 × 10^170`.
    public var grouped: String {
        let digits = description
        if digits.count > 18 {
            let leading = Array(digits.prefix(3))
            return "about \(leading[0]).\(leading[1])\(leading[2]) × 10^\(digits.count - 1)"
        }
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return groups.joined(separator: ",")
    }
}
