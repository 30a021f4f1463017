import RealModule

/// τ² of the model with design `x` (`rma.uni`'s own path): every term from weighted least squares.
func estimateTauSquared(y: [Double], v: [Double], design x: DesignMatrix, method: TauSquaredMethod) throws -> Double {
    func weighted(_ weights: [Double]) throws -> WeightedFit {
        guard let f = WeightedFit(y: y, weights: weights, design: x) else {
            throw MetaAnalysisError.singularDesign(columns: x.columns)
        }
        return f
    }
    let allPositive = v.allSatisfy { $0 > 0 }
    return try estimateTauSquared(
        k: x.rows, p: x.columns, method: method, allVariancesPositive: allPositive,
        moments: {
            // With a sampling variance of 0 the fixed-effect fit does not exist (DL and PM refuse such data).
            let fixed = allPositive ? try weighted(v.map { 1 / $0 }) : nil
            let ols = try weighted(Array(repeating: 1, count: y.count))
            let h = ols.leverageFactors(x)
            var trPV = 0.0
            for i in 0..<y.count { trPV += v[i] * (1 - h[i]) }
            let mean = y.reduce(0, +) / Double(y.count)
            return TauSquaredMoments(
                q: fixed?.rss ?? .nan, traceP: fixed?.traceP(x) ?? .nan, unweightedRSS: ols.rss, unweightedTracePV: trPV,
                squaresAroundMean: y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) })
        },
        mad: { medianAbsoluteDeviation(y) },
        fit: { t, needs in
            if t <= 0, !allPositive { throw MetaAnalysisError.zeroVarianceWithoutHeterogeneity }
            let f = try weighted(v.map { 1 / ($0 + t) })
            var terms = TauSquaredTerms(rss: f.rss)
            switch needs {
            case .rss:
                break
            case .scoring(.maximumLikelihood):
                terms.yPPy = f.rssSquared
                terms.sumW = f.weights.reduce(0, +)
                terms.sumW2 = f.weights.reduce(0) { $0 + $1 * $1 }
            case .scoring(.restrictedMaximumLikelihood):
                let traces = f.traces(x)
                (terms.yPPy, terms.traceP, terms.tracePP) = (f.rssSquared, traces.p, traces.pp)
            case .scoring:
                terms.sumW = f.weights.reduce(0, +)
            case .likelihood:
                terms.sumLogV = v.reduce(0) { $0 + Double.log($1 + t) }
                terms.logDetCrossProduct = f.logDetCrossProduct
            }
            return terms
        })
}
