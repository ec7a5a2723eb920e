import Foundation
import Testing
@testable import ConsultCore

/// The chart in the README (`docs/consultation.dot` and the `docs/consultation.svg` drawn from it) is the
/// chart of the bundled consultation as it is now.
///
/// To refresh both after changing `dialogs/`:
/// `swift run consult graph --format dot > docs/consultation.dot && dot -Tsvg docs/consultation.dot > docs/consultation.svg`
@Suite("committed consultation chart")
struct CommittedChartTests {
    static let refresh = "swift run consult graph --format dot > docs/consultation.dot && dot -Tsvg docs/consultation.dot > docs/consultation.svg"

    static func committed(_ name: String) throws -> String {
        try String(contentsOf: BundledConsultation.packageRoot.appendingPathComponent("docs/\(name)"), encoding: .utf8)
    }

    static func currentChart() throws -> ConsultationChart {
        ConsultationChart(consultation: try BundledConsultation.consultation())
    }

    @Test("docs/consultation.dot is the DOT of the bundled consultation, byte for byte")
    func dotIsCurrent() throws {
        let current = DOTRenderer().render(try Self.currentChart())
        let committed = try Self.committed("consultation.dot")
        #expect(committed == current, "docs/consultation.dot is out of date; refresh it with: \(Self.refresh)")
    }

    /// Compares what the picture shows (node, cluster and edge ids; every line of text) rather than the
    /// bytes, so a different Graphviz version or set of fonts, which moves boxes around, does not matter.
    @Test("docs/consultation.svg shows exactly the boxes, arrows and words of the current chart")
    func svgIsCurrent() throws {
        let chart = try Self.currentChart()
        let svg = SVGContent(try Self.committed("consultation.svg"))
        let expected = SVGContent(chart: chart)
        #expect(svg.titles == expected.titles, "docs/consultation.svg shows other boxes or arrows; refresh it with: \(Self.refresh)")
        #expect(svg.texts == expected.texts, "docs/consultation.svg shows other words; refresh it with: \(Self.refresh)")
    }

    @Test("Graphviz draws the bundled consultation without a complaint", .enabled(if: Graphviz.dot != nil, "Graphviz is not installed (apt-get install graphviz); skipped"))
    func graphvizAcceptsTheDOT() throws {
        let dot = try #require(Graphviz.dot)
        let result = try Graphviz.run(dot, ["-Tsvg"], input: DOTRenderer().render(try Self.currentChart()))
        #expect(result.status == 0)
        #expect(result.errorOutput == "")
        #expect(SVGContent(result.output).titles == SVGContent(chart: try Self.currentChart()).titles)
    }
}

/// What an SVG drawn by Graphviz shows, independent of layout: the sorted `<title>`s (graph, cluster,
/// node ids and `from->to` for edges) and the sorted lines of `<text>`.
struct SVGContent: Equatable {
    var titles: [String]
    var texts: [String]

    init(_ svg: String) {
        titles = Self.elements("title", in: svg).sorted()
        texts = Self.elements("text", in: svg).sorted()
    }

    /// What Graphviz writes for a chart rendered by ``DOTRenderer``.
    init(chart: ConsultationChart) {
        let nodes = chart.nodes + chart.clusters.flatMap(\.nodes)
        titles = (["consultation"] + chart.clusters.map { "cluster_" + $0.id } + nodes.map(\.id)
            + chart.edges.map { "\($0.from)->\($0.to)" }).sorted()
        let lines = [chart.title] + chart.clusters.map(\.label) + nodes.map(\.label) + chart.edges.compactMap(\.label)
        texts = lines.flatMap { $0.split(separator: "\n").map(String.init) }.sorted()
    }

    /// The decoded contents of every `<name …>…</name>` element.
    static func elements(_ name: String, in svg: String) -> [String] {
        var found: [String] = []
        var rest = svg[...]
        while let open = rest.range(of: "<\(name)") {
            guard let start = rest[open.upperBound...].firstIndex(of: ">"),
                  let close = rest[start...].range(of: "</\(name)>") else { break }
            if rest[open.upperBound] == ">" || rest[open.upperBound] == " " {
                found.append(decoded(String(rest[rest.index(after: start)..<close.lowerBound])))
            }
            rest = rest[close.upperBound...]
        }
        return found
    }

    /// XML text with its character references and the five named entities replaced.
    static func decoded(_ text: String) -> String {
        var result = ""
        var rest = text[...]
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            guard let semicolon = rest[ampersand...].firstIndex(of: ";") else { break }
            let entity = rest[rest.index(after: ampersand)..<semicolon]
            switch entity {
            case "amp": result += "&"
            case "lt": result += "<"
            case "gt": result += ">"
            case "quot": result += "\""
            case "apos": result += "'"
            default:
                let number = entity.hasPrefix("#x") ? UInt32(entity.dropFirst(2), radix: 16)
                    : entity.hasPrefix("#") ? UInt32(entity.dropFirst()) : nil
                if let number, let scalar = Unicode.Scalar(number) {
                    result.unicodeScalars.append(scalar)
                } else {
                    result += rest[ampersand...semicolon]
                }
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }
}

/// Graphviz's `dot`, when it is installed.
enum Graphviz {
    /// The path of `dot` on `PATH`, or `nil`.
    static let dot: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/dot" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Runs `dot` with `input` on standard input; standard error goes to a file, so neither pipe can fill up.
    static func run(_ executable: String, _ arguments: [String], input: String) throws -> (status: Int32, output: String, errorOutput: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("consult-chart-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputFile = folder.appendingPathComponent("chart.dot")
        let errorFile = folder.appendingPathComponent("stderr")
        try input.write(to: inputFile, atomically: true, encoding: .utf8)
        _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = try FileHandle(forReadingFrom: inputFile)
        process.standardError = try FileHandle(forWritingTo: errorFile)
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let printed = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let complained = try String(contentsOf: errorFile, encoding: .utf8)
        return (process.terminationStatus, String(decoding: printed, as: UTF8.self), complained)
    }
}
