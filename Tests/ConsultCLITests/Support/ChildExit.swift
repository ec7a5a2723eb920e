#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A child process's exit, looked at without waiting (for the test helpers' polling loops).
enum ChildExit {
    /// The exit code of `processID` if it has exited: its status, or 128 + the signal number if a signal ended it
    /// (as a shell reports it); `nil` while it runs.
    static func poll(_ processID: pid_t) throws -> Int32? {
        var status: Int32 = 0
        let result = waitpid(processID, &status, WNOHANG)
        if result == processID {
            let signal = status & 0x7F
            return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
        }
        if result < 0 && errno != EINTR { throw PseudoTerminal.Failure(description: "waitpid failed: errno \(errno)") }
        return nil
    }
}
