import ArgumentParser
import LivrevAnalysis
import LivrevStore
import MetaAnalysis

/// The exit codes of SPEC.md, and the one place that maps an error to one of them.
enum ExitStatus {
    static let usage: Int32 = 64
    static let dataError: Int32 = 65
    static let noInput: Int32 = 66
    static let noSuchObject: Int32 = 69
    static let cannotCreate: Int32 = 73
    static let cannotWrite: Int32 = 74
    static let busy: Int32 = 75
    static let refused: Int32 = 77
    static let failure: Int32 = 1

    /// The exit code for `error`.
    static func code(for error: any Error) -> Int32 {
        switch error {
        case let error as CommandError: return error.exitCode
        case is ValidationError: return usage
        case let error as AnalysisError:
            if case .noSuchCharacteristic = error { return noSuchObject }
            return dataError
        // A model metafor refuses (or an estimator that fails as metafor's does): the data's fault.
        case is MetaAnalysisError: return dataError
        case let error as StoreError: return code(for: error)
        case is ImportError: return dataError
        case is SequentialError: return dataError
        case let error as SQLiteError: return error.isBusy ? busy : failure
        default: return failure
        }
    }

    private static func code(for error: StoreError) -> Int32 {
        switch error {
        case .registryExists, .cannotCreate: cannotCreate
        case .registryMissing: noInput
        case .notARegistry, .reviewerExists, .studyExists, .snapshotExists, .outcomeExists: dataError
        case .newerRegistry: failure
        case .busy: busy
        case .damaged: dataError
        case .readOnly: cannotCreate
        case .diskFull, .ioError: cannotWrite
        case .noSuchReviewer, .noSuchRecord, .noSuchSearch, .noSuchStudy, .noSuchSnapshot, .noSuchOutcome,
            .noSuchOutcomeRow, .noDecisionToWithdraw, .noSuchReason, .notLinked, .noSuchRow:
            noSuchObject
        case .notAnArbiter, .notAParty, .noConflict, .stageNotReached, .notScreenable, .invalidDecision,
            .notADuplicate, .noRiskOfBiasConflict, .notAJudge, .notLinkable, .laterStageDecided, .noExtractionConflict,
            .mayNotConsolidate, .notAnExtractor:
            refused
        case .invalidJudgement: dataError
        }
    }
}

/// Failures that belong to the command line itself rather than to the registry.
enum CommandError: Error, CustomStringConvertible {
    /// An input file named on the command line does not exist.
    case fileMissing(String)
    /// A row of an input file that the registry refused, located in its file.
    case badRow(file: String, line: Int, message: String)
    /// A row of an input file that names a study, outcome or reviewer the registry does not have.
    case unknownInRow(file: String, line: Int, message: String)
    /// The output file could not be written (the old file, if any, is left as it was).
    case cannotWrite(path: String, reason: String)
    /// Standard output could not take the result.
    case cannotWriteOutput(reason: String)
    /// An output path that names a database: writing there would destroy it.
    case refusedOutput(path: String, reason: String)
    /// Records were imported before any search run was recorded.
    case noSearch
    /// `verify` found something that no longer holds.
    case integrity(IntegrityFailure)
    /// The interactive screener was started without a terminal.
    case notATerminal
    /// The command needs an acting reviewer (`--as`) in this registry; the message says why.
    case needsReviewer(String)
    /// `--password-stdin` found no password on standard input.
    case noPassword

    var exitCode: Int32 {
        switch self {
        case .fileMissing: ExitStatus.noInput
        case .badRow: ExitStatus.dataError
        case .cannotWrite, .cannotWriteOutput: ExitStatus.cannotWrite
        case .refusedOutput: ExitStatus.cannotCreate
        case .unknownInRow: ExitStatus.noSuchObject
        case .integrity: ExitStatus.dataError
        case .noSearch: ExitStatus.noSuchObject
        case .notATerminal: ExitStatus.usage
        case .needsReviewer: ExitStatus.usage
        case .noPassword: ExitStatus.dataError
        }
    }

    var description: String {
        switch self {
        case .fileMissing(let path): "no such file: '\(path)'"
        case .badRow(let file, let line, let message), .unknownInRow(let file, let line, let message):
            "\(file):\(line): \(message)"
        case .cannotWrite(let path, let reason): "cannot write '\(path)': \(reason) (nothing was written there)"
        case .cannotWriteOutput(let reason): "cannot write to standard output: \(reason)"
        case .refusedOutput(let path, let reason): "refusing to write '\(path)': \(reason); choose another file"
        case .noSearch: "no search run to import into: record one with 'livrev search add' first"
        case .integrity(let failure): failure.description
        case .notATerminal:
            "the interactive screener needs a terminal; in a script use 'livrev screen next' and 'livrev screen decide'"
        case .needsReviewer(let message): message
        case .noPassword: "no password on standard input: --password-stdin reads it from the first line"
        }
    }
}
