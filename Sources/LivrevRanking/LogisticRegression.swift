/// L2-regularised logistic regression with an intercept, fitted by dual coordinate descent.
///
/// Minimises `½‖w‖² + Σᵢ Cᵢ log(1 + exp(−yᵢ wᵀxᵢ))`. Each dual coordinate `0 < αᵢ < Cᵢ` is
/// solved by a safeguarded Newton iteration on the pair (αᵢ, Cᵢ − αᵢ), in a seeded random order,
/// until the largest gradient falls below `tolerance` (liblinear's default 0.1 for this solver).
/// A refit starts from the previous solution, each `αᵢ / Cᵢ` kept as the weights change.
///
/// Source: Yu, Huang & Lin (2011), "Dual coordinate descent methods for logistic regression and
/// maximum entropy models", Machine Learning 85:41–75, doi:10.1007/s10994-010-5221-8 (Algorithm 5);
/// liblinear `solve_l2r_lr_dual`.
struct LogisticRegression {
    let cost: Double
    let tolerance: Double
    let maximumPasses: Int

    private(set) var weights: [Double]
    /// `αᵢ / Cᵢ` of each row trained on so far, and its label.
    private var fraction: [Int: (value: Double, include: Bool)] = [:]
    /// `αᵢ yᵢ` of each row of the last fit.
    private var trained: [Int: Double] = [:]

    init(termCount: Int, cost: Double, tolerance: Double = 0.1, maximumPasses: Int = 1000) {
        self.cost = cost
        self.tolerance = tolerance
        self.maximumPasses = maximumPasses
        weights = Array(repeating: 0, count: termCount + 1)
    }

    mutating func fit(
        _ features: TextFeatures, rows: [Int], labels: [Bool], rowWeights: [Double], random: inout RandomSource
    ) {
        let count = rows.count
        let y = labels.map { $0 ? 1.0 : -1.0 }
        let upper = rowWeights.map { cost * $0 }
        var alpha = (0..<count).map { i -> Double in
            if let known = fraction[rows[i]], known.include == labels[i] { return known.value * upper[i] }
            return min(0.001 * upper[i], 1e-8)
        }
        let squaredNorms = rows.map { features.squaredNorm(row: $0) }
        for index in weights.indices { weights[index] = 0 }
        var index = Array(0..<count)
        var innerTolerance = 1e-2
        let smallestInnerTolerance = min(1e-8, tolerance)
        let (tolerance, maximumPasses) = (tolerance, maximumPasses)
        var weights = self.weights
        self.weights = []
        defer { self.weights = weights }
        features.withRows { x in
            let privateMass = rows.map { x.privateMass[$0] }
            weights.withUnsafeMutableBufferPointer { weightBuffer in
                let w = weightBuffer
                for i in 0..<count { x.add(y[i] * alpha[i], row: rows[i], to: w) }
                for _ in 0..<maximumPasses {
                    for position in 0..<count { index.swapAt(position, position + random.below(count - position)) }
                    var newtonSteps = 0
                    var largestGradient = 0.0
                    for i in index {
                        let c = upper[i]
                        let a = squaredNorms[i]
                        // `yᵢ w · xᵢ`, the private terms' part `αᵢ · privateMass` folded in.
                        let b = y[i] * x.dot(UnsafeBufferPointer(w), row: rows[i]) + alpha[i] * privateMass[i]
                        // Optimise whichever of αᵢ and Cᵢ − αᵢ the gradient moves away from its bound.
                        let flipped = 0.5 * a * ((c - alpha[i]) - alpha[i]) + b < 0
                        let sign = flipped ? -1.0 : 1.0
                        let old = flipped ? c - alpha[i] : alpha[i]
                        var z = old
                        if c - z < 0.5 * c { z *= 0.1 }
                        var gradient = a * (z - old) + sign * b + Double.log(z / (c - z))
                        largestGradient = max(largestGradient, abs(gradient))
                        var steps = 0
                        while steps <= 100 {
                            if abs(gradient) < innerTolerance { break }
                            let curvature = a + c / (c - z) / z
                            let next = z - gradient / curvature
                            z = next <= 0 ? z * 0.1 : next
                            gradient = a * (z - old) + sign * b + Double.log(z / (c - z))
                            steps += 1
                        }
                        newtonSteps += steps
                        if steps > 0 {
                            alpha[i] = flipped ? c - z : z
                            x.add(sign * (z - old) * y[i], row: rows[i], to: w)
                        }
                    }
                    if largestGradient < tolerance { break }
                    if newtonSteps <= count / 10 { innerTolerance = max(smallestInnerTolerance, 0.1 * innerTolerance) }
                }
            }
        }
        for i in 0..<count { fraction[rows[i]] = (alpha[i] / upper[i], labels[i]) }
        trained = Dictionary(uniqueKeysWithValues: (0..<count).map { (rows[$0], alpha[$0] * y[$0]) })
    }

    /// `w · x + intercept` of each of `rows` (a trained row's private terms included).
    func scores(_ features: TextFeatures, rows: [Int]) -> [Double] {
        features.withRows { x in
            weights.withUnsafeBufferPointer { w in
                rows.map { x.dot(w, row: $0) + (trained[$0] ?? 0) * x.privateMass[$0] }
            }
        }
    }
}
