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

    /// The checksum of a buffer, without a checked array access per byte (a compiled consultation of a
    /// 10,000-node dialog is a megabyte, checked at every start).
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        table.withUnsafeBufferPointer { table in
            var crc: UInt32 = 0xFFFF_FFFF
            for byte in bytes {
                crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
            }
            return crc ^ 0xFFFF_FFFF
        }
    }

    private static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 {
            value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1
        }
        return value
    }
}
