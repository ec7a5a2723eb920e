import FuzzSupport

// The session state machine on the bundled consultation: each line of the input typed at the prompt
// (a line of only U+0003 is Ctrl-C, U+0004 Ctrl-D, U+001A the idle timeout), then the end of input.
//
// Properties: the session never traps, always finishes, and its record has the properties every record
// has (`SessionPlay.check`): the three summaries render, answers only to the dialog's questions, each once,
// no control characters in stored text, and the outcome of a finished session is that of its fired rules.
FuzzDriver.run { data, size in
    let input = FuzzInput(data, size)
    SessionPlay.play(input.lines, through: BundledDialogs.consultation, input: input.text)
    return 0
}
