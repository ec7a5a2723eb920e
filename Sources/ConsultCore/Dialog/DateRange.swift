/// A stretch of days an answer may mean: "last year", "in March", "a few months ago", or, with no earliest day,
/// "I can't remember".
///
/// Vague answers are kept as what they honestly say, never as a made-up day. Screening rules look at both ends
/// (see ``Consultation/firedRules(answers:today:)``): a rule that holds for some days of the range and not for
/// others is treated carefully, as a clinician review.
public struct DateRange: Sendable, Hashable, Codable {
    /// The first day it may be; `nil` when it may be any time before `latest`.
    public var earliest: CalendarDay?
    /// The last day it may be.
    public var latest: CalendarDay

    public init(earliest: CalendarDay?, latest: CalendarDay) {
        self.earliest = earliest
        self.latest = latest
    }

    /// The earliest day used when evaluating a range with no earliest day: long enough ago for any waiting period.
    public static let distantPast = CalendarDay(year: 1900, month: 1, day: 1)!

    /// Whether the range is a single day.
    public var isSingleDay: Bool { earliest == latest }

    /// Whether `day` lies in the range.
    public func contains(_ day: CalendarDay) -> Bool {
        day <= latest && (earliest.map { $0 <= day } ?? true)
    }

    /// Whether every day of `other` lies in this range.
    public func covers(_ other: DateRange) -> Bool {
        guard other.latest <= latest else { return false }
        switch (earliest, other.earliest) {
        case (nil, _): return true
        case (_?, nil): return false
        case let (mine?, theirs?): return mine <= theirs
        }
    }

    /// The range in words for staff and patients: `between 2025-01-01 and 2025-12-31`, `not known (on or
    /// before 2026-06-15)`.
    public var spoken: String {
        guard let earliest else { return "not known (on or before \(latest))" }
        return earliest == latest ? latest.description : "between \(earliest) and \(latest)"
    }

    /// ISO 8601 time interval: `2025-01-01/2025-12-31`, open at the start as `../2026-06-15`.
    public var iso8601Interval: String {
        "\(earliest?.description ?? "..")/\(latest)"
    }

    /// The range as a FHIR partial date when it is exactly one calendar year (`2025`) or month (`2025-03`).
    public var partialDate: String? {
        guard let earliest, earliest.day == 1 else { return nil }
        let monthEnd = earliest.adding(months: 1).adding(days: -1)
        if latest == monthEnd { return String(earliest.description.prefix(7)) }
        if earliest.month == 1, latest.month == 12, latest.day == 31, latest.year == earliest.year {
            return String(earliest.description.prefix(4))
        }
        return nil
    }

    /// `2025-01-01…2025-12-31`, or `before 2026-06-15` when the start is unknown.
    public var description: String {
        guard let earliest else { return "unknown, up to \(latest)" }
        return earliest == latest ? latest.description : "\(earliest)…\(latest)"
    }
}
