/// CRC-32 as in zlib, gzip and PNG (IEEE 802.3, reflected polynomial `0xEDB88320`).
///
/// Checks each journal record: a record whose bytes were torn by a crash or changed on the disk
/// no longer matches its checksum.
enum CRC32 {
    /// The checksum of `bytes`; `CRC32.checksum("123456789".utf8) == 0xCBF43926`.
    static func checksum<Bytes: Sequence>(_ bytes: Bytes) -> UInt32 where Bytes.Element == UInt8 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return crc ^ 0xFFFF_FFFF
    }

    /// The checksum of a buffer, eight bytes at a time ("slicing-by-8": eight tables, so the lookups of one
    /// step do not wait on each other). A compiled consultation is checked at every start: 190 KB for the bundled
    /// dialogs, megabytes for a 10,000-node one, where one byte at a time cost a noticeable part of the start.
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        slices.withUnsafeBufferPointer { slices in
            var crc: UInt32 = 0xFFFF_FFFF
            var offset = 0
            let count = bytes.count
            while count - offset >= 8 {
                let low = crc ^ UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
                let high = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self))
                crc = slices[7 * 256 + Int(low & 0xFF)] ^ slices[6 * 256 + Int((low >> 8) & 0xFF)]
                    ^ slices[5 * 256 + Int((low >> 16) & 0xFF)] ^ slices[4 * 256 + Int(low >> 24)]
                    ^ slices[3 * 256 + Int(high & 0xFF)] ^ slices[2 * 256 + Int((high >> 8) & 0xFF)]
                    ^ slices[1 * 256 + Int((high >> 16) & 0xFF)] ^ slices[Int(high >> 24)]
                offset += 8
            }
            while offset < count {
                crc = slices[Int((crc ^ UInt32(bytes[offset])) & 0xFF)] ^ (crc >> 8)
                offset += 1
            }
            return crc ^ 0xFFFF_FFFF
        }
    }

    /// Table `k` (entries `k * 256 ..< (k + 1) * 256`) gives the CRC of a byte followed by `k` zero bytes;
    /// table 0 is the classic one.
    private static let slices: [UInt32] = {
        var slices = table + [UInt32](repeating: 0, count: 7 * 256)
        for k in 1..<8 {
            for index in 0..<256 {
                let previous = slices[(k - 1) * 256 + index]
                slices[k * 256 + index] = table[Int(previous & 0xFF)] ^ (previous >> 8)
            }
        }
        return slices
    }()

    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 {
            value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1
        }
        return value
    }
}
