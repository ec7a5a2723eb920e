import Foundation
import Testing
@testable import ConsultCore

/// Questions that identify the patient (`identifies:`), chosen by a clinic setting, and where their answers go.
@Suite("patient identification")
struct PatientIdentificationTests {
    static func dialog(identification: String) -> (dialog: String, settings: String) {
        ("""
        dialog: visit
        version: 1.0.0
        settings: clinic.yaml
        nodes:
          - branch:
              - if: "identification == 'name_and_birth_date'"
                goto: name
              - if: "identification == 'appointment'"
                goto: appointment
            else: consent
          - id: name
            ask: What is your full name?
            type: text
            identifies: name
            why: So the front desk can match your answers to you.
          - ask: What is your date of birth?
            id: birth_date
            type: date
            identifies: birth-date
            next: consent
          - id: appointment
            ask: What is your booking code?
            type: text
            pattern: "[A-Z]{2}[0-9]{4}"
            identifies: appointment
          - id: consent
            ask: Shall we begin?
            type: yes-no
          - end: Thank you.
        """, "identification: \(identification)\n")
    }

    static func play(identification: String, lines: [String]) throws -> ConsultationRecord {
        let (dialog, settings) = Self.dialog(identification: identification)
        let consultation = try PathExplorerTests.load(dialog, settings: settings)
        let started = Date(timeIntervalSince1970: 1_795_670_400)
        var machine = ConsultationStateMachine(consultation: consultation, id: "ident001", started: started)
        var action = machine.start(at: started)
        for line in lines { action = machine.lineReceived(line, at: started) }
        guard case let .finish(_, record) = action else { throw Failure.notFinished }
        return record
    }

    enum Failure: Error { case notFinished }

    @Test("name and date of birth reach the JSON, the staff page and FHIR's subject")
    func nameAndBirthDate() throws {
        let record = try Self.play(identification: "name_and_birth_date", lines: ["Ana López", "12 March 1985", "yes"])
        #expect(record.patient == PatientIdentification(name: "Ana López", birthDate: "1985-03-12"))
        let json = try #require(try JSONSerialization.jsonObject(with: SummaryRenderer.json(record)) as? [String: Any])
        #expect(json["patient"] as? [String: String] == ["name": "Ana López", "birth_date": "1985-03-12"])
        #expect(SummaryRenderer.markdown(record).contains("**Patient:** Ana López, born 1985-03-12"))
        let fhir = try #require(try JSONSerialization.jsonObject(with: SummaryRenderer.fhirQuestionnaireResponse(record)) as? [String: Any])
        #expect((fhir["subject"] as? [String: String])?["display"] == "Ana López, born 1985-03-12")
    }

    @Test("an appointment code instead; with identification none the summary has no patient block at all")
    func appointmentOrNone() throws {
        let booked = try Self.play(identification: "appointment", lines: ["AB1234", "yes"])
        #expect(booked.patient == PatientIdentification(appointment: "AB1234"))
        let anonymous = try Self.play(identification: "none", lines: ["yes"])
        #expect(anonymous.patient == nil)
        let json = try #require(try JSONSerialization.jsonObject(with: SummaryRenderer.json(anonymous)) as? [String: Any])
        #expect(json["patient"] == nil)
        let fhir = try #require(try JSONSerialization.jsonObject(with: SummaryRenderer.fhirQuestionnaireResponse(anonymous)) as? [String: Any])
        #expect(fhir["subject"] == nil)
    }

    @Test("an identifier on a question of the wrong type, or an unknown one, is refused with its id")
    func wrongIdentifiers() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("consult-ident-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
            dialog: visit
            version: 1.0.0
            nodes:
              - ask: When were you born?
                id: born
                type: text
                identifies: birth-date
              - ask: Your name?
                id: full_name
                type: text
                identifies: nmae
              - end: Bye.
            """.write(to: folder.appendingPathComponent("visit.yaml"), atomically: true, encoding: .utf8)
        let result = ConsultationLoader.load(path: folder.path)
        #expect(result.consultation == nil)
        #expect(result.errors.map(\.id) == ["identifier-type", "unknown-identifier"])
        #expect(result.errors.last?.message.contains("did you mean 'name'?") == true)
    }

    @Test("the compiled form keeps what a question identifies")
    func compiledFormKeepsIdentifiers() throws {
        let (dialog, settings) = Self.dialog(identification: "appointment")
        let consultation = try PathExplorerTests.load(dialog, settings: settings)
        let bytes = CompiledConsultation.encode(consultation, key: "test", engine: "test", sourcePaths: [], fingerprints: [])
        let (header, start) = try CompiledConsultation.header(of: bytes)
        let decoded = try CompiledConsultation.decode(bytes, header: header, payloadStart: start)
        #expect(decoded == consultation)
        #expect(decoded.question("appointment")?.identifies == .appointment)
    }

    @Test("the listing keeps who it was for: the index's tenth field, and a PATIENT column only when someone has one")
    func listingShowsThePatient() throws {
        let record = try Self.play(identification: "name_and_birth_date", lines: ["Ana\tLópez", "12 March 1985", "yes"])
        let listing = SummaryListing(record, stem: "20261126-053127-ident001")
        #expect(listing.patient == "Ana López, born 1985-03-12")
        let line = SummaryIndex.line(listing)
        #expect(SummaryIndex.parseLine(String(line.dropLast())) == listing)
        // A line written before patients were identified has nine fields and no patient.
        var older = listing
        older.patient = nil
        #expect(SummaryIndex.parseLine(String(SummaryIndex.line(older).dropLast()))?.patient == nil)

        let utc = TimeZone(identifier: "UTC")!
        let table = SummaryListingReport.table([listing, older], width: 120, timeZone: utc)
        #expect(table.hasPrefix("FINISHED          CODE  PATIENT"))
        #expect(table.contains("Ana López, born 1985-03-12"))
        #expect(!SummaryListingReport.table([older], width: 120, timeZone: utc).contains("PATIENT"))
    }

    @Test("the exported Questionnaire requires the questions this clinic's settings ask on every path, and no others")
    func requiredOnlyOnEveryPath() throws {
        let (dialog, settings) = Self.dialog(identification: "appointment")
        let consultation = try PathExplorerTests.load(dialog, settings: settings)
        let data = try FHIRQuestionnaire.json(for: consultation)
        let resource = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let items = try #require(resource["item"] as? [[String: Any]])
        var required: [String: Bool] = [:]
        func collect(_ items: [[String: Any]]) {
            for item in items {
                if let id = item["linkId"] as? String, let flag = item["required"] as? Bool { required[id] = flag }
                collect(item["item"] as? [[String: Any]] ?? [])
            }
        }
        collect(items)
        // The identification questions sit in branches on the setting: with `identification: appointment` the
        // appointment question is asked on every path, and name and birth date never (they are never enabled).
        #expect(required == ["name": false, "birth_date": false, "appointment": true, "consent": true])
        let byID = Dictionary(items.map { ($0["linkId"] as? String ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byID["appointment"]?["enableWhen"] == nil && byID["appointment"]?["extension"] == nil)
        let never = (byID["name"]?["extension"] as? [[String: Any]])?.first?["valueExpression"] as? [String: String]
        #expect(never?["expression"] == "false")
    }
}
