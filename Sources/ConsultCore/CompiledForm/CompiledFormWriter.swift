/// Writes the compact binary form of a checked consultation (see ``CompiledConsultation``).
///
/// Integers are LEB128 variable-length (zigzag for signed ones), numbers their 8 IEEE-754 bytes, and every
/// string goes through one table: a dialog repeats its file name in every source location, and the reader then
/// shares one copy of each distinct string instead of decoding thousands.
struct CompiledFormWriter {
    private(set) var body: [UInt8] = []
    private var stringIndex: [String: Int] = [:]
    private var strings: [String] = []

    init() {
        body.reserveCapacity(64 * 1024)
    }

    /// The string table followed by the body: what ``CompiledFormReader`` reads.
    var bytes: [UInt8] {
        var table = CompiledFormWriter()
        table.writeCount(strings.count)
        for string in strings {
            let utf8 = Array(string.utf8)
            table.writeCount(utf8.count)
            table.body.append(contentsOf: utf8)
        }
        return table.body + body
    }

    mutating func writeUnsigned(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            body.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        body.append(UInt8(value))
    }

    mutating func write(_ value: Int) {
        // Zigzag: small negative numbers stay short.
        writeUnsigned(UInt64(bitPattern: Int64((value << 1) ^ (value >> (Int.bitWidth - 1)))))
    }

    mutating func writeCount(_ count: Int) {
        writeUnsigned(UInt64(count))
    }

    mutating func write(_ value: Bool) {
        body.append(value ? 1 : 0)
    }

    mutating func write(_ value: Double) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { body.append(contentsOf: $0) }
    }

    /// A small tag: an enum case or whether an optional value follows.
    mutating func writeTag(_ tag: UInt8) {
        body.append(tag)
    }

    mutating func write(_ string: String) {
        if let index = stringIndex[string] {
            writeCount(index)
        } else {
            stringIndex[string] = strings.count
            writeCount(strings.count)
            strings.append(string)
        }
    }

    mutating func write(_ strings: [String]) {
        writeCount(strings.count)
        for string in strings { write(string) }
    }

    mutating func write(_ string: String?) {
        writeOptional(string) { $0.write($1) }
    }

    /// An optional value: a tag 0 for none, 1 followed by the value.
    mutating func writeOptional<Value>(_ value: Value?, _ writeValue: (inout CompiledFormWriter, Value) -> Void) {
        guard let value else { return writeTag(0) }
        writeTag(1)
        writeValue(&self, value)
    }

    mutating func writeArray<Element>(_ elements: [Element], _ writeElement: (inout CompiledFormWriter, Element) -> Void) {
        writeCount(elements.count)
        for element in elements { writeElement(&self, element) }
    }

    /// A part the reader may set aside and read only when it is needed (``CompiledFormReader/section()``): its
    /// length in 4 bytes, little-endian, then what `writeBody` writes.
    mutating func writeSection(_ writeBody: (inout CompiledFormWriter) -> Void) {
        let lengthAt = body.count
        body.append(contentsOf: [0, 0, 0, 0])
        writeBody(&self)
        let length = UInt32(body.count - lengthAt - 4)
        for offset in 0..<4 { body[lengthAt + offset] = UInt8(truncatingIfNeeded: length >> (8 * UInt32(offset))) }
    }

    /// A dictionary in key order, so the same consultation always gives the same bytes.
    mutating func writeDictionary<Value>(_ dictionary: [String: Value], _ writeValue: (inout CompiledFormWriter, Value) -> Void) {
        writeCount(dictionary.count)
        for key in dictionary.keys.sorted() {
            write(key)
            writeValue(&self, dictionary[key]!)
        }
    }
}

/// Reads what ``CompiledFormWriter`` wrote, checking every length and tag against the bytes there are:
/// a damaged compiled form is an error to fall back from, never a crash.
struct CompiledFormReader {
    /// Why the bytes are not a compiled form this program can use.
    struct Damaged: Error, Sendable, Hashable, CustomStringConvertible {
        var reason: String
        var description: String { "the compiled consultation is damaged (\(reason))" }
    }

    /// Deepest nesting of expressions read; the expression parser accepts far less, so only damage reaches it.
    static let maximumDepth = 500

    private var bytes: [UInt8]
    private var position: Int
    /// The bytes the string table is in, and where each string is in them.
    private var stringBytes: [UInt8] = []
    private var stringRanges: [Range<Int>] = []
    /// The strings decoded so far. A string is decoded when first read: a start reads the FAQ's strings only when a
    /// patient first asks something, and decoding them all (UTF-8 checked) was a twentieth of a start.
    private var strings: [String?] = []
    /// How deep in nested expressions the reader is.
    var depth = 0

    /// A reader of the compiled form that starts at `start` in `bytes` (the payload, after the file's header:
    /// not copied out, which cost a copy of the whole form at every start).
    init(_ bytes: [UInt8], from start: Int = 0) throws(Damaged) {
        self.bytes = bytes
        position = start
        let count = try readCount()
        stringRanges.reserveCapacity(count)
        for _ in 0..<count {
            let length = try readCount()
            stringRanges.append(position..<(position + length))
            position += length
        }
        // The same buffer, not a copy of the table: the start need not copy it, and a section set aside for later
        // (which has bytes of its own) keeps it alive for its strings.
        stringBytes = bytes
        strings = Array(repeating: nil, count: count)
    }

    /// Whether every byte was read: trailing bytes mean the form is not what it claims to be.
    var isAtEnd: Bool { position == bytes.count }

    /// A section written by ``CompiledFormWriter/writeSection(_:)``, set aside: a reader of its bytes alone (with the
    /// same strings), and this reader moved past it.
    mutating func section() throws(Damaged) -> CompiledFormReader {
        guard bytes.count - position >= 4 else { throw Damaged(reason: "it ends early") }
        var length = 0
        for offset in 0..<4 { length |= Int(bytes[position + offset]) << (8 * offset) }
        position += 4
        guard length <= bytes.count - position else { throw Damaged(reason: "a section is longer than what is left") }
        var section = self
        // Its own bytes only, so the rest of the compiled form is not kept in memory for it.
        section.bytes = Array(bytes[position..<(position + length)])
        section.position = 0
        position += length
        return section
    }

    mutating func readUnsigned() throws(Damaged) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count else { throw Damaged(reason: "it ends early") }
            guard shift < 64 else { throw Damaged(reason: "a number is too long") }
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    mutating func readInt() throws(Damaged) -> Int {
        let zigzag = try readUnsigned()
        return Int(truncatingIfNeeded: Int64(bitPattern: (zigzag >> 1) ^ (0 &- (zigzag & 1))))
    }

    /// A count of things that follow; each takes at least a byte, so a count beyond the bytes left is damage
    /// (and never makes the reader reserve gigabytes).
    mutating func readCount() throws(Damaged) -> Int {
        let count = try readUnsigned()
        guard count <= UInt64(bytes.count - position) else { throw Damaged(reason: "a count of \(count) is beyond its end") }
        return Int(count)
    }

    mutating func readBool() throws(Damaged) -> Bool {
        switch try readTag() {
        case 0: return false
        case 1: return true
        case let tag: throw Damaged(reason: "\(tag) is not true or false")
        }
    }

    mutating func readDouble() throws(Damaged) -> Double {
        guard bytes.count - position >= 8 else { throw Damaged(reason: "it ends early") }
        var pattern: UInt64 = 0
        for offset in 0..<8 { pattern |= UInt64(bytes[position + offset]) << (8 * UInt64(offset)) }
        position += 8
        return Double(bitPattern: pattern)
    }

    mutating func readTag() throws(Damaged) -> UInt8 {
        guard position < bytes.count else { throw Damaged(reason: "it ends early") }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func readString() throws(Damaged) -> String {
        let index = try readUnsigned()
        guard index < UInt64(strings.count) else { throw Damaged(reason: "string \(index) is not in its table") }
        let slot = Int(index)
        if let string = strings[slot] { return string }
        let string = stringBytes[stringRanges[slot]].withUnsafeBufferPointer {
            String(decoding: $0, as: UTF8.self)
        }
        strings[slot] = string
        return string
    }

    mutating func readStrings() throws(Damaged) -> [String] {
        try readArray { reader throws(Damaged) in try reader.readString() }
    }

    mutating func readOptionalString() throws(Damaged) -> String? {
        try readOptional { reader throws(Damaged) in try reader.readString() }
    }

    // Inlined into each caller, so it is specialized for the caller's types: unspecialized, every array
    // and dictionary made looked its generic type up at run time (a tenth of decoding a large dialog).
    @inline(__always)
    mutating func readOptional<Value>(_ readValue: (inout CompiledFormReader) throws(Damaged) -> Value) throws(Damaged) -> Value? {
        switch try readTag() {
        case 0: return nil
        case 1: return try readValue(&self)
        case let tag: throw Damaged(reason: "\(tag) is not an optional's tag")
        }
    }

    // Inlined into each caller, so it is specialized for the caller's types: unspecialized, every array
    // and dictionary made looked its generic type up at run time (a tenth of decoding a large dialog).
    @inline(__always)
    mutating func readArray<Element>(_ readElement: (inout CompiledFormReader) throws(Damaged) -> Element) throws(Damaged) -> [Element] {
        let count = try readCount()
        var elements: [Element] = []
        elements.reserveCapacity(count)
        for _ in 0..<count { elements.append(try readElement(&self)) }
        return elements
    }

    // Inlined into each caller, so it is specialized for the caller's types: unspecialized, every array
    // and dictionary made looked its generic type up at run time (a tenth of decoding a large dialog).
    @inline(__always)
    mutating func readDictionary<Value>(_ readValue: (inout CompiledFormReader) throws(Damaged) -> Value) throws(Damaged) -> [String: Value] {
        let count = try readCount()
        var dictionary: [String: Value] = [:]
        // Most texts have no per-language locations: an empty dictionary allocates nothing.
        if count > 0 { dictionary.reserveCapacity(count) }
        for _ in 0..<count {
            let key = try readString()
            dictionary[key] = try readValue(&self)
        }
        return dictionary
    }
}
