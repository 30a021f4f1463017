/// The F distribution with (d1, d2) degrees of freedom: upper tail for omnibus tests.
///
/// P(F > f) = I_{d2/(d2 + d1·f)}(d2/2, d1/2), used for the Knapp–Hartung test of moderators
/// (`QM` as an F statistic in `metafor::rma`).
///
/// Source: Abramowitz & Stegun (1964) 26.6.2; R's `pf(..., lower.tail = FALSE)`.
public enum FisherF {
    /// P(F > f).
    public static func upperTail(_ f: Double, d1: Double, d2: Double) -> Double {
        guard d1 > 0, d2 > 0, !f.isNaN else { return .nan }
        if f <= 0 { return 1 }
        if f == .infinity { return 0 }
        let denominator = d2 + d1 * f
        return SpecialFunctions.incompleteBeta(x: d2 / denominator, y: d1 * f / denominator, d2 / 2, d1 / 2).lower
    }
}
