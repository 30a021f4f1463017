/// Lan–DeMets error spending with O'Brien–Fleming-type boundaries, per side.
///
/// α*(t) = 2 − 2Φ(z₁₋α′/₂ / √t) for information fraction t ∈ (0, 1], α′ being the error to spend on
/// one side (α/2 of a two-sided α); α*(1) = α′ and α*(t) → 0 as t → 0. The same function spends β
/// for futility boundaries.
///
/// For example:
///
///     LanDeMets.obrienFleming(spending: 0.025, at: 0.5)   // 0.001525…
///
/// Source: Lan KKG, DeMets DL (1983). Discrete sequential boundaries for clinical trials. Biometrika
/// 70(3):659–663. doi:10.1093/biomet/70.3.659
public enum LanDeMets {
    /// The error spent by information fraction `t` of a total `spending`.
    public static func obrienFleming(spending: Double, at t: Double) -> Double {
        guard t > 0 else { return 0 }
        return 2 * Normal.upperTail(Normal.quantile(1 - spending / 2) / min(t, 1).squareRoot())
    }
}
