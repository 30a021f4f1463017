import ArgumentParser
import MetaAnalysis

/// The analysis specification shared by `pool`, `cumulative` and `report`.
struct PoolOptions: ParsableArguments {
    /// Pooling methods: a τ² estimator of `rma`, or Mantel–Haenszel / Peto.
    enum Method: String, ExpressibleByArgument, CaseIterable {
        case FE, DL, REML, PM, ML, HE, SJ, EB, MH, PETO

        var tauSquared: TauSquaredMethod? { TauSquaredMethod(rawValue: rawValue) }
    }

    /// How the confidence interval and test are built.
    enum Interval: String, ExpressibleByArgument, CaseIterable {
        case wald, hksj
    }

    /// What to add to 2×2 cells before computing an effect.
    enum Correction: String, ExpressibleByArgument, CaseIterable {
        /// metafor's default: 1/2 to every cell of a table with a zero cell; double zeros kept.
        case only0
        /// 1/2 to every cell of every table.
        case all
        /// Nothing: tables with a zero cell give no effect and are left out.
        case none
        /// Drop double-zero tables, then metafor's default.
        case drop00

        var zeroCell: ZeroCellCorrection {
            switch self {
            case .only0: .metafor
            case .all: .allHalf
            case .none: .none
            case .drop00: .dropDoubleZero
            }
        }
    }

    @Option(help: "Effect measure (default: the outcome's; OR for 2×2 data, PLO for single arms).")
    var measure: Measure?

    @Option(help: "Pooling method.")
    var method: Method = .DL

    @Option(help: "Confidence intervals and test: wald (z) or hksj (Knapp–Hartung t on k−1 df).")
    var ci: Interval = .wald

    @Option(help: "Zero-cell handling for 2×2 tables.")
    var correction: Correction = .only0

    func validate() throws {
        if (method == .MH || method == .PETO), ci == .hksj {
            throw ValidationError("'--ci hksj' applies to inverse-variance models, not '--method \(method.rawValue)'")
        }
        if method == .PETO, let measure, measure != .OR {
            throw ValidationError("Peto's method pools odds ratios: use '--measure OR'")
        }
    }
}

extension Measure: ExpressibleByArgument {}
