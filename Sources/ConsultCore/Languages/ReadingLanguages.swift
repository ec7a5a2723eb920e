import Foundation

/// The text of a language's `reading.yaml`, kept with the consultation (and its compiled form) so a session in
/// that language reads answers with it.
public struct ReadingSource: Sendable, Equatable {
    public var text: String
    /// The file it was read from, for locations.
    public var file: String
}

/// The reading languages of a loaded consultation, parsed at most once each and shared by all its sessions.
///
/// A warm start must not parse every language's vocabulary before the first question: a language is parsed when
/// its first session starts (or when the files are loaded and checked, which parses it anyway).
final class ReadingLanguageCache: @unchecked Sendable {
    /// Guards `parsed`: sessions may run on several threads (tests do).
    private let lock = NSLock()
    private var parsed: [String: ReadingLanguage] = [:]

    func language(_ code: String, from source: ReadingSource?) -> ReadingLanguage {
        guard code != "en", let source else { return .english }
        lock.lock()
        defer { lock.unlock() }
        if let language = parsed[code] { return language }
        // The loader checked the file; should it fail now, English is read rather than nothing.
        let language = (try? ReadingLanguage(code: code, yaml: source.text, file: source.file)) ?? .english
        parsed[code] = language
        return language
    }

    func store(_ language: ReadingLanguage) {
        lock.lock()
        defer { lock.unlock() }
        parsed[language.code] = language
    }
}

extension ReadingLanguageCache: Equatable {
    /// A cache is not part of a consultation's value.
    static func == (lhs: ReadingLanguageCache, rhs: ReadingLanguageCache) -> Bool { true }
}

extension Consultation {
    /// How answers typed in `language` are read: its `reading.yaml`, or English.
    public func readingLanguage(for language: String) -> ReadingLanguage {
        readingLanguageCache.language(language, from: readingSources[language])
    }
}
