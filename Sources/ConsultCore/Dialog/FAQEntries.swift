import Foundation

/// A consultation's FAQ entries, which a compiled form gives as a section read only when the FAQ is first needed:
/// they are a third of the bundled consultation's compiled form, and a session reaches its first question (and
/// often its end) without them.
///
/// Shared by the copies of a consultation, like its other caches: setting `Consultation.faq` puts a new one in
/// place, so a copy never sees another's change.
final class FAQEntries: @unchecked Sendable {
    /// Guards both: sessions may run on several threads (tests do).
    private let lock = NSLock()
    private var entries: [FAQEntry]?
    private var compiled: CompiledFormReader?

    init(_ entries: [FAQEntry]) {
        self.entries = entries
    }

    /// Entries still to be read from a compiled form's section (``CompiledFormReader/section()``).
    init(compiled section: CompiledFormReader) {
        compiled = section
    }

    /// Whether the entries have been read (always, unless they came from a compiled form and nobody asked yet).
    var isRead: Bool {
        lock.lock()
        defer { lock.unlock() }
        return entries != nil
    }

    var value: [FAQEntry] {
        lock.lock()
        defer { lock.unlock() }
        if let entries { return entries }
        var reader = compiled ?? (try? CompiledFormReader([0]))
        // The payload's CRC-32 was checked before anything was read, so a section that does not read back can
        // only come from a program error; it must not crash a patient's session, and a consultation without
        // FAQ entries still notes every question for staff.
        let read = try? reader?.readArray(FAQEntry.self)
        let decoded = (reader?.isAtEnd ?? false) ? read ?? [] : []
        entries = decoded
        compiled = nil
        return decoded
    }
}

extension FAQEntries: Equatable {
    static func == (lhs: FAQEntries, rhs: FAQEntries) -> Bool {
        lhs === rhs || lhs.value == rhs.value
    }
}
