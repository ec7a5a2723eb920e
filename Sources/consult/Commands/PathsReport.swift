import ConsultCore
import Foundation

/// What `consult paths` prints: a summary for people, or a stable JSON document.
struct PathsReport {
    let dialog: String
    let consultation: Consultation
    let propertiesFile: String?
    let exploration: PathExploration
    /// Counterexample files written, by property id.
    let counterexampleFiles: [String: String]
    let elapsed: Duration

    // MARK: - Text

    func text() -> String {
        var lines: [String] = []
        let identity = "\(consultation.identity.id) \(consultation.identity.version)"
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let time = String(format: "%.2f s", seconds)
        lines.append("\(dialog): \(identity)")
        if !exploration.complete {
            lines.append("Exploration stopped after \(exploration.stateCount) states (--max-states): the results below are partial.")
        }
        if let count = exploration.pathCount {
            lines.append("\(count.grouped) distinct path\(count == .one ? "" : "s") (answers grouped into classes that branch and fire rules alike); \(exploration.stateCount) states explored in \(time).")
        } else if exploration.complete {
            lines.append("Unbounded: answers can lead round a loop, so there are infinitely many paths; \(exploration.stateCount) states explored in \(time).")
        }
        let outcomes = exploration.outcomes.map { outcome in
            exploration.pathCountByOutcome[outcome].map { "\(outcome.rawValue) (\($0.grouped))" } ?? outcome.rawValue
        }
        lines.append("Outcomes reachable: \(outcomes.isEmpty ? "none" : outcomes.joined(separator: ", ")).")
        if !exploration.approximateConditions.isEmpty {
            lines.append("")
            lines.append("Approximate: these conditions do arithmetic on several answers, so they are checked at representative")
            lines.append("values of each answer only, not every combination:")
            for condition in exploration.approximateConditions { lines.append("  \(condition)") }
        }
        if let loop = exploration.neverEnding {
            lines.append("")
            lines.append("Some paths never end. The shortest way into such a loop (\(loop.count) answer\(loop.count == 1 ? "" : "s")):")
            lines += table(loop)
        }
        for outcome in exploration.outcomes {
            guard let path = exploration.shortestPaths[outcome] else { continue }
            lines.append("")
            lines.append("Shortest path to \(outcome.rawValue) (\(path.count) answer\(path.count == 1 ? "" : "s")):")
            lines += table(path)
        }
        if let propertiesFile {
            let results = exploration.properties
            let held = results.filter(\.holds).count
            lines.append("")
            // The paths are the same in every language (answers are read into the same values); what a language
            // changes (which FAQ entry a question in it finds) is checked in each.
            lines.append("Properties (\(propertiesFile)): \(held) of \(results.count) hold, in \(consultation.languages.joined(separator: ", ")).")
            let width = results.map(\.property.id.count).max() ?? 0
            for result in results {
                let mark = result.holds ? "ok    " : "FAILED"
                lines.append("  \(mark)  \(result.property.id.padding(toLength: width, withPad: " ", startingAt: 0))  \(result.property.summary)")
                if !result.holds {
                    lines.append("          \(result.detail)")
                    if let counterexample = result.counterexample {
                        let file = counterexampleFiles[result.property.id].map { ", written to \($0)" } ?? ""
                        lines.append("          counterexample (\(counterexample.steps.count) answers\(file)):")
                        lines += table(counterexample.steps, indent: 12)
                    }
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Answers in one column, the prompt they answer beside them.
    private func table(_ steps: [PathStep], indent: Int = 2) -> [String] {
        if steps.isEmpty { return [String(repeating: " ", count: indent) + "(no answers: the consultation ends at once)"] }
        let width = min(40, steps.map { display($0.answer).count }.max() ?? 0)
        return steps.map { step in
            let answer = display(step.answer)
            let padded = answer.count < width ? answer.padding(toLength: width, withPad: " ", startingAt: 0) : answer
            let what = step.prompt == .topic ? "topic \(step.id)" : step.id
            return String(repeating: " ", count: indent) + padded + "   # " + what
        }
    }

    private func display(_ answer: String) -> String { answer.isEmpty ? "(Enter)" : answer }

    // MARK: - JSON

    struct Document: Encodable {
        struct Properties: Encodable {
            var file: String
            /// The languages the properties were checked in (the paths are shared; FAQ reachability is per language).
            var languages: [String]
            var allHold: Bool
            var results: [Result]
        }

        struct Result: Encodable {
            var id: String
            var kind: String
            var summary: String
            var holds: Bool
            var detail: String
            var missing: [String]
            var counterexample: CounterexampleDocument?
        }

        struct CounterexampleDocument: Encodable {
            var outcome: String?
            var steps: [PathStep]
            var file: String?
        }

        var dialog: String
        var version: String
        var complete: Bool
        var states: Int
        /// Decimal digits (path counts outgrow JSON numbers); `null` when unbounded.
        var paths: String?
        var pathsByOutcome: [String: String]
        var outcomes: [String]
        var shortestPaths: [String: [PathStep]]
        var neverEnding: [PathStep]?
        /// Conditions checked at representative values only (arithmetic on several answers).
        var approximateConditions: [String]
        var properties: Properties?
    }

    func json() -> String {
        var shortest: [String: [PathStep]] = [:]
        for (outcome, steps) in exploration.shortestPaths { shortest[outcome.rawValue] = steps }
        var byOutcome: [String: String] = [:]
        for (outcome, count) in exploration.pathCountByOutcome { byOutcome[outcome.rawValue] = count.description }
        let properties = propertiesFile.map { file in
            Document.Properties(file: file, languages: consultation.languages, allHold: exploration.allPropertiesHold, results: exploration.properties.map { result in
                Document.Result(
                    id: result.property.id, kind: result.property.kindName, summary: result.property.summary,
                    holds: result.holds, detail: result.detail, missing: result.missing,
                    counterexample: result.counterexample.map {
                        Document.CounterexampleDocument(outcome: $0.outcome?.rawValue, steps: $0.steps,
                                                        file: counterexampleFiles[result.property.id])
                    }
                )
            })
        }
        let document = Document(
            dialog: consultation.identity.id, version: consultation.identity.version, complete: exploration.complete,
            states: exploration.stateCount, paths: exploration.pathCount?.description, pathsByOutcome: byOutcome,
            outcomes: exploration.outcomes.map(\.rawValue), shortestPaths: shortest, neverEnding: exploration.neverEnding,
            approximateConditions: exploration.approximateConditions,
            properties: properties
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(document) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
