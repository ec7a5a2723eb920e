import ArgumentParser
import ConsultCore
import Foundation

/// `consult export-questionnaire`: the dialog as an HL7 FHIR R4 Questionnaire.
struct ExportQuestionnaireCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-questionnaire",
        abstract: "Print the dialog as an HL7 FHIR R4 Questionnaire (JSON).",
        discussion: """
        The Questionnaire is the definition that every summary's .fhir.json QuestionnaireResponse \
        answers: same linkIds (answer ids), same option codes, same canonical URLs (the clinic \
        setting fhir_base). A question asked on some paths only is enabled by the answers that \
        lead to it (enableWhen, or SDC enableWhenExpression); one whose condition FHIR cannot \
        express is shown always, with a warning. Give both to an EHR.

        Exit status: 0 on success, 1 when the dialog has errors, 2 when the command is used wrongly.

        Examples:
          consult export-questionnaire > microneedling-questionnaire.json
          consult export-questionnaire dialogs --lang en
        """
    )

    @Argument(help: "A dialog file or a folder of dialogs.", completion: .file())
    var dialog: String = "dialogs"

    @Option(help: "The language of the question texts.")
    var lang: String = "en"

    func run() throws {
        let consultation = try DialogLoading.load(dialog, language: lang)
        let json = try FHIRQuestionnaire.json(for: consultation, language: lang)
        for item in FHIRQuestionnaire.unconditionalItems(for: consultation) {
            CommandMessages.warning(ExportText.unconditional(item.question, because: item.reason))
        }
        // Through the checked writer, not FileHandle.write (which traps on a full disk): a failure exits 1.
        StandardStreams.writeOutput(String(decoding: json, as: UTF8.self))
    }
}

/// What `consult export-questionnaire` tells staff, in one place for review.
enum ExportText {
    static func unconditional(_ question: String, because reason: String) -> String {
        "question '\(question)' is shown unconditionally and not required in the Questionnaire: its condition \(reason)"
    }
}
