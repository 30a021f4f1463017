import Foundation

/// Whether an effect measure is drawn on a logarithmic or a linear axis.
///
/// Ratio measures (odds, risk and hazard ratios) are symmetric on the log scale, so a ratio of
/// 0.5 sits as far from 1 as 2 does; differences and proportions are linear.
///
/// Source: Higgins JPT et al. (eds), Cochrane Handbook, section 10.3 (ratio measures analysed on the log scale).
public enum EffectScale: String, Sendable {
    case log
    case linear

    /// The value an axis treats as "no effect" by default: 1 for ratios, 0 for differences.
    public var defaultNull: Double { self == .log ? 1 : 0 }
}

/// Which side of the line of no effect favours the treatment.
///
/// For an adverse outcome (deaths, adverse events) a ratio below 1 means fewer events with
/// treatment, so the left favours treatment; for a beneficial outcome (response, remission)
/// the right does.
public enum EffectDirection: String, Sendable {
    case lowerFavoursTreatment
    case higherFavoursTreatment
    /// The rows do not say what they contrast (a hazard ratio per year of age, say): no captions.
    case unstated
}

/// A horizontal effect axis: maps natural-scale values to pixels and chooses tick values.
///
/// Ratio axes are symmetric about 1 on the log scale (RevMan's 0.01–100, 0.1–10, 0.2–5, 0.5–2);
/// linear axes extend the data range to a "nice" step. Values beyond the axis are clamped by
/// the caller, which draws an arrow.
///
/// Source: RevMan 5 forest plot conventions (Cochrane Collaboration, 2020).
public struct EffectAxis: Sendable {
    public let scale: EffectScale
    /// Axis ends on the natural scale.
    public let lower: Double
    public let upper: Double
    /// Pixel positions of the axis ends.
    public let left: Double
    public let right: Double
    /// Tick values on the natural scale, thinned so that their labels do not collide.
    public let ticks: [Double]

    /// An axis covering `values` (natural scale), with ends chosen from nice values.
    ///
    /// For log scales non-positive values are ignored and the range is capped at 0.01–100, so
    /// wider intervals run off the axis (the caller draws an arrow); `limits` overrides the choice.
    public init(
        scale: EffectScale, values: [Double], includeNull: Double?, limits: (Double, Double)? = nil,
        left: Double, right: Double, fontSize: Double = 11
    ) {
        self.scale = scale
        self.left = left
        self.right = right
        var data = values.filter { $0.isFinite && (scale == .linear || $0 > 0) }
        if let includeNull { data.append(includeNull) }
        var lo: Double, hi: Double
        var candidates: [[Double]]
        switch scale {
        case .log:
            let extent = data.map { abs(Foundation.log10($0)) }.max() ?? 0.3
            let ends: [Double] = [2, 5, 10, 100]
            let end = ends.first { Foundation.log10($0) >= extent - 1e-9 } ?? 100
            lo = limits?.0 ?? 1 / end
            hi = limits?.1 ?? end
            // Reciprocal pairs keep the ticks symmetric about 1; a 0.01–100 axis shows 0.01, 0.1, 0.5, 1, 2, 10, 100.
            candidates = [[1], [0.1, 10], [0.01, 100], [0.001, 1000], [0.5, 2]]
            if hi / lo < 1000 { candidates += [[0.2, 5], [0.05, 20], [0.02, 50]] }
            if limits != nil { candidates = candidates.flatMap { $0.map { [$0] } } }
        case .linear:
            let dataLo = data.min() ?? 0, dataHi = data.max() ?? 1
            let dataSpan = dataHi - dataLo > 0 ? dataHi - dataLo : max(abs(dataHi), 1)
            let step = EffectAxis.niceStep(max(limits.map { $0.1 - $0.0 } ?? dataSpan, 1e-9) / 5)
            lo = limits?.0 ?? (dataLo / step).rounded(.down) * step
            hi = limits?.1 ?? (dataHi / step).rounded(.up) * step
            if hi - lo < step { hi = lo + step }
            var values: [Double] = []
            var k = (lo / step - 1e-9).rounded(.up)
            while k * step <= hi + step * 1e-9 {
                values.append(abs(k) < 0.5 ? 0 : k * step)
                k += 1
            }
            let null = includeNull ?? lo
            values.sort { abs($0 - null) < abs($1 - null) }
            if limits == nil { values.insert(contentsOf: [lo, hi], at: 0) }
            candidates = values.map { [$0] }
        }
        self.lower = lo
        self.upper = hi
        var accepted: [(value: Double, from: Double, to: Double)] = []
        let toPixel = EffectAxis.mapper(scale: scale, lower: lo, upper: hi, left: left, right: right)
        let within = EffectAxis.rangeTest(scale: scale, lower: lo, upper: hi)
        /// Accepts a group of ticks only if all of its labels fit between those already accepted.
        func accept(_ groups: [[Double]]) {
            for group in groups {
                let values = group.filter { value in within(value) && !accepted.contains { abs($0.value - value) < 1e-12 } }
                guard !values.isEmpty, values.count == group.count else { continue }
                let boxes = values.map { value -> (value: Double, from: Double, to: Double) in
                    let x = toPixel(value), half = TextMetrics.width(SVGFormat.tick(value), size: fontSize) / 2 + 3
                    return (value, x - half, x + half)
                }
                let clash = boxes.contains { box in accepted.contains { box.from < $0.to && box.to > $0.from } }
                if !clash { accepted += boxes }
            }
        }
        accept(candidates)
        if scale == .log, accepted.count < 4 {
            // A narrow ratio axis (e.g. a funnel plot's 0.4–1.6) gets intermediate values too.
            accept([0.3, 3, 0.7, 1.5, 0.8, 1.25, 0.4, 2.5, 0.6, 0.9, 1.1, 4, 0.25, 0.75, 1.2].map { [$0] })
        }
        self.ticks = accepted.map(\.value).sorted()
    }

    /// The pixel position of a natural-scale value, not clamped.
    public func x(_ value: Double) -> Double {
        EffectAxis.mapper(scale: scale, lower: lower, upper: upper, left: left, right: right)(value)
    }

    /// Whether a value lies inside the axis range.
    public func contains(_ value: Double) -> Bool {
        EffectAxis.rangeTest(scale: scale, lower: lower, upper: upper)(value)
    }

    private static func rangeTest(scale: EffectScale, lower: Double, upper: Double) -> (Double) -> Bool {
        switch scale {
        case .log:
            let a = Foundation.log(lower), b = Foundation.log(upper), eps = (b - a) * 1e-9
            return { $0 > 0 && Foundation.log($0) >= a - eps && Foundation.log($0) <= b + eps }
        case .linear:
            let eps = (upper - lower) * 1e-9
            return { $0 >= lower - eps && $0 <= upper + eps }
        }
    }

    /// The pixel position clamped to the axis ends.
    public func clampedX(_ value: Double) -> Double {
        if scale == .log, value <= 0 { return left }
        return min(max(x(value), left), right)
    }

    private static func mapper(scale: EffectScale, lower: Double, upper: Double, left: Double, right: Double)
        -> (Double) -> Double
    {
        switch scale {
        case .log:
            let a = Foundation.log(lower), b = Foundation.log(upper)
            return { left + (Foundation.log($0) - a) / (b - a) * (right - left) }
        case .linear:
            return { left + ($0 - lower) / (upper - lower) * (right - left) }
        }
    }

    /// 1, 2 or 5 times a power of ten, at least `raw`.
    static func niceStep(_ raw: Double) -> Double {
        let power = Foundation.pow(10, (Foundation.log10(raw)).rounded(.down))
        for factor in [1.0, 2, 2.5, 5, 10] where factor * power >= raw * (1 - 1e-9) { return factor * power }
        return 10 * power
    }
}
