/// A fixed-size set of small integers, for the per-node facts the explorer looks up at every step.
struct PathBitSet: Sendable, Hashable {
    private(set) var words: [UInt64]

    init(capacity: Int) {
        words = Array(repeating: 0, count: (capacity + 63) / 64)
    }

    func contains(_ member: Int) -> Bool {
        words[member >> 6] & (1 << UInt64(member & 63)) != 0
    }

    mutating func insert(_ member: Int) {
        words[member >> 6] |= 1 << UInt64(member & 63)
    }

    mutating func formUnion(_ other: PathBitSet) {
        for index in words.indices { words[index] |= other.words[index] }
    }

    var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    /// The members, in increasing order.
    var members: [Int] {
        var result: [Int] = []
        for (index, word) in words.enumerated() where word != 0 {
            var rest = word
            while rest != 0 {
                let bit = rest.trailingZeroBitCount
                result.append(index * 64 + bit)
                rest &= rest - 1
            }
        }
        return result
    }
}
