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

    /// The weights over `features.termCount` terms plus the intercept (last).
    private(set) var weights: [Double]
    /// The dual variable of each row trained on so far, by row.
    private var dual: [Int: Double] = [:]
    /// The label (+1 / −1) each dual variable belongs to.
    private var sign: [Int: Double] = [:]

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
        let count = rows.count
        // Drop what no longer holds: rows unlabelled since, or relabelled.
        var kept: [Int: Bool] = [:]
        for (row, label) in zip(rows, labels) { kept[row] = label }
        for (row, alpha) in dual.sorted(by: { $0.key < $1.key }) {
            let current = kept[row].map { $0 ? 1.0 : -1.0 }
            if current != sign[row] {
                weights.withUnsafeMutableBufferPointer { features.add(-alpha * (sign[row] ?? 0), row: row, to: $0) }
                dual[row] = nil
                sign[row] = nil
            }
        }
        var alpha = rows.map { dual[$0] ?? 0 }
        let y = labels.map { $0 ? 1.0 : -1.0 }
        let diagonal = rowWeights.map { 0.5 / (cost * $0) }
        let qd = (0..<count).map { diagonal[$0] + features.squaredNorm(row: rows[$0]) }
        var index = Array(0..<count)
        var activeSize = count
        var maximumOld = Double.infinity
        var pass = 0
        weights.withUnsafeMutableBufferPointer { w in
            while pass < maximumPasses {
                var maximumNew = -Double.infinity
                var minimumNew = Double.infinity  // no upper bound on α, so only the max shrinks
                for position in 0..<activeSize {
                    index.swapAt(position, position + random.below(activeSize - position))
                }
                var position = 0
                while position < activeSize {
                    let i = index[position]
                    let gradient = y[i] * features.dot(UnsafeBufferPointer(w), row: rows[i]) - 1 + alpha[i] * diagonal[i]
                    var projected = 0.0
                    if alpha[i] == 0 {
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
                        let old = alpha[i]
                        alpha[i] = max(old - gradient / qd[i], 0)
                        features.add((alpha[i] - old) * y[i], row: rows[i], to: w)
                    }
                    position += 1
                }
                pass += 1
                if maximumNew - minimumNew <= tolerance {
                    if activeSize == count { break }
                    activeSize = count
                    maximumOld = .infinity
                    continue
                }
                maximumOld = maximumNew <= 0 ? .infinity : maximumNew
            }
        }
        for (i, row) in rows.enumerated() {
            dual[row] = alpha[i]
            sign[row] = y[i]
        }
    }
}
