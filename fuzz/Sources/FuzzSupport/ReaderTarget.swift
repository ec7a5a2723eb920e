import ConsultCore

/// What the answer reader targets share: one line, read at a few fixed questions of the bundled dialogs.
public enum ReaderTarget {
    /// Reads the input as one line typed at each of `readers`' questions and checks every reading
    /// (``ReadingCheck``). The line is the whole input, `\n` included: readers are public and take any text.
    public static func test(_ input: FuzzInput, with readers: [QuestionReader]) {
        let line = input.text
        for reader in readers {
            ReadingCheck.check(reader.read(line), kind: reader.kind, today: BundledDialogs.today, input: line)
        }
    }
}
