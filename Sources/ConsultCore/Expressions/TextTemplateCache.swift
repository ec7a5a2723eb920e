import Foundation

/// The texts with `{…}` values of a loaded consultation, parsed once and shared by all its sessions.
///
/// A text with values is rendered again at every turn that shows it, and parsing it each time was about a sixteenth
/// of a bundled turn. A parsed template follows from its text alone, so the cache is keyed by the text. The texts are
/// the consultation's own, a bounded set; should anything else come through, the cache starts over past a limit
/// rather than grow.
final class TextTemplateCache: @unchecked Sendable {
    /// Guards `parsed`: sessions may run on several threads (tests do).
    private let lock = NSLock()
    /// Each text parsed so far; `nil` for a text that does not parse (shown as written).
    private var parsed: [String: TextTemplate?] = [:]
    static let mostTexts = 10_000

    /// `text` parsed, or `nil` if it does not parse.
    func template(_ text: String) -> TextTemplate? {
        lock.lock()
        let cached = parsed[text]
        lock.unlock()
        if let cached { return cached }
        let template = try? TextTemplate.parse(text)
        lock.lock()
        if parsed.count >= Self.mostTexts { parsed.removeAll() }
        parsed.updateValue(template, forKey: text)
        lock.unlock()
        return template
    }
}

extension TextTemplateCache: Equatable {
    /// A cache is not part of a consultation's value: two consultations are equal whatever their caches hold.
    static func == (lhs: TextTemplateCache, rhs: TextTemplateCache) -> Bool { true }
}
