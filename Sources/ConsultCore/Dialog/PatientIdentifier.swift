/// What a question identifies the patient by, so the front desk can match a summary to a person.
///
/// A dialog marks such questions with `identifies:`; a clinic chooses which it asks (none, name and date of birth —
/// the usual two identifiers — or an appointment code) by branching on a setting. The answers go into the summary's
/// `patient` block (and FHIR `subject`), never onto the thank-you screen.
public enum PatientIdentifier: String, Sendable, Hashable, Codable, CaseIterable {
    /// The patient's full name (a text question).
    case name
    /// The date of birth (a date question).
    case birthDate = "birth-date"
    /// The appointment or booking code (a text question, usually with a `pattern`).
    case appointment

    /// The question type an identifying question must have.
    var questionType: QuestionType {
        switch self {
        case .name, .appointment: .text
        case .birthDate: .date
        }
    }
}

/// Who the consultation was for, from the answers to the questions that identify the patient.
public struct PatientIdentification: Sendable, Hashable, Codable {
    public var name: String?
    /// `YYYY-MM-DD`.
    public var birthDate: String?
    public var appointment: String?

    public init(name: String? = nil, birthDate: String? = nil, appointment: String? = nil) {
        self.name = name
        self.birthDate = birthDate
        self.appointment = appointment
    }

    /// One line for staff: `Ana López, born 1985-03-12, appointment AB1234`.
    public var display: String {
        var parts: [String] = []
        if let name { parts.append(name) }
        if let birthDate { parts.append("born \(birthDate)") }
        if let appointment { parts.append("appointment \(appointment)") }
        return parts.joined(separator: ", ")
    }
}
