import RealModule

/// Back-transformations from the analysis scale to the reporting scale, as metafor's `transf.*`.
///
/// Source: `metafor::transf.ilogit`, `metafor::transf.ipft`, `metafor::transf.ipft.hm`;
/// Miller JJ (1978) doi:10.1080/00031305.1978.10479283 (inverse double arcsine).
public enum Transform {
    /// exp(x): a log odds ratio or log risk ratio back on the ratio scale (`transf = exp`).
    ///
    /// Source: `metafor::predict.rma(transf = exp)`.
    public static func exp(_ x: Double) -> Double { Double.exp(x) }

    /// The inverse logit 1/(1 + e^(−x)) (`transf.ilogit`, R's `plogis`).
    public static func inverseLogit(_ x: Double) -> Double {
        x >= 0 ? 1 / (1 + Double.exp(-x)) : Double.exp(x) / (1 + Double.exp(x))
    }

    /// The inverse Freeman–Tukey double arcsine for sample size `n` (`transf.ipft(x, ni)`).
    ///
    /// Values beyond the transform of 0 or 1 map to 0 or 1.
    public static func inverseFreemanTukey(_ x: Double, n: Double) -> Double {
        if x > freemanTukey(proportion: 1, n: n) { return 1 }
        if x < freemanTukey(proportion: 0, n: n) { return 0 }
        let s = Double.sin(2 * x)
        let c = Double.cos(2 * x)
        let sign: Double = c > 0 ? 1 : (c < 0 ? -1 : 0)
        let inner = s + (s - 1 / s) / n
        return 0.5 * (1 - sign * (1 - inner * inner).squareRoot())
    }

    /// The inverse double arcsine using the harmonic mean of the studies' sizes (`transf.ipft.hm`).
    public static func inverseFreemanTukey(_ x: Double, sampleSizes: [Double]) -> Double {
        inverseFreemanTukey(x, n: harmonicMean(sampleSizes))
    }

    /// The double-arcsine transform of a proportion for size n (`transf.pft`).
    static func freemanTukey(proportion: Double, n: Double) -> Double {
        let x = proportion * n
        return 0.5 * (Double.asin((x / (n + 1)).squareRoot()) + Double.asin(((x + 1) / (n + 1)).squareRoot()))
    }

    /// The harmonic mean 1/mean(1/nᵢ) of the studies' sample sizes.
    ///
    /// The single n that `transf.ipft.hm` plugs into the inverse double arcsine.
    /// Source: `metafor::transf.ipft.hm`.
    public static func harmonicMean(_ values: [Double]) -> Double {
        Double(values.count) / values.reduce(0) { $0 + 1 / $1 }
    }
}
