// Times FAQRetriever: building the index, and `decide` per question, on the bundled FAQ and on the bundled FAQ
// replicated with distinct ids to ENTRIES entries (default 120). Run through benchmarks/faq-retrieval.sh, which
// builds it in release.
//
//   faq-retrieval-benchmark DIALOG_FOLDER PHRASINGS_FILE [ENTRIES] [ROUNDS]
import ConsultCore
import Foundation

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: faq-retrieval-benchmark DIALOG_FOLDER PHRASINGS_FILE [ENTRIES] [ROUNDS]\n".utf8))
    exit(2)
}
let size = arguments.count > 3 ? Int(arguments[3]) ?? 120 : 120
let rounds = arguments.count > 4 ? Int(arguments[4]) ?? 200 : 200

guard let consultation = ConsultationLoader.load(path: arguments[1]).consultation else {
    FileHandle.standardError.write(Data("\(arguments[1]) does not load; run consult validate on it\n".utf8))
    exit(1)
}
let bundled = consultation.faq.map {
    FAQRetriever.Entry(id: $0.id, questions: $0.questions.english, keywords: $0.keywords.english, answer: $0.answer.template(in: "en"))
}
// The bundled entries again and again, each copy with its own ids, up to `size` entries.
let replicated = (0..<size).map { index in
    var entry = bundled[index % bundled.count]
    entry.id += "_\(index / bundled.count)"
    return entry
}

// The patients' phrasings (the part after '|'), and questions the FAQ cannot answer.
let phrasings = try String(contentsOfFile: arguments[2], encoding: .utf8)
    .split(separator: "\n")
    .compactMap { line in line.split(separator: "|", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } }
    .filter { !$0.isEmpty && !$0.hasPrefix("#") }
let questions = phrasings + ["where do I park?", "what is the capital of France?", "how much is it in total",
                             "how long does swelling last", "can i take ibuprofen for the pain after", "price?"]

let clock = ContinuousClock()

func microseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) / 1e12
}

/// Builds the index `rounds / 10` times, then decides every question `rounds` times, one timing per call.
func measure(_ entries: [FAQRetriever.Entry]) -> (build: Double, median: Double, mean: Double, p99: Double, checksum: Int) {
    var checksum = 0
    let builds = max(rounds / 10, 1)
    var retriever = FAQRetriever(entries: entries, synonyms: consultation.synonyms, settings: consultation.faqRetrieval)
    let buildTime = clock.measure {
        for _ in 0..<builds {
            retriever = FAQRetriever(entries: entries, synonyms: consultation.synonyms, settings: consultation.faqRetrieval)
        }
    }
    for question in questions { checksum &+= "\(retriever.decide(question))".count }  // warm-up
    var timings: [Double] = []
    timings.reserveCapacity(rounds * questions.count)
    for _ in 0..<rounds {
        for question in questions {
            var decision: FAQDecision?
            let elapsed = clock.measure { decision = retriever.decide(question) }
            if case let .answer(candidate)? = decision { checksum &+= candidate.entryID.count }
            timings.append(microseconds(elapsed))
        }
    }
    timings.sort()
    let mean = timings.reduce(0, +) / Double(timings.count)
    return (microseconds(buildTime) / Double(builds) / 1000, timings[timings.count / 2], mean,
            timings[min(timings.count - 1, timings.count * 99 / 100)], checksum)
}

print("| FAQ | entries | index build | decide, median | decide, mean | decide, p99 |")
print("|---|---:|---:|---:|---:|---:|")
for (name, entries) in [("bundled", bundled), ("bundled, replicated", replicated)] {
    let result = measure(entries)
    print(String(format: "| %@ | %d | %.2f ms | %.1f µs | %.1f µs | %.1f µs |",
                 name, entries.count, result.build, result.median, result.mean, result.p99))
    if result.checksum == 42 { print("") }  // keeps the work observable
}
print("\n\(questions.count) questions × \(rounds) rounds per FAQ, one timing per decide.")
