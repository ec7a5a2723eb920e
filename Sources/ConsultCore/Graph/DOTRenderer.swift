/// Writes a ``ConsultationChart`` in Graphviz's DOT language (`dot -Tsvg` draws it).
///
/// Every id and label is a double-quoted DOT string with `\` and `"` escaped and line breaks written
/// as `\n`, so no dialog text can end a string or add attributes. Output is deterministic: the same
/// chart gives the same text, byte for byte.
public struct DOTRenderer: Sendable {
    public init() {}

    /// The chart as DOT text, ending with a newline.
    public func render(_ chart: ConsultationChart) -> String {
        var lines: [String] = ["digraph consultation {"]
        lines.append("    graph [label=\(Self.string(chart.title)), labelloc=t, fontname=\"Helvetica\", fontsize=16, rankdir=TB, nodesep=0.25, ranksep=0.3];")
        lines.append("    node [fontname=\"Helvetica\", fontsize=10, shape=box, style=\"rounded\", margin=\"0.1,0.04\"];")
        lines.append("    edge [fontname=\"Helvetica\", fontsize=9, arrowsize=0.7];")
        for node in chart.nodes { lines.append("    " + Self.declaration(of: node)) }
        for cluster in chart.clusters {
            lines.append("    subgraph \(Self.string("cluster_" + cluster.id)) {")
            lines.append("        graph [label=\(Self.string(cluster.label)), style=\"rounded\", color=\"#999999\", fontsize=12];")
            for node in cluster.nodes { lines.append("        " + Self.declaration(of: node)) }
            lines.append("    }")
        }
        for edge in chart.edges {
            var attributes: [String] = []
            if let label = edge.label { attributes.append("label=\(Self.string(label))") }
            switch edge.kind {
            case .sequence, .next, .branchCase, .otherwise, .finish: break
            case .call: attributes.append("style=dashed")
            // Returns point back up at the calling node; leaving them out of the ranking keeps every dialog top to bottom.
            case .returnToCaller: attributes += ["style=dashed", "constraint=false"]
            case .ruleReads: attributes += ["style=dotted", "color=\"#999999\"", "arrowhead=none", "weight=0"]
            }
            let list = attributes.isEmpty ? "" : " [\(attributes.joined(separator: ", "))]"
            lines.append("    \(Self.string(edge.from)) -> \(Self.string(edge.to))\(list);")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Syntax

    /// A node statement: its id, label and the attributes of its shape.
    static func declaration(of node: ConsultationChart.Node) -> String {
        var attributes = ["label=\(string(node.label))"]
        switch node.shape {
        case .say: break
        case .ask: attributes += ["style=\"rounded,bold\""]
        case .explain: attributes += ["shape=note", "style=\"\""]
        case .branch: attributes += ["shape=diamond", "style=\"\""]
        case .call: attributes += ["shape=box", "style=\"\"", "peripheries=2"]
        case .returnToCaller: attributes += ["shape=invhouse", "style=\"\""]
        case .end: attributes += ["shape=box", "style=\"rounded,bold\"", "peripheries=2"]
        case .outcome: attributes += ["shape=hexagon", "style=\"\""]
        case let .rule(effect):
            let colours = ChartPalette.colours(of: effect)
            attributes += ["style=\"rounded,filled\"", "fillcolor=\(string(colours.fill))", "color=\(string(colours.border))"]
        case .start: attributes += ["shape=circle", "style=\"\""]
        case .finish: attributes += ["shape=doublecircle", "style=\"\""]
        }
        return "\(string(node.id)) [\(attributes.joined(separator: ", "))];"
    }

    /// A double-quoted DOT string: `\` and `"` escaped, line breaks as `\n`, other control characters as spaces.
    static func string(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n", "\r\n": escaped += "\\n"
            default:
                if character.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .control }) {
                    escaped += " "
                } else {
                    escaped.append(character)
                }
            }
        }
        return "\"" + escaped + "\""
    }
}
