/// The required information size of a meta-analysis of a dichotomous outcome: how many
/// participants a single adequately powered trial would need, and its heterogeneity adjustments.
///
/// RIS = 4 (z₁₋α/₂ + z₁₋β)² · P̄(1 − P̄) / δ², with P_E = P_C(1 − RRR), P̄ = (P_C + P_E)/2 and
/// δ = P_C − P_E; a random-effects meta-analysis needs RIS / (1 − D²) (diversity) or RIS / (1 − I²).
///
/// For example:
///
///     try RequiredInformationSize(controlRisk: 0.14, relativeRiskReduction: -0.2,
///                                 alpha: 0.05, power: 0.8).participants   // 5218
///
/// Source: Wetterslev J, Thorlund K, Brok J, Gluud C (2008). Trial sequential analysis may establish
/// when firm evidence is reached in cumulative meta-analysis. J Clin Epidemiol 61(1):64–75.
/// doi:10.1016/j.jclinepi.2007.03.013; Wetterslev J, Thorlund K, Brok J, Gluud C (2009). Estimating
/// required information size by quantifying diversity in random-effects model meta-analyses. BMC Med
/// Res Methodol 9:86. doi:10.1186/1471-2288-9-86
public struct RequiredInformationSize: Equatable, Sendable {
    /// The anticipated event proportion in the control arms, P_C.
    public let controlRisk: Double
    /// The anticipated relative risk reduction; negative for an expected increase (harms).
    public let relativeRiskReduction: Double
    /// The two-sided type I error.
    public let alpha: Double
    /// 1 − β.
    public let power: Double
    /// The unrounded size, in participants.
    public let exact: Double

    /// - Throws: `MetaAnalysisError.impossibleDesign` when P_C is outside (0, 1), RRR is 0 or outside
    ///   (−1, 1), P_E = P_C(1 − RRR) reaches 1, or α or the power is outside (0, 1).
    public init(controlRisk: Double, relativeRiskReduction: Double, alpha: Double, power: Double) throws {
        guard controlRisk > 0, controlRisk < 1 else {
            throw MetaAnalysisError.impossibleDesign(reason: "the control risk must lie in (0, 1), not \(controlRisk)")
        }
        guard relativeRiskReduction != 0, relativeRiskReduction > -1, relativeRiskReduction < 1 else {
            throw MetaAnalysisError.impossibleDesign(
                reason: "the relative risk reduction must lie in (-1, 1) and not be 0, not \(relativeRiskReduction)")
        }
        let experimental = controlRisk * (1 - relativeRiskReduction)
        guard experimental < 1 else {
            throw MetaAnalysisError.impossibleDesign(
                reason: "a control risk of \(controlRisk) and a relative increase of \(-relativeRiskReduction) "
                    + "give an experimental risk of \(experimental), which is not a proportion")
        }
        guard alpha > 0, alpha < 1, power > 0, power < 1 else {
            throw MetaAnalysisError.impossibleDesign(reason: "alpha and power must lie in (0, 1)")
        }
        self.controlRisk = controlRisk
        self.relativeRiskReduction = relativeRiskReduction
        self.alpha = alpha
        self.power = power
        let mean = (controlRisk + experimental) / 2
        let delta = controlRisk - experimental
        let z = Normal.quantile(1 - alpha / 2) + Normal.quantile(power)
        exact = 4 * z * z * mean * (1 - mean) / (delta * delta)
    }

    /// Whole participants: the size rounded up.
    public var participants: Int { Int(exact.rounded(.up)) }

    /// The size a heterogeneous meta-analysis needs, rounded up: RIS / (1 − D²) or RIS / (1 − I²).
    ///
    /// - Parameter heterogeneity: D² or I² as a fraction in [0, 1); 0 leaves the size as it is.
    public func adjusted(by heterogeneity: Double) -> Int {
        let share = min(max(heterogeneity, 0), 1 - 1e-12)
        return Int((exact / (1 - share)).rounded(.up))
    }

    /// Diversity D² = 1 − v_F / v_R, where v_F = 1/Σwᵢ is the variance of the fixed-effect pooled
    /// estimate and v_R = 1/Σ1/(vᵢ + τ²) that of the random-effects one (Wetterslev et al. 2009).
    public static func diversity(variances: [Double], tau2: Double) -> Double {
        let fixed = 1 / variances.reduce(0) { $0 + 1 / $1 }
        let random = 1 / variances.reduce(0) { $0 + 1 / ($1 + tau2) }
        return max(0, 1 - fixed / random)
    }
}
