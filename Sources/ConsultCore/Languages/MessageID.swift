/// The program's own words a patient sees (not the dialog's), each named by an id that is the same in every
/// language's catalog.
///
/// A template may hold `{name}` placeholders; a translation must use the same names (the loader checks).
/// English is written in ``MessageID/english``; other languages in `languages/CODE/messages.yaml` next to the
/// dialogs (docs/languages.md).
public enum MessageID: String, CaseIterable, Sendable {
    // Commands and their answers.
    case help
    case nothingToGoBackTo = "nothing_to_go_back_to"
    case wentBack = "went_back"
    case previousAnswer = "previous_answer"
    case noWhy = "no_why"
    case cannotSkip = "cannot_skip"
    case confirmQuit = "confirm_quit"
    case confirmRestart = "confirm_restart"
    case stayed
    case restarted
    case interrupted
    case unanswered
    case runaway
    // Topics.
    case topicOffer = "topic_offer"
    case topicOfferInstructions = "topic_offer_instructions"
    case topicMoreInstructions = "topic_more_instructions"
    case topicOfferHint = "topic_offer_hint"
    // Confirmations.
    case confirmationInstructions = "confirmation_instructions"
    case confirmationHint = "confirmation_hint"
    case askAgain = "ask_again"
    case isThatRight = "is_that_right"
    case youMentioned = "you_mentioned"
    case understood
    case answerWithPhrase = "answer_with_phrase"
    case youAreNotSure = "you_are_not_sure"
    case dateUnknown = "date_unknown"
    case dateBetween = "date_between"
    case quoted
    // Questions asked back.
    case didYouMean = "did_you_mean"
    case notedEarlierQuestion = "noted_earlier_question"
    case noneOfTheseQuestions = "none_of_these_questions"
    case faqChoiceInstructions = "faq_choice_instructions"
    case aboutYourQuestion = "about_your_question"
    // What a question accepts.
    case continueInstructions = "continue_instructions"
    case typeYesNo = "type_yes_no"
    case typeYesNoUnsure = "type_yes_no_unsure"
    case typeChoice = "type_choice"
    case typeChoices = "type_choices"
    case typeChoicesOrNone = "type_choices_or_none"
    case typeNumber = "type_number"
    case typeNumberWithUnit = "type_number_with_unit"
    case typeDate = "type_date"
    case typeText = "type_text"
    case orSkip = "or_skip"
    // Answers as words.
    case yes
    case no
    case notSure = "not_sure"
    case skipped
    case continued
    case listOr = "list_or"
    // Hints after an answer that could not be read.
    case hintYesNo = "hint_yes_no"
    case hintYesNoUnsure = "hint_yes_no_unsure"
    case hintNeedsYesOrNo = "hint_needs_yes_or_no"
    case hintBothYesAndNo = "hint_both_yes_and_no"
    case hintUnclearYesNo = "hint_unclear_yes_no"
    case hintNeedsConfirmation = "hint_needs_confirmation"
    case hintTooLong = "hint_too_long"
    case hintIsAQuestion = "hint_is_a_question"
    case hintNotAnOption = "hint_not_an_option"
    case hintChooseSeveral = "hint_choose_several"
    case hintChooseSeveralOrNone = "hint_choose_several_or_none"
    case hintNoSuchOption = "hint_no_such_option"
    case hintAmbiguousOptions = "hint_ambiguous_options"
    case hintNoneWithOthers = "hint_none_with_others"
    case hintNoneNotOffered = "hint_none_not_offered"
    case hintNotANumber = "hint_not_a_number"
    case hintSeveralNumbers = "hint_several_numbers"
    case hintOutOfRange = "hint_out_of_range"
    case hintDate = "hint_date"
    case hintDateInFuture = "hint_date_in_future"
    case hintAmbiguousDate = "hint_ambiguous_date"
    case hintDateNeedsMonth = "hint_date_needs_month"
    case hintTextDoesNotMatch = "hint_text_does_not_match"
    case hintPatternUnusable = "hint_pattern_unusable"
    case hintTypeYourAnswer = "hint_type_your_answer"
    case aNumber = "a_number"
    case aWholeNumber = "a_whole_number"
    case numberFromTo = "number_from_to"
    case numberAtLeast = "number_at_least"
    case numberUpTo = "number_up_to"
    case numberWithUnit = "number_with_unit"
    // Outcomes.
    case possibleRulePatientMessage = "possible_rule_patient_message"
    // The terminal's screens.
    case saved
    case notSaved = "not_saved"
    case stillThere = "still_there"
    case welcome
    case pressEnterToStart = "press_enter_to_start"
    case chooseLanguage = "choose_language"
    case thankYou = "thank_you"
    case tellYourCode = "tell_your_code"
    case pressEnterToFinish = "press_enter_to_finish"
}

extension MessageID {
    /// Every message by its name, for reading catalogs.
    static let byRawValue: [String: MessageID] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })
}
