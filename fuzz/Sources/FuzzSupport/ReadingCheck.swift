import ConsultCore

/// The properties every reading of a line has, whatever was typed: a value only of the question's kind and
/// within what it accepts.
public enum ReadingCheck {
    /// Reports a ``Finding`` when `reading`, read at a question of `kind` on `today`, breaks a property.
    public static func check(_ reading: AnswerReading, kind: AnswerKind, today: CalendarDay, input: @autoclosure () -> String) {
        guard let value = reading.value else { return }
        func fail(_ message: String) -> Never {
            Finding.report("\(message) (read as \(value) for \(kind))", input: input())
        }
        switch (kind, value) {
        case (.yesNo, .yesNo(let answer)):
            if answer == .unsure { fail("'not sure' read at a question that does not accept it") }
        case (.yesNoUnsure, .yesNo):
            break
        case let (.singleChoice(options), .choice(id)):
            if !options.contains(where: { $0.id == id }) { fail("an option the question does not have") }
        case let (.multipleChoice(options, none), .choices(ids)):
            if ids.isEmpty, none == nil { fail("'none' read at a question without a none option") }
            if Set(ids).count != ids.count { fail("an option chosen twice") }
            if let unknown = ids.first(where: { id in !options.contains { $0.id == id } }) { fail("an option '\(unknown)' the question does not have") }
        case let (.number(range), .number(number)):
            if !number.isFinite { fail("a number that is not finite") }
            if !range.contains(number) { fail("a number outside the question's range") }
            if range.integer, number.rounded() != number { fail("a fraction at a whole-number question") }
        case let (.date, .date(day)):
            if day > today { fail("a day after today") }
            if CalendarDay(iso: day.description) != day { fail("a day that does not print as YYYY-MM-DD") }
        case let (.date, .dateRange(range)):
            if range.latest > today { fail("a range that ends after today") }
            if let earliest = range.earliest, earliest > range.latest { fail("a range that ends before it starts") }
            if CalendarDay(iso: range.latest.description) != range.latest { fail("a day that does not print as YYYY-MM-DD") }
        case let (.text, .text(text)):
            if text.isEmpty { fail("an empty text answer") }
            if let bad = SessionPlay.firstControlCharacter(in: text) {
                fail("a text answer holding U+\(String(bad.value, radix: 16, uppercase: true))")
            }
        case (.acknowledgement, .acknowledged):
            break
        default:
            fail("a value of another kind")
        }
    }
}
