/// The per-table effects that `rma.mh()` and `rma.peto()` report beside their pooled estimate
/// (`yi.f`, `vi.f`): `escalc()` with 1/2 added to every cell of a table with a zero cell and
/// tables without events (or with only events) in both groups left out (`add = 1/2`,
/// `to = "only0"`, `drop00 = TRUE`), so a double-zero table has no per-table effect.
///
/// Source: `metafor::rma.mh`, `metafor::rma.peto`, `metafor::escalc` (measure "PETO").
public enum TwoByTwoRows {
    /// Each table's log OR, log RR or RD as `rma.mh(measure:)` reports it; nil for a double-zero table.
    public static func mantelHaenszel(
        ai: [Double], n1i: [Double], ci: [Double], n2i: [Double], measure: Measure
    ) throws(MetaAnalysisError) -> [EffectSize?] {
        let t = try MantelHaenszel.Tables(ai: ai, n1i: n1i, ci: ci, n2i: n2i)
        return (0..<t.k).map { i in
            EffectSize.twoByTwo(
                eventsTreatment: t.a[i], nTreatment: t.n1[i], eventsControl: t.c[i], nControl: t.n2[i],
                measure: measure, correction: .dropDoubleZero)
        }
    }

    /// Each table's Peto log odds ratio (Oᵢ − Eᵢ)/Vᵢ with variance 1/Vᵢ, as `rma.peto()` reports
    /// it: Eᵢ = xᵢn₁ᵢ/Nᵢ and Vᵢ = xᵢyᵢ(n₁ᵢ/Nᵢ)(n₂ᵢ/Nᵢ)/(Nᵢ − 1) with xᵢ events and yᵢ non-events,
    /// on the corrected cells; nil for a double-zero table.
    public static func peto(
        ai: [Double], n1i: [Double], ci: [Double], n2i: [Double]
    ) throws(MetaAnalysisError) -> [EffectSize?] {
        let t = try MantelHaenszel.Tables(ai: ai, n1i: n1i, ci: ci, n2i: n2i)
        return (0..<t.k).map { i in
            guard
                let (a, b, c, d) = EffectSize.cells(
                    eventsTreatment: t.a[i], nTreatment: t.n1[i], eventsControl: t.c[i], nControl: t.n2[i],
                    correction: .dropDoubleZero)
            else { return nil }
            let n1 = a + b, n2 = c + d, n = n1 + n2
            let events = a + c, nonEvents = b + d
            let variance = events * nonEvents * (n1 / n) * (n2 / n) / (n - 1)
            let yi = (a - events * n1 / n) / variance
            guard yi.isFinite, (1 / variance).isFinite else { return nil }
            return EffectSize(yi: yi, vi: 1 / variance)
        }
    }
}
