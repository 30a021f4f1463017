import ArgumentParser
import LivrevAnalysis
import MetaAnalysis

/// The analysis specification shared by `pool`, `cumulative` and `report`.
struct PoolOptions: ParsableArguments {
    @Option(help: "Effect measure (default: the outcome's; OR for 2×2 data, PLO for single arms).")
    var measure: Measure?

    @Option(help: "Pooling method.")
    var method: PoolingMethod = .DL

    @Option(help: "Confidence intervals and test: wald (z) or hksj (Knapp–Hartung t on k−1 df).")
    var ci: CIMethod = .wald

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

    /// The specification these options give (without row selection or subgroups).
    var specification: AnalysisSpecification {
        AnalysisSpecification(measure: measure, method: method, ciMethod: ci, correction: correction)
    }
}

extension Measure: ExpressibleByArgument {}
extension PoolingMethod: ExpressibleByArgument {}
extension CIMethod: ExpressibleByArgument {}
extension Correction: ExpressibleByArgument {}
