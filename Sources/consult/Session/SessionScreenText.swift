import ConsultCore

/// The words the terminal front end shows around a consultation, in one place for review.
enum SessionScreenText {
    static let keptInJournal = "the answers are kept in the summary folder's journal; the next start writes the summary once the folder can be written"
    static let retrySaving = "Staff: press Enter to try saving again, or Ctrl-D to give up (the answers are then lost)."
    /// Shared with the plain screen of replays, so both say the same.
    static let aboutYourQuestion = PlainScreenText.aboutYourQuestion
    static let saved = PlainScreenText.saved
    static let stillThere = "Are you still there? Press Enter to continue."
    static func countdownPrompt(_ seconds: Int) -> String { "(\(seconds)s) > " }
    static func welcome(_ title: String) -> String { "Welcome! This is the \(title)." }
    static let pressEnterToStart = "Press Enter to start."
    static let chooseLanguage = "Choose your language (type its number):"
    static let thankYou = "Thank you! You are done."
    static let tellYourCode = "Please tell the front desk your code:"
    /// The code, indented and spaced so it is easy to read aloud from across the desk.
    static func codeLine(_ reference: ReferenceCode) -> String { "    " + reference.description }
    static let pressEnterToFinish = "Press Enter to finish."
    static let nextPatientSeparator = "----- next patient -----"

    /// Language names written in their own language, for the welcome screen.
    static func languageName(_ code: String) -> String {
        let names = ["en": "English", "es": "Español", "fr": "Français", "de": "Deutsch", "it": "Italiano",
                     "pt": "Português", "nl": "Nederlands", "pl": "Polski", "zh": "中文", "ar": "العربية",
                     "vi": "Tiếng Việt", "ko": "한국어", "ja": "日本語", "ru": "Русский", "tl": "Tagalog"]
        return names[code] ?? code
    }
}
