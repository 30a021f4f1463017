/// The exact null distribution of Kendall's statistic T, the number of concordant pairs.
///
/// Under independence and without ties, every ranking of n observations is equally likely,
/// and T (the concordant pairs among the M = n(n−1)/2) is distributed as the number of
/// non-inversions of a random permutation: a Mahonian distribution, symmetric about M/2,
/// with probability generating function ∏ⱼ₌₁ⁿ (1 + x + … + x^(j−1)) / j.
///
/// It is built by the classic recurrence of R's `ckendall` (`src/library/stats/src/kendall.c`),
///
///     c(t, n) = Σᵢ₌₀ⁿ⁻¹ c(t − i, n − 1),   c(0, 1) = 1,
///
/// but on probabilities f(t, n) = c(t, n) / n! rather than counts, so it neither overflows
/// for n > 170 (where R's counts and `gamma(n + 1)` become infinite and `cor.test` returns
/// NaN) nor loses the lower tail. Each step is a sliding-window sum, so P(T ≤ t) costs
/// O(n·t) time and O(t) memory.
///
/// Source: Kendall MG (1938). A new measure of rank correlation. Biometrika 30:81–93.
/// doi:10.1093/biomet/30.1-2.81; R `stats:::cor.test.default` (method = "kendall").
public enum Kendall {
    /// P(T ≤ t) for the number of concordant pairs T among `n` untied observations.
    ///
    /// Returns 0 for t < 0 and 1 for t ≥ n(n−1)/2, as R's `pkendall`.
    public static func cdf(_ t: Int, n: Int) -> Double {
        precondition(n >= 1, "Kendall.cdf needs n ≥ 1")
        let pairs = n * (n - 1) / 2
        if t < 0 { return 0 }
        if t >= pairs { return 1 }
        // Symmetry T ↔ M − T keeps the table at most M/2 long: P(T ≤ t) = 1 − P(T ≤ M − t − 1).
        if t > pairs / 2 {
            return 1 - lowerTail(pairs - t - 1, n: n)
        }
        return lowerTail(t, n: n)
    }

    /// The two-sided p-value of `cor.test(method = "kendall", exact = TRUE)` for T = `concordant`.
    ///
    /// R takes p = P(T ≥ T_obs) when T_obs > M/2 and p = P(T ≤ T_obs) otherwise, and reports
    /// min(2p, 1). By symmetry both tails are the lower tail at min(T_obs, M − T_obs), which is
    /// summed directly instead of as 1 − P(T ≤ T_obs − 1).
    public static func twoSidedP(concordant: Int, n: Int) -> Double {
        precondition(n >= 1, "Kendall.twoSidedP needs n ≥ 1")
        let pairs = n * (n - 1) / 2
        precondition(concordant >= 0 && concordant <= pairs, "concordant pairs out of range")
        let tail = lowerTail(min(concordant, pairs - concordant), n: n)
        return min(2 * tail, 1)
    }

    /// P(T ≤ t) by the probability recurrence, truncated at t (needs 0 ≤ t ≤ M).
    private static func lowerTail(_ t: Int, n: Int) -> Double {
        if t < 0 { return 0 }
        // f holds P(T_j = s) for s = 0…t after step j; start with one observation, T₁ ≡ 0.
        var f = [Double](repeating: 0, count: t + 1)
        f[0] = 1
        var prefix = [Double](repeating: 0, count: t + 1)
        if n >= 2 {
            for j in 2...n {
                // f_j(s) = (1/j) Σ_{i=0}^{j−1} f_{j−1}(s − i), a window of width j.
                var running = 0.0
                for s in 0...t {
                    running += f[s]
                    prefix[s] = running
                }
                let scale = 1 / Double(j)
                let top = min(t, j * (j - 1) / 2)
                for s in 0...top {
                    let below = s - j >= 0 ? prefix[s - j] : 0
                    f[s] = (prefix[s] - below) * scale
                }
                if top < t {
                    for s in (top + 1)...t { f[s] = 0 }
                }
            }
        }
        var total = 0.0
        for s in 0...t { total += f[s] }
        return min(total, 1)
    }
}
