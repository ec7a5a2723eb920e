import Foundation
@testable import ConsultCore

/// One dialog of many questions, for the loader's scaling tests and its benchmark
/// (`benchmarks/loader-scaling.sh`, figures in `docs/performance.md`).
enum LongDialog {
    enum Shape: String, CaseIterable, Sendable {
        /// Questions one after another, each mentioning the answer before it (yes/no, number, not sure,
        /// date, optional text and choice questions in turn).
        case sequential
        /// Yes/no/not sure questions, each followed by a branch to one shared end when the answer is not
        /// "no": every question's branch joins at that end, as screening questions do.
        case earlyExits
    }

    /// The dialog's YAML: `questions` questions of `shape`, then an end.
    static func text(questions: Int, shape: Shape = .sequential) -> String {
        var text = "dialog: long\nversion: 1.0.0\ntitle: One long dialog\nnodes:\n"
        for index in 0..<questions {
            let mention = index == 0 ? "" : "You said {q\(index - 1)}. "
            switch shape {
            case .sequential:
                text += "  - ask: \"\(mention)Question \(index)?\"\n    id: q\(index)\n"
                switch index % 6 {
                case 0: text += "    type: yes-no\n"
                case 1: text += "    type: number\n    range: [0, 100]\n"
                case 2: text += "    type: yes-no-unsure\n"
                case 3: text += "    type: date\n"
                case 4: text += "    type: text\n    required: false\n"
                default: text += "    type: choice\n    options: [{id: a, label: A}, {id: b, label: B}, {id: c, label: C}]\n"
                }
            case .earlyExits:
                text += "  - ask: \"\(mention)Question \(index)?\"\n    id: q\(index)\n    type: yes-no-unsure\n"
                text += "  - branch:\n      - if: q\(index) != no\n        goto: stop\n"
            }
        }
        text += "  - end: Thank you.\n"
        if shape == .earlyExits { text += "  - id: stop\n    end: We stop here.\n" }
        return text
    }

    /// Limits lifted far enough for any dialog these tests make (the standard ones stop at about 20,000 questions).
    static let limits = YAMLFile.Limits(maximumBytes: 1 << 30, maximumNodes: 100_000_000)

    /// Writes the dialog to a temporary file and loads it with ``limits``.
    static func load(questions: Int, shape: Shape = .sequential) throws -> ConsultationLoader.Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("consult-long-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("long.yaml").path
        try text(questions: questions, shape: shape).write(toFile: path, atomically: true, encoding: .utf8)
        return ConsultationLoader.load(path: path, limits: limits)
    }
}
