/// The staff summary's own words (not the dialog's), gathered here for review and later translation.
enum SummaryText {
    static let titleSuffix = "summary"
    static let patientLabel = "Patient"
    static let languageLabel = "Language"
    /// The patient's language, for staff: "Spanish (es); the patient's words are quoted as typed".
    static func language(_ code: String) -> String {
        let names = ["en": "English", "es": "Spanish", "fr": "French", "de": "German", "it": "Italian", "pt": "Portuguese"]
        return "\(names[code].map { "\($0) (\(code))" } ?? code); the patient's words are quoted as typed"
    }
    static let rehearsalBanner = "REHEARSAL — a staff practice run, not a real patient. Do not book from this summary."

    static func recoveredBanner(_ note: RecoveryNote) -> String {
        let answers = note.answerCount == 1 ? "1 answer" : "\(note.answerCount) answers"
        return "RECOVERED after an interruption — Consult stopped during this consultation (a crash, a kill or a power "
            + "cut), and this summary was rebuilt from its journal. Last activity \(SummaryTimestamp.iso8601(note.lastActivity)), "
            + "\(answers) saved; anything the patient typed after that was not saved. Go over the rest at the visit."
    }

    static func status(_ status: OutcomeStatus) -> String {
        switch status {
        case .proceed: "Can book"
        case .review: "Clinician review needed before booking"
        case .defer: "Not now — can come back later"
        case .decline: "Not suitable"
        case .incomplete: "Incomplete — the patient did not finish"
        }
    }

    static let outcomeHeading = "Outcome"
    static let reasonsLabel = "Why"
    static let noReasons = "No screening rule stands in the way."
    static let incompleteNote = "The answers below are everything the patient gave before the consultation stopped."
    static let toldPatient = "Told the patient"
    static let notAnswered = "(not answered)"
    static let ruleLabel = "rule"

    static let precautionsHeading = "Precautions"
    static let notesHeading = "Notes"
    static let highlightsHeading = "At a glance"
    static let answersHeading = "Answers"
    static let questionColumn = "Question"
    static let answerColumn = "Answer"
    static let typedPrefix = "typed"
    static let confirmedColumn = "Checked with the patient"
    static let clearAsTyped = "clear as typed"
    static let confirmedPrefix = "said back and confirmed"
    static let fromAnswerPrefix = "words typed at"
    static let noAnswers = "No questions were answered."

    static let topicsHeading = "Topics"
    static let topicsExplained = "Explained"
    static let topicsSkipped = "Skipped — please go over these at the visit"

    static let faqHeading = "The patient's own questions"
    static let faqUnanswered = "NOT ANSWERED — please answer these at the visit"
    static let faqAnswered = "Answered"
    static let faqEntry = "FAQ"

    static let estimateHeading = "Cost estimate"

    static let footerDialog = "Dialog"
    static let footerSession = "Session"
    static let footerReference = "Reference"
    static let footerLanguage = "Language"
    static let footerMode = "Mode"
    static let footerStarted = "Started"
    static let footerFinished = "Finished"
    /// Before the version of Consult that ran the consultation.
    static let footerConsult = "Consult"
}
