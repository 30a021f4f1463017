import RealModule

/// Regularized incomplete beta and gamma functions, the kernels of the t, F and χ² distributions.
///
/// Both are evaluated by a power series where it converges fast and by a continued fraction
/// (modified Lentz) otherwise; complements are computed directly, never as `1 − x`, so
/// extreme tails keep full relative precision.
///
/// Source: Press WH et al. (2007). Numerical Recipes, 3rd ed., §6.2 and §6.4
/// (`gser`/`gcf`, `betacf`); Lentz WJ (1976) doi:10.1364/AO.15.000668.
public enum SpecialFunctions {
    static let epsilon = 1e-16
    static let tiny = 1e-300
    static let maxIterations = 100_000

    /// The regularized lower incomplete gamma function P(a, x) = γ(a, x)/Γ(a).
    ///
    /// Returns NaN for a ≤ 0 or x < 0.
    public static func regularizedGammaP(_ a: Double, _ x: Double) -> Double {
        incompleteGamma(a, x).lower
    }

    /// The regularized upper incomplete gamma function Q(a, x) = 1 − P(a, x), without cancellation.
    public static func regularizedGammaQ(_ a: Double, _ x: Double) -> Double {
        incompleteGamma(a, x).upper
    }

    /// The regularized incomplete beta function I_x(a, b).
    ///
    /// Returns NaN for a ≤ 0, b ≤ 0 or x outside [0, 1].
    public static func regularizedBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
        incompleteBeta(x: x, y: 1 - x, a, b).lower
    }

    /// Both I_x(a, b) and its complement 1 − I_x(a, b) = I_y(b, a), given y = 1 − x computed
    /// by the caller as accurately as it can (e.g. `df/(df+t²)` and `t²/(df+t²)`).
    static func incompleteBeta(x: Double, y: Double, _ a: Double, _ b: Double) -> (lower: Double, upper: Double) {
        guard a > 0, b > 0, x >= 0, y >= 0, !x.isNaN, !y.isNaN else { return (.nan, .nan) }
        if x == 0 { return (0, 1) }
        if y == 0 { return (1, 0) }
        let logPrefactor =
            a * Double.log(x) + b * Double.log(y)
            - (Double.logGamma(a) + Double.logGamma(b) - Double.logGamma(a + b))
        if x < (a + 1) / (a + b + 2) {
            let value = Double.exp(logPrefactor) * betaContinuedFraction(x: x, y: y, a, b) / a
            return (value, 1 - value)
        } else {
            let value = Double.exp(logPrefactor) * betaContinuedFraction(x: y, y: x, b, a) / b
            return (1 - value, value)
        }
    }

    /// The continued fraction for I_x(a, b) (Numerical Recipes `betacf`), modified Lentz.
    static func betaContinuedFraction(x: Double, y: Double, _ a: Double, _ b: Double) -> Double {
        let qab = a + b, qap = a + 1, qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...maxIterations {
            let m = Double(m), m2 = 2 * m
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < epsilon { break }
        }
        return h
    }

    /// P(a, x) and Q(a, x): series for x < a + 1, continued fraction otherwise.
    static func incompleteGamma(_ a: Double, _ x: Double) -> (lower: Double, upper: Double) {
        guard a > 0, x >= 0, !x.isNaN else { return (.nan, .nan) }
        if x == 0 { return (0, 1) }
        if x == .infinity { return (1, 0) }
        let logPrefactor = a * Double.log(x) - x - Double.logGamma(a)
        if x < a + 1 {
            var ap = a, sum = 1 / a, del = sum
            for _ in 0..<maxIterations {
                ap += 1
                del *= x / ap
                sum += del
                if abs(del) < abs(sum) * epsilon { break }
            }
            let p = sum * Double.exp(logPrefactor)
            return (p, 1 - p)
        }
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        for i in 1...maxIterations {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < epsilon { break }
        }
        let q = Double.exp(logPrefactor) * h
        return (1 - q, q)
    }
}
