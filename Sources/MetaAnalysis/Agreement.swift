import RealModule

/// Agreement between two raters (e.g. two screeners): Cohen's κ, percent agreement and PABAK.
///
/// From the q × q table of proportions pᵢⱼ (first rater's category i, second rater's j) over
/// the caller's full list of categories (unused ones count towards q):
///
///     p_o = Σᵢ pᵢᵢ,   p_e = Σᵢ pᵢ. p.ᵢ,   κ = (p_o − p_e) / (1 − p_e),
///     PABAK = (q·p_o − 1) / (q − 1),
///
/// and κ's large-sample standard error of Fleiss, Cohen and Everitt (1969),
///
///     Var(κ) = [Σᵢ pᵢᵢ{(1 − p_e) − (pᵢ. + p.ᵢ)(1 − p_o)}² + (1 − p_o)² Σᵢ≠ⱼ pᵢⱼ(p.ᵢ + pⱼ.)²
///               − (p_o p_e − 2p_e + p_o)²] / (n (1 − p_e)⁴).
///
/// κ and its standard error are nil when p_e = 1 (both raters put every item in one category).
///
/// Source: Cohen J (1960) doi:10.1177/001316446002000104; Fleiss JL, Cohen J, Everitt BS
/// (1969) doi:10.1037/h0028106; Byrt T, Bishop J, Carlin JB (1993) PABAK,
/// doi:10.1016/0895-4356(93)90018-V.
public struct Agreement: Sendable, Equatable {
    /// Number of items rated by both raters.
    public let n: Int
    /// Number of categories q, including unused ones.
    public let categoryCount: Int
    /// Observed proportion of agreement p_o (percent agreement / 100).
    public let observedAgreement: Double
    /// Agreement expected by chance, p_e.
    public let expectedAgreement: Double
    /// Cohen's κ, nil when p_e = 1.
    public let kappa: Double?
    /// Fleiss–Cohen–Everitt standard error of κ, nil when p_e = 1.
    public let kappaStandardError: Double?
    /// Prevalence- and bias-adjusted κ, (q·p_o − 1)/(q − 1).
    public let pabak: Double

    /// Percent agreement, 100·p_o.
    public var percentAgreement: Double { 100 * observedAgreement }

    /// Compares two raters' labels item by item over the declared `categories` (q ≥ 2).
    public init(first: [String], second: [String], categories: [String]) throws(MetaAnalysisError) {
        guard first.count == second.count else {
            throw .invalidInput(
                row: min(first.count, second.count), reason: "the raters labelled \(first.count) and \(second.count) items")
        }
        guard !first.isEmpty else { throw .invalidInput(row: 0, reason: "no items were rated") }
        let q = categories.count
        guard q >= 2 else { throw .invalidInput(row: 0, reason: "agreement needs at least two categories, got \(q)") }
        var index: [String: Int] = [:]
        for (i, c) in categories.enumerated() {
            if index[c] != nil { throw .invalidInput(row: i, reason: "category '\(c)' is declared twice") }
            index[c] = i
        }
        var counts = [[Double]](repeating: [Double](repeating: 0, count: q), count: q)
        for (row, (a, b)) in zip(first, second).enumerated() {
            guard let i = index[a] else { throw .invalidInput(row: row, reason: "label '\(a)' is not a declared category") }
            guard let j = index[b] else { throw .invalidInput(row: row, reason: "label '\(b)' is not a declared category") }
            counts[i][j] += 1
        }
        let total = Double(first.count)
        let p = counts.map { row in row.map { $0 / total } }
        // Marginals and agreement from whole counts, so p_e = 1 is detected exactly.
        var rowCounts = [Double](repeating: 0, count: q), colCounts = [Double](repeating: 0, count: q)
        var agreed = 0.0
        for i in 0..<q {
            agreed += counts[i][i]
            for j in 0..<q {
                rowCounts[i] += counts[i][j]
                colCounts[j] += counts[i][j]
            }
        }
        let rows = rowCounts.map { $0 / total }, cols = colCounts.map { $0 / total }
        var chance = 0.0
        for i in 0..<q { chance += rowCounts[i] * colCounts[i] }
        let po = agreed / total
        let pe = chance / (total * total)
        n = first.count
        categoryCount = q
        observedAgreement = po
        expectedAgreement = pe
        pabak = (Double(q) * po - 1) / Double(q - 1)
        guard pe < 1 else {
            kappa = nil
            kappaStandardError = nil
            return
        }
        kappa = (po - pe) / (1 - pe)
        var diagonal = 0.0, offDiagonal = 0.0
        for i in 0..<q {
            let d = (1 - pe) - (rows[i] + cols[i]) * (1 - po)
            diagonal += p[i][i] * d * d
            for j in 0..<q where j != i {
                let s = cols[i] + rows[j]
                offDiagonal += p[i][j] * s * s
            }
        }
        let last = po * pe - 2 * pe + po
        let variance =
            (diagonal + (1 - po) * (1 - po) * offDiagonal - last * last)
            / (total * Double.pow(1 - pe, 4))
        kappaStandardError = max(variance, 0).squareRoot()
    }
}
