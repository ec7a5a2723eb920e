import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `--group`: the front desk's staff group reads the kiosk's summaries without root, and nobody else can.
@Suite("summary folder shared with a staff group")
struct GroupFolderTests {
    /// The group of the user running the tests: the only group a test can count on being allowed to use.
    private static var ownGroup: (id: gid_t, name: String)? {
        guard let entry = getgrgid(getegid()) else { return nil }
        return (entry.pointee.gr_gid, String(cString: entry.pointee.gr_name))
    }

    private static func status(_ path: String) -> (mode: UInt32, gid: gid_t, uid: uid_t) {
        var info = stat()
        _ = stat(path, &info)
        return (UInt32(info.st_mode & 0o7777), info.st_gid, info.st_uid)
    }

    @Test("a new folder is made 2750 for the group, summaries and index 0640, journals stay private; staff can list it")
    func newFolderIsShared() throws {
        let group = try #require(Self.ownGroup)
        let out = PackagePaths.temporaryFolder("group-new")
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try ConsultProcessRun.run(["run", "dialogs", "--out", out.path, "--group", group.name], input: Data("yes\n".utf8))
        #expect(run.exitCode == 0, "\(run.standardError)")
        let folder = Self.status(out.path)
        #expect(folder.mode == 0o2750 && folder.gid == group.id)
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(names.filter { !$0.hasPrefix(".") }.count == 3)
        for name in names where name != ".journal" {
            let file = Self.status(out.appendingPathComponent(name).path)
            #expect(file.mode == 0o640 && file.gid == group.id, "\(name) \(String(file.mode, radix: 8))")
        }
        #expect(Self.status(out.appendingPathComponent(".journal").path).mode == 0o700, "journals are never shared")

        // A second session into the existing shared folder, with or without --group, keeps sharing.
        let again = try ConsultProcessRun.run(["run", "dialogs", "--out", out.path], input: Data("yes\n".utf8))
        #expect(again.exitCode == 0, "\(again.standardError)")
        for name in try FileManager.default.contentsOfDirectory(atPath: out.path) where !name.hasPrefix(".") {
            #expect(Self.status(out.appendingPathComponent(name).path).mode == 0o640)
        }
        let list = try ConsultProcessRun.run(["summaries", "--out", out.path, "--json"], input: Data())
        #expect(list.exitCode == 0)
        #expect((try JSONSerialization.jsonObject(with: Data(list.standardOutput.utf8)) as? [Any])?.count == 2)
    }

    @Test("an existing private folder is not opened to a group, an unknown group is a usage error")
    func existingPrivateFolderIsRefused() throws {
        let group = try #require(Self.ownGroup)
        let out = PackagePaths.temporaryFolder("group-private")
        defer { try? FileManager.default.removeItem(at: out) }
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let run = try ConsultProcessRun.run(["run", "dialogs", "--out", out.path, "--group", group.name], input: Data("yes\n".utf8))
        #expect(run.exitCode == 1)
        #expect(run.standardError.contains("is not shared with the group \(group.name)"))
        #expect(run.standardError.contains("chmod 2750"))
        #expect(Self.status(out.path).mode == 0o700, "its mode is never changed")

        let unknown = try ConsultProcessRun.run(["run", "dialogs", "--out", out.path, "--group", "no-such-group-x9"], input: Data())
        #expect(unknown.exitCode == 2)
        #expect(unknown.standardError.contains("no group named 'no-such-group-x9'"))
    }

    @Test("a shared folder of another owner is still refused", .enabled(if: geteuid() == 0, "needs root to give a folder away"))
    func anotherOwnersSharedFolderIsRefused() throws {
        let group = try #require(Self.ownGroup)
        let out = PackagePaths.temporaryFolder("group-other")
        defer { try? FileManager.default.removeItem(at: out) }
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        #expect(chown(out.path, 65534, group.id) == 0 && chmod(out.path, 0o2750) == 0)
        let run = try ConsultProcessRun.run(["run", "dialogs", "--out", out.path, "--group", group.name], input: Data("yes\n".utf8))
        #expect(run.exitCode == 1)
        #expect(run.standardError.contains("belongs to user 65534"))
    }
}
