import Yams

/// One dialog file as written, before it is linked with the others.
struct DialogFile {
    var dialog: Dialog
    var version: String?
    var entry: Bool
    var languages: [String]?
    var languagesLocation: SourceLocation?
    var settingsPath: (path: String, location: SourceLocation)?
    var highlights: [(id: String, location: SourceLocation)]
    var computed: [ComputedValue]
    var estimate: EstimateSpecification?
    var rules: [ScreeningRule]
    var faq: [FAQEntry]
    var synonyms: [String: [String]]
    var translatedSynonyms: [String: [String: [String]]] = [:]
    /// `faq_retrieval`, when written and valid; only the entry dialog's counts.
    var faqRetrieval: FAQRetrievalSettings?
    var faqRetrievalLocation: SourceLocation?
}

/// Turns a YAML tree into a ``DialogFile``, reporting every structural problem it can find.
struct DialogFileParser {
    static let topLevelKeys = ["dialog", "version", "title", "entry", "languages", "settings", "highlights", "nodes",
                               "computed", "estimate", "rules", "faq", "synonyms", "faq_retrieval"]
    static let nodeKinds = ["say", "ask", "explain", "branch", "call", "return", "end", "outcome"]
    static let questionKeys = ["type", "options", "none", "range", "unit", "pattern", "required", "why", "terms", "readback", "identifies"]

    var yaml: YAMLReader
    var log = DiagnosticLog()

    init(path: String, sources: SourceFiles) {
        yaml = YAMLReader(path: path, sources: sources)
    }

    mutating func parse(_ root: Yams.Node) -> DialogFile? {
        guard let top = yaml.mapping(root, "a dialog file", log: &log) else { return nil }
        top.reportUnknownKeys(allowed: Self.topLevelKeys, in: "a dialog file", log: &log)
        guard let idNode = top.required("dialog", in: "a dialog file", log: &log),
              let id = yaml.identifier(idNode, "the dialog id", log: &log) else { return nil }

        var file = DialogFile(
            dialog: Dialog(id: id, title: nil, file: yaml.path, location: yaml.location(of: idNode), nodes: []),
            version: nil, entry: false, languages: nil, languagesLocation: nil, settingsPath: nil,
            highlights: [], computed: [], estimate: nil, rules: [], faq: [], synonyms: [:],
            faqRetrieval: nil, faqRetrievalLocation: nil
        )
        if let node = top["version"] { file.version = yaml.string(node, "version", log: &log) }
        if let node = top["title"] { file.dialog.title = yaml.text(node, "the title", log: &log) }
        if let node = top["entry"] { file.entry = yaml.bool(node, "entry", log: &log) ?? false }
        if let node = top["languages"] { parseLanguages(node, into: &file) }
        if let node = top["settings"], let path = yaml.string(node, "settings", log: &log) {
            file.settingsPath = (path, yaml.location(of: node))
        }
        if let node = top["highlights"], let items = yaml.sequence(node, "highlights", log: &log) {
            file.highlights = items.compactMap { item in
                yaml.identifier(item, "a highlight", log: &log).map { ($0, yaml.location(of: item)) }
            }
        }
        if let node = top.required("nodes", in: "a dialog file", log: &log), let items = yaml.sequence(node, "nodes", log: &log) {
            if items.isEmpty { log.error("'nodes' is empty; a dialog needs at least one node", at: yaml.location(of: node), id: "empty-nodes") }
            file.dialog.nodes = items.compactMap { parseNode($0) }
        }
        if let node = top["computed"], let mapping = yaml.mapping(node, "computed", log: &log) {
            for entry in mapping.entries {
                guard YAMLReader.isIdentifier(entry.key) else {
                    log.error("computed name '\(entry.key)' should be a word of letters, digits and underscores", at: entry.keyLocation, id: "bad-computed-name")
                    continue
                }
                guard let written = yaml.expression(entry.value, "computed value '\(entry.key)'", log: &log) else { continue }
                file.computed.append(ComputedValue(name: entry.key, expression: written.expression, source: written.source,
                                                   location: written.location, type: nil))
            }
        }
        if let node = top["estimate"] { file.estimate = parseEstimate(node) }
        if let node = top["rules"], let items = yaml.sequence(node, "rules", log: &log) {
            file.rules = items.compactMap { parseRule($0, dialog: id) }
        }
        if let node = top["faq"], let items = yaml.sequence(node, "faq", log: &log) {
            file.faq = items.compactMap { parseFAQ($0) }
        }
        if let node = top["synonyms"], let mapping = yaml.mapping(node, "synonyms", log: &log) {
            for entry in mapping.entries {
                // `es: {dolor: [duele]}`: a language's own synonyms (a word's synonyms are a list, never a mapping).
                if case .mapping = entry.value, YAMLReader.isLanguageCode(entry.key),
                   let language = yaml.mapping(entry.value, "synonyms in '\(entry.key)'", log: &log) {
                    for word in language.entries {
                        guard let words = yaml.sequence(word.value, "synonyms of '\(word.key)'", log: &log) else { continue }
                        let list = words.compactMap { yaml.string($0, "a synonym", log: &log) }
                        if entry.key == "en" {
                            file.synonyms[word.key, default: []] += list
                        } else {
                            file.translatedSynonyms[entry.key, default: [:]][word.key, default: []] += list
                        }
                    }
                    continue
                }
                guard let words = yaml.sequence(entry.value, "synonyms of '\(entry.key)'", log: &log) else { continue }
                file.synonyms[entry.key, default: []] += words.compactMap { yaml.string($0, "a synonym", log: &log) }
            }
        }
        if let node = top["faq_retrieval"] {
            file.faqRetrieval = parseFAQRetrieval(node)
            file.faqRetrievalLocation = top.entry("faq_retrieval")?.keyLocation
        }
        return file
    }

    private mutating func parseLanguages(_ node: Yams.Node, into file: inout DialogFile) {
        guard let items = yaml.sequence(node, "languages", log: &log) else { return }
        var languages: [String] = []
        for item in items {
            guard let code = yaml.string(item, "a language", log: &log) else { continue }
            guard YAMLReader.isLanguageCode(code) else {
                log.error("'\(code)' is not a language code like 'en' or 'es'", at: yaml.location(of: item), id: "bad-language-code")
                continue
            }
            if languages.contains(code) {
                log.error("language '\(code)' is listed twice", at: yaml.location(of: item), id: "duplicate-language")
            }
            languages.append(code)
        }
        if !languages.contains("en") {
            log.error("'languages' must include 'en': English text is required and is the fallback", at: yaml.location(of: node), id: "languages-without-english")
        }
        file.languages = languages
        file.languagesLocation = yaml.location(of: node)
    }

    // MARK: - Nodes

    private mutating func parseNode(_ node: Yams.Node) -> DialogNode? {
        guard let mapping = yaml.mapping(node, "a node", log: &log) else { return nil }
        let kinds = mapping.entries.filter { Self.nodeKinds.contains($0.key) }
        guard let kindEntry = kinds.first else {
            let guess = mapping.entries.compactMap { Suggestion.closest(to: $0.key, in: Self.nodeKinds) }.first
            let hint = guess.map { "; did you mean '\($0)'?" } ?? ""
            log.error("a node needs one of \(Self.nodeKinds.map { "'\($0)'" }.joined(separator: ", "))\(hint)", at: mapping.location, id: "node-without-kind")
            return nil
        }
        if kinds.count > 1 {
            log.error("a node can be only one kind, but this one has both '\(kinds[0].key)' and '\(kinds[1].key)'", at: kinds[1].keyLocation, id: "node-of-two-kinds")
        }
        let kindName = kindEntry.key
        var allowed = ["id", "next", kindName]
        switch kindName {
        case "ask": allowed += Self.questionKeys
        case "explain": allowed += ["title", "text", "more"]
        case "branch": allowed += ["else"]
        default: break
        }
        mapping.reportUnknownKeys(allowed: allowed, in: "a '\(kindName)' node", log: &log)

        let id = mapping["id"].flatMap { yaml.identifier($0, "the node id", log: &log) }
        let next = mapping["next"].flatMap { reference($0, "next") }
        let value = kindEntry.value
        let location = kindEntry.keyLocation
        let kind: DialogNode.Kind
        switch kindName {
        case "say":
            guard let text = yaml.text(value, "the text of 'say'", log: &log) else { return nil }
            kind = .say(text)
        case "ask":
            guard let question = parseQuestion(value, id: id, mapping: mapping, location: location) else { return nil }
            kind = .ask(question)
        case "explain":
            guard let topic = parseTopic(value, mapping: mapping) else { return nil }
            kind = .explain(topic)
            return DialogNode(id: id ?? topic.id, location: location, next: next, kind: kind)
        case "branch":
            guard let items = yaml.sequence(value, "the cases of 'branch'", log: &log) else { return nil }
            if items.isEmpty { log.error("'branch' needs at least one case ('- if: CONDITION' and 'goto: NODE')", at: yaml.location(of: value), id: "branch-without-cases") }
            let cases = items.compactMap { parseBranchCase($0) }
            kind = .branch(cases, otherwise: mapping["else"].flatMap { reference($0, "else") })
        case "call":
            guard let target = yaml.identifier(value, "the dialog to call", log: &log) else { return nil }
            kind = .call(DialogReference(id: target, location: yaml.location(of: value)))
        case "return":
            if yaml.bool(value, "return", log: &log) == false {
                log.error("'return: false' means nothing; remove the node or write 'return: true'", at: yaml.location(of: value), id: "return-false")
            }
            kind = .returnToCaller
        case "end":
            kind = .end(optionalText(value, "the text of 'end'"))
        default:
            kind = .outcome(optionalText(value, "the text of 'outcome'"))
        }
        return DialogNode(id: id, location: location, next: next, kind: kind)
    }

    /// Text, or nothing for `true`.
    private mutating func optionalText(_ node: Yams.Node, _ what: String) -> LocalizedText? {
        if case let .scalar(scalar) = node, ["true", "yes"].contains(scalar.string.lowercased()) { return nil }
        return yaml.text(node, what, log: &log)
    }

    private mutating func reference(_ node: Yams.Node, _ what: String) -> NodeReference? {
        yaml.identifier(node, "the node named in '\(what)'", log: &log).map { NodeReference(id: $0, location: yaml.location(of: node)) }
    }

    private mutating func parseBranchCase(_ node: Yams.Node) -> BranchCase? {
        guard let mapping = yaml.mapping(node, "a branch case", log: &log) else { return nil }
        mapping.reportUnknownKeys(allowed: ["if", "goto"], in: "a branch case", log: &log)
        guard let conditionNode = mapping.required("if", in: "a branch case", log: &log),
              let gotoNode = mapping.required("goto", in: "a branch case", log: &log),
              let condition = yaml.expression(conditionNode, "the condition", log: &log),
              let target = reference(gotoNode, "goto") else { return nil }
        return BranchCase(condition: condition, target: target)
    }

    private mutating func parseQuestion(_ value: Yams.Node, id: String?, mapping: YAMLMapping, location: SourceLocation) -> Question? {
        guard let text = yaml.text(value, "the question", log: &log) else { return nil }
        guard let id else {
            log.error("a question needs an 'id': the answer is stored under it", at: location, id: "question-without-id")
            return nil
        }
        guard let typeNode = mapping.required("type", in: "the question '\(id)'", log: &log),
              let typeName = yaml.string(typeNode, "type", log: &log) else { return nil }
        guard let type = QuestionType(rawValue: typeName) else {
            let names = QuestionType.allCases.map(\.rawValue)
            log.error("unknown question type '\(typeName)'\(Suggestion.didYouMean(typeName, in: names, otherwise: "use one of \(names.joined(separator: ", "))"))", at: yaml.location(of: typeNode), id: "unknown-question-type")
            return nil
        }
        var question = Question(id: id, text: text, type: type, options: [], noneLabel: nil, minimum: nil, maximum: nil,
                                integer: true, unit: nil, pattern: nil, required: true, why: nil, location: location)
        let isChoice = type == .choice || type == .multipleChoice
        func onlyFor(_ key: String, _ allowed: Bool, _ types: String) {
            if !allowed, let entry = mapping.entry(key) {
                log.error("'\(key)' only applies to \(types) questions, and '\(id)' is \(typeName)", at: entry.keyLocation, id: "key-for-other-question-type")
            }
        }
        onlyFor("options", isChoice, "choice and multiple-choice")
        onlyFor("none", type == .multipleChoice, "multiple-choice")
        onlyFor("range", type == .number, "number")
        onlyFor("unit", type == .number, "number")
        onlyFor("pattern", type == .text, "text")
        onlyFor("terms", type == .yesNo || type == .yesNoUnsure, "yes-no and yes-no-unsure")
        onlyFor("readback", type == .yesNo || type == .yesNoUnsure, "yes-no and yes-no-unsure")

        if isChoice {
            if let node = mapping["options"], let items = yaml.sequence(node, "options", log: &log) {
                question.options = items.compactMap { parseOption($0) }
                if items.isEmpty { log.error("the choice question '\(id)' has no options", at: yaml.location(of: node), id: "choice-without-options") }
                var seen: Set<String> = []
                for option in question.options where !seen.insert(option.id).inserted {
                    log.error("option '\(option.id)' appears twice in '\(id)'", at: option.location, id: "duplicate-option")
                }
                if type == .multipleChoice, seen.contains("none") {
                    if let option = question.options.first(where: { $0.id == "none" }) {
                        log.error("'none' is reserved for the none-of-these option; write it with 'none: LABEL'", at: option.location, id: "option-named-none")
                    }
                }
            } else {
                log.error("the choice question '\(id)' has no options; add 'options:' with an id and a label for each", at: location, id: "choice-without-options")
            }
        }
        if let node = mapping["none"] { question.noneLabel = yaml.text(node, "the none-of-these label", log: &log) }
        if let node = mapping["range"], let items = yaml.sequence(node, "range", log: &log) {
            if items.count == 2 {
                question.minimum = yaml.number(items[0], "the range's minimum", log: &log)
                question.maximum = yaml.number(items[1], "the range's maximum", log: &log)
                for (item, bound, what) in [(items[0], question.minimum, "minimum"), (items[1], question.maximum, "maximum")] {
                    if let bound, abs(bound) > NumberFormatting.largestShown {
                        log.error("the range's \(what) (\(item.scalar?.string ?? NumberIntervals.describe(bound))) is beyond ±\(NumberIntervals.bound), the largest number a consultation can show", at: yaml.location(of: item), id: "range-bound-out-of-range")
                    }
                }
                if let minimum = question.minimum, let maximum = question.maximum, minimum > maximum {
                    log.error("the range [\(NumberFormatting.plain(minimum)), \(NumberFormatting.plain(maximum))] is empty: the minimum is above the maximum", at: yaml.location(of: node), id: "empty-range")
                }
                let fractional = [question.minimum, question.maximum].contains { $0.map { $0.rounded() != $0 } ?? false }
                question.integer = !fractional
            } else {
                log.error("'range' should be [MINIMUM, MAXIMUM]", at: yaml.location(of: node), id: "bad-range")
            }
        }
        if let node = mapping["unit"] { question.unit = yaml.text(node, "the unit", log: &log) }
        if let node = mapping["pattern"], let pattern = yaml.string(node, "pattern", log: &log) {
            if (try? NSRegularExpression(pattern: pattern)) == nil {
                log.error("'\(pattern)' is not a valid regular expression", at: yaml.textLocation(of: node), id: "bad-pattern")
            } else {
                question.pattern = pattern
            }
        }
        if let node = mapping["required"] { question.required = yaml.bool(node, "required", log: &log) ?? true }
        if let node = mapping["why"] { question.why = yaml.text(node, "why", log: &log) }
        if let node = mapping["identifies"], let word = yaml.string(node, "identifies", log: &log) {
            let names = PatientIdentifier.allCases.map(\.rawValue)
            if let identifier = PatientIdentifier(rawValue: word) {
                if identifier.questionType == type {
                    question.identifies = identifier
                } else {
                    log.error("a question that identifies the patient by \(word) must be a \(identifier.questionType.rawValue) question, and '\(id)' is \(typeName)", at: yaml.location(of: node), id: "identifier-type")
                }
            } else {
                log.error("unknown identifier '\(word)'\(Suggestion.didYouMean(word, in: names, otherwise: "use one of \(names.joined(separator: ", "))"))", at: yaml.location(of: node), id: "unknown-identifier")
            }
        }
        if let node = mapping["terms"], let terms = yaml.words(node, "terms", item: "a term", log: &log) {
            question.terms = terms
        }
        if let node = mapping["readback"], let readback = yaml.mapping(node, "readback", log: &log) {
            let answers = type == .yesNoUnsure ? ["yes", "no", "unsure"] : ["yes", "no"]
            readback.reportUnknownKeys(allowed: answers, in: "the readback of '\(id)'", log: &log)
            for answer in answers {
                if let text = readback[answer].flatMap({ yaml.text($0, "the readback for \(answer)", log: &log) }),
                   let word = YesNoUnsure(rawValue: answer) {
                    question.readback[word] = text
                }
            }
        }
        return question
    }

    private mutating func parseOption(_ node: Yams.Node) -> QuestionOption? {
        guard let mapping = yaml.mapping(node, "an option", log: &log) else { return nil }
        mapping.reportUnknownKeys(allowed: ["id", "label", "synonyms"], in: "an option", log: &log)
        guard let idNode = mapping.required("id", in: "an option", log: &log),
              let id = yaml.identifier(idNode, "the option id", log: &log),
              let labelNode = mapping.required("label", in: "the option '\(id)'", log: &log),
              let label = yaml.text(labelNode, "the label of '\(id)'", log: &log) else { return nil }
        let synonyms = mapping["synonyms"].flatMap { yaml.words($0, "synonyms", item: "a synonym", log: &log) } ?? LocalizedWords()
        return QuestionOption(id: id, label: label, synonyms: synonyms, location: yaml.location(of: idNode))
    }

    private mutating func parseTopic(_ value: Yams.Node, mapping: YAMLMapping) -> Topic? {
        guard let id = yaml.identifier(value, "the topic id", log: &log) else { return nil }
        let title = mapping.required("title", in: "the topic '\(id)'", log: &log).flatMap { yaml.text($0, "the title", log: &log) }
        let text = mapping.required("text", in: "the topic '\(id)'", log: &log).flatMap { yaml.text($0, "the text", log: &log) }
        let more = mapping["more"].flatMap { yaml.text($0, "more", log: &log) }
        guard let title, let text else { return nil }
        return Topic(id: id, title: title, text: text, more: more)
    }

    // MARK: - Rules, FAQ, estimate

    private mutating func parseRule(_ node: Yams.Node, dialog: String) -> ScreeningRule? {
        guard let mapping = yaml.mapping(node, "a rule", log: &log) else { return nil }
        mapping.reportUnknownKeys(allowed: ["id", "when", "outcome", "reason", "patient"], in: "a rule", log: &log)
        guard let idNode = mapping.required("id", in: "a rule", log: &log),
              let id = yaml.identifier(idNode, "the rule id", log: &log) else { return nil }
        let what = "the rule '\(id)'"
        let condition = mapping.required("when", in: what, log: &log).flatMap { yaml.expression($0, "the condition of '\(id)'", log: &log) }
        var effect: RuleEffect?
        if let node = mapping.required("outcome", in: what, log: &log), let name = yaml.string(node, "outcome", log: &log) {
            effect = RuleEffect(rawValue: name)
            if effect == nil {
                let names = RuleEffect.allCases.map(\.rawValue)
                log.error("unknown outcome '\(name)'\(Suggestion.didYouMean(name, in: names, otherwise: "use one of \(names.joined(separator: ", "))"))", at: yaml.location(of: node), id: "unknown-outcome")
            }
        }
        let reasonNode = mapping.required("reason", in: what, log: &log)
        let reason = reasonNode.flatMap { yaml.string($0, "reason", log: &log) }
        let patient = mapping["patient"].flatMap { yaml.text($0, "the patient's message", log: &log) }
        guard let condition, let effect, let reason else { return nil }
        var rule = ScreeningRule(id: id, condition: condition, effect: effect, reason: reason, patientMessage: patient,
                                 location: yaml.location(of: idNode), dialog: dialog)
        if let reasonNode { rule.reasonLocation = yaml.textLocation(of: reasonNode) }
        return rule
    }

    private mutating func parseFAQ(_ node: Yams.Node) -> FAQEntry? {
        guard let mapping = yaml.mapping(node, "an FAQ entry", log: &log) else { return nil }
        mapping.reportUnknownKeys(allowed: ["id", "questions", "keywords", "answer"], in: "an FAQ entry", log: &log)
        guard let idNode = mapping.required("id", in: "an FAQ entry", log: &log),
              let id = yaml.identifier(idNode, "the FAQ id", log: &log) else { return nil }
        let what = "the FAQ entry '\(id)'"
        let questions = mapping.required("questions", in: what, log: &log)
            .flatMap { yaml.words($0, "questions", item: "a question", log: &log) } ?? LocalizedWords()
        let keywords = mapping["keywords"].flatMap { yaml.words($0, "keywords", item: "a keyword", log: &log) } ?? LocalizedWords()
        let answer = mapping.required("answer", in: what, log: &log).flatMap { yaml.text($0, "the answer", log: &log) }
        guard let answer else { return nil }
        if questions.english.isEmpty, keywords.english.isEmpty {
            log.error("\(what) has no questions or keywords, so no patient can reach it", at: yaml.location(of: idNode), id: "unreachable-faq-entry")
        }
        return FAQEntry(id: id, questions: questions, keywords: keywords, answer: answer, location: yaml.location(of: idNode))
    }

    /// `faq_retrieval: { answer_at: 0.5, margin: 0.2, offer_at: 0.3 }`: each key optional, each a score from 0 to 1,
    /// `offer_at` not above `answer_at`. `nil` after an error.
    private mutating func parseFAQRetrieval(_ node: Yams.Node) -> FAQRetrievalSettings? {
        guard let mapping = yaml.mapping(node, "faq_retrieval", log: &log) else { return nil }
        mapping.reportUnknownKeys(allowed: ["answer_at", "margin", "offer_at"], in: "faq_retrieval", log: &log)
        var settings = FAQRetrievalSettings.standard
        /// Reads one score into `value`; false after reporting a value that is not one.
        func score(_ key: String, into value: inout Double) -> Bool {
            guard let node = mapping[key] else { return true }
            guard let number = yaml.number(node, "'\(key)'", log: &log) else { return false }
            guard (0...1).contains(number) else {
                log.error("'\(key)' should be a score from 0 to 1, not \(NumberFormatting.plain(number))", at: yaml.location(of: node), id: "faq-score-out-of-range")
                return false
            }
            value = number
            return true
        }
        let answerRead = score("answer_at", into: &settings.answerAt)
        let offerRead = score("offer_at", into: &settings.offerAt)
        var valid = score("margin", into: &settings.margin) && answerRead && offerRead
        if answerRead, offerRead, settings.offerAt > settings.answerAt {
            let place = mapping["offer_at"] ?? mapping["answer_at"] ?? node
            log.error("'offer_at' (\(NumberFormatting.plain(settings.offerAt))) should not be above 'answer_at' (\(NumberFormatting.plain(settings.answerAt))): "
                      + "offering an entry asks for less certainty than answering it", at: yaml.location(of: place), id: "faq-offer-above-answer")
            valid = false
        }
        return valid ? settings : nil
    }

    private mutating func parseEstimate(_ node: Yams.Node) -> EstimateSpecification? {
        guard let mapping = yaml.mapping(node, "estimate", log: &log) else { return nil }
        mapping.reportUnknownKeys(allowed: ["sessions", "price_per_session"], in: "estimate", log: &log)
        guard let sessionsNode = mapping.required("sessions", in: "estimate", log: &log),
              let priceNode = mapping.required("price_per_session", in: "estimate", log: &log),
              let sessions = yaml.sequence(sessionsNode, "sessions", log: &log) else { return nil }
        guard sessions.count == 2 else {
            log.error("'sessions' should be [MINIMUM, MAXIMUM]", at: yaml.location(of: sessionsNode), id: "bad-sessions")
            return nil
        }
        guard let minimum = yaml.expression(sessions[0], "the minimum sessions", log: &log),
              let maximum = yaml.expression(sessions[1], "the maximum sessions", log: &log),
              let price = yaml.expression(priceNode, "the price per session", log: &log) else { return nil }
        return EstimateSpecification(sessionsMinimum: minimum, sessionsMaximum: maximum, pricePerSession: price, location: mapping.location)
    }
}

import Foundation
