import Foundation
import Testing
@testable import ConsultCore

/// Loading a language's reading vocabulary: located errors for a malformed file, the parts a language lacks, and
/// in-session commands in the language and in English.
@Suite struct ReadingLanguageTests {
    static let file = "dialogs/languages/xx/reading.yaml"

    func load(_ yaml: String) throws(ReadingLanguageError) -> ReadingLanguage {
        try ReadingLanguage(code: "xx", yaml: yaml, file: Self.file)
    }

    @Test("the Spanish vocabulary loads and writes every part the readers need")
    func spanishIsComplete() throws {
        let spanish = try SpanishFixtures.spanish()
        #expect(spanish.code == "es")
        #expect(spanish.missingParts == [])
        // "no 2" is not "number 2" in Spanish: "no" answers.
        #expect(!spanish.vocabulary.numberAbbreviations.contains("no"))
    }

    @Test("English is built in and complete")
    func englishIsComplete() {
        #expect(ReadingLanguage.english.missingParts.isEmpty)
        #expect(ReadingLanguage.english.code == "en")
    }

    @Test("a language that leaves parts out lists them")
    func missingParts() throws {
        let language = try load("""
            yes_no:
              yes: [ja]
              no: [nein]
            commands:
              back: [zurück]
            """)
        #expect(language.missingParts.contains("yes_no.unsure"))
        #expect(language.missingParts.contains("dates.months"))
        #expect(language.missingParts.contains("stemmer"))
        #expect(language.missingParts.contains("commands.quit"))
        #expect(!language.missingParts.contains("yes_no.yes"))
        #expect(!language.missingParts.contains("commands.back"))
        // Optional parts are not missing: a language without apostrophes or tens joiners is complete.
        #expect(!language.missingParts.contains("numbers.tens_joiners"))
        #expect(language.commandName(forNormalizedLine: "zuruck") == "back")
    }

    @Test("a YAML syntax error names its line and column")
    func syntaxError() {
        #expect {
            _ = try load("yes_no:\n  yes: [si, claro\n  no: [no]\n")
        } throws: { error in
            guard let error = error as? ReadingLanguageError else { return false }
            return error.location.file == Self.file && error.location.line >= 2 && error.description.hasPrefix("\(Self.file):")
        }
    }

    @Test("a value of the wrong shape names its place", arguments: [
        ("yes_no:\n  yes: si\n", 2, 8, "must be a list"),
        ("dates:\n  months: [[enero], [febrero]]\n", 2, 11, "needs 12 groups"),
        ("numbers:\n  values: {uno: one}\n", 2, 17, "whole number"),
        ("yes_no:\n  yess: [si]\n", 2, 3, "did you mean 'yes'"),
        ("fechas:\n  months: []\n", 1, 1, "unknown section 'fechas'"),
        ("- si\n- no\n", 1, 1, "must be a mapping"),
        ("questions:\n  subject_optional: maybe\n", 2, 21, "true or false"),
        ("dates:\n  seasons: {verano: [6]}\n", 2, 21, "list of 2 numbers"),
        ("commands:\n  atrás: [atrás]\n", 2, 3, "unknown command 'atrás'"),
    ])
    func shapeErrors(_ yaml: String, _ line: Int, _ column: Int, _ message: String) {
        #expect {
            _ = try load(yaml)
        } throws: { error in
            guard let error = error as? ReadingLanguageError else { return false }
            return error.location == SourceLocation(file: Self.file, line: line, column: column) && error.message.contains(message)
        }
    }

    @Test("phrases are normalized as patients' words are")
    func phrasesAreNormalized() throws {
        let language = try load("yes_no:\n  yes: [Sí, \"¡Claro!\"]\n")
        #expect(language.vocabulary.yes == ["si", "claro"])
    }

    @Test("Spanish commands, and English ones in a Spanish session", arguments: [
        ("atras", "back"), ("volver", "back"), ("repetir", "repeat"), ("por que", "why"), ("saltar", "skip"),
        ("reiniciar", "restart"), ("empezar de nuevo", "restart"), ("ayuda", "help"), ("salir", "quit"), ("mas", "more"),
        ("ninguna", "none"), ("back", "back"), ("quit", "quit"), ("why", "why"),
    ])
    func spanishCommands(_ line: String, _ command: String) throws {
        #expect(try SpanishFixtures.spanish().commandName(forNormalizedLine: line) == command)
    }

    @Test("English sessions know only English commands")
    func englishCommands() {
        #expect(ReadingLanguage.english.commandName(forNormalizedLine: "go back") == "back")
        #expect(ReadingLanguage.english.commandName(forNormalizedLine: "tell me more") == "more")
        #expect(ReadingLanguage.english.commandName(forNormalizedLine: "salir") == nil)
        #expect(ReadingLanguage.english.commandName(forNormalizedLine: "yes") == nil)
    }

    @Test("the English commands are the session's")
    func englishCommandsMatchTheSession() {
        for command in SessionCommand.allCases {
            #expect(ReadingLanguage.english.commandName(forNormalizedLine: command.rawValue) == command.rawValue)
        }
        #expect(Set(SessionCommand.allCases.map(\.rawValue)) == ReadingLanguage.sessionCommandNames)
        // Every English phrase of a session command is one the session knows, and names the same command.
        for name in ReadingLanguage.sessionCommandNames {
            for phrase in ReadingLanguage.english.vocabulary.commands[name] ?? [] {
                #expect(SessionCommand(TextNormalizer.normalize(phrase), language: .english)?.rawValue == name, "\(phrase)")
            }
        }
    }

    @Test("docs/languages.md describes every key of the vocabulary file")
    func everyKeyIsDocumented() throws {
        let doc = try String(contentsOf: BundledConsultation.packageRoot.appendingPathComponent("docs/languages.md"), encoding: .utf8)
        for key in ReadingVocabularyFile.keys {
            #expect(doc.contains("### `\(key.section.isEmpty ? key.name : key.section)`"), "no section for \(key.path)")
            #expect(doc.contains("`\(key.name)`"), "\(key.path) is not described")
        }
        for command in ReadingVocabularyFile.commandNames {
            #expect(doc.contains("  \(command): ["), "the command \(command) has no example")
        }
    }

    @Test("the Spanish stemmer makes forms of a word equal")
    func spanishStems() throws {
        let spanish = try SpanishFixtures.spanish()
        #expect(spanish.stem("cicatrices") == spanish.stem("cicatriz"))
        #expect(spanish.stem("manchas") == spanish.stem("mancha"))
        #expect(spanish.stem("oscuras") == spanish.stem("oscuro"))
        #expect(spanish.stem("inyecciones") == spanish.stem("inyeccion"))
        #expect(spanish.stem("rapidamente") == spanish.stem("rapido"))
        #expect(spanish.stem("meses") == "mes")
        #expect(spanish.stem("mas") == "mas")
    }

    @Test("English stemming is unchanged")
    func englishStems() {
        for word in ["hurts", "therapies", "stopped", "making", "swelling", "press", "reimbursed", "scars"] {
            #expect(ReadingLanguage.english.stem(word) == WordStemmer.stem(word))
        }
    }
}
