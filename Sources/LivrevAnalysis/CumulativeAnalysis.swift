import MetaAnalysis

/// One step of a cumulative meta-analysis as reported: what was added, and the pooled result after it.
public struct CumulativeEntry: Sendable {
    /// "+ Hare 2009" (a row added, by year) or the snapshot's name.
    public var label: String
    public var year: Int?
    public var step: CumulativeStep

    public init(label: String, year: Int?, step: CumulativeStep) {
        self.label = label
        self.year = year
        self.step = step
    }
}

/// Cumulative meta-analysis: by publication year (metafor's `cumul()`), or over snapshots.
public enum CumulativeAnalysis {
    /// The trailing four-digit year of a study key such as "Hare 2009".
    public static func year(ofKey key: String) -> Int? {
        key.split(separator: " ").last.flatMap { $0.count == 4 ? Int($0) : nil }
    }

    /// Adds one row at a time in order of publication year (the row's year, else the study key's
    /// trailing year; ties keep the rows' order); rows without an effect are left out.
    public static func byYear(_ outcome: AnalysisOutcome, rows: [AnalysisRow], specification: AnalysisSpecification)
        throws -> [CumulativeEntry]
    {
        let pooled = try OutcomeAnalysis.pool(outcome, rows: rows, specification: specification)
        let years = rows.map { $0.year ?? year(ofKey: $0.study) ?? Int.max }
        // Rows without an effect were dropped by pooling; match the rest back to their years in order.
        var kept: [(year: Int, row: PooledOutcome.Row)] = []
        var next = 0
        for (index, row) in rows.enumerated() where next < pooled.rows.count {
            if pooled.rows[next].study == row.study, pooled.rows[next].label == row.label {
                kept.append((years[index], pooled.rows[next]))
                next += 1
            }
        }
        let ordered = kept.enumerated().sorted { ($0.element.year, $0.offset) < ($1.element.year, $1.offset) }.map(\.element)
        guard let method = specification.method.tauSquared else { throw AnalysisError.needsInverseVariance("cumulative") }
        let steps = try Cumulative.analyze(
            ordered.map { EffectSize(yi: $0.row.yi, vi: $0.row.vi) }, method: method, test: specification.test)
        return zip(ordered, steps).map { item, step in
            CumulativeEntry(label: "+ \(item.row.name)", year: item.year == Int.max ? nil : item.year, step: step)
        }
    }

    /// The step of one snapshot's pooled result; nil when it has no estimate.
    public static func step(_ pooled: PooledOutcome, snapshot: String) -> CumulativeEntry? {
        guard let estimate = pooled.estimate else { return nil }
        return CumulativeEntry(
            label: snapshot, year: nil,
            step: CumulativeStep(
                k: pooled.k, estimate: estimate, se: pooled.se ?? .nan, statistic: pooled.statistic ?? .nan,
                p: pooled.p ?? .nan, ciLower: pooled.ciLower ?? .nan, ciUpper: pooled.ciUpper ?? .nan,
                q: pooled.q ?? .nan, qDF: pooled.qDF ?? 0, tau2: pooled.tau2 ?? 0, i2: pooled.i2 ?? .nan,
                h2: pooled.h2 ?? .nan))
    }
}
