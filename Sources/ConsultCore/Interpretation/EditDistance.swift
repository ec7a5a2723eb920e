/// Edit distance between words, for telling a typing slip ("stoped", "yse") from another word.
public enum EditDistance {
    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours count one.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }

    /// Whether `a` is exactly one slip away from `b` (not equal to it).
    static func isWithinOne(_ a: String, _ b: String) -> Bool {
        abs(a.count - b.count) <= 1 && a != b && distance(a, b) == 1
    }

    /// The slips allowed in a word of this length: none below 4 letters, one up to 7, two from 8.
    static func allowedSlips(forLength length: Int) -> Int {
        length < 4 ? 0 : (length < 8 ? 1 : 2)
    }
}
