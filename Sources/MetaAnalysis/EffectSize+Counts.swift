import RealModule

extension EffectSize {
    /// The effect of a two-arm study with binary outcome, as `metafor::escalc(measure, ai, n1i, ci, n2i)`.
    ///
    /// Treatment is group 1 (`ai` events among `n1i`), control group 2 (`ci` among `n2i`).
    /// OR: yi = log(ai·di/(bi·ci)), vi = 1/ai + 1/bi + 1/ci + 1/di. RR: yi = log((ai/n1i)/(ci/n2i)),
    /// vi = 1/ai − 1/n1i + 1/ci − 1/n2i. RD: yi = ai/n1i − ci/n2i, vi = p1(1−p1)/n1i + p2(1−p2)/n2i
    /// (`vtype = "LS"`). Returns nil when the row is dropped (a double-zero table under
    /// `.dropDoubleZero`, an undefined effect under `.none`) or the counts are invalid; under
    /// `.none` a double-zero RD is 0 with variance 0, kept as escalc keeps it. PLO and
    /// PFT are single-arm measures and also give nil here.
    ///
    /// Source: `metafor::escalc` (metafor 3.8-1); Deeks JJ, Altman DG (2001) in Systematic
    /// Reviews in Health Care, ch. 16, doi:10.1002/9780470693926.ch16.
    public static func twoByTwo(
        eventsTreatment ai: Double, nTreatment n1i: Double,
        eventsControl ci: Double, nControl n2i: Double,
        measure: Measure, correction: ZeroCellCorrection = .metafor
    ) -> EffectSize? {
        guard
            let (a, b, c, d) = cells(
                eventsTreatment: ai, nTreatment: n1i, eventsControl: ci, nControl: n2i, correction: correction)
        else { return nil }
        let n1 = a + b, n2 = c + d
        let p1 = a / n1, p2 = c / n2
        let effect: EffectSize
        switch measure {
        case .OR:
            effect = EffectSize(
                yi: Double.log(p1 / (1 - p1)) - Double.log(p2 / (1 - p2)),
                vi: 1 / a + 1 / b + 1 / c + 1 / d)
        case .RR:
            effect = EffectSize(yi: Double.log(p1) - Double.log(p2), vi: 1 / a - 1 / n1 + 1 / c - 1 / n2)
        case .RD:
            effect = EffectSize(yi: p1 - p2, vi: p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2)
        case .PLO, .PFT:
            return nil
        }
        // vi = 0 is an effect (RD of a double-zero table without correction), as escalc has it.
        guard effect.yi.isFinite, effect.vi.isFinite, effect.vi >= 0 else { return nil }
        return effect
    }

    /// The four cells a, b, c, d of a 2×2 table after `correction` (`escalc`'s `add`, `to`, `drop00`);
    /// nil when the counts are invalid or the table is dropped (a double zero under `.dropDoubleZero`).
    /// `twoByTwo`, and the per-table estimates of Mantel–Haenszel and Peto, all start here.
    static func cells(
        eventsTreatment ai: Double, nTreatment n1i: Double, eventsControl ci: Double, nControl n2i: Double,
        correction: ZeroCellCorrection
    ) -> (a: Double, b: Double, c: Double, d: Double)? {
        guard [ai, n1i, ci, n2i].allSatisfy({ $0.isFinite && $0 >= 0 }), ai <= n1i, ci <= n2i else { return nil }
        var a = ai, b = n1i - ai, c = ci, d = n2i - ci
        let hasZero = a == 0 || b == 0 || c == 0 || d == 0
        switch correction {
        case .none:
            break
        case let .all(add):
            a += add; b += add; c += add; d += add
        case .metafor, .dropDoubleZero:
            if correction == .dropDoubleZero, (a == 0 && c == 0) || (b == 0 && d == 0) { return nil }
            if hasZero { a += 0.5; b += 0.5; c += 0.5; d += 0.5 }
        }
        return (a, b, c, d)
    }

    /// A single-arm proportion `xi` events among `ni`, as `metafor::escalc(measure, xi, ni)`.
    ///
    /// PLO: yi = log(p/(1−p)), vi = 1/xi + 1/(ni−xi) (1/2 added to both cells when one is zero
    /// under `.metafor`). PFT: yi = ½[asin √(xi/(ni+1)) + asin √((xi+1)/(ni+1))], vi = 1/(4ni+2),
    /// no correction by default. Returns nil for invalid counts, an undefined effect, or a
    /// two-arm measure.
    ///
    /// Source: `metafor::escalc`; Freeman MF, Tukey JW (1950) doi:10.1214/aoms/1177729756.
    public static func proportion(
        events xi: Double, total ni: Double, measure: Measure,
        correction: ZeroCellCorrection = .metafor
    ) -> EffectSize? {
        guard xi.isFinite, ni.isFinite, xi >= 0, ni > 0, xi <= ni else { return nil }
        var x = xi, m = ni - xi
        let add: Double
        switch (correction, measure) {
        case (.none, _), (.metafor, .PFT), (.dropDoubleZero, .PFT): add = 0
        case let (.all(value), _): add = value
        default: add = (x == 0 || m == 0) ? 0.5 : 0
        }
        x += add
        m += add
        let n = x + m
        let effect: EffectSize
        switch measure {
        case .PLO:
            let p = x / n
            effect = EffectSize(yi: Double.log(p / (1 - p)), vi: 1 / (n * p * (1 - p)))
        case .PFT:
            let yi = 0.5 * (Double.asin((x / (n + 1)).squareRoot()) + Double.asin(((x + 1) / (n + 1)).squareRoot()))
            effect = EffectSize(yi: yi, vi: 1 / (4 * n + 2))
        case .OR, .RR, .RD:
            return nil
        }
        guard effect.yi.isFinite, effect.vi.isFinite, effect.vi > 0 else { return nil }
        return effect
    }
}
