import Foundation
import Testing
@testable import ConsultCore

/// The parsed texts a consultation keeps are the texts parsed now.
@Suite struct TextTemplateCacheTests {
    @Test func aTextIsParsedAsItWouldBeNowAndOnce() throws {
        let cache = TextTemplateCache()
        for text in ["About {low | money} to {high | money}.", "{{literal}} and {age}", "plain", "", "{unclosed", "stray }"] {
            let now = try? TextTemplate.parse(text)
            #expect(cache.template(text) == now, "\(text)")
            #expect(cache.template(text) == now, "\(text), again")
        }
    }

    @Test func theCacheStartsOverRatherThanGrowPastItsLimit() throws {
        let cache = TextTemplateCache()
        for number in 0...(TextTemplateCache.mostTexts + 5) {
            #expect(cache.template("{x} \(number)")?.segments.count == 2)
        }
        #expect(cache.template("{x} 7")?.segments.count == 2)
    }
}
