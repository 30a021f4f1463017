import RealModule

/// The χ² distribution with `df` degrees of freedom: distribution function, upper tail and quantile.
///
/// Both tails come directly from the regularized incomplete gamma function (no `1 − x`), so
/// the p-value of a large Cochran's Q keeps full relative precision (R's `pchisq(q, df,
/// lower.tail = FALSE)`).
///
/// Source: Abramowitz & Stegun (1964) 26.4.19; R's `pchisq`/`qchisq`.
public enum ChiSquared {
    /// P(X ≤ x).
    public static func cdf(_ x: Double, df: Double) -> Double {
        guard df > 0, !x.isNaN else { return .nan }
        if x <= 0 { return 0 }
        return SpecialFunctions.incompleteGamma(df / 2, x / 2).lower
    }

    /// P(X > x), the p-value of a χ² statistic.
    public static func upperTail(_ x: Double, df: Double) -> Double {
        guard df > 0, !x.isNaN else { return .nan }
        if x <= 0 { return 1 }
        return SpecialFunctions.incompleteGamma(df / 2, x / 2).upper
    }

    /// The density of X at `x`.
    public static func density(_ x: Double, df: Double) -> Double {
        guard x > 0 else { return x == 0 && df == 2 ? 0.5 : 0 }
        let k = df / 2
        return Double.exp((k - 1) * Double.log(x) - x / 2 - k * Double.log(2) - Double.logGamma(k))
    }

    /// The quantile x with P(X ≤ x) = p (R's `qchisq(p, df)`).
    ///
    /// Returns 0 at p = 0, +∞ at p = 1, NaN outside [0, 1] or for df ≤ 0.
    public static func quantile(_ p: Double, df: Double) -> Double {
        guard p >= 0, p <= 1, df > 0 else { return .nan }
        if p == 0 { return 0 }
        if p == 1 { return .infinity }
        // Wilson–Hilferty start.
        let z = Normal.quantile(p)
        let c = 2 / (9 * df)
        let wh = df * Double.pow(max(1 - c + z * c.squareRoot(), 0.01), 3)
        let start = max(wh, 1e-8)
        if p < 0.5 {
            return logScaleNewton(target: Double.log(p), start: start) { x in
                let value = cdf(x, df: df)
                return (Double.log(value), x * density(x, df: df) / value)
            }
        }
        return logScaleNewton(target: Double.log(1 - p), start: start) { x in
            let value = upperTail(x, df: df)
            return (Double.log(value), -x * density(x, df: df) / value)
        }
    }
}
