import RealModule

/// How a Kendall p-value was obtained.
public enum KendallPValueMethod: String, Sendable, Equatable {
    /// From the exact null distribution of the concordant pairs (no ties).
    case exact
    /// From the normal approximation with the tie-corrected variance of S.
    case normalApproximation
}

/// Kendall's τ-b with the pair counts it is made of.
///
/// Counted by Knight's merge-sort algorithm in O(n log n): sort the pairs by (x, y), count the
/// pairs tied in x and tied in both, then merge-sort the y sequence counting swaps, which are the
/// discordant pairs, and count the pairs tied in y. With n₀ = n(n−1)/2 pairs, n₁ tied in x,
/// n₂ tied in y, n₃ tied in both and D swaps,
///
///     S = C − D = n₀ − n₁ − n₂ + n₃ − 2D,     τ_b = S / √((n₀ − n₁)(n₀ − n₂)),
///
/// which is R's `cor(x, y, method = "kendall")`.
///
/// Source: Knight WR (1966). A computer method for calculating Kendall's tau with ungrouped
/// data. JASA 61(314):436–439. doi:10.1080/01621459.1966.10480879
public struct KendallTau: Sendable, Equatable {
    /// Number of pairs (x, y).
    public let n: Int
    /// τ-b, or nil when x or y is constant (R gives NA).
    public let tau: Double?
    /// S = concordant − discordant pairs.
    public let s: Int
    /// Concordant pairs C (all pairs not tied in x or y, minus discordant ones).
    public let concordant: Int
    /// Discordant pairs D.
    public let discordant: Int
    /// Whether x or y has a repeated value (R's `TIES` in `cor.test`).
    public let hasTies: Bool
    /// Sizes of the groups of equal x values that have at least two members.
    public let xTieGroups: [Int]
    /// Sizes of the groups of equal y values that have at least two members.
    public let yTieGroups: [Int]

    /// Counts τ-b for paired samples `x` and `y` of equal length.
    public init(x: [Double], y: [Double]) throws(MetaAnalysisError) {
        guard x.count == y.count else {
            throw .invalidInput(row: min(x.count, y.count), reason: "x has \(x.count) values but y has \(y.count)")
        }
        let n = x.count
        for i in 0..<n where x[i].isNaN || y[i].isNaN {
            throw .invalidInput(row: i, reason: "value is NaN")
        }
        var order = Array(0..<n)
        order.sort { x[$0] < x[$1] || (x[$0] == x[$1] && y[$0] < y[$1]) }

        // Runs of equal x, and of equal (x, y), in the sorted order.
        var xGroups: [Int] = []
        var tiedX = 0
        var tiedBoth = 0
        var xRun = 1
        var bothRun = 1
        for i in 1..<max(n, 1) {
            let a = order[i - 1], b = order[i]
            if x[a] == x[b] {
                xRun += 1
                if y[a] == y[b] { bothRun += 1 } else { tiedBoth += bothRun * (bothRun - 1) / 2; bothRun = 1 }
            } else {
                if xRun > 1 { xGroups.append(xRun) }
                tiedX += xRun * (xRun - 1) / 2
                tiedBoth += bothRun * (bothRun - 1) / 2
                xRun = 1
                bothRun = 1
            }
        }
        if n > 0 {
            if xRun > 1 { xGroups.append(xRun) }
            tiedX += xRun * (xRun - 1) / 2
            tiedBoth += bothRun * (bothRun - 1) / 2
        }

        var ys = order.map { y[$0] }
        let swaps = Self.mergeSortCountingSwaps(&ys)

        var yGroups: [Int] = []
        var tiedY = 0
        var yRun = 1
        for i in 1..<max(n, 1) {
            if ys[i - 1] == ys[i] {
                yRun += 1
            } else {
                if yRun > 1 { yGroups.append(yRun) }
                tiedY += yRun * (yRun - 1) / 2
                yRun = 1
            }
        }
        if n > 0 {
            if yRun > 1 { yGroups.append(yRun) }
            tiedY += yRun * (yRun - 1) / 2
        }

        let pairs = n * (n - 1) / 2
        let untied = pairs - tiedX - tiedY + tiedBoth
        self.n = n
        self.discordant = swaps
        self.concordant = untied - swaps
        self.s = untied - 2 * swaps
        self.hasTies = !xGroups.isEmpty || !yGroups.isEmpty
        self.xTieGroups = xGroups
        self.yTieGroups = yGroups
        let xPairs = Double(pairs - tiedX), yPairs = Double(pairs - tiedY)
        self.tau = xPairs > 0 && yPairs > 0 ? Double(s) / (xPairs.squareRoot() * yPairs.squareRoot()) : nil
    }

    /// Sorts `values` ascending (stable, bottom-up) and returns the number of inversions,
    /// i.e. pairs i < j with values[i] > values[j]; equal values are not inversions.
    private static func mergeSortCountingSwaps(_ values: inout [Double]) -> Int {
        let n = values.count
        var buffer = values
        var swaps = 0
        var width = 1
        while width < n {
            var start = 0
            while start < n {
                let mid = min(start + width, n), end = min(start + 2 * width, n)
                var i = start, j = mid, out = start
                while i < mid && j < end {
                    if values[j] < values[i] {
                        buffer[out] = values[j]
                        swaps += mid - i
                        j += 1
                    } else {
                        buffer[out] = values[i]
                        i += 1
                    }
                    out += 1
                }
                while i < mid { buffer[out] = values[i]; i += 1; out += 1 }
                while j < end { buffer[out] = values[j]; j += 1; out += 1 }
                start = end
            }
            swap(&values, &buffer)
            width *= 2
        }
        return swaps
    }
}

/// Kendall's rank-correlation test with the semantics of R's `cor.test(method = "kendall")`.
///
/// Without ties and with `exact`, the two-sided p-value comes from the exact distribution of the
/// concordant pairs (`Kendall.twoSidedP`); otherwise from z = S / √Var(S) with the tie-corrected
///
///     Var(S) = [n(n−1)(2n+5) − Σt(t−1)(2t+5) − Σu(u−1)(2u+5)] / 18
///            + Σt(t−1) · Σu(u−1) / (2n(n−1)) + Σt(t−1)(t−2) · Σu(u−1)(u−2) / (9n(n−1)(n−2))
///
/// over x tie groups t and y tie groups u, and no continuity correction (`continuity = FALSE`).
/// Beyond `exactLimit` pairs the exact distribution (O(n³)) is replaced by the normal
/// approximation, and `method` says so; R's own exact code returns NaN beyond n = 170.
///
/// Source: R `stats:::cor.test.default`; Kendall MG (1970). Rank Correlation Methods, 4th ed.
public struct KendallTest: Sendable, Equatable {
    /// The largest n for which the exact distribution is used.
    public static let exactLimit = 1000

    /// τ-b and its pair counts.
    public let tau: KendallTau
    /// T (concordant pairs) for the exact test, z for the normal approximation; nil when τ is.
    public let statistic: Double?
    /// Two-sided p-value, nil when τ is undefined.
    public let pValue: Double?
    /// How `pValue` was obtained.
    public let method: KendallPValueMethod

    /// Tests independence of `x` and `y`; `exact` as in `cor.test` (metafor passes `TRUE`).
    public init(x: [Double], y: [Double], exact: Bool = true) throws(MetaAnalysisError) {
        guard x.count == y.count else {
            throw .invalidInput(row: min(x.count, y.count), reason: "x has \(x.count) values but y has \(y.count)")
        }
        guard x.count >= 2 else { throw .tooFewStudies(k: x.count, needed: 2) }
        let counts = try KendallTau(x: x, y: y)
        tau = counts
        let n = counts.n
        if exact && !counts.hasTies && n <= Self.exactLimit {
            method = .exact
            statistic = Double(counts.concordant)
            pValue = Kendall.twoSidedP(concordant: counts.concordant, n: n)
            return
        }
        method = .normalApproximation
        guard counts.tau != nil else {
            statistic = nil
            pValue = nil
            return
        }
        let z = Double(counts.s) / Self.varianceOfS(counts).squareRoot()
        statistic = z
        pValue = Normal.twoSidedP(z)
    }

    /// The tie-corrected null variance of S, as `cor.test` computes it.
    private static func varianceOfS(_ counts: KendallTau) -> Double {
        let n = Double(counts.n)
        func sums(_ groups: [Int]) -> (pairs: Double, v: Double, triples: Double) {
            var pairs = 0.0, v = 0.0, triples = 0.0
            for g in groups {
                let t = Double(g)
                pairs += t * (t - 1)
                v += t * (t - 1) * (2 * t + 5)
                triples += t * (t - 1) * (t - 2)
            }
            return (pairs, v, triples)
        }
        let xs = sums(counts.xTieGroups), ys = sums(counts.yTieGroups)
        let v0 = n * (n - 1) * (2 * n + 5)
        let v1 = xs.pairs * ys.pairs
        let v2 = xs.triples * ys.triples
        return (v0 - xs.v - ys.v) / 18 + v1 / (2 * n * (n - 1)) + v2 / (9 * n * (n - 1) * (n - 2))
    }
}

/// Begg and Mazumdar's rank correlation test for funnel-plot asymmetry, as `metafor::ranktest()`.
///
/// Each effect is standardized against the inverse-variance fixed-effect estimate θ̂ with the
/// variance of its difference from θ̂, and Kendall's τ-b between these and the sampling variances
/// is tested with `cor.test(method = "kendall", exact = TRUE)` semantics (exact p-value when
/// there are no ties, otherwise the tie-corrected normal approximation):
///
///     wᵢ = 1/vᵢ,  θ̂ = Σwᵢyᵢ / Σwᵢ,  yᵢ* = (yᵢ − θ̂) / √(vᵢ − 1/Σwᵢ),  τ = τ_b(y*, v).
///
/// Source: Begg CB, Mazumdar M (1994). Operating characteristics of a rank correlation test for
/// publication bias. Biometrics 50(4):1088–1101. doi:10.2307/2533446; `metafor::ranktest()`.
public struct RankCorrelationTest: Sendable, Equatable {
    /// Number of studies.
    public let k: Int
    /// Kendall's τ-b between standardized effects and variances; nil when undefined.
    public let tau: Double?
    /// Two-sided p-value; nil when τ is undefined (e.g. all variances equal).
    public let pValue: Double?
    /// Whether the p-value is exact or from the normal approximation.
    public let method: KendallPValueMethod

    /// Runs the test on effect sizes `yi` with sampling variances `vi` (k ≥ 2).
    public init(yi: [Double], vi: [Double], exact: Bool = true) throws(MetaAnalysisError) {
        guard yi.count == vi.count else {
            throw .invalidInput(row: min(yi.count, vi.count), reason: "yi has \(yi.count) values but vi has \(vi.count)")
        }
        guard yi.count >= 2 else { throw .tooFewStudies(k: yi.count, needed: 2) }
        for i in yi.indices {
            guard yi[i].isFinite else { throw .invalidInput(row: i, reason: "effect size is not finite") }
            guard vi[i].isFinite, vi[i] > 0 else { throw .nonPositiveVariance(row: i) }
        }
        var sumW = 0.0, sumWY = 0.0
        for i in yi.indices {
            let w = 1 / vi[i]
            sumW += w
            sumWY += yi[i] * w
        }
        let theta = sumWY / sumW
        let vb = 1 / sumW
        // R drops pairs whose standardized effect is NaN (vᵢ − 1/Σw rounding to ≤ 0).
        var yStar: [Double] = [], vKept: [Double] = []
        for i in yi.indices {
            let z = (yi[i] - theta) / (vi[i] - vb).squareRoot()
            if !z.isNaN {
                yStar.append(z)
                vKept.append(vi[i])
            }
        }
        let test = try KendallTest(x: yStar, y: vKept, exact: exact)
        k = yi.count
        tau = test.tau.tau
        pValue = test.pValue
        method = test.method
    }
}
