import ArgumentParser
import Testing
@testable import consult

/// `PatientLaunch` reads the patient commands' arguments without the argument parser; wherever it takes them, it
/// must read them exactly as the parser does, and everything else must be left to the parser.
@Suite struct PatientLaunchTests {
    /// What the argument parser makes of `arguments`: the settings of run or kiosk, or nil for anything else
    /// (another command, help, or an error).
    static func parsed(_ arguments: [String]) -> PatientLaunch? {
        guard let command = try? ConsultCommand.parseAsRoot(arguments) else { return nil }
        if let run = command as? RunCommand { return .run(run.settings) }
        if let kiosk = command as? KioskCommand {
            // The parser calls validate() before run(); a refused kiosk is an error, not a launch.
            guard (try? kiosk.validate()) != nil else { return nil }
            return .kiosk(kiosk.settings)
        }
        return nil
    }

    /// Every combination of a command, a dialog path and up to two options, with the spellings patients' staff use.
    static var combinations: [[String]] {
        let commands: [[String]] = [["run"], ["kiosk"]]
        let dialogs: [[String]] = [[], ["dialogs"], ["my dialogs/entry.yaml"], ["a", "b"], ["-"]]
        let options: [[String]] = [
            [], ["--out", "/srv/summaries"], ["--out=/srv/summaries"], ["--out="], ["--out"], ["--out", "--lang"],
            ["--group", "staff"], ["--lang", "es"], ["--lang=en"], ["--cache-dir", "/tmp/cache"], ["--cache-dir=c"],
            ["--no-cache"], ["--no-cache=yes"], ["--idle-timeout", "90"], ["--idle-timeout", "0"], ["--idle-timeout", "x"],
            ["--idle-timeout=-5"], ["--warning-seconds", "10"], ["--warning-seconds", " 10"], ["--verbose"], ["-o", "x"],
            ["--help"], ["-h"], ["--version"], ["--"], ["--out", "a", "--out", "b"], ["--lang", "es", "--lang", "en"],
        ]
        var all: [[String]] = [[]]
        for command in commands {
            for dialog in dialogs {
                for first in options {
                    all.append(command + dialog + first)
                    all.append(command + first + dialog)
                    for second in options.prefix(12) where second != first {
                        all.append(command + first + dialog + second)
                    }
                }
            }
        }
        return all
    }

    @Test func takesOnlyWhatTheParserReadsTheSameWay() {
        var taken = 0
        for arguments in Self.combinations {
            guard let launch = PatientLaunch(arguments: arguments) else { continue }
            taken += 1
            #expect(launch == Self.parsed(arguments), "\(arguments)")
        }
        // Most well-formed uses are taken; a parser that matched nothing would prove nothing.
        #expect(taken > 500)
    }

    @Test func leavesHelpVersionAndOtherCommandsToTheParser() {
        for arguments in [["--help"], ["-h"], ["--version"], ["run", "--help"], ["kiosk", "-h"], ["validate"],
                          ["dialogs"], ["run", "--", "dialogs"], ["kiosk", "--idle-timeout", "0"],
                          ["run", "--out", "a", "--out", "b"], ["run", "--generate-completion-script", "bash"]] {
            #expect(PatientLaunch(arguments: arguments) == nil, "\(arguments)")
        }
    }

    @Test func readsTheUsualStarts() {
        #expect(PatientLaunch(arguments: []) == .run(RunCommand.Settings()))
        #expect(PatientLaunch(arguments: ["kiosk", "dialogs", "--out", "/var/lib/consult/summaries", "--idle-timeout", "90"])
            == .kiosk(KioskCommand.Settings(out: "/var/lib/consult/summaries", idleTimeout: 90)))
        #expect(PatientLaunch(arguments: ["run", "--lang=es", "--no-cache"]) == .run(RunCommand.Settings(noCache: true, lang: "es")))
    }
}
