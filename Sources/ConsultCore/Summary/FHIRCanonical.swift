import Foundation

/// The canonical URLs of a clinic's FHIR artefacts: the Questionnaire, its code systems, Consult's extensions and
/// the reference-code identifier system, all under one base.
///
/// The base is the clinic setting `fhir_base` (`fhir_base: https://clinic.example/fhir` in `clinic.yaml`), else
/// ``defaultBase``. FHIR wants canonical URLs to be stable and, ideally, resolvable, so a clinic that sends its
/// summaries to an EHR should set its own; `urn:` identifiers are accepted by validators but not by every server
/// as a Questionnaire's `url`.
public struct FHIRCanonical: Sendable, Hashable {
    /// The base used when the clinic sets none. `example.org` is reserved for documentation, so it can never
    /// clash with a real server.
    public static let defaultBase = "http://consult.example.org/fhir"
    /// The clinic setting that names the base.
    public static let settingName = "fhir_base"

    /// The base without a trailing slash.
    public let base: String

    /// - Parameter base: the clinic's base URL; `nil` or blank for ``defaultBase``.
    public init(base: String?) {
        var trimmed = (base ?? "").trimmingCharacters(in: .whitespaces)
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.base = trimmed.isEmpty ? Self.defaultBase : trimmed
    }

    /// The canonical of a consultation's base: its `fhir_base` setting, else the default.
    public init(_ consultation: Consultation) {
        if case let .text(base)? = consultation.settings[Self.settingName] {
            self.init(base: base)
        } else {
            self.init(base: nil)
        }
    }

    /// `{base}/Questionnaire/{dialog}`: the Questionnaire's `url`.
    public func questionnaire(_ dialog: String) -> String { "\(base)/Questionnaire/\(dialog)" }

    /// `{base}/Questionnaire/{dialog}|{version}`: what a response's `questionnaire` says it answers.
    public func questionnaireReference(_ dialog: DialogIdentity) -> String {
        dialog.version.isEmpty ? questionnaire(dialog.id) : questionnaire(dialog.id) + "|" + dialog.version
    }

    /// `{base}/CodeSystem/{dialog}-{answer}`: the codes of one choice question's options.
    public func optionSystem(dialog: String, answer: String) -> String { "\(base)/CodeSystem/\(dialog)-\(answer)" }

    /// `{base}/CodeSystem/{dialog}-questions`: the questions of a consultation, coded by answer id (`item.code`).
    public func questionSystem(dialog: String) -> String { "\(base)/CodeSystem/\(dialog)-questions" }

    /// `{base}/CodeSystem/units`: units as the dialog writes them (`years`, `kg`).
    public var unitSystem: String { "\(base)/CodeSystem/units" }

    /// `{base}/NamingSystem/reference-code`: the system of the codes patients quote at the front desk.
    public var referenceSystem: String { "\(base)/NamingSystem/reference-code" }

    /// The screening outcome extension; its `valueCode` is an ``OutcomeStatus`` raw value.
    public var outcomeExtension: String { extensionURL("outcome") }
    /// What the patient typed for an answer.
    public var typedExtension: String { extensionURL("typed") }
    /// The reading said back to the patient and accepted by them.
    public var confirmedExtension: String { extensionURL("confirmed") }
    /// The version of Consult that wrote a response.
    public var consultVersionExtension: String { extensionURL("consult-version") }

    private func extensionURL(_ name: String) -> String { "\(base)/StructureDefinition/\(name)" }
}
