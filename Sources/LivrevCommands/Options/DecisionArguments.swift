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
