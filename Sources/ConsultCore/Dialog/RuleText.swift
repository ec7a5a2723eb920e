/// The engine's own words about screening rules, in one place for review and translation.
enum RuleText {
    /// Shown when a rule may apply but a vague date leaves it open.
    static let possiblePatientMessage = "We could not be sure of a date you gave us, so a clinician will check the timing with you before booking."
}
