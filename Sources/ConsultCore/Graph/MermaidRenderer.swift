/// Writes a ``ConsultationChart`` as a Mermaid flowchart (for Markdown viewers that draw ```` ```mermaid ```` blocks).
///
/// Every label is a quoted string whose special characters are Mermaid entity codes (`#34;` for `"`),
/// so no dialog text can end a label or inject syntax. Output is deterministic: the same chart gives
/// the same text, byte for byte.
public struct MermaidRenderer: Sendable {
    public init() {}

    /// The chart as Mermaid text, ending with a newline.
    public func render(_ chart: ConsultationChart) -> String {
        var lines: [String] = ["flowchart TB"]
        if !chart.title.isEmpty { lines.append("    %% \(Self.comment(chart.title))") }
        for node in chart.nodes { lines.append("    " + Self.declaration(of: node)) }
        for cluster in chart.clusters {
            lines.append("    subgraph \(Self.identifier(cluster.id)) [\(Self.string(cluster.label))]")
            for node in cluster.nodes { lines.append("        " + Self.declaration(of: node)) }
            lines.append("    end")
        }
        var dottedLinks: [Int] = []
        for (number, edge) in chart.edges.enumerated() {
            let arrow: String
            switch edge.kind {
            case .sequence, .next, .branchCase, .otherwise, .finish: arrow = "-->"
            case .call, .returnToCaller: arrow = "-.->"
            case .ruleReads:
                arrow = "-.->"
                dottedLinks.append(number)
            }
            let label = edge.label.map { "|\(Self.string($0))|" } ?? ""
            lines.append("    \(Self.identifier(edge.from)) \(arrow)\(label) \(Self.identifier(edge.to))")
        }
        var rulesByEffect: [RuleEffect: [String]] = [:]
        for node in chart.nodes + chart.clusters.flatMap(\.nodes) {
            if case let .rule(effect) = node.shape { rulesByEffect[effect, default: []].append(Self.identifier(node.id)) }
        }
        for effect in RuleEffect.allCases {
            guard let ids = rulesByEffect[effect] else { continue }
            let colours = ChartPalette.colours(of: effect)
            lines.append("    classDef \(effect.rawValue) fill:\(colours.fill),stroke:\(colours.border),color:#000000")
            lines.append("    class \(ids.joined(separator: ",")) \(effect.rawValue)")
        }
        if !dottedLinks.isEmpty {
            let numbers = dottedLinks.map(String.init).joined(separator: ",")
            lines.append("    linkStyle \(numbers) stroke:#999999,stroke-dasharray:2 3")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Syntax

    /// A node declaration: the id, then the label inside the brackets of the node's shape.
    static func declaration(of node: ConsultationChart.Node) -> String {
        let (open, close): (String, String)
        switch node.shape {
        case .say: (open, close) = ("[", "]")
        case .ask: (open, close) = ("[/", "/]")
        case .explain: (open, close) = ("(", ")")
        case .branch: (open, close) = ("{", "}")
        case .call: (open, close) = ("[[", "]]")
        case .returnToCaller, .end: (open, close) = ("([", "])")
        case .outcome: (open, close) = ("{{", "}}")
        case .rule: (open, close) = (">", "]")
        case .start: (open, close) = ("((", "))")
        case .finish: (open, close) = ("(((", ")))")
        }
        return identifier(node.id) + open + string(node.label) + close
    }

    /// A quoted label: `"` `#` `&` `<` `>` `|` and backticks as entity codes, line breaks as `<br>`.
    static func string(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\"": escaped += "#34;"
            case "#": escaped += "#35;"
            case "&": escaped += "#38;"
            case "<": escaped += "#60;"
            case ">": escaped += "#62;"
            case "|": escaped += "#124;"
            case "`": escaped += "#96;"
            case "\n": escaped += "<br>"
            case "\r", "\t": escaped += " "
            default: escaped.append(character)
            }
        }
        return "\"" + escaped + "\""
    }

    /// An id made safe for Mermaid: ASCII letters, digits and underscores, starting with a letter.
    ///
    /// Chart ids already are; anything else is replaced, so a hand-built chart cannot break the syntax.
    static func identifier(_ id: String) -> String {
        let safe = String(id.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_")
                ? Character(scalar) : "_"
        })
        return safe.first?.isLetter == true ? safe : "id_" + safe
    }

    /// Text for a `%%` comment: one line.
    static func comment(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }
}
