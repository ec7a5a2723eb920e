import ConsultCore
import Foundation
import FuzzSupport

// The journal reader and replayer: what recovery does with whatever a crash, a full disk or a hostile hand left in
// a `.journal` file.
//
// Properties: reading never traps; a torn tail lies inside the file, after the header; a journal that reads and
// replays gives a record with the properties every record has (`SessionPlay.check`), marked finished only when its
// session finished.
//
// `FuzzJournal --write-seeds DIR` writes seed journals instead: the session seeds' lines typed into journaled
// sessions of the bundled consultation, each journal copied half-way and at its last line.
if CommandLine.arguments.count == 3, CommandLine.arguments[1] == "--write-seeds" {
    JournalTarget.writeSeeds(into: URL(fileURLWithPath: CommandLine.arguments[2]))
    exit(0)
}

FuzzDriver.run { data, size in
    JournalTarget.test(Data(FuzzInput(data, size).bytes))
    return 0
}

enum JournalTarget {
    static func test(_ data: Data) {
        let contents: JournalContents
        do {
            contents = try JournalFormat.read(data)
        } catch {
            _ = error.description
            return
        }
        if let torn = contents.tornTail, torn.offset < 0 || torn.length < 0 || torn.offset + torn.length > data.count {
            Finding.report("a torn tail at \(torn.offset)+\(torn.length) of a \(data.count)-byte journal", input: hex(data))
        }
        guard contents.header.dialogID == BundledDialogs.consultation.identity.id else { return }
        let replayed: ReplayedJournal
        do {
            replayed = try JournalReplay.replay(contents, consultation: BundledDialogs.consultation)
        } catch {
            _ = error.description
            return
        }
        let record = replayed.summaryRecord
        SessionPlay.check(record, of: BundledDialogs.consultation,
                          finishedNormally: replayed.finished && record.outcome.status != .incomplete, input: hex(data))
    }

    /// The first bytes of a journal, for a finding's message (journals are binary).
    static func hex(_ data: Data) -> String {
        data.prefix(200).map { String(format: "%02x", $0) }.joined()
    }

    static func writeSeeds(into folder: URL) {
        let seeds = BundledDialogs.packageRoot.appendingPathComponent("fuzz/corpus/session")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: seeds.path).sorted()) ?? []
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in names {
            guard let text = try? String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8) else { continue }
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-journal-\(getpid())")
            defer { try? FileManager.default.removeItem(at: scratch) }
            var session = JournaledSession(consultation: BundledDialogs.consultation, id: "seed0001",
                                           started: BundledDialogs.started, writer: SummaryWriter(directory: scratch))
            _ = session.start()
            var half: Data?
            var last: Data?
            var now = BundledDialogs.started
            for (index, line) in lines.enumerated() {
                now += 7
                let step = session.lineReceived(line, at: now)
                if case .finish = step.action { break }
                last = session.journalPath.flatMap { FileManager.default.contents(atPath: $0) } ?? last
                if index == lines.count / 2 { half = last }
            }
            for (suffix, copy) in [("half", half), ("last", last)] {
                guard let copy else { continue }
                let stem = name.replacingOccurrences(of: ".txt", with: "")
                FileManager.default.createFile(atPath: folder.appendingPathComponent("\(stem)-\(suffix).journal").path,
                                               contents: copy)
            }
        }
    }
}
