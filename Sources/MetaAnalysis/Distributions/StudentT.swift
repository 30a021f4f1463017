import RealModule

/// Student's t distribution with `df` degrees of freedom: distribution function, tails and quantile.
///
/// Tails come from the regularized incomplete beta function, so p-values far in the tail keep
/// full relative precision (R's `pt(..., lower.tail = FALSE)`). `df = .infinity` gives the normal.
/// Used for Knapp–Hartung tests (t on k − p df) and t-based prediction intervals.
///
/// Source: Abramowitz & Stegun (1964) 26.7.1; R's `pt`/`qt` (`nmath/pt.c`, `nmath/qt.c`).
public enum StudentT {
    /// P(T ≤ t).
    public static func cdf(_ t: Double, df: Double) -> Double {
        upperTail(-t, df: df)
    }

    /// P(T > t), without cancellation for large `t`.
    public static func upperTail(_ t: Double, df: Double) -> Double {
        guard df > 0, !t.isNaN else { return .nan }
        if df == .infinity { return Normal.upperTail(t) }
        let tails = centralTails(abs(t), df: df)
        return t >= 0 ? 0.5 * tails.outside : 0.5 + 0.5 * tails.inside
    }

    /// The two-sided p-value P(|T| ≥ |t|).
    public static func twoSidedP(_ t: Double, df: Double) -> Double {
        guard df > 0, !t.isNaN else { return .nan }
        if df == .infinity { return Normal.twoSidedP(t) }
        return centralTails(abs(t), df: df).outside
    }

    /// The density of T at `t`.
    public static func density(_ t: Double, df: Double) -> Double {
        if df == .infinity { return Double.exp(-0.5 * t * t) / (2 * Double.pi).squareRoot() }
        let logDensity =
            Double.logGamma((df + 1) / 2) - Double.logGamma(df / 2)
            - 0.5 * Double.log(df * Double.pi) - (df + 1) / 2 * Double.log(onePlus: t * t / df)
        return Double.exp(logDensity)
    }

    /// The quantile t with P(T ≤ t) = p (R's `qt(p, df)`).
    ///
    /// Returns ∓∞ at p = 0 and 1 and NaN outside [0, 1] or for df ≤ 0.
    public static func quantile(_ p: Double, df: Double) -> Double {
        guard p >= 0, p <= 1, df > 0 else { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p == 0.5 { return 0 }
        if df == .infinity { return Normal.quantile(p) }
        return p < 0.5 ? -upperQuantile(p, df: df) : upperQuantile(1 - p, df: df)
    }

    /// (P(|T| ≤ t), P(|T| > t)) for t ≥ 0: I_{t²/(df+t²)}(1/2, df/2) and its complement.
    static func centralTails(_ t: Double, df: Double) -> (inside: Double, outside: Double) {
        if t == .infinity { return (1, 0) }
        let r = t / df.squareRoot()
        let x: Double, y: Double  // x = df/(df+t²), y = t²/(df+t²)
        if r > 1 {
            let s = 1 / r
            x = s * s / (1 + s * s)
            y = 1 / (1 + s * s)
        } else {
            x = 1 / (1 + r * r)
            y = r * r / (1 + r * r)
        }
        let beta = SpecialFunctions.incompleteBeta(x: x, y: y, df / 2, 0.5)
        return (beta.upper, beta.lower)
    }

    /// The t > 0 whose upper tail is q (0 < q < 1/2), by Newton's method on log t.
    static func upperQuantile(_ q: Double, df: Double) -> Double {
        if df == 1 { return 1 / Double.tan(Double.pi * q) }
        if df == 2 { return (1 - 2 * q) / (2 * q * (1 - q)).squareRoot() }
        let z = -Normal.quantile(q)
        let z3 = z * z * z, z5 = z3 * z * z
        let start = z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df)
        return logScaleNewton(target: Double.log(q), start: max(start, 1e-3)) { t in
            let s = upperTail(t, df: df)
            return (Double.log(s), -t * density(t, df: df) / s)
        }
    }
}

/// Solves log F(x) = target for x > 0 where log F is monotone in log x, by safeguarded Newton
/// steps in u = log x. `evaluate` returns (log F(x), d log F / d log x).
func logScaleNewton(target: Double, start: Double, evaluate: (Double) -> (Double, Double)) -> Double {
    var u = Double.log(start)
    for _ in 0..<200 {
        let (value, slope) = evaluate(Double.exp(u))
        let g = value - target
        if g == 0 || slope == 0 || !slope.isFinite { break }
        var step = -g / slope
        step = min(max(step, -2), 2)
        u += step
        if abs(step) < 1e-14 * max(1, abs(u)) { break }
    }
    return Double.exp(u)
}
