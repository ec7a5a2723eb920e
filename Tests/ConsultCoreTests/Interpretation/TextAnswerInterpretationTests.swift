import Foundation
import Testing
@testable import ConsultCore

@Suite struct TextAnswerInterpretationTests {
    let interpreter = InterpretationFixtures.interpreter

    @Test(arguments: [
        ("  Isotretinoin, stopped in May  ", "Isotretinoin, stopped in May"),
        ("a\u{1B}[31mred\u{1B}[0m", "ared"),
        ("two\nlines", "two lines"),
    ])
    func readsFreeTextCleaned(_ input: String, _ expected: String) {
        #expect(interpreter.interpret(input, as: .text(pattern: nil)) == .answer(.text(expected)))
    }

    @Test(arguments: ["", "   ", "\u{1B}[2J", "\u{200B}"])
    func rejectsEmptyText(_ input: String) {
        #expect(interpreter.interpret(input, as: .text(pattern: nil)) == .unreadable(.empty(.text(pattern: nil))))
    }

    @Test(arguments: [
        ("[A-Z]{2}[0-9]{4}", "AB1234", true), ("[A-Z]{2}[0-9]{4}", "AB12345", false),
        ("[A-Z]{2}[0-9]{4}", "xAB1234", false), ("a|ab", "ab", true), ("\\d+", "12 ", true), ("\\d+", "", false),
    ])
    func patternsMustMatchTheWholeAnswer(_ pattern: String, _ input: String, _ accepted: Bool) {
        let result = interpreter.interpret(input, as: .text(pattern: pattern))
        if input.isEmpty {
            #expect(result == .unreadable(.empty(.text(pattern: pattern))))
        } else if accepted {
            #expect(result == .answer(.text(input.trimmingCharacters(in: .whitespaces))))
        } else {
            #expect(result == .unreadable(.textDoesNotMatch))
        }
    }

    @Test(arguments: ["([a-z", "a)(b", "*"])
    func invalidPatternsNeverCrash(_ pattern: String) {
        #expect(interpreter.interpret("anything", as: .text(pattern: pattern)) == .unreadable(.patternUnusable))
    }

    @Test(arguments: ["", "yes", "anything at all", "\u{1B}[A"])
    func anyLineAcknowledges(_ input: String) {
        #expect(interpreter.interpret(input, as: .acknowledgement) == .answer(.acknowledged))
    }
}
