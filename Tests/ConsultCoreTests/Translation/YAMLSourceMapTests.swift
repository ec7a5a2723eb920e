import Testing
@testable import ConsultCore

/// The source map knows where each value starts and ends, whatever its style, so an edit replaces exactly it.
@Suite struct YAMLSourceMapTests {
    static let text = """
        title:
          en: Health questions   # a comment
          es: "Preguntas: de salud"
        nodes:
          - say: |-
              Two lines
              of text

          # a comment after
          - ask: {en: How old?, es: '¿Cuántos?'}
            terms:
              - one
              - two
            # trailing comment
          - why: plain text
              that goes on
        """

    func extent(_ map: YAMLSourceMap, _ index: Int) -> String { map.text(map[index].start..<map[index].end) }

    @Test func everyValueEndsWhereItsTextEnds() throws {
        let map = try #require(YAMLSourceMap(text: Self.text))
        let root = try #require(map.root)
        let title = try #require(map.value(of: "title", in: root))
        #expect(extent(map, try #require(map.value(of: "en", in: title))) == "Health questions")
        #expect(extent(map, try #require(map.value(of: "es", in: title))) == "\"Preguntas: de salud\"")
        let nodes = try #require(map.value(of: "nodes", in: root))
        let say = try #require(map.value(of: "say", in: map[nodes].children[0]))
        #expect(extent(map, say) == "|-\n      Two lines\n      of text")
        let ask = try #require(map.value(of: "ask", in: map[nodes].children[1]))
        #expect(extent(map, ask) == "{en: How old?, es: '¿Cuántos?'}")
        #expect(extent(map, try #require(map.value(of: "es", in: ask))) == "'¿Cuántos?'")
        let terms = try #require(map.value(of: "terms", in: map[nodes].children[1]))
        #expect(extent(map, terms) == "- one\n      - two")
        let why = try #require(map.value(of: "why", in: map[nodes].children[2]))
        #expect(extent(map, why) == "plain text\n      that goes on")
        #expect(map.indentStep == 2)
    }

    @Test func textsAreFoundWhereTheLoaderSaysTheyStart() throws {
        let map = try #require(YAMLSourceMap(text: Self.text))
        let root = try #require(map.root)
        let title = try #require(map.value(of: "title", in: root))
        #expect(map.node(atText: .init(line: 2, column: 3)) == title)
        #expect(map.node(atText: .init(line: 3, column: 8)) == map.value(of: "es", in: title))
        let nodes = try #require(map.value(of: "nodes", in: root))
        #expect(map.node(atText: .init(line: 6, column: 7)) == map.value(of: "say", in: map[nodes].children[0]))
    }
}
