import ConsultCore
import Foundation

// Times one turn of a consultation — reading the patient's line, stepping the state machine and rendering what
// it shows — over whole consultations, in a release build: the transcripts of a folder (scripted patients of the
// bundled dialogs), or, for any dialog, a patient who answers every question plainly (benchmarks/per-turn.sh).
//
//   turn-benchmark DIALOG [TRANSCRIPTS_FOLDER] [ROUNDS]
//   turn-benchmark /tmp/generated-10000 - 20

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: turn-benchmark DIALOG [TRANSCRIPTS_FOLDER|-] [ROUNDS]\n".utf8))
    exit(2)
}
let loaded = ConsultationLoader.load(path: arguments[1])
guard let consultation = loaded.consultation else {
    for diagnostic in loaded.errors { print(diagnostic) }
    exit(1)
}
let transcriptsFolder = arguments.count > 2 && arguments[2] != "-" ? arguments[2] : nil
let rounds = arguments.count > 3 ? Int(arguments[3]) ?? 20 : 20
let started = Date(timeIntervalSince1970: 1_780_000_000)

/// The turns timed so far.
struct TurnTimes {
    let renderer = PlainScreenRenderer(width: 80)
    let clock = ContinuousClock()
    /// Nanoseconds of every turn.
    var turns: [Int64] = []
    /// Lines rendered, so the optimiser cannot drop the rendering.
    var renderedLines = 0
    var consultations = 0

    static func nanoseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000
    }

    mutating func render(_ action: ConsultationAction) -> Prompt? {
        switch action {
        case let .prompt(messages, prompt, _):
            renderedLines += renderer.lines(for: messages).count + renderer.lines(for: prompt).count
            return prompt
        case let .finish(messages, _):
            renderedLines += renderer.lines(for: messages).count
            return nil
        }
    }

    /// One turn, timed: the line read, the machine stepped, the screen rendered.
    mutating func turn(_ machine: inout ConsultationStateMachine, _ line: String, at now: Date) -> Prompt? {
        let start = clock.now
        let prompt = render(machine.lineReceived(line, at: now))
        turns.append(Self.nanoseconds(clock.now - start))
        return prompt
    }
}

var times = TurnTimes()

/// A plain answer to a prompt, as a patient who has nothing to declare would type it.
func plainAnswer(to prompt: Prompt, repeats: Int) -> String {
    if repeats > 2 { return "skip" }
    switch prompt.style {
    case .topicOffer: return "skip"
    case .topicMore: return ""
    case .confirmation: return "yes"
    case .question: break
    }
    switch prompt.kind {
    case .yesNo, .yesNoUnsure: return "no"
    case let .singleChoice(options): return options.first?.label ?? "1"
    case let .multipleChoice(options, none): return none?.label ?? options.first?.label ?? "1"
    case let .number(range):
        let low = range.minimum ?? 0
        let high = range.maximum ?? max(low, 100)
        let middle = (low + high) / 2
        return range.integer ? String(Int(middle.rounded(.down))) : String(middle)
    case .date: return "2020-01-15"
    case .text: return "nothing"
    case .acknowledgement: return ""
    }
}

if let transcriptsFolder {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: transcriptsFolder))?.filter { $0.hasSuffix(".txt") }.sorted() ?? []
    let transcripts = names.compactMap { name -> Transcript? in
        guard let text = try? String(contentsOfFile: transcriptsFolder + "/" + name, encoding: .utf8) else { return nil }
        return TranscriptParser.parse(text, path: name).transcript
    }
    for _ in 0..<rounds {
        for transcript in transcripts {
            var machine = ConsultationStateMachine(consultation: consultation, id: "turn0001", started: started)
            _ = times.render(machine.start(at: started))
            for step in transcript.steps {
                guard case let .answer(text) = step.kind else { continue }
                if times.turn(&machine, text, at: started) == nil { break }
            }
            times.consultations += 1
        }
    }
} else {
    for _ in 0..<rounds {
        var machine = ConsultationStateMachine(consultation: consultation, id: "turn0001", started: started)
        var prompt = times.render(machine.start(at: started))
        var last: (String, Int) = ("", 0)
        while let current = prompt, times.turns.count < 10_000_000 {
            let place = current.dialogID + "#" + current.nodeID + current.style.rawValue
            last = place == last.0 ? (place, last.1 + 1) : (place, 0)
            prompt = times.turn(&machine, plainAnswer(to: current, repeats: last.1), at: started)
        }
        times.consultations += 1
    }
}

let sorted = times.turns.sorted()
func microseconds(_ value: Int64) -> String { String(format: "%.1f µs", Double(value) / 1000) }
let mean = sorted.isEmpty ? 0 : sorted.reduce(0, +) / Int64(sorted.count)
let nodes = consultation.dialogs.values.reduce(0) { $0 + $1.nodes.count }
print("| dialog | nodes | consultations | turns | mean | median | p99 | slowest |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
print("| \(arguments[1])\(transcriptsFolder.map { " (\($0))" } ?? " (plain answers)") | \(nodes) | \(times.consultations) | \(sorted.count) "
      + "| \(microseconds(mean)) | \(microseconds(sorted.isEmpty ? 0 : sorted[sorted.count / 2])) "
      + "| \(microseconds(sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, sorted.count * 99 / 100)])) "
      + "| \(microseconds(sorted.last ?? 0)) |")
if times.renderedLines < 0 { print(times.renderedLines) }
