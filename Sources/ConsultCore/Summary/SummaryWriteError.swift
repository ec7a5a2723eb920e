#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Why ``SummaryWriter`` could not save a consultation's summary files.
///
/// ``description`` tells staff what happened, where, and what to do;
/// ``patientMessage`` is what the patient sees instead. When this error is
/// thrown, none of the three files of that call is left behind.
public enum SummaryWriteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The folder (or a folder on its path) could not be created or opened, or is not a folder.
    case directoryUnavailable(path: String, reason: String)
    /// The folder exists and is open to other users; Consult changes the mode only of folders it creates.
    case directoryNotPrivate(path: String, mode: UInt32, owner: UInt32)
    /// The folder exists, is private, but belongs to another user, who could read or replace the summaries.
    case directoryNotOwned(path: String, owner: UInt32, user: UInt32)
    /// `--group` was asked for, and the existing folder is not shared with that group (mode `2750`, that group).
    case directoryNotShared(path: String, mode: UInt32, group: String)
    /// The new folder could not be given to the staff group (the user running Consult is not a member).
    case groupNotUsable(path: String, group: String, reason: String)
    /// The system refused to create or change a file: permissions, a read-only or immutable folder.
    case notWritable(path: String, reason: String)
    /// No space (or no quota) left on the disk that holds the folder.
    case diskFull(path: String, reason: String)
    /// Any other failure while writing, syncing or naming a file (for example an I/O error).
    case writeFailed(path: String, reason: String)
    /// Every name from `<stem>` to `<stem>-<limit>` is already taken.
    case noFreeName(path: String, stem: String)
    /// The record could not be turned into a summary (a bug, or a number JSON cannot hold).
    case renderingFailed(reason: String)

    /// The error for a failed system call, from its `errno`.
    ///
    /// - Parameters:
    ///   - code: the `errno` the call set.
    ///   - path: the folder or file the call was about, for the message.
    init(errno code: Int32, path: String) {
        let reason = Self.reason(errno: code)
        switch code {
        case ENOSPC, EDQUOT:
            self = .diskFull(path: path, reason: reason)
        case EACCES, EPERM, EROFS:
            self = .notWritable(path: path, reason: reason)
        case ENOENT, ENOTDIR, ELOOP, ENAMETOOLONG:
            self = .directoryUnavailable(path: path, reason: reason)
        default:
            self = .writeFailed(path: path, reason: reason)
        }
    }

    /// `No space left on device (errno 28)`.
    static func reason(errno code: Int32) -> String {
        "\(String(cString: strerror(code))) (errno \(code))"
    }

    // MARK: - Messages

    public var description: String {
        switch self {
        case let .directoryUnavailable(path, reason):
            "Cannot use the summary folder \(path): \(reason). Check the folder's path (no file may have the name of a "
                + "folder on it), or choose another folder. \(Self.nothingSaved)"
        case let .directoryNotPrivate(path, mode, owner):
            if mode & 0o1002 != 0 {
                // Sticky or writable by everyone: a shared folder such as /tmp, which must keep its mode.
                "The summary folder \(path) is a shared folder (mode \(String(mode & 0o7777, radix: 8))): other users "
                    + "can see and add files in it. Consult changes the permissions only of folders it creates, so it "
                    + "leaves this one as it is. Give --out a folder inside it that does not exist yet, such as "
                    + "\(Self.inside(path)): Consult creates it private. \(Self.nothingSaved)"
            } else {
                "The summary folder \(path) is open to other users (mode \(String(mode & 0o7777, radix: 8)), owner user "
                    + "\(owner)). Consult changes the permissions only of folders it creates, so it leaves this one as it "
                    + "is. Either make it private with `chmod 700 \(path)` (as its owner), or give --out a folder that "
                    + "does not exist yet, such as \(Self.inside(path)): Consult creates it private. \(Self.nothingSaved)"
            }
        case let .directoryNotOwned(path, owner, user):
            "The summary folder \(path) belongs to user \(owner), not to user \(user) who runs Consult; its owner "
                + "could read or replace the summaries. Run Consult as its owner, give the folder to user \(user) "
                + "(`chown \(user) \(path)`), or give --out a folder that does not exist yet, such as "
                + "\(Self.inside(path)). \(Self.nothingSaved)"
        case let .directoryNotShared(path, mode, group):
            "The summary folder \(path) is not shared with the group \(group) (mode \(String(mode & 0o7777, radix: 8))). "
                + "Consult changes the permissions only of folders it creates, so it leaves this one as it is. As its "
                + "owner, run `chgrp \(group) \(path) && chmod 2750 \(path)` (and `chmod 640` its files), or give "
                + "--out a folder that does not exist yet, such as \(Self.inside(path)): Consult creates it shared. "
                + Self.nothingSaved
        case let .groupNotUsable(path, group, reason):
            "Cannot give the summary folder \(path) to the group \(group): \(reason). Add the user running Consult to "
                + "the group (`usermod -aG \(group) USER`, then log in again). \(Self.nothingSaved)"
        case let .notWritable(path, reason):
            "Cannot write the consultation summary in \(path): \(reason). Let the user running Consult write there "
                + "(and check the disk is not read-only), or choose another folder. \(Self.nothingSaved)"
        case let .diskFull(path, reason):
            "Cannot save the consultation summary in \(path): \(reason). Free some disk space, or choose a folder "
                + "on another disk. \(Self.nothingSaved)"
        case let .writeFailed(path, reason):
            "Saving the consultation summary in \(path) failed: \(reason). Check the disk (it may be failing or "
                + "disconnected), or choose another folder. \(Self.nothingSaved)"
        case let .noFreeName(path, stem):
            "Cannot find a free name for summary \(stem) in \(path): \(SummaryWriter.nameLimit) summaries with that "
                + "name already exist. Move old summaries out of the folder. \(Self.nothingSaved)"
        case let .renderingFailed(reason):
            "Cannot turn the consultation into a summary: \(reason). This is a bug in Consult: please report it with "
                + "the dialog that was used. \(Self.nothingSaved)"
        }
    }

    /// What the patient is told, whatever went wrong.
    public var patientMessage: String { patientMessage(in: .english) }

    /// What the patient sees, in the catalog's language.
    public func patientMessage(in catalog: MessageCatalog) -> String { catalog.text(.notSaved) }

    /// A new folder inside `path` to suggest.
    private static func inside(_ path: String) -> String {
        (path.hasSuffix("/") ? path : path + "/") + "consult-summaries"
    }

    private static let nothingSaved = "No summary file was saved for this consultation."
}
