import ConsultCore

/// The words the terminal front end shows around a consultation: the patient's in their language's catalog,
/// the staff's (static) in English.
struct SessionScreenText {
    let catalog: MessageCatalog

    init(_ consultation: Consultation, language: String) {
        catalog = consultation.catalog(for: language)
    }

    var aboutYourQuestion: String { catalog.text(.aboutYourQuestion) + " " }
    var saved: String { catalog.text(.saved) }
    var stillThere: String { catalog.text(.stillThere) }
    func welcome(_ title: String) -> String { catalog.text(.welcome, ["title": title]) }
    var pressEnterToStart: String { catalog.text(.pressEnterToStart) }
    var chooseLanguage: String { catalog.text(.chooseLanguage) }
    var thankYou: String { catalog.text(.thankYou) }
    var tellYourCode: String { catalog.text(.tellYourCode) }
    var pressEnterToFinish: String { catalog.text(.pressEnterToFinish) }

    // Staff-facing, in English.
    static let keptInJournal = "the answers are kept in the summary folder's journal; the next start writes the summary once the folder can be written"
    static let retrySaving = "Staff: press Enter to try saving again, or Ctrl-D to give up (the answers are then lost)."
    static func countdownPrompt(_ seconds: Int) -> String { "(\(seconds)s) > " }
    /// The code, indented and spaced so it is easy to read aloud from across the desk.
    static func codeLine(_ reference: ReferenceCode) -> String { "    " + reference.description }
    static let nextPatientSeparator = "----- next patient -----"

    /// A language's name in itself, for the welcome screen: its catalog's, or a well-known name.
    static func languageName(_ code: String, in consultation: Consultation) -> String {
        if let catalog = consultation.catalogs[code] { return catalog.name }
        let names = ["en": "English", "es": "Español", "fr": "Français", "de": "Deutsch", "it": "Italiano",
                     "pt": "Português", "nl": "Nederlands", "pl": "Polski", "zh": "中文", "ar": "العربية",
                     "vi": "Tiếng Việt", "ko": "한국어", "ja": "日本語", "ru": "Русский", "tl": "Tagalog"]
        return names[code] ?? code
    }
}
