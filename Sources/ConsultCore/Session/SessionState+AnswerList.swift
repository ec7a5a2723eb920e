import Foundation

extension SessionState {
    /// The answers on the path taken, in the order given, with where each answer id stands and its value.
    ///
    /// Changed only through its mutating methods, which keep the list and what is kept by id in step and give back
    /// what undoes the change (``AnswerUndo``): a checkpoint for `back` keeps that instead of a copy of every answer,
    /// which made each turn copy the whole list. An answer id is in the list at most once.
    ///
    /// The values by id are kept rather than built when asked for: every branch, rule and text with a value evaluates
    /// over them, and building them from the list each time made a turn's cost grow with the answers.
    ///
    /// Encoded as the plain list (as `answers` always was), and two lists are equal when their answers are: the index
    /// follows from them.
    public struct AnswerList: Sendable, Hashable, Codable, RandomAccessCollection {
        private var list: [StoredAnswer] = []
        /// Where each answer id stands in `list`.
        private var positions: [String: Int] = [:]
        /// Answers by id; skipped optional questions map to `nil`.
        public private(set) var values: [String: AnswerValue?] = [:]

        /// No answers.
        public init() {}

        // MARK: - Reading

        public var startIndex: Int { list.startIndex }
        public var endIndex: Int { list.endIndex }
        public subscript(position: Int) -> StoredAnswer { list[position] }

        /// The answer to question `id`, if it has one.
        public subscript(id id: String) -> StoredAnswer? {
            positions[id].map { list[$0] }
        }

        // MARK: - Changing

        /// Stores an answer given at its question: last, and an earlier answer to the same question (a question asked
        /// again after `goto`, or set by staff before it was asked) leaves its place.
        mutating func record(_ answer: StoredAnswer) -> AnswerUndo {
            let count = list.count
            var replaced: AnswerUndo.Replaced?
            if let index = positions[answer.answer.id] {
                replaced = AnswerUndo.Replaced(previous: list[index], index: index, inPlace: false)
                list.remove(at: index)
                reindex(from: index)
            }
            positions[answer.answer.id] = list.count
            values[answer.answer.id] = .some(answer.answer.value)
            list.append(answer)
            return AnswerUndo(count: count, replaced: replaced)
        }

        /// Stores an answer where the earlier answer to the same question stands (staff's `set` changes an answer without
        /// moving it), or last when the question has none.
        mutating func replace(_ answer: StoredAnswer) -> AnswerUndo {
            let count = list.count
            values[answer.answer.id] = .some(answer.answer.value)
            guard let index = positions[answer.answer.id] else {
                positions[answer.answer.id] = list.count
                list.append(answer)
                return AnswerUndo(count: count, replaced: nil)
            }
            let replaced = AnswerUndo.Replaced(previous: list[index], index: index, inPlace: true)
            list[index] = answer
            return AnswerUndo(count: count, replaced: replaced)
        }

        /// Undoes the change that gave `undo`; the list must be as that change left it (`back` undoes the latest
        /// checkpoint first, and every change of the answers leaves one).
        mutating func undo(_ undo: AnswerUndo) {
            guard let replaced = undo.replaced else {
                assert(list.count >= undo.count, "undoing a change that did not leave \(list.count) answers")
                for removed in list[undo.count...] {
                    positions[removed.answer.id] = nil
                    values.removeValue(forKey: removed.answer.id)
                }
                list.removeLast(list.count - undo.count)
                return
            }
            assert(list.count == undo.count, "undoing a change that did not leave \(list.count) answers")
            values[replaced.previous.answer.id] = .some(replaced.previous.answer.value)
            if replaced.inPlace {
                list[replaced.index] = replaced.previous
            } else {
                list.removeLast()
                list.insert(replaced.previous, at: replaced.index)
                reindex(from: replaced.index)
            }
        }

        /// Forgets every answer (`restart`).
        mutating func removeAll() {
            list.removeAll()
            positions.removeAll()
            values.removeAll()
        }

        /// Sets the positions of the answers from `index` on, after answers before them came or went.
        private mutating func reindex(from index: Int) {
            for position in index..<list.count { positions[list[position].answer.id] = position }
        }

        // MARK: - Equality and coding

        // The index and the values follow from the list: equality, hashing and coding look at the list alone.

        public static func == (lhs: AnswerList, rhs: AnswerList) -> Bool { lhs.list == rhs.list }

        public func hash(into hasher: inout Hasher) { hasher.combine(list) }

        public init(from decoder: any Decoder) throws {
            let list = try decoder.singleValueContainer().decode([StoredAnswer].self)
            self.list = list
            // The last answer of an id wins, as it did when the answers by id were built from the list.
            for (position, stored) in list.enumerated() {
                positions[stored.answer.id] = position
                values[stored.answer.id] = .some(stored.answer.value)
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(list)
        }
    }

    /// What undoes one change of the answers, for `back`: how many answers there were, and the earlier answer to the
    /// same question that the change replaced. A checkpoint keeps this rather than a copy of the answers.
    public struct AnswerUndo: Sendable, Hashable, Codable {
        /// How many answers there were before the change.
        public var count: Int
        /// The earlier answer to the same question that the change replaced, if any.
        public var replaced: Replaced?

        /// An answer the change replaced, and where it stood.
        public struct Replaced: Sendable, Hashable, Codable {
            public var previous: StoredAnswer
            public var index: Int
            /// Whether the new answer took its place (staff's `set`) rather than going last (the question answered again).
            public var inPlace: Bool
        }

        /// The undo of a change that left the `count` answers as they were (a topic read, a `goto`).
        static func unchanged(count: Int) -> AnswerUndo { AnswerUndo(count: count, replaced: nil) }
    }
}
