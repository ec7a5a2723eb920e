import Foundation

extension UnderstandingScore {
    /// The figures as a plain-text table, with the unsafe readings (and, when asked, every other line of a kind).
    ///
    /// - Parameter listing: results whose lines are listed one by one under the figures.
    public func report(title: String, listing: Set<Result> = [.wrong], questionListing: Set<QuestionResult> = [.wrong]) -> String {
        var lines: [String] = []
        func percent(_ count: Int, of total: Int) -> String {
            total == 0 ? "-" : String(format: "%5.1f%%", Double(count) * 100 / Double(total))
        }
        func row(_ name: String, _ count: Int, _ total: Int) -> String {
            name.padding(toLength: 26, withPad: " ", startingAt: 0) + String(count).leftPadded(5) + "  " + percent(count, of: total)
        }
        if !answers.isEmpty {
            let total = answers.count
            lines.append("\(title): \(total) answers")
            lines.append(row("  right", count(Result.right), total))
            lines.append(row("  confirmed", count(.confirmed), total))
            lines.append(row("  confirmed, other reading", count(.confirmedOther), total))
            lines.append(row("  re-asked", count(.reasked), total))
            lines.append(row("  wrong (unsafe)", count(Result.wrong), total))
            for outcome in answers where listing.contains(outcome.result) {
                lines.append("    \(outcome.result.rawValue): \(outcome.item.source) [\(outcome.item.question)] \"\(outcome.item.text)\" labelled \(outcome.item.label) → \(outcome.reading)")
            }
        }
        if !unknownQuestions.isEmpty {
            lines.append("  not in this consultation (skipped): \(unknownQuestions.sorted().joined(separator: ", "))")
        }
        if !questions.isEmpty {
            let total = questions.count
            lines.append("\(title): \(total) patient questions")
            lines.append(row("  right", count(QuestionResult.right), total))
            lines.append(row("  offered a choice", count(.offered), total))
            lines.append(row("  noted for staff", count(.notedForStaff), total))
            lines.append(row("  wrong", count(QuestionResult.wrong), total))
            for outcome in questions where questionListing.contains(outcome.result) {
                lines.append("    \(outcome.result.rawValue): \(outcome.item.source) \"\(outcome.item.text)\" labelled \(outcome.item.entry ?? "none") → \(outcome.decision)")
            }
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
