/// Joins parsed dialog files into one ``Consultation`` and checks everything that spans files:
/// ids, references, types, flow, rules and translations.
struct ConsultationLinker {
    /// The built-in name conditions may read for the screening outcome so far.
    static let outcomeName = "outcome"
    static let outcomeOptions = ["proceed", "review", "defer", "decline"]

    var files: [DialogFile]
    var settings: [String: Value]
    var settingsLocations: [String: SourceLocation]
    var settingsFile: String?
    var sources: SourceFiles
    /// Whether to analyse the flow; not when the files had errors that dropped nodes or cases,
    /// which would make the analysis report problems that are not there.
    var checksFlow: Bool
    var log = DiagnosticLog()

    init(files: [DialogFile], settings: [String: Value], settingsLocations: [String: SourceLocation], settingsFile: String?,
         sources: SourceFiles, checksFlow: Bool) {
        self.files = files
        self.settings = settings
        self.settingsLocations = settingsLocations
        self.settingsFile = settingsFile
        self.sources = sources
        self.checksFlow = checksFlow
    }

    mutating func link() -> Consultation? {
        var dialogs: [String: Dialog] = [:]
        var order: [String] = []
        for file in files {
            if let existing = dialogs[file.dialog.id] {
                log.error("the dialog id '\(file.dialog.id)' is already used by \(existing.file)", at: file.dialog.location, id: "duplicate-dialog-id")
                continue
            }
            dialogs[file.dialog.id] = file.dialog
            order.append(file.dialog.id)
        }
        guard let entryFile = findEntry(dialogs: dialogs) else { return nil }
        let languages = entryFile.languages ?? ["en"]
        if entryFile.version == nil {
            log.error("the entry dialog needs a 'version' (it is written into every summary)", at: entryFile.dialog.location, id: "entry-without-version")
        }

        checkNodeIDs(dialogs)
        let questions = collectQuestions(dialogs)
        var consultation = Consultation(
            identity: DialogIdentity(id: entryFile.dialog.id, version: entryFile.version ?? "0",
                                     title: entryFile.dialog.title?.template(in: "en") ?? entryFile.dialog.id),
            entry: entryFile.dialog.id, dialogs: dialogs, dialogOrder: order, languages: languages,
            settings: settings, computed: [:], rules: [], faqEntries: LazyValue(made: []), synonyms: [:],
            faqRetrieval: entryFile.faqRetrieval ?? .standard, estimate: nil, highlights: [],
            questions: questions, bindings: [:], settingsFile: settingsFile
        )
        consultation.control = DialogControl(dialogs: dialogs, order: order, entry: entryFile.dialog.id)
        collectDeclarations(into: &consultation)
        bindNames(in: &consultation)

        var checker = ConsultationChecker(consultation: consultation, sources: sources, checksFlow: checksFlow)
        checker.checkAll()
        log.append(contentsOf: checker.log)
        consultation.computed = checker.consultation.computed
        return consultation
    }

    // MARK: - Entry

    private mutating func findEntry(dialogs: [String: Dialog]) -> DialogFile? {
        let marked = files.filter(\.entry)
        if marked.count > 1 {
            for file in marked.dropFirst() {
                log.error("more than one dialog is marked 'entry: true' (also '\(marked[0].dialog.id)')", at: file.dialog.location, id: "several-entries")
            }
            return nil
        }
        if let entry = marked.first { return entry }
        if files.count == 1 { return files[0] }
        let called = Set(files.flatMap { file in
            file.dialog.nodes.compactMap { node -> String? in
                if case let .call(reference) = node.kind { return reference.id }
                return nil
            }
        })
        let roots = files.filter { !called.contains($0.dialog.id) }
        if roots.count == 1 { return roots[0] }
        log.error("several dialogs and none is marked 'entry: true'; add 'entry: true' to the one the consultation starts with", at: files[0].dialog.location, id: "no-entry-marked")
        return nil
    }

    // MARK: - Ids

    private mutating func checkNodeIDs(_ dialogs: [String: Dialog]) {
        for dialog in dialogs.values {
            var seen: [String: SourceLocation] = [:]
            for node in dialog.nodes {
                guard let id = node.id else { continue }
                if let first = seen[id] {
                    log.error("duplicate node id '\(id)'", at: node.location, id: "duplicate-node-id",
                              notes: [.init(at: first, "'\(id)' is first used here")])
                } else {
                    seen[id] = node.location
                }
            }
        }
    }

    private mutating func collectQuestions(_ dialogs: [String: Dialog]) -> [String: NodeAddress] {
        var questions: [String: NodeAddress] = [:]
        for file in files {
            guard dialogs[file.dialog.id]?.file == file.dialog.file else { continue }
            for (index, node) in file.dialog.nodes.enumerated() {
                guard case let .ask(question) = node.kind else { continue }
                if let existing = questions[question.id], existing.dialog != file.dialog.id {
                    let other = dialogs[existing.dialog]?.nodes[existing.index].location
                    log.error("duplicate answer id '\(question.id)'; every question needs its own id", at: node.location,
                              id: "duplicate-answer-id", notes: other.map { [.init(at: $0, "'\(question.id)' is also asked here")] } ?? [])
                } else if questions[question.id] == nil {
                    questions[question.id] = NodeAddress(dialog: file.dialog.id, index: index)
                }
            }
        }
        return questions
    }

    private mutating func collectDeclarations(into consultation: inout Consultation) {
        var ruleIDs: [String: SourceLocation] = [:]
        var faqIDs: [String: SourceLocation] = [:]
        for file in files where consultation.dialogs[file.dialog.id]?.file == file.dialog.file {
            for rule in file.rules {
                if let first = ruleIDs[rule.id] {
                    log.error("duplicate rule id '\(rule.id)'", at: rule.location, id: "duplicate-rule-id",
                              notes: [.init(at: first, "'\(rule.id)' is first used here")])
                    continue
                }
                ruleIDs[rule.id] = rule.location
                consultation.rules.append(rule)
            }
            for entry in file.faq {
                if let first = faqIDs[entry.id] {
                    log.error("duplicate FAQ id '\(entry.id)'", at: entry.location, id: "duplicate-faq-id",
                              notes: [.init(at: first, "'\(entry.id)' is first used here")])
                    continue
                }
                faqIDs[entry.id] = entry.location
                consultation.faq.append(entry)
            }
            for value in file.computed {
                if let existing = consultation.computed[value.name] {
                    log.error("duplicate computed value '\(value.name)'", at: value.location, id: "duplicate-computed-value",
                              notes: [.init(at: existing.location, "'\(value.name)' is first defined here")])
                    continue
                }
                consultation.computed[value.name] = value
            }
            for (word, others) in file.synonyms { consultation.synonyms[word, default: []] += others }
            for (language, words) in file.translatedSynonyms {
                for (word, others) in words { consultation.translatedSynonyms[language, default: [:]][word, default: []] += others }
            }
            if let estimate = file.estimate {
                if consultation.estimate != nil {
                    log.error("only one dialog may define 'estimate'", at: estimate.location, id: "several-estimates")
                } else {
                    consultation.estimate = estimate
                }
            }
            for highlight in file.highlights {
                guard consultation.questions[highlight.id] != nil else {
                    log.error("highlight '\(highlight.id)' is not a question's id\(Suggestion.didYouMean(highlight.id, in: consultation.questions.keys))", at: highlight.location, id: "unknown-highlight")
                    continue
                }
                if !consultation.highlights.contains(highlight.id) { consultation.highlights.append(highlight.id) }
            }
            if file.dialog.id != consultation.entry, let location = file.faqRetrievalLocation {
                log.warning("only the entry dialog's 'faq_retrieval' counts; move it to '\(consultation.entry)'", at: location, id: "faq-retrieval-outside-entry")
            }
            if file.languages != nil, file.dialog.id != consultation.entry, let location = file.languagesLocation,
               file.languages != consultation.languages {
                log.warning("only the entry dialog's 'languages' count; this list differs from it", at: location, id: "languages-outside-entry")
            }
        }
    }

    // MARK: - Names

    private mutating func bindNames(in consultation: inout Consultation) {
        var bindings: [String: NameBinding] = [:]
        bindings[Self.outcomeName] = NameBinding(.choice(question: Self.outcomeName, options: Self.outcomeOptions), origin: .builtin)
        for (name, value) in settings {
            let type: ValueType
            switch value {
            case .number: type = .number
            case .boolean: type = .boolean
            default: type = .text
            }
            if name == Self.outcomeName, let location = settingsLocations[name] {
                log.error("'\(name)' is a built-in name (the screening outcome so far); rename the setting", at: location, id: "setting-named-outcome")
                continue
            }
            bindings[name] = NameBinding(type, origin: .setting)
        }
        for (id, address) in consultation.questions.sorted(by: { $0.key < $1.key }) {
            guard let question = consultation.question(id) else { continue }
            let location = consultation.node(at: address)?.location ?? question.location
            if id == Self.outcomeName {
                log.error("'\(id)' is a built-in name (the screening outcome so far); choose another answer id", at: location, id: "answer-named-outcome")
                continue
            }
            if bindings[id]?.origin == .setting {
                log.error("the answer id '\(id)' is also the name of a setting; rename one of them", at: location, id: "answer-named-like-setting")
                continue
            }
            let type: ValueType?
            switch question.type {
            case .yesNo: type = .yesNo(question: id, allowsUnsure: false)
            case .yesNoUnsure: type = .yesNo(question: id, allowsUnsure: true)
            case .choice: type = .choice(question: id, options: question.options.map(\.id))
            case .multipleChoice: type = .choices(question: id, options: question.options.map(\.id) + (question.noneLabel == nil ? [] : []))
            case .number: type = .number
            case .date: type = .date
            case .text: type = .text
            case .continue: type = nil
            }
            if let type { bindings[id] = NameBinding(type, origin: .answer) }
        }
        for value in consultation.computed.values.sorted(by: { $0.location < $1.location }) where bindings[value.name] != nil {
            log.error("the computed value '\(value.name)' has the same name as \(bindings[value.name]?.origin == .setting ? "a setting" : "an answer or a built-in name")", at: value.location, id: "computed-value-name-taken")
            consultation.computed[value.name] = nil
        }
        consultation.bindings = bindings
    }
}
