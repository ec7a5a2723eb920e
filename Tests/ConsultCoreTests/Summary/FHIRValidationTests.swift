import Foundation
import Testing
@testable import ConsultCore

/// The FHIR documents as an independent FHIR library reads them: Python's `fhir.resources` models (R4B) validate
/// the exported Questionnaire and the QuestionnaireResponse of every scripted patient. `.ci/run` installs it.
@Suite("FHIR resources validate with fhir.resources")
struct FHIRValidationTests {
    /// One verdict per document: `ok` or `invalid: …`.
    static func validate(_ documents: [Data]) throws -> [String] {
        var lines = Data()
        for document in documents {
            // One document a line: re-serialised without line breaks.
            let object = try JSONSerialization.jsonObject(with: document)
            lines += try JSONSerialization.data(withJSONObject: object) + Data([0x0A])
        }
        let run = try PythonScript.run([PythonScript.support("validate-fhir.py")], input: lines)
        guard run.status == 0 else { throw ValidatorUnavailable(output: run.errorOutput) }
        return run.text.split(separator: "\n").map(String.init)
    }

    struct ValidatorUnavailable: Error, CustomStringConvertible {
        var output: String
        var description: String { "the FHIR validator could not run (python3 -m pip install fhir.resources; .ci/run does it): \(output)" }
    }

    /// The record of every scripted patient in `tests/transcripts`, replayed through the bundled consultation.
    static func transcriptRecords(_ consultation: Consultation) throws -> [ConsultationRecord] {
        let folder = SummaryFixtures.packageRoot.appendingPathComponent("tests/transcripts")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }.sorted()
        let replayer = TranscriptReplayer(consultation: consultation, started: Date(timeIntervalSince1970: 1_781_514_000))
        return try names.map { name in
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            return try #require(replayer.replay(TranscriptParser.parse(text, path: name).transcript).record, "\(name)")
        }
    }

    @Test("the exported Questionnaire and every scripted patient's QuestionnaireResponse are valid FHIR")
    func questionnaireAndResponsesValidate() throws {
        let consultation = try BundledConsultation.consultation()
        var documents = [try FHIRQuestionnaire.json(for: consultation)]
        let records = try Self.transcriptRecords(consultation)
        documents += try records.map(SummaryRenderer.fhirQuestionnaireResponse)
        // A patient identified by name and date of birth, with a reference code: `subject` and `identifier`.
        let replayer = TranscriptReplayer(consultation: consultation, started: Date(timeIntervalSince1970: 1_781_514_000))
        var identified = try #require(replayer.replay(TranscriptParser.parse("yes\n", path: "short.txt").transcript).record)
        identified.reference = ReferenceCode("K7M-4QX")
        identified.patient = PatientIdentification(name: "Ana López", birthDate: "1985-03-12")
        documents.append(try SummaryRenderer.fhirQuestionnaireResponse(identified))

        let verdicts = try Self.validate(documents)
        #expect(verdicts.count == documents.count)
        #expect(records.count >= 18)
        for (index, verdict) in verdicts.enumerated() where verdict != "ok" {
            Issue.record("document \(index) (\(index == 0 ? "Questionnaire" : index <= records.count ? "transcript \(index)" : "identified")): \(verdict)")
        }
    }
}
