import ArgumentParser
import LivrevAnalysis
import LivrevStore

/// The monitoring plan of a trial sequential analysis, shared by `sequential` and `outcome plan`.
/// Every option left out falls back to the outcome's stored plan, then to the default in its help.
struct SequentialPlanOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The anticipated control-arm event proportion in (0, 1), or 'pooled' (Σ events_c / Σ n_c).",
            valueName: "p|pooled"))
    var controlRisk: String?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("The anticipated relative risk reduction in (-1, 1), not 0; negative for an increase."))
    var rrr: Double?

    @Option(help: "Two-sided type I error (default 0.05).")
    var alpha: Double?

    @Option(help: "Power, 1 − β (default 0.80).")
    var power: Double?

    @Option(help: "Heterogeneity adjustment of the required information size (default d2).")
    var adjust: SequentialPlan.Adjustment?

    func validate() throws {
        if let controlRisk, controlRisk != "pooled" {
            guard let p = Double(controlRisk), p > 0, p < 1 else {
                throw ValidationError("'--control-risk' must be a proportion in (0, 1) or 'pooled', not '\(controlRisk)'")
            }
        }
        if let rrr, rrr == 0 || rrr <= -1 || rrr >= 1 {
            throw ValidationError("'--rrr' must lie in (-1, 1) and not be 0, not \(rrr)")
        }
        if let alpha, alpha <= 0 || alpha >= 0.5 { throw ValidationError("'--alpha' must lie in (0, 0.5), not \(alpha)") }
        if let power, power <= 0.5 || power >= 1 { throw ValidationError("'--power' must lie in (0.5, 1), not \(power)") }
    }

    /// The plan these options give over `stored` (the outcome's recorded plan, if any).
    ///
    /// - Throws: `ValidationError` when neither the options nor the stored plan say the control risk and RRR.
    func plan(for outcome: String, over stored: StoredAnalysisPlan?, futility: Bool = false) throws -> SequentialPlan {
        let base = stored.map { SequentialPlan($0) }
        let risk = controlRisk.map { Double($0).map { .fixed($0) } ?? .pooled } ?? base?.controlRisk
        guard let risk, let rrr = rrr ?? base?.relativeRiskReduction else {
            throw ValidationError(
                "outcome '\(outcome)' has no monitoring plan: give '--control-risk' and '--rrr', "
                    + "or record them with 'livrev outcome plan'")
        }
        return SequentialPlan(
            controlRisk: risk, relativeRiskReduction: rrr, alpha: alpha ?? base?.alpha ?? 0.05,
            power: power ?? base?.power ?? 0.8, adjustment: adjust ?? base?.adjustment ?? .d2, futility: futility)
    }
}

extension SequentialPlan.Adjustment: ExpressibleByArgument {}
