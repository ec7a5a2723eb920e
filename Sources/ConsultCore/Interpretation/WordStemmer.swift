/// Cuts common English endings so that forms of a word compare equal: `hurts`, `hurting` → `hurt`;
/// `painful` → `pain`; `therapies` → `therapy`; `stopped` → `stop`; `making` → `mak`.
///
/// Deliberately light: both sides of a comparison go through it, so it only needs to be consistent,
/// and a wrong cut on a short word costs more than a missed form. Stems are never shorter than three letters.
/// Other languages describe their stemmer as data (``StemmingRules``); ``ReadingLanguage/stem(_:)`` picks.
enum WordStemmer {
    static func stem(_ word: String) -> String {
        var stem = word
        if let shorter = cut(stem, "ies", adding: "y") { return shorter }
        if stem.hasSuffix("s"), !stem.hasSuffix("ss"), !stem.hasSuffix("us"), !stem.hasSuffix("is"),
           let shorter = cut(stem, "s") {
            stem = shorter
        }
        for suffix in ["ness", "ful", "ing", "ed"] where !(suffix == "ed" && stem.hasSuffix("eed")) {
            if let shorter = cut(stem, suffix) {
                stem = undoubled(shorter)
                break
            }
        }
        // A final silent e comes and goes with endings (`reimburse`, `reimbursed`; `make`, `making`).
        if stem.hasSuffix("e"), stem.count >= 4 { stem.removeLast() }
        return stem
    }

    private static func cut(_ word: String, _ suffix: String, adding replacement: String = "") -> String? {
        guard word.hasSuffix(suffix), word.count - suffix.count >= 3 else { return nil }
        return String(word.dropLast(suffix.count)) + replacement
    }

    /// `stopp` → `stop`, but `swell` and `press` keep their double letters.
    private static func undoubled(_ stem: String) -> String {
        guard let last = stem.last, stem.count > 3, stem.dropLast().last == last,
              !"lsz".contains(last), !"aeiou".contains(last) else { return stem }
        return String(stem.dropLast())
    }
}
