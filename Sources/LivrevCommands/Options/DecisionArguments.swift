import ArgumentParser
import LivrevStore

/// `RECORD DECISION [--reason TEXT]`: a screening decision, as `screen decide` and `resolve` take it.
struct DecisionArguments: ParsableArguments {
    @Argument(help: "The record id.")
    var record: Int64

    @Argument(help: "include, exclude or maybe (maybe only at title-abstract).")
    var decision: ScreeningDecision

    @Option(help: "Why (required for a full-text exclusion; it is the PRISMA exclusion reason).")
    var reason: String?

    /// The rules a decision must meet before it reaches the registry (usage errors, exit 64).
    func validate(at stage: ScreeningStage) throws {
        guard stage.decisions.contains(decision) else {
            throw ValidationError("'\(decision.rawValue)' is not a \(stage.rawValue) decision (use include or exclude)")
        }
        if stage == .fullText, decision == .exclude, (reason ?? "").isEmpty {
            throw ValidationError("a full-text exclusion needs '--reason TEXT' (it is the PRISMA exclusion reason)")
        }
    }
}

/// `STUDY DOMAIN JUDGEMENT [--support TEXT]`: a risk-of-bias judgement, as `rob set` and `rob resolve` take it.
struct JudgementArguments: ParsableArguments {
    @Argument(help: "The study key.")
    var study: String

    @Argument(help: "The domain (name, or D1…Dn; 'overall' records a RoB 2 override).")
    var domain: String

    @Argument(help: "The judgement (rob1: low, unclear, high; rob2: low, some_concerns, high).")
    var judgement: String

    @Option(help: "The support for the judgement (quotes, page numbers).")
    var support: String?
}

/// `--consensus --with OTHER`: the two reviewers agreed together; the one acting (`--as`) records it
/// and names the other, and both are recorded.
struct ConsensusOptions: ParsableArguments {
    @Flag(help: "The two reviewers agreed on this together; you (--as) are one of them, --with names the other.")
    var consensus = false

    @Option(name: .customLong("with"), help: ArgumentHelp("With --consensus: the other reviewer.", valueName: "other"))
    var partner: String?

    func validate() throws {
        if consensus, (partner ?? "").isEmpty {
            throw ValidationError("a consensus names both reviewers: add '--with OTHER' (the other reviewer)")
        }
        if !consensus, partner != nil { throw ValidationError("'--with' goes with '--consensus'") }
    }

    /// The other reviewer of a consensus, or nil when an arbiter resolves.
    func partner(in registry: Registry) throws -> Reviewer? {
        guard consensus, let partner else { return nil }
        return try registry.reviewer(named: partner)
    }
}
