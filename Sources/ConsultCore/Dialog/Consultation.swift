/// A loaded and checked consultation: the entry dialog, the dialogs it calls, settings, rules and FAQ.
///
/// Built only by ``ConsultationLoader``, which guarantees that every reference
/// resolves and every expression type-checks, so running it cannot fail. Nothing outside the core can change it
/// (its properties are read-only there), so what was checked is what runs.
public struct Consultation: Sendable, Equatable {
    public internal(set) var identity: DialogIdentity
    /// The id of the dialog the consultation starts with.
    public internal(set) var entry: String
    public internal(set) var dialogs: [String: Dialog]
    /// Dialog ids in the order their files were read.
    public internal(set) var dialogOrder: [String]
    public internal(set) var languages: [String]
    public internal(set) var settings: [String: Value]
    public internal(set) var computed: [String: ComputedValue]
    public internal(set) var rules: [ScreeningRule]
    public internal(set) var faq: [FAQEntry] {
        get { faqEntries.value }
        set { faqEntries = LazyValue(made: newValue) }
    }
    /// The FAQ entries; a compiled form's are decoded when first read (a patient's first question of their own),
    /// not at every start: they are a third of the bundled consultation's compiled form.
    var faqEntries: LazyValue<[FAQEntry]>
    /// FAQ synonyms in English: word → words meaning the same.
    public internal(set) var synonyms: [String: [String]]
    /// The program's own words in each language other than English (`languages/CODE/messages.yaml`).
    public internal(set) var catalogs: [String: MessageCatalog] = [:]
    /// How answers are read in each language other than English (`languages/CODE/reading.yaml`), as written.
    public internal(set) var readingSources: [String: ReadingSource] = [:]
    /// FAQ synonyms in other languages, by language code (`synonyms: {es: {…}}`).
    public internal(set) var translatedSynonyms: [String: [String: [String]]] = [:]
    /// When an FAQ entry is answered, offered or left to staff (the entry dialog's `faq_retrieval`).
    public internal(set) var faqRetrieval: FAQRetrievalSettings
    public internal(set) var estimate: EstimateSpecification?
    public internal(set) var highlights: [String]
    /// Where each question is, by answer id.
    public internal(set) var questions: [String: NodeAddress]
    /// Every name expressions may read, with its type.
    public internal(set) var bindings: [String: NameBinding]
    /// The settings file, if any.
    public internal(set) var settingsFile: String?
    /// Where control goes from each node; set by the linker once the dialogs are read.
    public internal(set) var control = DialogControl(dialogs: [:], order: [], entry: "")
    /// The FAQ index, built once for all the sessions of this consultation (see ``FAQRetrieverCache``).
    var faqRetrieverCache = FAQRetrieverCache()
    /// The reading languages, parsed once for all the sessions of this consultation.
    var readingLanguageCache = ReadingLanguageCache()
    /// The questions' readers, prepared once for all the sessions of this consultation (see ``QuestionReaderCache``).
    var questionReaderCache = QuestionReaderCache()
    /// The texts with values, parsed once for all the sessions of this consultation (see ``TextTemplateCache``).
    var textTemplateCache = TextTemplateCache()

    /// The node at an address.
    public func node(at address: NodeAddress) -> DialogNode? {
        guard let dialog = dialogs[address.dialog], dialog.nodes.indices.contains(address.index) else { return nil }
        return dialog.nodes[address.index]
    }

    /// The question stored under an answer id.
    public func question(_ id: String) -> Question? {
        guard let address = questions[id], let node = node(at: address), case let .ask(question) = node.kind else { return nil }
        return question
    }
}

/// A named expression (`sessions_min: "if acne_scars in concern then 3 else 2"`).
public struct ComputedValue: Sendable, Equatable {
    public var name: String
    public var expression: Expression
    public var source: String
    public var location: SourceLocation
    public var type: ValueType?
}

/// A screening rule: when its condition holds, an outcome or a note.
public struct ScreeningRule: Sendable, Equatable {
    public var id: String
    public var condition: WrittenExpression
    public var effect: RuleEffect
    /// Plain-language reason for staff; `{name}` shows a value (`less than {isotretinoin_wait_months} months`).
    public var reason: String
    /// Kind words for the patient.
    public var patientMessage: LocalizedText?
    public var location: SourceLocation
    /// The dialog that declares the rule.
    public var dialog: String
    /// Where the reason's text starts, for messages about the values in it.
    public var reasonLocation: SourceLocation? = nil
    /// Whether the rule fired only possibly, because a date it reads is vague.
    public var isPossible = false

    /// The rule as it fires when a vague date leaves it undecided: a review at most (a note stays a note),
    /// with the reason saying so and the patient told that a clinician will check the dates.
    ///
    /// - Parameter catalogs: the program's words in the consultation's other languages, for the patient's message.
    public func possibly(_ ranges: [DateRange], catalogs: [String: MessageCatalog] = [:]) -> ScreeningRule {
        var rule = self
        rule.isPossible = true
        switch effect {
        case .defer, .decline, .review: rule.effect = .review
        case .precaution, .info: break
        }
        let dates = ranges.map(\.spoken).joined(separator: "; ")
        rule.reason = "Possibly: \(reason) The date given is vague (read as \(dates)), so a clinician should check it."
        var messages = ["en": MessageCatalog.english.text(.possibleRulePatientMessage)]
        for (language, catalog) in catalogs { messages[language] = catalog.text(.possibleRulePatientMessage) }
        rule.patientMessage = LocalizedText(messages, at: location)
        return rule
    }
}

/// An answer to a question patients ask in their own words.
public struct FAQEntry: Sendable, Equatable {
    public var id: String
    /// Example questions patients ask; a language's own list replaces the English one in its sessions.
    public var questions: LocalizedWords
    public var keywords: LocalizedWords
    public var answer: LocalizedText
    public var location: SourceLocation
}

/// How to compute the cost estimate.
public struct EstimateSpecification: Sendable, Equatable {
    public var sessionsMinimum: WrittenExpression
    public var sessionsMaximum: WrittenExpression
    public var pricePerSession: WrittenExpression
    public var location: SourceLocation
}

extension Consultation {
    /// The program's own words in `language`: its catalog, or English.
    public func catalog(for language: String) -> MessageCatalog {
        catalogs[language] ?? .english
    }

    /// The FAQ synonyms for sessions in `language`: its own, or the English ones for English.
    public func synonyms(in language: String) -> [String: [String]] {
        language == "en" ? synonyms : translatedSynonyms[language] ?? [:]
    }
}
