/// A part of a consultation that has a compiled form.
///
/// Each type writes every stored property and reads it back through its memberwise initialiser, so a
/// property added to the model without a default stops the build here until it is written too; one with a
/// default is caught by `CompiledConsultationTests` (a warm load must equal a cold one).
protocol CompiledFormCodable {
    func write(to writer: inout CompiledFormWriter)
    init(from reader: inout CompiledFormReader) throws(CompiledFormReader.Damaged)
}

/// Why a compiled form could not be read.
typealias CompiledFormDamage = CompiledFormReader.Damaged

extension CompiledFormWriter {
    mutating func write<Value: CompiledFormCodable>(_ value: Value) {
        value.write(to: &self)
    }

    mutating func write<Value: CompiledFormCodable>(_ value: Value?) {
        writeOptional(value) { $0.write($1) }
    }

    mutating func write<Value: CompiledFormCodable>(_ values: [Value]) {
        writeArray(values) { $0.write($1) }
    }

    mutating func write<Value: CompiledFormCodable>(_ values: [String: Value]) {
        writeDictionary(values) { $0.write($1) }
    }
}

extension CompiledFormReader {
    @inline(__always)
    mutating func read<Value: CompiledFormCodable>(_: Value.Type = Value.self) throws(CompiledFormDamage) -> Value {
        try Value(from: &self)
    }

    @inline(__always)
    mutating func readOptional<Value: CompiledFormCodable>(_: Value.Type = Value.self) throws(CompiledFormDamage) -> Value? {
        try readOptional { reader throws(CompiledFormDamage) in try Value(from: &reader) }
    }

    @inline(__always)
    mutating func readArray<Value: CompiledFormCodable>(_: Value.Type = Value.self) throws(CompiledFormDamage) -> [Value] {
        try readArray { reader throws(CompiledFormDamage) in try Value(from: &reader) }
    }

    @inline(__always)
    mutating func readDictionary<Value: CompiledFormCodable>(_: Value.Type = Value.self) throws(CompiledFormDamage) -> [String: Value] {
        try readDictionary { reader throws(CompiledFormDamage) in try Value(from: &reader) }
    }

    /// A case of an enum stored by its raw value.
    mutating func readRaw<Value: RawRepresentable>(_: Value.Type) throws(CompiledFormDamage) -> Value where Value.RawValue == String {
        let raw = try readString()
        guard let value = Value(rawValue: raw) else { throw CompiledFormDamage(reason: "'\(raw)' is not a \(Value.self)") }
        return value
    }
}

// MARK: - The consultation

extension Consultation: CompiledFormCodable {
    func write(to writer: inout CompiledFormWriter) {
        writer.write(identity)
        writer.write(entry)
        writer.write(dialogOrder.compactMap { dialogs[$0] })
        writer.write(languages)
        writer.write(settings)
        writer.write(computed)
        writer.write(rules)
        // A section: a start need not read the FAQ (see `faqEntries`).
        writer.writeSection { $0.write(faq) }
        writer.writeDictionary(synonyms) { $0.write($1) }
        writer.writeDictionary(catalogs) { $1.write(to: &$0) }
        writer.writeDictionary(readingSources) { writer, source in
            writer.write(source.text)
            writer.write(source.file)
        }
        writer.writeDictionary(translatedSynonyms) { writer, words in writer.writeDictionary(words) { $0.write($1) } }
        writer.write(faqRetrieval)
        writer.write(estimate)
        writer.write(highlights)
        writer.write(questions)
        writer.write(bindings)
        writer.write(settingsFile)
    }

    init(from reader: inout CompiledFormReader) throws(CompiledFormDamage) {
        let identity = try reader.read(DialogIdentity.self)
        let entry = try reader.readString()
        let dialogList = try reader.readArray(Dialog.self)
        var dialogs: [String: Dialog] = [:]
        for dialog in dialogList { dialogs[dialog.id] = dialog }
        guard dialogs.count == dialogList.count, dialogs[entry] != nil else { throw CompiledFormDamage(reason: "its dialogs do not match its entry") }
        self.init(
            identity: identity, entry: entry, dialogs: dialogs, dialogOrder: dialogList.map(\.id),
            languages: try reader.readStrings(), settings: try reader.readDictionary(Value.self),
            computed: try reader.readDictionary(ComputedValue.self), rules: try reader.readArray(ScreeningRule.self),
            faqEntries: Self.entries(in: try reader.section()),
            synonyms: try reader.readDictionary { reader throws(CompiledFormDamage) in try reader.readStrings() },
            catalogs: try reader.readDictionary(MessageCatalog.self),
            // Kept as written and parsed when a session in the language starts: a warm start parses nothing.
            readingSources: try reader.readDictionary { reader throws(CompiledFormDamage) in
                ReadingSource(text: try reader.readString(), file: try reader.readString())
            },
            translatedSynonyms: try reader.readDictionary { reader throws(CompiledFormDamage) in
                try reader.readDictionary { reader throws(CompiledFormDamage) in try reader.readStrings() }
            },
            faqRetrieval: try reader.read(FAQRetrievalSettings.self),
            estimate: try reader.readOptional(EstimateSpecification.self), highlights: try reader.readStrings(),
            questions: try reader.readDictionary(NodeAddress.self), bindings: try reader.readDictionary(NameBinding.self),
            settingsFile: try reader.readOptionalString()
        )
        // Derived from the dialogs, as the linker derives it: not stored, so it cannot disagree with them.
        control = DialogControl(dialogs: dialogs, order: dialogList.map(\.id), entry: entry)
    }
}

extension Consultation {
    /// The FAQ entries of a compiled form's section, decoded when first read.
    ///
    /// The payload's CRC-32 was checked before anything was decoded, so a section that does not read back can only
    /// come from a program error; it must not crash a patient's session, and a consultation without FAQ entries
    /// still notes every question for staff.
    static func entries(in section: CompiledFormReader) -> LazyValue<[FAQEntry]> {
        LazyValue {
            var reader = section
            guard let entries = try? reader.readArray(FAQEntry.self), reader.isAtEnd else { return [] }
            return entries
        }
    }
}

extension DialogIdentity: CompiledFormCodable {
    func write(to writer: inout CompiledFormWriter) {
        writer.write(id)
        writer.write(version)
        writer.write(title)
    }

    init(from reader: inout CompiledFormReader) throws(CompiledFormDamage) {
        self.init(id: try reader.readString(), version: try reader.readString(), title: try reader.readString())
    }
}

extension FAQRetrievalSettings: CompiledFormCodable {
    func write(to writer: inout CompiledFormWriter) {
        writer.write(answerAt)
        writer.write(margin)
        writer.write(offerAt)
    }

    init(from reader: inout CompiledFormReader) throws(CompiledFormDamage) {
        self.init(answerAt: try reader.readDouble(), margin: try reader.readDouble(), offerAt: try reader.readDouble())
    }
}

extension ComputedValue: CompiledFormCodable {
    func write(to writer: inout CompiledFormWriter) {
        writer.write(name)
        writer.write(expression)
        writer.write(source)
        writer.write(location)
        writer.write(type)
    }

    init(from reader: inout CompiledFormReader) throws(CompiledFormDamage) {
        self.init(name: try reader.readString(), expression: try reader.read(), source: try reader.readString(),
                  location: try reader.read(), type: try reader.readOptional(ValueType.self))
    }
}

extension ScreeningRule: CompiledFormCodable {
    func write(to writer: inout CompiledFormWriter) {
        writer.write(id)
        writer.write(condition)
        writer.write(effect.rawValue)
        writer.write(reason)
        writer.write(patientMessage)
        writer.write(location)
        writer.write(dialog)
        writer.write(reasonLocation)
        writer.write(isPossible)
    }

    init(from reader: inout CompiledFormReader) throws(CompiledFormDamage) {
        self.init(id: try reader.readString(), condition: try reader.read(), effect: try reader.readRaw(RuleEffect.self),
                  reason: try reader.readString(), patientMessage: try reader.readOptional(LocalizedText.self),
                  location: try reader.read(), dialog: try reader.readString(),
                  reasonLocation: try reader.readOptional(SourceLocation.self), isPossible: try reader.readBool())
    }
}

extension FAQEntry: CompiledFormCodable {
    func write(to writer: inout CompiledFormWriter) {
        writer.write(id)
        writer.write(questions)
        writer.write(keywords)
        writer.write(answer)
        writer.write(location)
    }

    init(from reader: inout CompiledFormReader) throws(CompiledFormDamage) {
        self.init(id: try reader.readString(), questions: try reader.read(), keywords: try reader.read(),
                  answer: try reader.read(), location: try reader.read())
    }
}

extension EstimateSpecification: CompiledFormCodable {
    func write(to writer: inout CompiledFormWriter) {
        writer.write(sessionsMinimum)
        writer.write(sessionsMaximum)
        writer.write(pricePerSession)
        writer.write(location)
    }

    init(from reader: inout CompiledFormReader) throws(CompiledFormDamage) {
        self.init(sessionsMinimum: try reader.read(), sessionsMaximum: try reader.read(),
                  pricePerSession: try reader.read(), location: try reader.read())
    }
}

// MARK: - Dialogs and nodes

extension Dialog: CompiledFormCodable {
    func write(to writer: inout CompiledFormWriter) {
        writer.write(id)
        writer.write(title)
        writer.write(file)
        writer.write(location)
        writer.write(nodes)
    }

    init(from reader: inout CompiledFormReader) throws(CompiledFormDamage) {
        self.init(id: try reader.readString(), title: try reader.readOptional(LocalizedText.self),
                  file: try reader.readString(), location: try reader.read(), nodes: try reader.readArray(DialogNode.self))
    }
}

extension NodeAddress: CompiledFormCodable {
    func write(to writer: inout CompiledFormWriter) {
        writer.write(dialog)
        writer.write(index)
    }

    init(from reader: inout CompiledFormReader) throws(CompiledFormDamage) {
        self.init(dialog: try reader.readString(), index: try reader.readInt())
    }
}

extension DialogNode: CompiledFormCodable {
    func write(to writer: inout CompiledFormWriter) {
        writer.write(id)
        writer.write(location)
        writer.write(next)
        switch kind {
        case let .say(text):
            writer.writeTag(0)
            writer.write(text)
        case let .ask(question):
            writer.writeTag(1)
            writer.write(question)
        case let .explain(topic):
            writer.writeTag(2)
            writer.write(topic)
        case let .branch(cases, otherwise):
            writer.writeTag(3)
            writer.write(cases)
            writer.write(otherwise)
        case let .call(reference):
            writer.writeTag(4)
            writer.write(reference)
        case .returnToCaller:
            writer.writeTag(5)
        case let .end(text):
            writer.writeTag(6)
            writer.write(text)
        case let .outcome(text):
            writer.writeTag(7)
            writer.write(text)
        }
    }

    init(from reader: inout CompiledFormReader) throws(CompiledFormDamage) {
        let id = try reader.readOptionalString()
        let location = try reader.read(SourceLocation.self)
        let next = try reader.readOptional(NodeReference.self)
        let kind: Kind
        switch try reader.readTag() {
        case 0: kind = .say(try reader.read())
        case 1: kind = .ask(try reader.read())
        case 2: kind = .explain(try reader.read())
        case 3: kind = .branch(try reader.readArray(BranchCase.self), otherwise: try reader.readOptional(NodeReference.self))
        case 4: kind = .call(try reader.read())
        case 5: kind = .returnToCaller
        case 6: kind = .end(try reader.readOptional(LocalizedText.self))
        case 7: kind = .outcome(try reader.readOptional(LocalizedText.self))
        case let tag: throw CompiledFormDamage(reason: "\(tag) is not a kind of node")
        }
        self.init(id: id, location: location, next: next, kind: kind)
    }
}

extension NodeReference: CompiledFormCodable {
    func write(to writer: inout CompiledFormWriter) {
        writer.write(id)
        writer.write(location)
    }

    init(from reader: inout CompiledFormReader) throws(CompiledFormDamage) {
        self.init(id: try reader.readString(), location: try reader.read())
    }
}

extension DialogReference: CompiledFormCodable {
    func write(to writer: inout CompiledFormWriter) {
        writer.write(id)
        writer.write(location)
    }

    init(from reader: inout CompiledFormReader) throws(CompiledFormDamage) {
        self.init(id: try reader.readString(), location: try reader.read())
    }
}

extension BranchCase: CompiledFormCodable {
    func write(to writer: inout CompiledFormWriter) {
        writer.write(condition)
        writer.write(target)
    }

    init(from reader: inout CompiledFormReader) throws(CompiledFormDamage) {
        self.init(condition: try reader.read(), target: try reader.read())
    }
}

extension Question: CompiledFormCodable {
    func write(to writer: inout CompiledFormWriter) {
        writer.write(id)
        writer.write(text)
        writer.write(type.rawValue)
        writer.write(options)
        writer.write(noneLabel)
        writer.writeOptional(minimum) { $0.write($1) }
        writer.writeOptional(maximum) { $0.write($1) }
        writer.write(integer)
        writer.write(unit)
        writer.write(pattern)
        writer.write(required)
        writer.write(why)
        writer.write(terms)
        writer.write(identifies?.rawValue)
        writer.writeArray(readback.sorted { $0.key.rawValue < $1.key.rawValue }) { writer, entry in
            writer.write(entry.key.rawValue)
            writer.write(entry.value)
        }
        writer.write(location)
    }

    init(from reader: inout CompiledFormReader) throws(CompiledFormDamage) {
        let id = try reader.readString()
        let text = try reader.read(LocalizedText.self)
        let type = try reader.readRaw(QuestionType.self)
        let options = try reader.readArray(QuestionOption.self)
        let noneLabel = try reader.readOptional(LocalizedText.self)
        let minimum = try reader.readOptional { reader throws(CompiledFormDamage) in try reader.readDouble() }
        let maximum = try reader.readOptional { reader throws(CompiledFormDamage) in try reader.readDouble() }
        let integer = try reader.readBool()
        let unit = try reader.readOptional(LocalizedText.self)
        let pattern = try reader.readOptionalString()
        let required = try reader.readBool()
        let why = try reader.readOptional(LocalizedText.self)
        let terms = try reader.read(LocalizedWords.self)
        let identifies = try reader.readOptionalString()
        let entries = try reader.readArray { reader throws(CompiledFormDamage) in
            (try reader.readRaw(YesNoUnsure.self), try reader.read(LocalizedText.self))
        }
        var readback: [YesNoUnsure: LocalizedText] = [:]
        readback.reserveCapacity(entries.count)
        for (answer, text) in entries { readback[answer] = text }
        self.init(id: id, text: text, type: type, options: options, noneLabel: noneLabel, minimum: minimum,
                  maximum: maximum, integer: integer, unit: unit, pattern: pattern, required: required, why: why,
                  terms: terms, readback: readback,
                  identifies: try identifies.map { word throws(CompiledFormDamage) in
                      guard let identifier = PatientIdentifier(rawValue: word) else {
                          throw CompiledFormDamage(reason: "an unknown patient identifier '\(word)'")
                      }
                      return identifier
                  },
                  location: try reader.read())
    }
}

extension QuestionOption: CompiledFormCodable {
    func write(to writer: inout CompiledFormWriter) {
        writer.write(id)
        writer.write(label)
        writer.write(synonyms)
        writer.write(location)
    }

    init(from reader: inout CompiledFormReader) throws(CompiledFormDamage) {
        self.init(id: try reader.readString(), label: try reader.read(), synonyms: try reader.read(),
                  location: try reader.read())
    }
}

extension Topic: CompiledFormCodable {
    func write(to writer: inout CompiledFormWriter) {
        writer.write(id)
        writer.write(title)
        writer.write(text)
        writer.write(more)
    }

    init(from reader: inout CompiledFormReader) throws(CompiledFormDamage) {
        self.init(id: try reader.readString(), title: try reader.read(), text: try reader.read(),
                  more: try reader.readOptional(LocalizedText.self))
    }
}

// MARK: - Text and places

extension LocalizedText: CompiledFormCodable {
    func write(to writer: inout CompiledFormWriter) {
        writer.writeDictionary(translations) { $0.write($1) }
        writer.write(location)
        writer.write(locations)
    }

    init(from reader: inout CompiledFormReader) throws(CompiledFormDamage) {
        let translations = try reader.readDictionary { reader throws(CompiledFormDamage) in try reader.readString() }
        self.init(translations, at: try reader.read(), locations: try reader.readDictionary(SourceLocation.self))
    }
}

extension SourceLocation: CompiledFormCodable {
    func write(to writer: inout CompiledFormWriter) {
        writer.write(file)
        writer.write(line)
        writer.write(column)
    }

    init(from reader: inout CompiledFormReader) throws(CompiledFormDamage) {
        self.init(file: try reader.readString(), line: try reader.readInt(), column: try reader.readInt())
    }
}

// MARK: - Expressions, values and types

extension WrittenExpression: CompiledFormCodable {
    func write(to writer: inout CompiledFormWriter) {
        writer.write(expression)
        writer.write(source)
        writer.write(location)
    }

    init(from reader: inout CompiledFormReader) throws(CompiledFormDamage) {
        self.init(expression: try reader.read(), source: try reader.readString(), location: try reader.read())
    }
}

extension Expression: CompiledFormCodable {
    func write(to writer: inout CompiledFormWriter) {
        writer.write(offset)
        switch kind {
        case let .number(value):
            writer.writeTag(0)
            writer.write(value)
        case let .text(text):
            writer.writeTag(1)
            writer.write(text)
        case let .boolean(value):
            writer.writeTag(2)
            writer.write(value)
        case let .answerWord(word):
            writer.writeTag(3)
            writer.write(word.rawValue)
        case let .name(name):
            writer.writeTag(4)
            writer.write(name)
        case let .list(items):
            writer.writeTag(5)
            writer.write(items)
        case let .negate(operand):
            writer.writeTag(6)
            writer.write(operand)
        case let .not(operand):
            writer.writeTag(7)
            writer.write(operand)
        case let .binary(operation, left, right):
            writer.writeTag(8)
            writer.write(operation.rawValue)
            writer.write(left)
            writer.write(right)
        case let .call(function, arguments):
            writer.writeTag(9)
            writer.write(function)
            writer.write(arguments)
        case let .conditional(condition, then, otherwise):
            writer.writeTag(10)
            writer.write(condition)
            writer.write(then)
            writer.write(otherwise)
        }
    }

    init(from reader: inout CompiledFormReader) throws(CompiledFormDamage) {
        reader.depth += 1
        defer { reader.depth -= 1 }
        guard reader.depth <= CompiledFormReader.maximumDepth else { throw CompiledFormDamage(reason: "expressions nest too deep") }
        let offset = try reader.readInt()
        let kind: Kind
        switch try reader.readTag() {
        case 0: kind = .number(try reader.readDouble())
        case 1: kind = .text(try reader.readString())
        case 2: kind = .boolean(try reader.readBool())
        case 3: kind = .answerWord(try reader.readRaw(YesNoUnsure.self))
        case 4: kind = .name(try reader.readString())
        case 5: kind = .list(try reader.readArray(Expression.self))
        case 6: kind = .negate(try reader.read())
        case 7: kind = .not(try reader.read())
        case 8: kind = .binary(try reader.readRaw(BinaryOperator.self), try reader.read(), try reader.read())
        case 9: kind = .call(try reader.readString(), try reader.readArray(Expression.self))
        case 10: kind = .conditional(try reader.read(), then: try reader.read(), else: try reader.read())
        case let tag: throw CompiledFormDamage(reason: "\(tag) is not a kind of expression")
        }
        self.init(kind, at: offset)
    }
}

extension Value: CompiledFormCodable {
    func write(to writer: inout CompiledFormWriter) {
        switch self {
        case let .boolean(value):
            writer.writeTag(0)
            writer.write(value)
        case let .number(value):
            writer.writeTag(1)
            writer.write(value)
        case let .text(text):
            writer.writeTag(2)
            writer.write(text)
        case let .date(day):
            writer.writeTag(3)
            writer.write(day.year)
            writer.write(day.month)
            writer.write(day.day)
        case let .symbol(symbol):
            writer.writeTag(4)
            writer.write(symbol)
        case let .set(ids):
            writer.writeTag(5)
            writer.write(ids)
        case let .list(values):
            writer.writeTag(6)
            writer.write(values)
        }
    }

    init(from reader: inout CompiledFormReader) throws(CompiledFormDamage) {
        reader.depth += 1
        defer { reader.depth -= 1 }
        guard reader.depth <= CompiledFormReader.maximumDepth else { throw CompiledFormDamage(reason: "values nest too deep") }
        switch try reader.readTag() {
        case 0: self = .boolean(try reader.readBool())
        case 1: self = .number(try reader.readDouble())
        case 2: self = .text(try reader.readString())
        case 3:
            guard let day = CalendarDay(year: try reader.readInt(), month: try reader.readInt(), day: try reader.readInt()) else {
                throw CompiledFormDamage(reason: "a date that does not exist")
            }
            self = .date(day)
        case 4: self = .symbol(try reader.readString())
        case 5: self = .set(try reader.readStrings())
        case 6: self = .list(try reader.readArray(Value.self))
        case let tag: throw CompiledFormDamage(reason: "\(tag) is not a kind of value")
        }
    }
}

extension ValueType: CompiledFormCodable {
    func write(to writer: inout CompiledFormWriter) {
        switch self {
        case .boolean: writer.writeTag(0)
        case .number: writer.writeTag(1)
        case .text: writer.writeTag(2)
        case .date: writer.writeTag(3)
        case let .yesNo(question, allowsUnsure):
            writer.writeTag(4)
            writer.write(question)
            writer.write(allowsUnsure)
        case let .choice(question, options):
            writer.writeTag(5)
            writer.write(question)
            writer.write(options)
        case let .choices(question, options):
            writer.writeTag(6)
            writer.write(question)
            writer.write(options)
        }
    }

    init(from reader: inout CompiledFormReader) throws(CompiledFormDamage) {
        switch try reader.readTag() {
        case 0: self = .boolean
        case 1: self = .number
        case 2: self = .text
        case 3: self = .date
        case 4: self = .yesNo(question: try reader.readString(), allowsUnsure: try reader.readBool())
        case 5: self = .choice(question: try reader.readString(), options: try reader.readStrings())
        case 6: self = .choices(question: try reader.readString(), options: try reader.readStrings())
        case let tag: throw CompiledFormDamage(reason: "\(tag) is not a type")
        }
    }
}

extension NameBinding: CompiledFormCodable {
    func write(to writer: inout CompiledFormWriter) {
        writer.write(type)
        writer.write(origin.rawValue)
    }

    init(from reader: inout CompiledFormReader) throws(CompiledFormDamage) {
        self.init(try reader.read(), origin: try reader.readRaw(Origin.self))
    }
}

extension LocalizedWords: CompiledFormCodable {
    func write(to writer: inout CompiledFormWriter) {
        writer.write(english)
        writer.writeDictionary(translations) { $0.write($1) }
    }

    init(from reader: inout CompiledFormReader) throws(CompiledFormDamage) {
        self.init(english: try reader.readStrings(),
                  translations: try reader.readDictionary { reader throws(CompiledFormDamage) in try reader.readStrings() })
    }
}

extension MessageCatalog: CompiledFormCodable {
    func write(to writer: inout CompiledFormWriter) {
        writer.write(language)
        writer.write(name)
        writer.writeDictionary(Dictionary(uniqueKeysWithValues: templates.map { ($0.key.rawValue, $0.value) })) { $0.write($1) }
        writer.write(formats.decimalSeparator)
        writer.write(formats.groupingSeparator)
        writer.write(formats.moneyWithSymbol)
        writer.write(formats.moneyWithCode)
        writer.write(formats.date)
        writer.write(formats.months)
    }

    init(from reader: inout CompiledFormReader) throws(CompiledFormDamage) {
        let language = try reader.readString(), name = try reader.readString()
        let written = try reader.readDictionary { reader throws(CompiledFormDamage) in try reader.readString() }
        var templates: [MessageID: String] = [:]
        templates.reserveCapacity(written.count)
        for (key, template) in written {
            // By table: the synthesized `init(rawValue:)` compares the key with each of the hundred names in turn.
            guard let id = MessageID.byRawValue[key] else { throw CompiledFormDamage(reason: "an unknown message '\(key)'") }
            templates[id] = template
        }
        let formats = LanguageFormats(
            decimalSeparator: try reader.readString(), groupingSeparator: try reader.readString(),
            moneyWithSymbol: try reader.readString(), moneyWithCode: try reader.readString(),
            date: try reader.readString(), months: try reader.readStrings())
        self.init(language: language, name: name, templates: templates, formats: formats)
    }
}
