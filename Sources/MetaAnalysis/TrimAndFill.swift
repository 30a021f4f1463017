import RealModule

/// Duval and Tweedie's trim-and-fill with the L0 estimator (`metafor::trimfill` defaults).
///
/// The side of the missing studies is taken from the sign of the slope of yi on √vi (missing
/// on the left when the slope is positive). Studies on the other side are trimmed iteratively
/// until the L0 estimate k0 = round((4·Sᵣ − k(k+1))/(2k − 1)) is stable, then their mirror
/// images 2μ̂ − yᵢ are added and the augmented set is pooled again (z test, as metafor).
///
/// Source: Duval S, Tweedie R (2000) doi:10.1111/j.0006-341X.2000.00455.x; `metafor::trimfill.rma.uni`.
public enum TrimAndFill {
    /// Which side the imputed studies are added to.
    public enum Side: String, Sendable {
        case left, right
    }

    /// Runs trim-and-fill on the effects pooled with `method`.
    ///
    /// - Throws: `.tooFewStudies` when k < 3 (metafor's side regression needs three studies),
    ///   `.didNotConverge` after 100 iterations.
    public static func analyze(
        _ effects: [EffectSize], method: TauSquaredMethod = .restrictedMaximumLikelihood,
        test: WaldTest = .z, side requestedSide: Side? = nil
    ) throws -> TrimAndFillResult {
        let k = effects.count
        guard k >= 3 else { throw MetaAnalysisError.tooFewStudies(k: k, needed: 3) }
        let side: Side
        if let requestedSide {
            side = requestedSide
        } else {
            let slope = try MetaRegression.fit(
                effects, moderators: effects.map { [$0.vi.squareRoot()] },
                method: method
            ).coefficients[1].estimate
            side = slope < 0 ? .right : .left
        }
        let sign: Double = side == .right ? -1 : 1
        // Stable sort by (sign-adjusted) effect, as R's sort(index.return = TRUE).
        let order = effects.indices.sorted { a, b in
            let ya = sign * effects[a].yi, yb = sign * effects[b].yi
            return ya < yb || (ya == yb && a < b)
        }
        let y = order.map { sign * effects[$0].yi }
        let v = order.map { effects[$0].vi }
        var k0 = 0, previous = -1, iterations = 0
        var beta = 0.0
        var seK0 = 0.0
        while k0 != previous {
            previous = k0
            iterations += 1
            if iterations > 100 { throw MetaAnalysisError.didNotConverge(estimator: "trim-and-fill", iterations: 100) }
            beta = try pooledMean(y: Array(y[0..<(k - k0)]), v: Array(v[0..<(k - k0)]), method: method)
            let centered = y.map { $0 - beta }
            let sr = positiveRankSum(centered)
            let kd = Double(k)
            let estimate = (4 * sr - kd * (kd + 1)) / (2 * kd - 1)
            let variance =
                (kd * (kd + 1) * (2 * kd + 1) + 10 * Double.pow(estimate, 3) + 27 * estimate * estimate
                    + 17 * estimate - 18 * kd * estimate * estimate - 18 * kd * estimate + 6 * kd * kd * estimate) / 24
            seK0 = max(0, 4 * variance.squareRoot() / (2 * kd - 1))
            k0 = max(0, Int(estimate.rounded(.toNearestOrEven)))
            if k0 >= k { k0 = k - 1 }
        }
        var filled: [EffectSize] = []
        if k0 > 0 {
            for i in (k - k0)..<k { filled.append(EffectSize(yi: sign * (2 * beta - y[i]), vi: v[i])) }
        }
        let pooled =
            k0 > 0
            ? try Pooling.fit(effects + filled, method: method, test: .z)
            : try Pooling.fit(effects, method: method, test: test)
        return TrimAndFillResult(side: side, k0: k0, seK0: seK0, filled: filled, pooled: pooled)
    }
}

/// The random-effects estimate alone (what trimfill's iterations use), without the rest of a fit.
func pooledMean(y: [Double], v: [Double], method: TauSquaredMethod) throws -> Double {
    let design = DesignMatrix.intercept(y.count)
    let tau2 = try estimateTauSquared(y: y, v: v, design: design, method: method)
    // Computed as (Xᵀ W X)⁻¹ · Xᵀ W y, like rma: with one study left, yᵢ − μ̂ must round to the
    // same tiny value (and sign) as in metafor, or the rank sum changes.
    guard let fit = WeightedFit(y: y, weights: v.map { 1 / ($0 + tau2) }, design: design) else {
        throw MetaAnalysisError.singularDesign(columns: 1)
    }
    return fit.beta[0]
}

/// Σ of rank(|xᵢ|, ties.method = "first") over xᵢ > 0, for x sorted ascending, in O(k): the
/// magnitudes below zero (read backwards) and from zero up (read forwards) are two sorted runs
/// to merge; on ties the smaller index, always in the left run, ranks first.
func positiveRankSum(_ x: [Double]) -> Double {
    let split = x.firstIndex { $0 >= 0 } ?? x.count
    var left = split - 1, right = split, rank = 0
    var total = 0.0
    while left >= 0 || right < x.count {
        rank += 1
        if right >= x.count || (left >= 0 && -x[left] <= x[right]) {
            left -= 1
        } else {
            if x[right] > 0 { total += Double(rank) }
            right += 1
        }
    }
    return total
}

/// The result of trim-and-fill.
public struct TrimAndFillResult: Equatable, Sendable {
    /// The side the missing studies were imputed on.
    public var side: TrimAndFill.Side
    /// Estimated number of missing studies (L0) and its standard error.
    public var k0: Int
    public var seK0: Double
    /// The imputed studies (mirror images), in metafor's order.
    public var filled: [EffectSize]
    /// The meta-analysis of observed plus imputed studies (the original fit when k0 = 0).
    public var pooled: PooledEstimate
}
