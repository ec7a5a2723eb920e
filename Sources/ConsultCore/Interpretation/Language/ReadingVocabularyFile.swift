import Foundation
import Yams

/// Reads a language's `reading.yaml` into a ``ReadingVocabulary``: sections of keys, each a list of phrases, a
/// mapping of words to numbers, a list of word groups, or a flag (docs/languages.md lists them all).
///
/// Phrases are normalized as patients' words are (`sí` → `si`), so a translator writes them with their accents.
/// A malformed file is refused with the place of the problem; a key that is not written is not an error here
/// but is listed in ``ReadingLanguage/missingParts`` for the validator to report.
enum ReadingVocabularyFile {
    /// What one key holds, and where it goes.
    enum Field {
        case phrases(WritableKeyPath<ReadingVocabulary, [String]>)
        case flag(WritableKeyPath<ReadingVocabulary, Bool>)
        case count(WritableKeyPath<ReadingVocabulary, Int>)
        case values(WritableKeyPath<ReadingVocabulary, [String: Int]>)
        /// Phrase → a list of `size` numbers, in the file's order.
        case numbered(WritableKeyPath<ReadingVocabulary, [NamedNumbers]>, size: Int)
        /// A list of groups of words; `count` groups when given (12 months).
        case groups(WritableKeyPath<ReadingVocabulary, [[String]]>, count: Int?)
        case phraseLists(WritableKeyPath<ReadingVocabulary, [String: [String]]>)
        case stemmer
    }

    /// One key of the file.
    struct Key {
        var section: String
        var name: String
        var field: Field
        /// Whether a language may leave it out (English has no tens joiner; Spanish no apostrophes).
        var optional = false

        var path: String { section.isEmpty ? name : "\(section).\(name)" }
    }

    /// Every key, by section, in the order docs/languages.md describes them.
    static var keys: [Key] {
        func k(_ section: String, _ name: String, _ field: Field, optional: Bool = false) -> Key {
            Key(section: section, name: name, field: field, optional: optional)
        }
        return [
            k("yes_no", "yes", .phrases(\.yes)), k("yes_no", "affirming", .phrases(\.affirming)),
            k("yes_no", "no", .phrases(\.no)), k("yes_no", "unsure", .phrases(\.unsure)),
            k("yes_no", "probably_yes", .phrases(\.probablyYes)), k("yes_no", "probably_no", .phrases(\.probablyNo)),
            k("yes_no", "not_as_far_as_known", .phrases(\.noAsFarAsKnown)), k("yes_no", "partial", .phrases(\.partial)),
            k("yes_no", "weak_no", .phrases(\.weakNo)), k("yes_no", "past", .phrases(\.past)),
            k("yes_no", "when", .phrases(\.when)), k("yes_no", "negation", .phrases(\.negations)),
            k("yes_no", "contrast", .phrases(\.contrasts)), k("yes_no", "filler", .phrases(\.fillers)),
            k("yes_no", "typo_yes", .phrases(\.typoYes)), k("yes_no", "typo_no", .phrases(\.typoNo)),
            k("yes_no", "typo_negation", .phrases(\.typoNegation), optional: true),
            k("yes_no", "subject_words", .phrases(\.subjectWords), optional: true),
            k("yes_no", "negators", .phrases(\.negators), optional: true),
            k("yes_no", "drops_apostrophes", .flag(\.dropsApostrophes), optional: true),
            k("yes_no", "other_people", .phrases(\.otherPeople)),
            k("focus", "history_markers", .phrases(\.historyMarkers)),
            k("focus", "generic_words", .phrases(\.genericQuestionWords)),
            k("questions", "question_words", .phrases(\.questionWords)),
            k("questions", "auxiliaries", .phrases(\.auxiliaries)),
            k("questions", "statement_auxiliaries", .phrases(\.statementAuxiliaries), optional: true),
            k("questions", "determiners", .phrases(\.determiners), optional: true),
            k("questions", "subjects", .phrases(\.subjects)),
            k("questions", "statement_subjects", .phrases(\.statementSubjects), optional: true),
            k("questions", "statement_verbs", .phrases(\.statementVerbs)),
            k("questions", "subject_optional", .flag(\.subjectOptional), optional: true),
            k("questions", "asking_phrases", .phrases(\.askingPhrases)),
            k("questions", "question_starts", .phrases(\.questionStarts)),
            k("numbers", "values", .values(\.numberValues)),
            k("numbers", "tens_joiners", .phrases(\.tensJoiners), optional: true),
            k("numbers", "hundreds", .values(\.hundreds), optional: true),
            k("numbers", "multipliers", .values(\.multipliers)),
            k("numbers", "articles", .phrases(\.numberArticles), optional: true),
            k("numbers", "joiners", .phrases(\.numberJoiners), optional: true),
            k("numbers", "fillers", .phrases(\.numberFillers)),
            k("numbers", "negative", .phrases(\.negativeWords)),
            k("numbers", "units", .groups(\.unitFamilies, count: nil)),
            k("dates", "months", .groups(\.months, count: 12)),
            k("dates", "weekdays", .groups(\.weekdays, count: 7)),
            k("dates", "abbreviation_length", .count(\.abbreviationLength), optional: true),
            k("dates", "day_units", .values(\.dayUnits)), k("dates", "month_units", .values(\.monthUnits)),
            k("dates", "ago_before", .phrases(\.agoBefore)), k("dates", "ago_after", .phrases(\.agoAfter)),
            k("dates", "in", .phrases(\.inWords)), k("dates", "days_back", .values(\.daysBack)),
            k("dates", "last_before", .phrases(\.lastBefore)), k("dates", "last_after", .phrases(\.lastAfter)),
            k("dates", "this_before", .phrases(\.thisBefore)), k("dates", "this_after", .phrases(\.thisAfter)),
            k("dates", "before_last", .phrases(\.beforeLast), optional: true),
            k("dates", "week", .phrases(\.weekWords)), k("dates", "month", .phrases(\.monthWords)),
            k("dates", "year", .phrases(\.yearWords)),
            k("dates", "so_far_this_year", .phrases(\.soFarThisYear)),
            k("dates", "seasons", .numbered(\.seasons, size: 2)),
            k("dates", "holidays", .numbered(\.holidays, size: 3), optional: true),
            k("dates", "other_periods", .phrases(\.otherPeriods), optional: true),
            k("dates", "year_parts", .numbered(\.yearParts, size: 2)),
            k("dates", "rough_amounts", .numbered(\.roughAmounts, size: 2)),
            k("dates", "approximately", .phrases(\.approximately), optional: true),
            k("dates", "amount_words", .phrases(\.amountWords)),
            k("dates", "half_after", .phrases(\.halfAfter), optional: true),
            k("dates", "half_before", .phrases(\.halfBefore), optional: true),
            k("dates", "recent", .phrases(\.recent)), k("dates", "long_ago", .phrases(\.longAgo)),
            k("dates", "time_words", .phrases(\.timeWords)), k("dates", "future", .phrases(\.futureWords)),
            k("dates", "more_than_starts", .phrases(\.moreThanStarts)), k("dates", "more_than_words", .phrases(\.moreThanWords)),
            k("dates", "less_than_starts", .phrases(\.lessThanStarts)), k("dates", "less_than_words", .phrases(\.lessThanWords)),
            k("dates", "fillers", .phrases(\.dateFillers)), k("dates", "ending_words", .phrases(\.endingWords)),
            k("dates", "ordinal_suffixes", .phrases(\.ordinalSuffixes)),
            k("choices", "fillers", .phrases(\.choiceFillers)), k("choices", "all", .phrases(\.allWords)),
            k("choices", "all_companions", .phrases(\.allCompanions), optional: true),
            k("choices", "none", .phrases(\.noneWords)), k("choices", "negations", .phrases(\.choiceNegations)),
            k("choices", "ordinals", .values(\.ordinals)), k("choices", "cardinals", .values(\.cardinals)),
            k("choices", "one", .phrases(\.oneWords)),
            k("choices", "number_abbreviations", .phrases(\.numberAbbreviations), optional: true),
            k("choices", "label_alternatives", .phrases(\.labelAlternatives)),
            k("", "stemmer", .stemmer),
            k("faq", "stop_words", .phrases(\.stopWords)),
            k("faq", "synonyms", .phraseLists(\.synonyms), optional: true),
            k("", "commands", .phraseLists(\.commands)),
        ]
    }

    /// The English command names a language must give phrases for.
    static let commandNames = ["back", "repeat", "why", "skip", "restart", "help", "quit", "more", "none"]

    /// The vocabulary in `text`, and the parts it does not write.
    static func parse(_ text: String, file: String) throws(ReadingLanguageError) -> (ReadingVocabulary, missing: [String]) {
        var log = DiagnosticLog()
        guard let yaml = YAMLFile.parse(Data(text.utf8), path: file, log: &log) else {
            let first = log.diagnostics.first { $0.severity == .error }
            throw ReadingLanguageError(first?.message ?? "the file cannot be read", at: first?.location ?? SourceLocation(file: file, line: 1, column: 1))
        }
        let reader = NodeReader(file: file)
        let root = try reader.mapping(yaml.root, what: "the file")
        var vocabulary = ReadingVocabulary()
        var present: Set<String> = []
        let keys = Self.keys
        let sections = Set(keys.map(\.section))
        for (keyNode, value) in root {
            let name = try reader.string(keyNode)
            if let key = keys.first(where: { $0.section.isEmpty && $0.name == name }) {
                try reader.read(value, into: &vocabulary, field: key.field, key: key.path)
                present.insert(key.path)
            } else if sections.contains(name) {
                for (innerNode, innerValue) in try reader.mapping(value, what: "'\(name)'") {
                    let inner = try reader.string(innerNode)
                    guard let key = keys.first(where: { $0.section == name && $0.name == inner }) else {
                        let known = keys.filter { $0.section == name }.map(\.name)
                        throw reader.error("unknown key '\(inner)' in '\(name)'\(suggestion(inner, among: known))", at: innerNode)
                    }
                    try reader.read(innerValue, into: &vocabulary, field: key.field, key: key.path)
                    present.insert(key.path)
                }
            } else {
                let known = sections.filter { !$0.isEmpty } + keys.filter { $0.section.isEmpty }.map(\.name)
                throw reader.error("unknown section '\(name)'\(suggestion(name, among: known.sorted()))", at: keyNode)
            }
        }
        var missing = keys.filter { !$0.optional && !present.contains($0.path) }.map(\.path)
        if present.contains("commands") {
            missing += commandNames.filter { (vocabulary.commands[$0] ?? []).isEmpty }.map { "commands.\($0)" }
        }
        return (vocabulary, missing)
    }

    private static func suggestion(_ name: String, among known: [String]) -> String {
        let close = known.filter { EditDistance.distance($0, name) <= 2 }.min { EditDistance.distance($0, name) < EditDistance.distance($1, name) }
        return close.map { "; did you mean '\($0)'?" } ?? ""
    }
}

/// Reads values out of a YAML tree, with the node's place in every error.
private struct NodeReader {
    let file: String

    func error(_ message: String, at node: Yams.Node) -> ReadingLanguageError {
        let location = node.mark.map { SourceLocation(file: file, line: $0.line, column: $0.column) }
            ?? SourceLocation(file: file, line: 1, column: 1)
        return ReadingLanguageError(message, at: location)
    }

    func mapping(_ node: Yams.Node, what: String) throws(ReadingLanguageError) -> [(Yams.Node, Yams.Node)] {
        guard let mapping = node.mapping else { throw error("\(what) must be a mapping of keys", at: node) }
        return Array(mapping)
    }

    func string(_ node: Yams.Node) throws(ReadingLanguageError) -> String {
        guard let scalar = node.scalar else { throw error("expected a word or phrase here", at: node) }
        return scalar.string
    }

    /// A phrase as patients' words are compared: normalized, so `sí` is `si` and `¿por qué?` is `por que`.
    func phrase(_ node: Yams.Node) throws(ReadingLanguageError) -> String {
        let normalized = TextNormalizer.normalize(try string(node))
        guard !normalized.isEmpty else { throw error("this phrase has no letters or digits", at: node) }
        return normalized
    }

    func phrases(_ node: Yams.Node, key: String) throws(ReadingLanguageError) -> [String] {
        guard let sequence = node.sequence else { throw error("'\(key)' must be a list of phrases, like [a, b]", at: node) }
        var phrases: [String] = []
        for item in sequence { phrases.append(try phrase(item)) }
        return phrases
    }

    func integer(_ node: Yams.Node, key: String) throws(ReadingLanguageError) -> Int {
        guard let text = node.scalar?.string, let number = Int(text) else { throw error("'\(key)' needs a whole number here", at: node) }
        return number
    }

    func read(_ node: Yams.Node, into vocabulary: inout ReadingVocabulary, field: ReadingVocabularyFile.Field, key: String) throws(ReadingLanguageError) {
        switch field {
        case let .phrases(path):
            vocabulary[keyPath: path] = try phrases(node, key: key)
        case let .flag(path):
            switch node.scalar?.string {
            case "true": vocabulary[keyPath: path] = true
            case "false": vocabulary[keyPath: path] = false
            default: throw error("'\(key)' must be true or false", at: node)
            }
        case let .count(path):
            vocabulary[keyPath: path] = try integer(node, key: key)
        case let .values(path):
            var values: [String: Int] = [:]
            for (word, value) in try mapping(node, what: "'\(key)'") { values[try phrase(word)] = try integer(value, key: key) }
            vocabulary[keyPath: path] = values
        case let .numbered(path, size):
            var list: [NamedNumbers] = []
            for (word, value) in try mapping(node, what: "'\(key)'") {
                guard let items = value.sequence, items.count == size else {
                    throw error("'\(key)' needs a list of \(size) numbers for each phrase", at: value)
                }
                var numbers: [Int] = []
                for item in items { numbers.append(try integer(item, key: key)) }
                list.append(NamedNumbers(try phrase(word), numbers))
            }
            vocabulary[keyPath: path] = list
        case let .groups(path, count):
            guard let sequence = node.sequence else { throw error("'\(key)' must be a list of lists of words", at: node) }
            if let count, sequence.count != count { throw error("'\(key)' needs \(count) groups, not \(sequence.count)", at: node) }
            var groups: [[String]] = []
            for group in sequence {
                let words = try phrases(group, key: key)
                guard !words.isEmpty else { throw error("a group of '\(key)' is empty", at: group) }
                groups.append(words)
            }
            vocabulary[keyPath: path] = groups
        case let .phraseLists(path):
            var lists: [String: [String]] = [:]
            for (name, value) in try mapping(node, what: "'\(key)'") {
                let text = try string(name)
                // Commands are named in English, as the session knows them: `atrás:` instead of `back:` is a slip.
                if key == "commands", !ReadingVocabularyFile.commandNames.contains(text) {
                    throw error("unknown command '\(text)'; commands are named in English: \(ReadingVocabularyFile.commandNames.joined(separator: ", "))", at: name)
                }
                lists[text, default: []] += try phrases(value, key: key)
            }
            vocabulary[keyPath: path] = lists
        case .stemmer:
            vocabulary.stemmer = try stemmer(node)
        }
    }

    /// `{minimum_stem: 3, steps: [[mente], [s], {minimum_stem: 4, suffixes: [a, o, e]}, [{z: c}]]}`.
    private func stemmer(_ node: Yams.Node) throws(ReadingLanguageError) -> StemmingRules {
        var minimum = 3
        var steps: [StemmingRules.Step] = []
        for (keyNode, value) in try mapping(node, what: "'stemmer'") {
            switch try string(keyNode) {
            case "minimum_stem":
                minimum = try integer(value, key: "stemmer.minimum_stem")
            case "steps":
                guard let sequence = value.sequence else { throw error("'stemmer.steps' must be a list of steps", at: value) }
                for step in sequence { steps.append(try self.step(step)) }
            case let other:
                throw error("unknown key '\(other)' in 'stemmer' (minimum_stem, steps)", at: keyNode)
            }
        }
        return StemmingRules(minimumStem: minimum, steps: steps)
    }

    /// A step: a list of suffixes (`[a, o]`, `[{z: c}]` to replace), or `{minimum_stem: 4, suffixes: [...]}`.
    private func step(_ node: Yams.Node) throws(ReadingLanguageError) -> StemmingRules.Step {
        var minimum: Int?
        var list = node
        if let mapping = node.mapping {
            guard let suffixes = mapping["suffixes"] else { throw error("a step written as a mapping needs 'suffixes'", at: node) }
            list = suffixes
            for key in mapping.keys {
                guard let name = key.scalar?.string, ["suffixes", "minimum_stem"].contains(name) else {
                    throw error("a step has only 'suffixes' and 'minimum_stem'", at: key)
                }
            }
            if let value = mapping["minimum_stem"] { minimum = try integer(value, key: "stemmer.steps.minimum_stem") }
        }
        guard let rules = list.sequence else { throw error("a step is a list of suffixes, like [a, o]", at: list) }
        var parsed: [StemmingRules.Rule] = []
        for rule in rules {
            if let pair = rule.mapping?.first, rule.mapping?.count == 1 {
                parsed.append(StemmingRules.Rule(try string(pair.key), replacement: try string(pair.value)))
            } else {
                parsed.append(StemmingRules.Rule(try string(rule)))
            }
        }
        return StemmingRules.Step(parsed, minimumStem: minimum)
    }
}
