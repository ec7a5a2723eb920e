/// Why a language's `reading.yaml` could not be read, with where in the file.
public struct ReadingLanguageError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file, line and column of the problem (1-based).
    public var location: SourceLocation
    public var message: String

    public init(_ message: String, at location: SourceLocation) {
        self.message = message
        self.location = location
    }

    /// `dialogs/languages/es/reading.yaml:12:5: error: 'yes' must be a list of phrases`.
    public var description: String { "\(location.file):\(location.line):\(location.column): error: \(message)" }
}
