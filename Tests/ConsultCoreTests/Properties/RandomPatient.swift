import Foundation
@testable import ConsultCore

/// A patient at the kiosk who types what patients type, chosen at random for the prompt on screen: answers in
/// their own words, in-session commands, questions of their own, slips, garbage, pasted control characters,
/// bytes that are not UTF-8, very long lines, empty lines, Ctrl-C, walking away.
///
/// Three temperaments share the work: a steady patient answers plainly and goes to the end, a careful one mostly
/// answers, with the occasional slip, question or paste, and a chaotic one does everything else as often as
/// answering. All are needed: answers carry a session to its end, everything else tests what happens on the way.
struct RandomPatient {
    enum Temperament: CaseIterable {
        case steady, careful, chaotic
    }

    /// What the patient does next.
    enum Event: CustomStringConvertible {
        case line(String)
        case interrupt
        case idleTimeout
        case endOfInput

        var description: String {
            switch self {
            case let .line(text): text.count > 120 ? "\(String(text.prefix(60)).debugDescription)… (\(text.count) characters)" : text.debugDescription
            case .interrupt: "Ctrl-C"
            case .idleTimeout: "(idle timeout)"
            case .endOfInput: "Ctrl-D"
            }
        }
    }

    /// The kinds of line, with their weights out of 1,000 for a careful and for a chaotic patient.
    enum Move: CaseIterable {
        case answer, command, backOrRepeat, questionAskedBack, garbage, controlCharacters, invalidUTF8, longLine,
             emptyLine, interrupt, idleTimeout, endOfInput

        /// How often, out of 1,000, a patient of `temperament` makes this move.
        func weight(_ temperament: Temperament) -> Int {
            let (steady, careful, chaotic) = switch self {
            case .answer: (940, 860, 380)
            case .command: (0, 10, 90)
            case .backOrRepeat: (10, 30, 90)
            case .questionAskedBack: (20, 30, 80)
            case .garbage: (0, 10, 90)
            case .controlCharacters: (20, 20, 80)
            case .invalidUTF8: (0, 10, 60)
            case .longLine: (0, 5, 40)
            case .emptyLine: (10, 15, 50)
            case .interrupt: (0, 5, 25)
            case .idleTimeout: (0, 1, 4)
            case .endOfInput: (0, 4, 11)
            }
            switch temperament {
            case .steady: return steady
            case .careful: return careful
            case .chaotic: return chaotic
            }
        }
    }

    var random: SplitMix64
    let temperament: Temperament
    /// Questions patients ask, from the consultation's own FAQ and beyond it.
    let questions: [String]

    init(seed: UInt64, temperament: Temperament, consultation: Consultation) {
        random = SplitMix64(seed: seed)
        self.temperament = temperament
        questions = consultation.faq.flatMap(\.questions.english) + [
            "what is the capital of France?", "can I have it while pregnant?", "why do you need my age??", "is it safe",
            "wait what", "how much does it cost and does it hurt?",
        ]
    }

    // MARK: - Moves

    /// What the patient does at `prompt`.
    mutating func next(at prompt: Prompt) -> Event {
        switch pickMove() {
        case .answer: return .line(answer(to: prompt))
        case .command: return .line(pick(["why", "help", "skip", "restart", "quit", "start over", "Skip!", "exit", "undo", "pass"]))
        case .backOrRepeat: return .line(pick(["back", "Back", "go back", "repeat", "again", "back", "previous"]))
        case .questionAskedBack: return .line(pick(questions))
        case .garbage: return .line(garbage())
        case .controlCharacters: return .line(withControlCharacters(answer(to: prompt)))
        case .invalidUTF8: return .line(invalidUTF8(around: answer(to: prompt)))
        case .longLine: return .line(longLine(prompt))
        case .emptyLine: return .line(pick(["", " ", "\t", "   "]))
        case .interrupt: return .interrupt
        case .idleTimeout: return .idleTimeout
        case .endOfInput: return .endOfInput
        }
    }

    private mutating func pickMove() -> Move {
        let total = Move.allCases.reduce(0) { $0 + $1.weight(temperament) }
        var roll = Int.random(in: 0..<total, using: &random)
        for move in Move.allCases {
            roll -= move.weight(temperament)
            if roll < 0 { return move }
        }
        return .answer
    }

    /// An answer to the prompt typed the way patients type: loosely, sometimes with a slip, sometimes wrong.
    mutating func answer(to prompt: Prompt) -> String {
        switch prompt.style {
        case .topicOffer: return pick(["", "", "yes", "ok", "skip", "no thanks", "read it", "next"])
        case .topicMore: return pick(["", "", "more", "tell me more", "ok", "no"])
        case .confirmation:
            if prompt.kind == .yesNo { return pick(["yes", "yes", "no", "yep", "n", "that's right", "not sure", "actually yes", "nope"]) }
            return pick(["1", "2", "3", "none of these", "the first one", "no"])
        case .question: break
        }
        // Steady and careful patients are mostly people who can be treated: they consent, have none of the
        // conditions, are adults.
        let plain = switch temperament {
        case .steady: Int.random(in: 0..<20, using: &random) != 0
        case .careful: Int.random(in: 0..<4, using: &random) != 0
        case .chaotic: false
        }
        switch prompt.kind {
        case .yesNo:
            if plain { return pick(["yes", "Yes", "yeah", "y", "yes please", "ok"]) }
            return pick(["yes", "no", "Yes", "nope", "yeah", "y", "n", "no thanks", "yes please", "ok", "yse", "I think so", "no, never"])
        case .yesNoUnsure:
            if plain { return pick(["no", "No", "nope", "nah", "no, never", "n"]) }
            return pick(["yes", "no", "not sure", "no", "no", "nah", "yes I do", "no, never", "dunno", "maybe", "not anymore",
                         "no but I did last year", "I don't think so", "nope, just breastfeeding", "sometimes"])
        case let .singleChoice(options):
            return choice(options, none: nil, several: false)
        case let .multipleChoice(options, none):
            return choice(options, none: none, several: true)
        case let .number(range):
            var low = Int(range.minimum ?? 0), high = Int(range.maximum ?? 100)
            if plain { (low, high) = (max(low, 25), min(high, 70)) }
            let value = Int.random(in: low...max(low, high), using: &random)
            return pick(["\(value)", "\(value)", "\(value) \(range.unit ?? "")", "about \(value)", "thirty-four", "150", "-3",
                         "2.5", "I'm \(value)", "\(value) or \(value + 1)", "old enough"])
        case .date:
            return pick(["3 months ago", "last year", "yesterday", "2 weeks ago", "in March", "ages ago", "dunno", "2025-11-02",
                         "about a year ago", "last friday", "next week", "6 months ago", "I stopped 2 months ago", "never",
                         "03/04/2025", "1999", "this year"])
        case .text:
            return pick(["nothing else, thanks", "skip", "", "I bruise easily", "warfarin", "penicillin and latex", "no",
                         "my face gets red in winter", "n/a"])
        case .acknowledgement:
            return pick(["", "", "ok", "yes", "continue"])
        }
    }

    private mutating func choice(_ options: [ChoiceOption], none: ChoiceOption?, several: Bool) -> String {
        guard !options.isEmpty else { return "1" }
        let index = Int.random(in: 0..<options.count, using: &random)
        let option = options[index]
        var forms = [option.label, option.label.lowercased(), "\(index + 1)", "the \(option.label.lowercased()) one"]
        forms += option.synonyms
        if option.label.count > 3 { forms.append(String(option.label.lowercased().dropLast())) }  // a slip
        if several {
            let other = Int.random(in: 0..<options.count, using: &random)
            forms += ["\(index + 1), \(other + 1)", "\(option.label) and \(options[other].label)", "all of them"]
            if let none { forms += [none.label, "none", "none of these"] }
        }
        return pick(forms)
    }

    // MARK: - Lines that are not answers

    private mutating func garbage() -> String {
        let words = ["asdf", "lol", "???", "ok ok", "42", "the", "no yes", "yes no", "🙂", "é", "\u{FFFD}", "null", "-", "%s%n", "{{x}}",
                     "' OR 1=1 --", "<script>", "ÿ", "你好", "مرحبا"]
        return (0..<Int.random(in: 1...6, using: &random)).map { _ in pick(words) }.joined(separator: pick([" ", "", ", "]))
    }

    /// The line with escape sequences, C0 and C1 controls, bidi overrides or zero-width characters pasted in.
    private mutating func withControlCharacters(_ line: String) -> String {
        let inserts = ["\u{1B}[31m", "\u{1B}[0m", "\u{07}", "\u{08}", "\u{00}", "\u{1B}]0;title\u{07}", "\u{9B}2J", "\u{85}",
                       "\u{202E}", "\u{2066}", "\u{200B}", "\u{FEFF}", "\u{AD}", "\u{2060}", "\r", "\u{7F}", "\u{1B}", "\u{0C}",
                       "\u{1B}P+q\u{1B}\\"]
        var characters = Array(line)
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let at = Int.random(in: 0...characters.count, using: &random)
            characters.insert(contentsOf: pick(inserts), at: at)
        }
        return String(characters)
    }

    /// The line with bytes that are not UTF-8 inserted, decoded as the terminal front end decodes a line.
    private mutating func invalidUTF8(around line: String) -> String {
        var bytes = Array(line.utf8)
        let invalid: [[UInt8]] = [[0xFF], [0xC3], [0xE2, 0x80], [0xF0, 0x9F, 0x98], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0x80, 0x80]]
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            bytes.insert(contentsOf: pick(invalid), at: Int.random(in: 0...bytes.count, using: &random))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A line from 500 to 6,000 characters: an answer repeated, a paste, or one endless word.
    private mutating func longLine(_ prompt: Prompt) -> String {
        let count = Int.random(in: 500...6_000, using: &random)
        switch Int.random(in: 0..<3, using: &random) {
        case 0: return String(repeating: answer(to: prompt) + " ", count: count / 4)
        case 1: return String(repeating: "a", count: count)
        default: return (0..<count / 5).map { _ in pick(["yes", "no", "why", "acne", "3", "é", "?"]) }.joined(separator: " ")
        }
    }

    private mutating func pick<T>(_ choices: [T]) -> T {
        choices[Int.random(in: 0..<choices.count, using: &random)]
    }
}
