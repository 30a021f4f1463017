import RealModule

/// All k deletions of an intercept-only model: Q₋ᵢ and the moment estimators (FE, DL, HE, SJ's
/// start) from running sums in O(1), the iterative estimators (REML, ML, EB, PM, SJ) following
/// `rma.uni`'s own iteration path exactly, and every weighted sum taken from `SeriesSums`
/// instead of an O(k) pass. A deletion whose estimator fails (as metafor's refit would) comes
/// back undefined (NaN), as `influence()` leaves NA.
struct SeriesDeletions {
    let y: [Double]
    let v: [Double]
    let k: Int
    let centerRE: Double
    var series: SeriesSums
    // Fixed-effect running sums around the fixed-effect mean (Q₋ᵢ, tr(P)₋ᵢ).
    let centerFE: Double
    var s1 = 0.0, sz = 0.0, szz = 0.0, s2 = 0.0
    // Unweighted running sums around the plain mean (HE, SJ).
    let mean: Double
    var su = 0.0, suu = 0.0, sv = 0.0, sumLogV = 0.0
    var madDeleted: [Double] = []

    init(y: [Double], v: [Double], full: ModelFit, method: TauSquaredMethod) {
        self.y = y
        self.v = v
        k = y.count
        centerRE = full.beta[0]
        series = SeriesSums(z: y.map { $0 - full.beta[0] }, v: v)
        var sw = 0.0, swy = 0.0
        for i in 0..<k { sw += 1 / v[i]; swy += y[i] / v[i] }
        centerFE = swy / sw
        mean = y.reduce(0, +) / Double(k)
        for i in 0..<k {
            let w = 1 / v[i], z = y[i] - centerFE, u = y[i] - mean
            s1 += w; sz += w * z; szz += w * z * z; s2 += w * w
            su += u; suu += u * u; sv += v[i]; sumLogV += Double.log(v[i])
        }
        if method == .pauleMandel { madDeleted = deletedMedianAbsoluteDeviations(y) }
    }

    mutating func deletion(
        _ i: Int, method: TauSquaredMethod, test: WaldTest,
        critical: (z: Double, t: Double)
    ) -> DeletionFit {
        let kd = k - 1
        let w = 1 / v[i], zFE = y[i] - centerFE
        let s1d = s1 - w, szd = sz - w * zFE, s2d = s2 - w * w
        let q = (szz - w * zFE * zFE) - szd * szd / s1d
        let traceP = s1d - s2d / s1d
        let u = y[i] - mean
        let sud = su - u
        let statistics = SubsetStatistics(
            n: kd, q: q, s1: s1d, s2: s2d, rss0: (suu - u * u) - sud * sud / Double(kd),
            sumV: sv - v[i], sumLogV: sumLogV - Double.log(v[i]))
        let mad = madDeleted.isEmpty ? Double.nan : madDeleted[i]
        guard
            let tau2 = kd == 1
                ? 0
                : estimateTauSquared(
                    statistics, method: method, mad: { mad },
                    sums: { series.sums(excluding: i, at: $0, powers: $1, log: $2) })
        else {
            return .undefined
        }
        let sums = series.sums(excluding: i, at: tau2)
        let w1 = sums.w1, wz = sums.w1z, wzz = sums.w1zz
        let offset = wz / w1
        return DeletionFit.assemble(
            k: kd, center: centerRE, sumW: w1, meanOffset: offset, rss: max(0, wzz - wz * offset),
            q: q, traceP: traceP, tau2: tau2, sumWAllRows: w1 + 1 / (v[i] + tau2),
            method: method, test: test, critical: critical)
    }
}

extension DeletionFit {
    /// A deletion whose refit failed: every diagnostic undefined.
    static let undefined = DeletionFit(
        estimate: .nan, variance: .nan, s2w: .nan, tau2: .nan, varianceAllRows: .nan,
        summary: LeaveOneOut(
            estimate: .nan, se: .nan, statistic: .nan, p: .nan, ciLower: .nan, ciUpper: .nan,
            q: .nan, qDF: 0, tau2: .nan, i2: .nan, h2: .nan))
}

/// R's `mad(y[-i])` for every i in O(k log k): the median of k − 1 values takes at most three
/// distinct values, and for each, deleting one absolute deviation shifts a sorted rank.
func deletedMedianAbsoluteDeviations(_ y: [Double]) -> [Double] {
    let k = y.count
    guard k >= 2 else { return Array(repeating: .nan, count: k) }
    /// Median of `sorted` without the element at `position`.
    func medianWithout(_ sorted: [Double], _ position: Int) -> Double {
        let n = sorted.count - 1
        func at(_ rank: Int) -> Double { sorted[rank < position ? rank : rank + 1] }
        return n % 2 == 1 ? at(n / 2) : (at(n / 2 - 1) + at(n / 2)) / 2
    }
    let order = y.indices.sorted { y[$0] < y[$1] || (y[$0] == y[$1] && $0 < $1) }
    let sortedY = order.map { y[$0] }
    var positionInY = Array(repeating: 0, count: k)
    for (p, i) in order.enumerated() { positionInY[i] = p }
    var byMedian: [Double: (sorted: [Double], position: [Int])] = [:]
    var result = Array(repeating: 0.0, count: k)
    for i in 0..<k {
        let m = medianWithout(sortedY, positionInY[i])
        let entry: (sorted: [Double], position: [Int])
        if let cached = byMedian[m] {
            entry = cached
        } else {
            let d = y.map { abs($0 - m) }
            let o = d.indices.sorted { d[$0] < d[$1] || (d[$0] == d[$1] && $0 < $1) }
            var position = Array(repeating: 0, count: k)
            for (p, j) in o.enumerated() { position[j] = p }
            entry = (o.map { d[$0] }, position)
            byMedian[m] = entry
        }
        result[i] = madConstant * medianWithout(entry.sorted, entry.position[i])
    }
    return result
}
