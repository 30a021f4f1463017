/// An L2-regularised, L2-loss (squared hinge) linear support vector machine with an intercept,
/// fitted by dual coordinate descent, warm-started from the previous fit.
///
/// Minimises `½‖w‖² + Σᵢ Cᵢ max(0, 1 − yᵢ wᵀxᵢ)²` over `w` (the intercept is a weight on a
/// constant feature 1, regularised like the others, as liblinear and scikit-learn's `LinearSVC`
/// with `intercept_scaling=1` do). The dual `min ½αᵀQ̄α − eᵀα, α ≥ 0` with `Q̄ = Q + D`,
/// `Dᵢᵢ = 1/(2Cᵢ)`, is solved one coordinate at a time in a seeded random order, with
/// liblinear's shrinking and its stopping rule (max − min projected gradient ≤ `tolerance`).
///
/// Adding a label leaves every earlier `αᵢ` feasible, so a refit after one more decision starts
/// from the last solution and needs a few passes: that is what makes retraining per decision cheap.
/// The weights cover the shared terms only; a private term's part of `w · xᵢ` is
/// `αᵢ yᵢ · privateMass[i]` (see `TextFeatures`), folded into each gradient and score.
///
/// Source: Hsieh, Chang, Lin, Keerthi & Sundararajan (2008), "A dual coordinate descent method for
/// large-scale linear SVM", ICML, doi:10.1145/1390156.1390208 (Algorithm 1 and §3.2); liblinear
/// `solve_l2r_l1l2_svc`.
struct LinearSVM {
    /// `C` of `LinearSVC` (ASReview's default: 0.11).
    let cost: Double
    /// liblinear's `eps` (scikit-learn's `tol` default: 1e-4).
    let tolerance: Double
    /// Passes over the data at most (scikit-learn's default: 1000).
    let maximumPasses: Int

    /// The weights over `features.sharedTermCount` terms plus the intercept (last).
    private(set) var weights: [Double]
    /// Each row's dual variable (0 when not trained on) and its label's sign (+1 / −1, 0 when
    /// not trained on).
    private var dual: [Double] = []
    private var sign: [Double] = []
    /// Passes over the training rows so far, all fits together (for the benchmark).
    private(set) var passes = 0

    init(termCount: Int, cost: Double, tolerance: Double = 1e-4, maximumPasses: Int = 1000) {
        self.cost = cost
        self.tolerance = tolerance
        self.maximumPasses = maximumPasses
        weights = Array(repeating: 0, count: termCount + 1)
    }

    /// Refits on `rows` with labels `labels` (true = include) and per-row weights `rowWeights`
    /// (`Cᵢ = cost · rowWeights[i]`), starting from the previous solution.
    mutating func fit(
        _ features: TextFeatures, rows: [Int], labels: [Bool], rowWeights: [Double], random: inout RandomSource
    ) {
        precondition(weights.count == features.sharedTermCount + 1)
        if dual.count != features.count {
            dual = Array(repeating: 0, count: features.count)
            sign = Array(repeating: 0, count: features.count)
        }
        let count = rows.count
        let y = labels.map { $0 ? 1.0 : -1.0 }
        // Drop what no longer holds (rows unlabelled since, or relabelled), in row order.
        var current = [Double](repeating: 0, count: features.count)
        for (row, label) in zip(rows, y) { current[row] = label }
        var alpha = [Double](repeating: 0, count: count)
        var diagonal = [Double](repeating: 0, count: count)
        var qd = [Double](repeating: 0, count: count)
        var privateMass = [Double](repeating: 0, count: count)
        var index = Array(0..<count)
        var passes = 0
        let (cost, tolerance, maximumPasses) = (cost, tolerance, maximumPasses)
        // Held in locals while the loops run, so no access to `self` overlaps another.
        var weights = self.weights
        var dual = self.dual
        var sign = self.sign
        self.weights = []
        self.dual = []
        self.sign = []
        defer {
            self.weights = weights
            self.dual = dual
            self.sign = sign
        }
        features.withRows { x in
            weights.withUnsafeMutableBufferPointer { weightBuffer in
                let w = weightBuffer
                for row in 0..<dual.count where sign[row] != 0 && sign[row] != current[row] {
                    x.add(-dual[row] * sign[row], row: row, to: w)
                    dual[row] = 0
                    sign[row] = 0
                }
                for i in 0..<count {
                    alpha[i] = dual[rows[i]]
                    diagonal[i] = 0.5 / (cost * rowWeights[i])
                    qd[i] = diagonal[i] + features.squaredNorm(row: rows[i])
                    privateMass[i] = x.privateMass[rows[i]]
                }
                var activeSize = count
                var maximumOld = Double.infinity
                while passes < maximumPasses {
                    var maximumNew = -Double.infinity
                    var minimumNew = Double.infinity  // no upper bound on α, so only the max shrinks
                    for position in 0..<activeSize {
                        index.swapAt(position, position + random.below(activeSize - position))
                    }
                    var position = 0
                    while position < activeSize {
                        let i = index[position]
                        let a = alpha[i]
                        let gradient = y[i] * x.dot(UnsafeBufferPointer(w), row: rows[i]) - 1 + a * (diagonal[i] + privateMass[i])
                        var projected = 0.0
                        if a == 0 {
                            if gradient > maximumOld {
                                activeSize -= 1
                                index.swapAt(position, activeSize)
                                continue
                            }
                            if gradient < 0 { projected = gradient }
                        } else {
                            projected = gradient
                        }
                        maximumNew = max(maximumNew, projected)
                        minimumNew = min(minimumNew, projected)
                        if abs(projected) > 1e-12 {
                            let updated = max(a - gradient / qd[i], 0)
                            alpha[i] = updated
                            x.add((updated - a) * y[i], row: rows[i], to: w)
                        }
                        position += 1
                    }
                    passes += 1
                    if maximumNew - minimumNew <= tolerance {
                        if activeSize == count { break }
                        activeSize = count
                        maximumOld = .infinity
                        continue
                    }
                    maximumOld = maximumNew <= 0 ? .infinity : maximumNew
                }
            }
        }
        self.passes += passes
        for (i, row) in rows.enumerated() {
            dual[row] = alpha[i]
            sign[row] = y[i]
        }
    }

    /// `w · x + intercept` of each of `rows` (a trained row's private terms included).
    func scores(_ features: TextFeatures, rows: [Int]) -> [Double] {
        features.withRows { x in
            weights.withUnsafeBufferPointer { w in
                rows.map { row in
                    let own = dual.isEmpty ? 0 : dual[row] * sign[row] * x.privateMass[row]
                    return x.dot(w, row: row) + own
                }
            }
        }
    }
}
