import Foundation
import Testing
@testable import ConsultCore

/// The chart of a small two-dialog consultation: its boxes and arrows, and both renderings in full.
@Suite("consultation chart")
struct ConsultationChartTests {
    static let visit = ##"""
        dialog: visit
        version: 1.0.0
        title: Small visit
        entry: true
        nodes:
          - say: '"]; evil --> x <b>#1</b> | café ✓'
          - ask: How old are you?
            id: age
            type: number
            range: [0, 120]
          - branch:
              - if: age < 18
                goto: too_young
          - call: checks
          - end: Thank you.
          - id: too_young
            end: We can only treat adults, and this sentence is long.
        rules:
          - id: under_18
            when: age < 18
            outcome: decline
            reason: Under 18.
          - id: young_adult
            when: age >= 18 and age < 22
            outcome: review
            reason: Young adult.
        """##

    static let checks = ##"""
        dialog: checks
        title: Checks
        nodes:
          - ask: Are you pregnant?
            id: pregnant
            type: yes-no-unsure
          - branch:
              - if: pregnant == yes
                goto: done
            else: thinners
          - id: thinners
            ask: Do you take a blood thinner?
            type: yes-no
          - id: done
            return: true
        rules:
          - id: pregnancy
            when: pregnant != no
            outcome: defer
            reason: Pregnant.
          - id: thinner_note
            when: thinners
            outcome: precaution
            reason: Blood thinner.
          - id: older
            when: age > 100
            outcome: info
            reason: Over 100.
        """##

    /// The small consultation, loaded from a fresh temporary folder.
    static func consultation() throws -> Consultation {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("consult-chart-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.visit.write(to: folder.appendingPathComponent("visit.yaml"), atomically: true, encoding: .utf8)
        try Self.checks.write(to: folder.appendingPathComponent("checks.yaml"), atomically: true, encoding: .utf8)
        let result = ConsultationLoader.load(path: folder.path)
        return try #require(result.consultation, "the small consultation does not load: \(result.diagnostics.map(\.description))")
    }

    static func chart() throws -> ConsultationChart { ConsultationChart(consultation: try consultation()) }

    private func edges(_ chart: ConsultationChart, from: String) -> [ConsultationChart.Edge] {
        chart.edges.filter { $0.from == from }
    }

    private func node(_ chart: ConsultationChart, _ id: String) -> ConsultationChart.Node? {
        (chart.nodes + chart.clusters.flatMap(\.nodes)).first { $0.id == id }
    }

    // MARK: - The model

    @Test("dialogs become clusters, the entry dialog first, each node with its id and short text")
    func clustersAndLabels() throws {
        let chart = try Self.chart()
        #expect(chart.title == "Small visit")
        #expect(chart.clusters.map(\.id) == ["d_visit", "d_checks"])
        #expect(chart.clusters.map(\.label) == ["visit: Small visit", "checks: Checks"])
        #expect(node(chart, "n_visit_1") == .init(id: "n_visit_1", label: "age\nHow old are you?", shape: .ask))
        #expect(node(chart, "n_visit_5")?.label == "too_young\nWe can only treat adults, and this sent…")
        #expect(node(chart, "n_checks_3") == .init(id: "n_checks_3", label: "done\nreturn", shape: .returnToCaller))
        #expect(chart.nodes.map(\.shape) == [.start, .finish])
    }

    @Test("branch cases are labelled with their condition as written, the else edge with 'else'")
    func branchLabels() throws {
        let chart = try Self.chart()
        #expect(edges(chart, from: "n_visit_2") == [
            .init(from: "n_visit_2", to: "n_visit_5", label: "age < 18", kind: .branchCase),
            .init(from: "n_visit_2", to: "n_visit_3", label: "else", kind: .otherwise),
        ])
        #expect(edges(chart, from: "n_checks_1") == [
            .init(from: "n_checks_1", to: "n_checks_3", label: "pregnant == yes", kind: .branchCase),
            .init(from: "n_checks_1", to: "n_checks_2", label: "else", kind: .otherwise),
        ])
    }

    @Test("a call leads into the called dialog's first node, its return back to the call, and the call on")
    func callAndReturn() throws {
        let chart = try Self.chart()
        #expect(edges(chart, from: "n_visit_3") == [
            .init(from: "n_visit_3", to: "n_checks_0", kind: .call),
            .init(from: "n_visit_3", to: "n_visit_4", kind: .sequence),
        ])
        #expect(edges(chart, from: "n_checks_3") == [.init(from: "n_checks_3", to: "n_visit_3", kind: .returnToCaller)])
        #expect(edges(chart, from: "start") == [.init(from: "start", to: "n_visit_0", kind: .sequence)])
        #expect(edges(chart, from: "n_visit_4") == [.init(from: "n_visit_4", to: "finish", kind: .finish)])
    }

    @Test("each rule is a box of its outcome, joined to the questions it reads, even in another dialog")
    func rules() throws {
        let chart = try Self.chart()
        let rules = chart.clusters.flatMap(\.nodes).filter { if case .rule = $0.shape { true } else { false } }
        #expect(rules.map(\.shape) == [.rule(.decline), .rule(.review), .rule(.defer), .rule(.precaution), .rule(.info)])
        #expect(rules.first?.label == "under_18\ndecline")
        let reads = chart.edges.filter { $0.kind == .ruleReads }.map { "\($0.from) -> \($0.to)" }
        #expect(reads == [
            "n_visit_1 -> rule_under_18", "n_visit_1 -> rule_young_adult",
            "n_checks_0 -> rule_pregnancy", "n_checks_2 -> rule_thinner_note", "n_visit_1 -> rule_older",
        ])
    }

    @Test("the same consultation always gives the same chart")
    func deterministic() throws {
        let consultation = try Self.consultation()
        let charts = (0..<3).map { _ in ConsultationChart(consultation: consultation) }
        #expect(charts.allSatisfy { $0 == charts[0] })
    }

    // MARK: - Labels

    @Test("long labels are cut at 40 characters with an ellipsis, on one line")
    func shortening() {
        #expect(ConsultationChart.shortened("How old are you?") == "How old are you?")
        #expect(ConsultationChart.shortened("Line one\n  and\ttwo\u{7}") == "Line one and two")
        let long = ConsultationChart.shortened(String(repeating: "ab ", count: 30))
        #expect(long.count <= 40)
        #expect(long == "ab ab ab ab ab ab ab ab ab ab ab ab ab…")  // no space before the ellipsis
        #expect(ConsultationChart.shortened(String(repeating: "é", count: 45)) == String(repeating: "é", count: 39) + "…")
    }

    /// A chart whose every label tries to break out of its syntax.
    static let hostile = ConsultationChart(
        title: "t\"]; x",
        nodes: [.init(id: "a\"]; evil", label: "\"]; evil --> x\nline <b>#1</b> | `c` & \\ ✓", shape: .say)],
        clusters: [],
        edges: [.init(from: "a\"]; evil", to: "a\"]; evil", label: "x|y\"] --> z", kind: .branchCase)]
    )

    @Test("Mermaid labels write quotes, <>, #, |, & and backticks as entity codes and break lines with <br>")
    func mermaidEscaping() {
        #expect(MermaidRenderer.string("\"]; evil -->") == "\"#34;]; evil --#62;\"")
        #expect(MermaidRenderer.string("a\nb <i>|#x;`&") == "\"a<br>b #60;i#62;#124;#35;x;#96;#38;\"")
        #expect(MermaidRenderer.string("café ✓ 日本") == "\"café ✓ 日本\"")
        #expect(MermaidRenderer.identifier("a\"]; evil") == "a____evil")
        #expect(MermaidRenderer.identifier("9lives") == "id_9lives")
        #expect(MermaidRenderer().render(Self.hostile) == """
            flowchart TB
                %% t"]; x
                a____evil["#34;]; evil --#62; x<br>line #60;b#62;#35;1#60;/b#62; #124; #96;c#96; #38; \\ ✓"]
                a____evil -->|"x#124;y#34;] --#62; z"| a____evil

            """)
    }

    @Test("DOT labels escape backslashes and quotes and write line breaks as \\n")
    func dotEscaping() {
        #expect(DOTRenderer.string("\"]; evil -> x") == #""\"]; evil -> x""#)
        #expect(DOTRenderer.string("a\\l\nb\u{1}") == #""a\\l\nb ""#)
        let rendered = DOTRenderer().render(Self.hostile)
        #expect(rendered.contains(#"    "a\"]; evil" [label="\"]; evil --> x\nline <b>#1</b> | `c` & \\ ✓"];"#))
        #expect(rendered.contains(#"    "a\"]; evil" -> "a\"]; evil" [label="x|y\"] --> z"];"#))
        #expect(rendered.hasPrefix(#"digraph consultation {"# + "\n" + #"    graph [label="t\"]; x""#))
    }

    // MARK: - Whole renderings

    @Test("the Mermaid rendering of the small consultation")
    func mermaidGolden() throws {
        #expect(MermaidRenderer().render(try Self.chart()) == Self.mermaid)
    }

    @Test("the DOT rendering of the small consultation")
    func dotGolden() throws {
        #expect(DOTRenderer().render(try Self.chart()) == Self.dot)
    }

    static let mermaid = ##"""
        flowchart TB
            %% Small visit
            start(("start"))
            finish((("finish")))
            subgraph d_visit ["visit: Small visit"]
                n_visit_0["#34;]; evil --#62; x #60;b#62;#35;1#60;/b#62; #124; café ✓"]
                n_visit_1[/"age<br>How old are you?"/]
                n_visit_2{"branch"}
                n_visit_3[["call checks"]]
                n_visit_4(["end<br>Thank you."])
                n_visit_5(["too_young<br>We can only treat adults, and this sent…"])
                rule_under_18>"under_18<br>decline"]
                rule_young_adult>"young_adult<br>review"]
            end
            subgraph d_checks ["checks: Checks"]
                n_checks_0[/"pregnant<br>Are you pregnant?"/]
                n_checks_1{"branch"}
                n_checks_2[/"thinners<br>Do you take a blood thinner?"/]
                n_checks_3(["done<br>return"])
                rule_pregnancy>"pregnancy<br>defer"]
                rule_thinner_note>"thinner_note<br>precaution"]
                rule_older>"older<br>info"]
            end
            start --> n_visit_0
            n_visit_0 --> n_visit_1
            n_visit_1 --> n_visit_2
            n_visit_2 -->|"age #60; 18"| n_visit_5
            n_visit_2 -->|"else"| n_visit_3
            n_visit_3 -.-> n_checks_0
            n_visit_3 --> n_visit_4
            n_visit_4 --> finish
            n_visit_5 --> finish
            n_visit_1 -.-> rule_under_18
            n_visit_1 -.-> rule_young_adult
            n_checks_0 --> n_checks_1
            n_checks_1 -->|"pregnant == yes"| n_checks_3
            n_checks_1 -->|"else"| n_checks_2
            n_checks_2 --> n_checks_3
            n_checks_3 -.-> n_visit_3
            n_checks_0 -.-> rule_pregnancy
            n_checks_2 -.-> rule_thinner_note
            n_visit_1 -.-> rule_older
            classDef review fill:#fff2cc,stroke:#bf9000,color:#000000
            class rule_young_adult review
            classDef defer fill:#fce5cd,stroke:#e69138,color:#000000
            class rule_pregnancy defer
            classDef decline fill:#f4cccc,stroke:#cc0000,color:#000000
            class rule_under_18 decline
            classDef precaution fill:#cfe2f3,stroke:#3d85c6,color:#000000
            class rule_thinner_note precaution
            classDef info fill:#eeeeee,stroke:#999999,color:#000000
            class rule_older info
            linkStyle 9,10,16,17,18 stroke:#999999,stroke-dasharray:2 3

        """##

    static let dot = ##"""
        digraph consultation {
            graph [label="Small visit", labelloc=t, fontname="Helvetica", fontsize=16, rankdir=TB, nodesep=0.25, ranksep=0.3];
            node [fontname="Helvetica", fontsize=10, shape=box, style="rounded", margin="0.1,0.04"];
            edge [fontname="Helvetica", fontsize=9, arrowsize=0.7];
            "start" [label="start", shape=circle, style=""];
            "finish" [label="finish", shape=doublecircle, style=""];
            subgraph "cluster_d_visit" {
                graph [label="visit: Small visit", style="rounded", color="#999999", fontsize=12];
                "n_visit_0" [label="\"]; evil --> x <b>#1</b> | café ✓"];
                "n_visit_1" [label="age\nHow old are you?", style="rounded,bold"];
                "n_visit_2" [label="branch", shape=diamond, style=""];
                "n_visit_3" [label="call checks", shape=box, style="", peripheries=2];
                "n_visit_4" [label="end\nThank you.", shape=box, style="rounded,bold", peripheries=2];
                "n_visit_5" [label="too_young\nWe can only treat adults, and this sent…", shape=box, style="rounded,bold", peripheries=2];
                "rule_under_18" [label="under_18\ndecline", style="rounded,filled", fillcolor="#f4cccc", color="#cc0000"];
                "rule_young_adult" [label="young_adult\nreview", style="rounded,filled", fillcolor="#fff2cc", color="#bf9000"];
            }
            subgraph "cluster_d_checks" {
                graph [label="checks: Checks", style="rounded", color="#999999", fontsize=12];
                "n_checks_0" [label="pregnant\nAre you pregnant?", style="rounded,bold"];
                "n_checks_1" [label="branch", shape=diamond, style=""];
                "n_checks_2" [label="thinners\nDo you take a blood thinner?", style="rounded,bold"];
                "n_checks_3" [label="done\nreturn", shape=invhouse, style=""];
                "rule_pregnancy" [label="pregnancy\ndefer", style="rounded,filled", fillcolor="#fce5cd", color="#e69138"];
                "rule_thinner_note" [label="thinner_note\nprecaution", style="rounded,filled", fillcolor="#cfe2f3", color="#3d85c6"];
                "rule_older" [label="older\ninfo", style="rounded,filled", fillcolor="#eeeeee", color="#999999"];
            }
            "start" -> "n_visit_0";
            "n_visit_0" -> "n_visit_1";
            "n_visit_1" -> "n_visit_2";
            "n_visit_2" -> "n_visit_5" [label="age < 18"];
            "n_visit_2" -> "n_visit_3" [label="else"];
            "n_visit_3" -> "n_checks_0" [style=dashed];
            "n_visit_3" -> "n_visit_4";
            "n_visit_4" -> "finish";
            "n_visit_5" -> "finish";
            "n_visit_1" -> "rule_under_18" [style=dotted, color="#999999", arrowhead=none, weight=0];
            "n_visit_1" -> "rule_young_adult" [style=dotted, color="#999999", arrowhead=none, weight=0];
            "n_checks_0" -> "n_checks_1";
            "n_checks_1" -> "n_checks_3" [label="pregnant == yes"];
            "n_checks_1" -> "n_checks_2" [label="else"];
            "n_checks_2" -> "n_checks_3";
            "n_checks_3" -> "n_visit_3" [style=dashed, constraint=false];
            "n_checks_0" -> "rule_pregnancy" [style=dotted, color="#999999", arrowhead=none, weight=0];
            "n_checks_2" -> "rule_thinner_note" [style=dotted, color="#999999", arrowhead=none, weight=0];
            "n_visit_1" -> "rule_older" [style=dotted, color="#999999", arrowhead=none, weight=0];
        }

        """##
}
