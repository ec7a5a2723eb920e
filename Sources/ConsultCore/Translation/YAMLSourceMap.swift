// libyaml is what Yams itself parses with; its events carry where every value starts *and ends*, which Yams'
// tree does not keep. Editing a dialog in place needs both ends, so this file reads the events directly.
import CYaml

/// Where every value of a YAML file is written, so a translation can be put into the file's own text
/// without re-serialising it (comments, quoting and layout stay as the author wrote them).
///
/// Offsets count Unicode scalars from the start of the text (after any byte-order mark), as libyaml does.
struct YAMLSourceMap {
    /// One value: a scalar, a mapping or a sequence.
    struct Node {
        enum Kind: Equatable { case scalar, mapping, sequence }
        enum Style: Equatable { case plain, singleQuoted, doubleQuoted, literal, folded, block, flow }

        var kind: Kind
        /// For a scalar, how it is quoted; for a collection, `block` or `flow`.
        var style: Style
        /// Offsets of the first character and one past the last (trimmed of the line breaks libyaml
        /// counts into block values).
        var start: Int
        var end: Int
        /// 0-based line and column of `start`.
        var line: Int
        var column: Int
        /// A scalar's value.
        var value: String?
        /// The mapping or sequence holding this node.
        var parent: Int?
        /// When the parent is a mapping: the key this node is the value of, and the key's node.
        var key: String?
        var keyNode: Int?
        /// A collection's children: for a mapping, its values (keys are found through `keyNode`).
        var children: [Int] = []
        /// Whether this scalar is a mapping's key.
        var isKey = false

        var isFlowContext: Bool { style == .flow }
    }

    let scalars: [Unicode.Scalar]
    private(set) var nodes: [Node] = []
    /// The root node, when the file holds one.
    private(set) var root: Int?
    private var startIndex: [Position: [Int]] = [:]
    private var textIndex: [Position: Int] = [:]

    /// Maps `text`; `nil` when libyaml cannot read it (the loader reports why).
    init?(text: String) {
        scalars = Array(text.unicodeScalars)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        let bytes = Array(text.utf8)
        let parsed: Bool = bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            return readEvents(&parser)
        }
        guard parsed else { return nil }
        buildIndexes()
    }

    subscript(index: Int) -> Node { nodes[index] }

    // MARK: - Reading the events

    /// A collection being read: its node and, for a mapping, the key waiting for its value.
    private struct Open {
        var node: Int
        var pendingKey: (String, Int)?
        var expectsKey = true
    }

    private mutating func readEvents(_ parser: inout yaml_parser_t) -> Bool {
        var stack: [Open] = []
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { return false }
            defer { yaml_event_delete(&event) }
            let start = event.start_mark, end = event.end_mark
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return true
            case YAML_SCALAR_EVENT:
                let value = String(decoding: UnsafeBufferPointer(start: event.data.scalar.value, count: event.data.scalar.length), as: UTF8.self)
                let style: Node.Style = switch event.data.scalar.style {
                case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
                case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
                case YAML_LITERAL_SCALAR_STYLE: .literal
                case YAML_FOLDED_SCALAR_STYLE: .folded
                default: .plain
                }
                var node = Node(kind: .scalar, style: style, start: Int(start.index), end: Int(end.index),
                                line: Int(start.line), column: Int(start.column), value: value)
                node.end = trimmedEnd(node.end, after: node.start)
                // A mapping's key is remembered until its value arrives.
                if let top = stack.last, nodes[top.node].kind == .mapping, top.expectsKey {
                    node.isKey = true
                    node.parent = top.node
                    nodes.append(node)
                    stack[stack.count - 1].pendingKey = (value, nodes.count - 1)
                    stack[stack.count - 1].expectsKey = false
                } else {
                    add(node, to: &stack)
                }
            case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let flow = isMapping ? event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE
                    : event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
                let node = Node(kind: isMapping ? .mapping : .sequence, style: flow ? .flow : .block,
                                start: Int(start.index), end: Int(start.index), line: Int(start.line), column: Int(start.column))
                if let top = stack.last, nodes[top.node].kind == .mapping, top.expectsKey {
                    return false // a collection as a key: no dialog has one
                }
                let index = add(node, to: &stack)
                stack.append(Open(node: index))
            case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                guard let open = stack.popLast() else { return false }
                nodes[open.node].end = trimmedEnd(Int(end.index), after: nodes[open.node].start)
            case YAML_ALIAS_EVENT:
                return false // dialogs do not use aliases, and an alias has no text of its own to edit
            default:
                break
            }
        }
    }

    @discardableResult
    private mutating func add(_ node: Node, to stack: inout [Open]) -> Int {
        var node = node
        let index = nodes.count
        if let top = stack.last {
            node.parent = top.node
            if let (key, keyNode) = top.pendingKey {
                node.key = key
                node.keyNode = keyNode
                stack[stack.count - 1].pendingKey = nil
                stack[stack.count - 1].expectsKey = true
            }
            nodes.append(node)
            nodes[top.node].children.append(index)
        } else {
            nodes.append(node)
            root = index
        }
        return index
    }

    /// `end` moved back over the blank lines and comments libyaml counts into block values (it ends them
    /// where the next token starts), so that an edit never swallows them.
    private func trimmedEnd(_ end: Int, after start: Int) -> Int {
        var end = min(end, scalars.count)
        while true {
            var probe = end
            while probe > start, scalars[probe - 1] == " " || scalars[probe - 1] == "\t" || scalars[probe - 1] == "\n" || scalars[probe - 1] == "\r" {
                probe -= 1
            }
            // A comment line at the end of a block collection: drop it and look again.
            let lineStart = lineStart(of: probe)
            if lineStart > start, let hash = firstContent(from: lineStart, to: probe), scalars[hash] == "#" {
                end = lineStart
                continue
            }
            return probe
        }
    }

    // MARK: - Positions

    /// The offset where the line holding `offset` starts.
    func lineStart(of offset: Int) -> Int {
        var index = min(offset, scalars.count)
        while index > 0, scalars[index - 1] != "\n" { index -= 1 }
        return index
    }

    /// The offset of the line break ending the line that holds `offset` (or the end of the text).
    func lineEnd(of offset: Int) -> Int {
        var index = offset
        while index < scalars.count, scalars[index] != "\n" { index += 1 }
        if index > 0, index <= scalars.count, index > offset, scalars[index - 1] == "\r" { return index - 1 }
        return index
    }

    /// The first character in `from..<to` that is not a blank.
    func firstContent(from: Int, to: Int) -> Int? {
        (from..<max(from, to)).first { scalars[$0] != " " && scalars[$0] != "\t" }
    }

    /// The text of `range`.
    func text(_ range: Range<Int>) -> String {
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars[range])
        return result
    }

    /// The leading blanks of the line holding `offset`, as written.
    func indentation(ofLineHolding offset: Int) -> Int {
        let start = lineStart(of: offset)
        var index = start
        while index < scalars.count, scalars[index] == " " { index += 1 }
        return index - start
    }

    /// How far the file indents one level: the least indentation of any indented line (2 when none is).
    var indentStep: Int {
        var best: Int?
        var index = 0
        while index < scalars.count {
            var column = 0
            while index < scalars.count, scalars[index] == " " { column += 1; index += 1 }
            let content = index < scalars.count && scalars[index] != "\n" && scalars[index] != "#"
            if content, column > 0 { best = min(best ?? column, column) }
            while index < scalars.count, scalars[index] != "\n" { index += 1 }
            index += 1
        }
        return best ?? 2
    }

    // MARK: - Finding nodes

    /// A 1-based line and column, as diagnostics and ``SourceLocation`` give them.
    struct Position: Hashable {
        var line: Int
        var column: Int
    }

    /// The value node whose text a loaded ``LocalizedText`` reports at `position`: a mapping or sequence
    /// where it starts, a scalar where its text starts (inside quotes; on the line after `|` or `>`).
    func node(atText position: Position) -> Int? {
        textIndex[position]
    }

    /// The node of the value of `key` in `mapping`.
    func value(of key: String, in mapping: Int) -> Int? {
        nodes[mapping].children.first { nodes[$0].key == key }
    }

    /// The mapping in which `key` is written at `position` (a question's `ask`).
    func mapping(withKey key: String, keyAt position: Position) -> Int? {
        startIndex[position]?.first { nodes[$0].isKey && nodes[$0].value == key }
            .flatMap { keyNode in nodes.firstIndex { $0.keyNode == keyNode } }
            .flatMap { nodes[$0].parent }
    }

    /// The mapping in which the value of `key` is written at `position` (an option's or FAQ entry's `id`).
    func mapping(withKey key: String, valueAt position: Position) -> Int? {
        startIndex[position]?.first { !nodes[$0].isKey && nodes[$0].key == key }.flatMap { nodes[$0].parent }
    }

    private mutating func buildIndexes() {
        for index in nodes.indices {
            let node = nodes[index]
            startIndex[Position(line: node.line + 1, column: node.column + 1), default: []].append(index)
            guard !node.isKey else { continue }
            let (line, column) = textPosition(of: index)
            textIndex[Position(line: line + 1, column: column + 1)] = index
        }
    }

    /// Where a node's text starts, as ``YAMLReader/textLocation(of:)`` says (0-based).
    private func textPosition(of index: Int) -> (Int, Int) {
        let node = nodes[index]
        switch node.style {
        case .singleQuoted, .doubleQuoted:
            return (node.line, node.column + 1)
        case .literal, .folded:
            var offset = lineEnd(of: node.start) + 1
            var line = node.line + 1
            while offset < scalars.count {
                let end = lineEnd(of: offset)
                if let content = firstContent(from: offset, to: end) { return (line, content - offset) }
                offset = end + 1
                line += 1
            }
            return (node.line, node.column)
        default:
            return (node.line, node.column)
        }
    }
}
