/// Why the registry refused or failed a request. Each case names the offending input;
/// LivrevCommands maps each to one exit code of SPEC.md.
package enum StoreError: Error, Equatable, CustomStringConvertible {
    // The file
    case registryExists(path: String)
    case registryMissing(path: String)
    case cannotCreate(path: String, reason: String)
    case notARegistry(path: String)
    case newerRegistry(path: String, migrations: [String])
    case busy(path: String)
    case damaged(path: String, detail: String)
    case readOnly(path: String)
    case diskFull(path: String)
    case ioError(path: String, detail: String)

    // Objects that do not exist
    case noSuchReviewer(String)
    case noSuchRecord(Int64)
    case noSuchSearch(Int64)
    case noSuchStudy(String)
    case noSuchSnapshot(String)
    case noSuchOutcome(String)
    case noSuchOutcomeRow(Int64)

    // Objects that already exist
    case reviewerExists(String)
    case studyExists(String)
    case snapshotExists(String)
    case outcomeExists(String)

    // Review rules
    case notAnArbiter(reviewer: String)
    case notAParty(reviewer: String, record: Int64)
    case noConflict(record: Int64, stage: ScreeningStage)
    case stageNotReached(record: Int64, reason: String)
    case notScreenable(record: Int64, reason: String)
    case invalidDecision(record: Int64, reason: String)
    case notADuplicate(Int64)
    case notLinkable(record: Int64, reason: String)
    case invalidJudgement(String)
    case noRiskOfBiasConflict(study: String, domain: String)
    case notAJudge(reviewer: String, study: String)
    case noDecisionToWithdraw(record: Int64, stage: ScreeningStage, reviewer: String)
    case laterStageDecided(record: Int64)
    case noSuchReason(String, known: [String])
    case notLinked(Int64)
    case noSuchRow(String)
    case noExtractionConflict(String)
    case mayNotConsolidate(reviewer: String, action: String)
    case notAnExtractor(reviewer: String, row: String)

    package var description: String {
        switch self {
        case .registryExists(let path): "registry '\(path)' already exists"
        case .registryMissing(let path): "no registry at '\(path)' (create one with 'livrev init --title …')"
        case .cannotCreate(let path, let reason): "cannot create registry '\(path)': \(reason)"
        case .notARegistry(let path): "'\(path)' is not a livrev registry"
        case .newerRegistry(let path, let migrations):
            "'\(path)' was written by a newer livrev (unknown migrations: \(migrations.joined(separator: ", "))); upgrade livrev"
        case .busy(let path): "registry '\(path)' is busy (another livrev is writing); try again"
        case .damaged(let path, let detail):
            "the registry file '\(path)' is damaged (\(detail)); nothing was written: restore it from a copy"
        case .readOnly(let path):
            "registry '\(path)' is read-only here: read commands work; to write, use a copy you may write"
        case .diskFull(let path): "no space left to write registry '\(path)'; nothing was changed"
        case .ioError(let path, let detail): "registry '\(path)' could not be read or written (\(detail)); nothing was changed"
        case .noSuchReviewer(let name): "no reviewer named '\(name)' (add one with 'livrev reviewer add')"
        case .noSuchRecord(let id): "no record \(id)"
        case .noSuchSearch(let id): "no search \(id)"
        case .noSuchStudy(let key): "no study '\(key)'"
        case .noSuchSnapshot(let name): "no snapshot named '\(name)' (see 'livrev snapshot list')"
        case .noSuchOutcome(let name): "no outcome named '\(name)' (see 'livrev outcome list')"
        case .noSuchOutcomeRow(let id): "no current outcome row \(id)"
        case .reviewerExists(let name): "reviewer '\(name)' already exists"
        case .studyExists(let key): "study '\(key)' already exists"
        case .snapshotExists(let name): "snapshot '\(name)' already exists (snapshot names are immutable)"
        case .outcomeExists(let name): "outcome '\(name)' already exists"
        case .notAnArbiter(let reviewer):
            "'\(reviewer)' is not an arbiter: only an arbiter may resolve, or the two reviewers together with --consensus --with OTHER"
        case .notAParty(let reviewer, let record):
            "'\(reviewer)' did not screen record \(record), so cannot record a consensus for it"
        case .noConflict(let record, let stage): "record \(record) has no conflict at \(stage.rawValue) to resolve"
        case .stageNotReached(let record, let reason): "record \(record) cannot be screened at full text: \(reason)"
        case .notScreenable(let record, let reason): "record \(record) cannot be screened: \(reason)"
        case .invalidDecision(let record, let reason): "record \(record): \(reason)"
        case .notADuplicate(let id): "record \(id) is not marked a duplicate"
        case .notLinkable(let record, let reason): "record \(record) cannot report a study: \(reason)"
        case .invalidJudgement(let message): message
        case .noRiskOfBiasConflict(let study, let domain): "\(study) has no risk-of-bias conflict on \(domain) to resolve"
        case .notAJudge(let reviewer, let study):
            "'\(reviewer)' did not judge \(study), so cannot record a consensus for it"
        case .noDecisionToWithdraw(let record, let stage, let reviewer):
            "\(reviewer) has no \(stage.rawValue) decision on record \(record) to withdraw"
        case .laterStageDecided(let record):
            "record \(record) already has full-text decisions: withdraw those first"
        case .noSuchReason(let reason, let known):
            "'\(reason)' is not one of the review's exclusion reasons: "
                + known.enumerated().map { "\($0 + 1) \($1)" }.joined(separator: "; ")
                + " (add it with 'livrev reasons add')"
        case .notLinked(let record): "record \(record) is not linked to a study"
        case .noSuchRow(let row): "nobody has entered \(row)"
        case .noExtractionConflict(let row): "\(row) has no extraction discrepancy to resolve"
        case .mayNotConsolidate(let reviewer, let action): "'\(reviewer)' is not an arbiter: only an arbiter may \(action)"
        case .notAnExtractor(let reviewer, let row): "'\(reviewer)' has not extracted \(row), so their values cannot be accepted"
        }
    }
}
