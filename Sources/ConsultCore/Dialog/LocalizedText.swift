/// Patient-visible text with its translations.
///
/// Written in a dialog either as a plain string (English) or as a mapping from
/// language codes to strings. Text may interpolate values with `{…}`.
public struct LocalizedText: Sendable, Hashable {
    /// Language code → template text.
    public var translations: [String: String]
    /// Where the text starts in its dialog file.
    public var location: SourceLocation
    /// Where each translation starts, for messages about what is inside it.
    public var locations: [String: SourceLocation]

    public init(_ translations: [String: String], at location: SourceLocation, locations: [String: SourceLocation] = [:]) {
        self.translations = translations
        self.location = location
        self.locations = locations
    }

    /// Where the translation in `language` starts.
    public func location(of language: String) -> SourceLocation { locations[language] ?? location }

    /// The template in `language`, falling back to English.
    public func template(in language: String) -> String {
        translations[language] ?? translations["en"] ?? translations.values.sorted().first ?? ""
    }
}
