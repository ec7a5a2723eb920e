import Foundation

/// A language's message catalog as written (`languages/CODE/messages.yaml`), read for its translations and
/// where each is, even when it is incomplete (the loader refuses such a catalog; a translator fills it).
struct CatalogFile {
    var path: String
    var text: String
    var map: YAMLSourceMap

    /// Reads the catalog at `path`; `nil` when there is no file. Throws when it is there but cannot be read.
    static func read(_ path: String) throws(TranslationError) -> CatalogFile? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw .unreadableFile(path)
        }
        let body = text.hasPrefix(CSVTable.byteOrderMark) ? String(text.dropFirst()) : text
        guard let map = YAMLSourceMap(text: body) else { throw .unreadableFile(path) }
        return CatalogFile(path: path, text: body, map: map)
    }

    /// The mapping under `key` at the top (`messages`, `formats`).
    func section(_ key: String) -> Int? {
        guard let root = map.root, map[root].kind == .mapping, let node = map.value(of: key, in: root),
              map[node].kind == .mapping else { return nil }
        return node
    }

    /// The template written for `message`.
    func message(_ message: MessageID) -> String? {
        section("messages").flatMap { map.value(of: message.rawValue, in: $0) }.flatMap { map[$0].value }
    }

    /// A format (a string, or the months joined as a word list); `name` is the catalog's top-level name.
    func format(_ key: String) -> String? {
        let node: Int?
        if key == "name" {
            node = map.root.flatMap { map.value(of: "name", in: $0) }
        } else {
            node = section("formats").flatMap { map.value(of: key, in: $0) }
        }
        guard let node else { return nil }
        if map[node].kind == .sequence {
            return TranslatableString.joined(map[node].children.compactMap { map[$0].value })
        }
        return map[node].value
    }

    /// The line where `key`'s value is written, or where the catalog starts.
    func location(ofMessage id: MessageID?) -> SourceLocation {
        let node = id.flatMap { id in section("messages").flatMap { map.value(of: id.rawValue, in: $0) } }
        return SourceLocation(file: path, line: node.map { map[$0].line + 1 } ?? 1, column: node.map { map[$0].column + 1 } ?? 1)
    }
}
