/// Puts translations into one YAML file's own text, where the loader read each value, and changes nothing else:
/// comments, quoting, blank lines and the English stay byte for byte.
///
/// - An existing translation is replaced in place.
/// - A `{en: …}` mapping gets a `es: …` entry after its last one (on a line of its own in a block mapping).
/// - A plain English text or list (`ask: How old are you?`) becomes a mapping only where needed: in a block,
///   `ask:` then `en:` (the English moved as written) and `es:` on lines indented one level deeper; inside
///   `{…}`, `{en: …, es: …}`.
struct YAMLTranslationEditor {
    /// A change to the text: `range` (Unicode scalar offsets) replaced by `replacement`.
    struct Edit {
        var range: Range<Int>
        var replacement: String
    }

    let map: YAMLSourceMap
    let language: String
    private(set) var edits: [Edit] = []

    init(map: YAMLSourceMap, language: String) {
        self.map = map
        self.language = language
    }

    private var step: Int { map.indentStep }

    private func pad(_ count: Int) -> String { String(repeating: " ", count: count) }

    // MARK: - Texts

    /// Writes `value` as the translation of the text the loader reports at `position`.
    mutating func setText(at position: YAMLSourceMap.Position, to value: String) throws(TranslationRowProblem) {
        guard let node = map.node(atText: position) else { throw .notFoundInFile }
        switch map[node].kind {
        case .mapping:
            if let existing = map.value(of: language, in: node) {
                guard map[existing].kind == .scalar else { throw .unexpectedShape("its '\(language)' is not a single text") }
                edits.append(Edit(range: map[existing].start..<map[existing].end, replacement: rendered(value, forValueOf: existing)))
            } else {
                insertEntry(in: node) { context in YAMLScalarWriter.scalar(value, in: context) }
            }
        case .scalar:
            try convert(node) { context in YAMLScalarWriter.scalar(value, in: context) }
        case .sequence:
            throw .unexpectedShape("the English is written as a list of paragraphs; write it as 'en: |' text first")
        }
    }

    // MARK: - Word lists

    /// Writes `items` as the translation of the word list under `key` of the mapping found by its anchor.
    mutating func setWords(anchorKey: String, anchorIsKey: Bool, at position: YAMLSourceMap.Position, key: String,
                           to items: [String]) throws(TranslationRowProblem) {
        let owner = anchorIsKey ? map.mapping(withKey: anchorKey, keyAt: position) : map.mapping(withKey: anchorKey, valueAt: position)
        guard let owner, let node = map.value(of: key, in: owner) else { throw .notFoundInFile }
        switch map[node].kind {
        case .mapping:
            if let existing = map.value(of: language, in: node) {
                guard map[existing].kind == .sequence else { throw .unexpectedShape("its '\(language)' is not a list") }
                edits.append(Edit(range: map[existing].start..<map[existing].end, replacement: list(items, like: existing)))
            } else {
                // Written as the English list is: block lines at its indentation, or `[…]`.
                let english = map.value(of: "en", in: node).flatMap { map[$0].style == .block ? $0 : nil }
                let blockLines = english.map { "\n" + pad(map[$0].column) + list(items, like: $0) }
                insertEntry(in: node) { context in
                    guard !context.isFlow, let blockLines else { return YAMLScalarWriter.flowList(items) }
                    return blockLines
                }
            }
        case .sequence:
            let isBlock = map[node].style == .block, quoted = firstItemIsQuoted(node)
            try convert(node) { context in
                guard case let .block(indent) = context, isBlock else { return YAMLScalarWriter.flowList(items) }
                return "\n" + String(repeating: " ", count: indent) + YAMLScalarWriter.blockList(items, indent: indent, quoted: quoted)
            }
        case .scalar:
            throw .unexpectedShape("it is a single value, not a list")
        }
    }

    /// `items` written as `existing` is: a flow list, or block lines at its indentation with its quoting.
    private func list(_ items: [String], like existing: Int) -> String {
        guard map[existing].style == .block else { return YAMLScalarWriter.flowList(items) }
        return YAMLScalarWriter.blockList(items, indent: map[existing].column, quoted: firstItemIsQuoted(existing))
    }

    private func firstItemIsQuoted(_ sequence: Int) -> Bool {
        map[sequence].children.first.map { map[$0].style == .doubleQuoted } ?? false
    }

    // MARK: - Catalog entries

    /// Writes `value` (a text, or a list when `items` is given) under `key` of the top-level mapping
    /// `section` (`messages`, `formats`), or at the top when `section` is `nil`; adds the key when absent.
    mutating func setEntry(_ key: String, in section: String?, to value: String, items: [String]? = nil) throws(TranslationRowProblem) {
        guard let root = map.root, map[root].kind == .mapping else { throw .unexpectedShape("the catalog is not a mapping") }
        var parent = root
        if let section {
            guard let node = map.value(of: section, in: root) else { throw .unexpectedShape("the catalog has no '\(section):'") }
            if map[node].kind == .scalar, (map[node].value ?? "").isEmpty {
                // `messages:` with nothing under it yet.
                let keyColumn = map[node].keyNode.map { map[$0].column } ?? 0
                let end = map.lineEnd(of: map[node].keyNode.map { map[$0].end } ?? map[node].end)
                let rendered = items.map(YAMLScalarWriter.flowList) ?? YAMLScalarWriter.scalar(value, in: .block(indent: keyColumn + 2 * step))
                edits.append(Edit(range: end..<end, replacement: "\n" + pad(keyColumn + step) + Self.key(key) + ": " + rendered))
                return
            }
            guard map[node].kind == .mapping else { throw .unexpectedShape("'\(section)' is not a mapping") }
            parent = node
        }
        if let existing = map.value(of: key, in: parent) {
            let replacement: String
            if let items {
                guard map[existing].kind == .sequence else { throw .unexpectedShape("'\(key)' is not a list") }
                replacement = list(items, like: existing)
            } else {
                guard map[existing].kind == .scalar else { throw .unexpectedShape("'\(key)' is not a single text") }
                replacement = rendered(value, forValueOf: existing)
            }
            edits.append(Edit(range: map[existing].start..<map[existing].end, replacement: replacement))
        } else {
            insertEntry(in: parent, key: Self.key(key)) { context in
                items.map(YAMLScalarWriter.flowList) ?? YAMLScalarWriter.scalar(value, in: context)
            }
        }
    }

    /// A mapping key as YAML reads it back as text (`"yes"`, not the boolean).
    private static func key(_ key: String) -> String {
        YAMLScalarWriter.isPlainSafe(key, inFlow: true) ? key : YAMLScalarWriter.doubleQuoted(key)
    }

    // MARK: - Shapes

    /// The replacement of the scalar `node`, written as its context allows.
    private func rendered(_ value: String, forValueOf node: Int) -> String {
        guard let parent = map[node].parent, map[parent].style == .block else { return YAMLScalarWriter.scalar(value, in: .flow) }
        let keyColumn = map[node].keyNode.map { map[$0].column } ?? map[node].column
        return YAMLScalarWriter.scalar(value, in: .block(indent: keyColumn + step))
    }

    /// Adds `language: VALUE` (or `key: VALUE`) after the last entry of `mapping`: on a line of its own at
    /// the entries' indentation in a block mapping (after any comment ending the last entry's line), or
    /// as `, key: VALUE` inside `{…}`. `value` writes the value for the context it gets.
    private mutating func insertEntry(in mapping: Int, key: String? = nil, value: (YAMLScalarWriter.Context) -> String) {
        let key = key ?? language
        guard let last = map[mapping].children.last else { return }
        if map[mapping].style == .flow {
            edits.append(Edit(range: map[last].end..<map[last].end, replacement: ", \(key): " + value(.flow)))
            return
        }
        let keyColumn = map[mapping].children.first.flatMap { map[$0].keyNode }.map { map[$0].column } ?? map[mapping].column
        let end = map.lineEnd(of: map[last].end)
        edits.append(Edit(range: end..<end, replacement: "\n" + pad(keyColumn) + Self.entry(key, value(.block(indent: keyColumn + step)))))
    }

    /// `key: value`, or `key:` and the value's lines when it starts on the next line (no blank at the line's end).
    private static func entry(_ key: String, _ value: String) -> String {
        value.hasPrefix("\n") ? "\(key):" + value : "\(key): " + value
    }

    /// `text` with every line after the first indented `count` more (blank lines stay empty): moved one
    /// level deeper, a value keeps its meaning, as its continuation and block lines stay deeper than its key.
    private func shifted(_ text: String, by count: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { index, line in index == 0 || line.isEmpty ? String(line) : pad(count) + line }
            .joined(separator: "\n")
    }

    /// Turns the English-only value `node` into `{en: …, LANGUAGE: …}` with `translation` written for its context.
    private mutating func convert(_ node: Int, translation: (YAMLScalarWriter.Context) -> String) throws(TranslationRowProblem) {
        guard let parent = map[node].parent, map[parent].kind == .mapping, let keyNode = map[node].keyNode else {
            throw .unexpectedShape("it is not the value of a key")
        }
        let english = map.text(map[node].start..<map[node].end)
        if map[parent].style == .flow {
            edits.append(Edit(range: map[node].start..<map[node].end,
                              replacement: "{en: \(english), \(language): \(translation(.flow))}"))
            return
        }
        // `key:` stays; what follows the colon up to the value must be blanks (no comment, anchor or tag).
        var colon = map[keyNode].end
        while colon < map[node].start, map.scalars[colon] != ":" { colon += 1 }
        let between = map.text(min(colon + 1, map[node].start)..<map[node].start)
        guard colon < map[node].start, between.allSatisfy({ $0 == " " || $0 == "\n" || $0 == "\r" }) else {
            throw .unexpectedShape("something other than blanks stands between its key and its value")
        }
        let childIndent = map[keyNode].column + step
        let shifted = shifted(english, by: step)
        let startsBelow = between.contains("\n")
        let moved = startsBelow ? "en:\n" + pad(map[node].column + step) + shifted : "en: " + shifted
        edits.append(Edit(range: (colon + 1)..<map[node].end, replacement: "\n" + pad(childIndent) + moved))
        let end = map.lineEnd(of: map[node].end)
        edits.append(Edit(range: end..<end, replacement: "\n" + pad(childIndent) + Self.entry(language, translation(.block(indent: childIndent + step)))))
    }

    // MARK: - Applying

    /// The file's text with every edit made; throws when two edits touch the same text.
    func applied() throws(TranslationError) -> String {
        let sorted = edits.sorted { ($0.range.lowerBound, $0.range.upperBound) > ($1.range.lowerBound, $1.range.upperBound) }
        var scalars = map.scalars
        var floor = Int.max
        for edit in sorted {
            guard edit.range.upperBound <= floor else { throw .overlappingEdits }
            scalars.replaceSubrange(edit.range, with: Array(edit.replacement.unicodeScalars))
            floor = edit.range.lowerBound
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        return text
    }
}
