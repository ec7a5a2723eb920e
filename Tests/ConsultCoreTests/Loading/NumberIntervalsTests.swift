import Foundation
import Testing
@testable import ConsultCore

/// What the loader works out that a number expression can reach.
@Suite struct NumberIntervalsTests {
    typealias Interval = NumberIntervals.Interval

    /// The intervals of `expressions` in a dialog with a few questions, settings and computed values.
    static func intervals(_ expressions: [String]) throws -> [Interval?] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("consult-intervals-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let dialog = """
            dialog: visit
            version: 1.0.0
            settings: clinic.yaml
            nodes:
              - ask: How old are you?
                id: age
                type: number
                range: [18, 120]
              - ask: How much do you weigh?
                id: weight
                type: number
              - ask: Which areas?
                id: areas
                type: multiple-choice
                options:
                  - { id: face, label: Face }
                  - { id: neck, label: Neck }
              - ask: When did it start?
                id: started
                type: date
              - end: Thank you.
            computed:
              sessions: "if face in areas then 3 else 6"
              chosen: "areas"
              low: "sessions * price"

            """
        try dialog.write(to: folder.appendingPathComponent("visit.yaml"), atomically: true, encoding: .utf8)
        try "price: 300\nname: Bright\n".write(to: folder.appendingPathComponent("clinic.yaml"), atomically: true, encoding: .utf8)
        let result = ConsultationLoader.load(path: folder.path)
        let consultation = try #require(result.consultation, "\(result.diagnostics)")
        let analysis = NumberIntervals(consultation: consultation, order: ["sessions", "low", "chosen"])
        return try expressions.map { analysis.interval(of: try ExpressionParser.parse($0)) }
    }

    @Test func valuesFollowRangesSettingsAndBothBranches() throws {
        let found = try Self.intervals(["age", "price", "sessions", "low", "-age + 1", "age - price", "min(age, 100)", "max(age, 100)",
                                        "round(age / 7)", "count(areas)", "count(chosen)", "name", "age < 20"])
        #expect(found == [
            Interval(lower: 18, upper: 120, isWhole: true),
            Interval(lower: 300, upper: 300, isWhole: true),
            Interval(lower: 3, upper: 6, isWhole: true),
            Interval(lower: 900, upper: 1800, isWhole: true),
            Interval(lower: -119, upper: -17, isWhole: true),
            Interval(lower: -282, upper: -180, isWhole: true),
            Interval(lower: 18, upper: 100, isWhole: true),
            Interval(lower: 100, upper: 120, isWhole: true),
            Interval(lower: 3, upper: 17, isWhole: true),
            Interval(lower: 0, upper: 3, isWhole: true),
            Interval(lower: 0, upper: 3, isWhole: true),
            nil,
            nil,
        ])
    }

    @Test func aQuestionWithoutARangeIsUnboundedAndSaysWhy() throws {
        let found = try Self.intervals(["weight", "weight * 0", "weight + age", "price / weight"])
        let unbounded = Interval.unbounded(because: "the question 'weight' has no 'range'", isWhole: true)
        #expect(found == [unbounded, Interval(lower: 0, upper: 0, isWhole: true), unbounded, Interval(lower: -300, upper: 300, isWhole: false)])
        #expect(NumberIntervals.excess(of: unbounded) == "has no bound (the question 'weight' has no 'range')")
    }

    /// A session leaves `x / 0` unknown, so a whole divisor that is not 0 is at least 1 in size.
    @Test func divisionIsBoundedOnlyAwayFromZero() throws {
        let found = try Self.intervals(["price / age", "price / count(areas)", "price / (age / 7)", "days_since(started)"])
        #expect(found[0] == Interval(lower: 2.5, upper: 300 / 18, isWhole: false))
        #expect(found[1] == Interval(lower: -300, upper: 300, isWhole: false))
        #expect(found[2] == Interval(lower: 17.5, upper: 300 / (18.0 / 7), isWhole: false))
        #expect(found[3]?.isShowable == true)
        let close = try #require(NumberIntervals.combine(.divide, .exactly(1), Interval(lower: 0, upper: 1, isWhole: false)))
        #expect(close.unboundedBecause == "it divides by a number that can be close to 0")
        #expect(!close.isShowable)
    }
}
