import ConsultCore
import Foundation

/// A one-line progress bar on standard error, shown only at a terminal and only once the work has
/// taken more than a second (quick runs and pipes print nothing).
final class ProgressBar {
    private let enabled = isatty(STDERR_FILENO) == 1
    private let started = ContinuousClock.now
    private var shown = false
    private var lastDrawn = ContinuousClock.now

    func update(_ progress: PathProgress) {
        guard enabled else { return }
        let now = ContinuousClock.now
        guard now - started > .seconds(1), !shown || now - lastDrawn > .milliseconds(100) else { return }
        shown = true
        lastDrawn = now
        let fraction = progress.found == 0 ? 0 : Double(progress.explored) / Double(progress.found)
        let width = 30
        let filled = min(width, Int(fraction * Double(width)))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let line = "\r[\(bar)] \(Int(fraction * 100))%  \(progress.explored) of \(progress.found) states explored"
        StandardStreams.writeError(line + "\u{1B}[K")
    }

    /// Clears the bar, if it was shown.
    func finish() {
        guard shown else { return }
        StandardStreams.writeError("\r\u{1B}[K")
        shown = false
    }
}
