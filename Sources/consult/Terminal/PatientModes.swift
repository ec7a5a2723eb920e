/// What the patient modes (`consult run`, `consult kiosk`) change about the process before the first question.
enum PatientModes {
    /// Ctrl-Z does nothing (see ``SignalWatcher/ignoreSuspend()``); output that nobody reads any more is
    /// an error the session handles rather than a SIGPIPE that kills it before the summary is saved; and
    /// Ctrl-S cannot stop the terminal's output (see ``TerminalModes``), restored at exit.
    static func prepare() {
        SignalWatcher.ignoreSuspend()
        StandardStreams.ignoreBrokenPipes()
        TerminalModes.turnOffFlowControl()
    }
}
