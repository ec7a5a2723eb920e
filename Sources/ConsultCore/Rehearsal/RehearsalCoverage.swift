/// Which branch cases and rules rehearsals exercised, counted per dialog version.
///
/// A branch case is one `if` of a branch node, or its `otherwise` (written or not: falling
/// through counts as the otherwise case). Keys are stable for a dialog version:
/// `screening/botox_check if not botox in recent_treatments`, `screening#12 otherwise`.
public struct RehearsalCoverage: Sendable, Hashable, Codable {
    /// How many rehearsals these counts add up.
    public var rehearsals: Int
    /// Times each branch case was taken, by key.
    public var branches: [String: Int]
    /// Times each rule fired, by rule id (once per rehearsal at most).
    public var rules: [String: Int]

    public init(rehearsals: Int = 0, branches: [String: Int] = [:], rules: [String: Int] = [:]) {
        self.rehearsals = rehearsals
        self.branches = branches
        self.rules = rules
    }

    /// These counts plus another's.
    public func merging(_ other: RehearsalCoverage) -> RehearsalCoverage {
        RehearsalCoverage(rehearsals: rehearsals + other.rehearsals,
                          branches: branches.merging(other.branches, uniquingKeysWith: +),
                          rules: rules.merging(other.rules, uniquingKeysWith: +))
    }

    // MARK: - Keys

    /// Every branch case key of a consultation, in dialog order.
    public static func branchKeys(of consultation: Consultation) -> [String] {
        var keys: [String] = []
        for dialogID in consultation.dialogOrder {
            for (index, node) in (consultation.dialogs[dialogID]?.nodes ?? []).enumerated() {
                guard case let .branch(cases, _) = node.kind else { continue }
                let address = NodeAddress(dialog: dialogID, index: index)
                keys += cases.indices.map { branchKey(address, caseIndex: $0, in: consultation) }
                keys.append(branchKey(address, caseIndex: nil, in: consultation))
            }
        }
        return keys
    }

    /// The key of one branch case.
    public static func branchKey(_ address: NodeAddress, caseIndex: Int?, in consultation: Consultation) -> String {
        let node = consultation.node(at: address)
        let name = node?.id.map { "\(address.dialog)/\($0)" } ?? "\(address.dialog)#\(address.index)"
        guard let caseIndex, case let .branch(cases, _)? = node?.kind, cases.indices.contains(caseIndex) else {
            return "\(name) otherwise"
        }
        return "\(name) if \(cases[caseIndex].condition.source)"
    }

    /// The key the ledger files these counts under: `<dialog id> <version>`.
    public static func ledgerKey(of consultation: Consultation) -> String {
        "\(consultation.identity.id) \(consultation.identity.version)"
    }
}

/// How much of a consultation some coverage exercised: cases and rules taken at least once, of all.
public struct CoverageFigures: Sendable, Hashable {
    public var branchCasesTaken: Int
    public var branchCases: Int
    public var rulesFired: Int
    public var rules: Int

    /// The figures of `coverage` for `consultation`; keys the consultation no longer has are ignored.
    public init(_ coverage: RehearsalCoverage, of consultation: Consultation) {
        let keys = RehearsalCoverage.branchKeys(of: consultation)
        branchCases = keys.count
        branchCasesTaken = keys.filter { (coverage.branches[$0] ?? 0) > 0 }.count
        rules = consultation.rules.count
        rulesFired = consultation.rules.filter { (coverage.rules[$0.id] ?? 0) > 0 }.count
    }
}

/// The coverage file: counts per dialog version, merged after every rehearsal.
public struct CoverageLedger: Sendable, Hashable, Codable {
    /// Coverage by ``RehearsalCoverage/ledgerKey(of:)``.
    public var dialogs: [String: RehearsalCoverage]

    public init(dialogs: [String: RehearsalCoverage] = [:]) {
        self.dialogs = dialogs
    }

    /// Adds one rehearsal's coverage under `key`.
    public mutating func add(_ coverage: RehearsalCoverage, under key: String) {
        dialogs[key] = (dialogs[key] ?? RehearsalCoverage()).merging(coverage)
    }
}
