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
        answers: same linkIds (answer ids), same option codes. Give both to an EHR.

        Exit status: 0 on success, 1 when the dialog has errors, 2 when the command is used wrongly.

        Examples:
          consult export-questionnaire > microneedling-questionnaire.json
          consult export-questionnaire dialogs --lang en
        """
    )

    @Argument(help: "A dialog file or a folder of dialogs.")
    var dialog: String = "dialogs"

    @Option(help: "The language of the question texts.")
    var lang: String = "en"

    func run() throws {
        let consultation = try DialogLoading.load(dialog, language: lang)
        let json = try FHIRQuestionnaire.json(for: consultation, language: lang)
        // Through the checked writer, not FileHandle.write (which traps on a full disk): a failure exits 1.
        StandardStreams.writeOutput(String(decoding: json, as: UTF8.self))
    }
}
