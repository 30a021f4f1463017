import ArgumentParser
import LivrevAnalysis
import LivrevReports
import LivrevStore

/// `pool --forest FILE.svg --funnel FILE.svg [--trimfill]`: figures written next to the printed result
/// (`--trimfill` also adds trim-and-fill to the printed result).
struct PoolFigureOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Write a forest plot (SVG) to this file; with --all, one file per outcome: forest.svg → forest-<outcome>.svg.",
            valueName: "file.svg"))
    var forest: String?

    @Option(
        help: ArgumentHelp(
            "Write a funnel plot (effect against standard error, pseudo-95% region) to this file; with --all, one per outcome.",
            valueName: "file.svg"))
    var funnel: String?

    @Flag(
        help: """
            Run trim-and-fill (metafor's trimfill(), 3 or more rows): k0, side and the adjusted estimate in the \
            output, and the imputed studies in the funnel plot.
            """)
    var trimfill = false

    var wantsFigures: Bool { forest != nil || funnel != nil }

    /// Writes the forest and funnel of each pooled outcome.
    func write(_ results: [PooledOutcome], registry: Registry, at revision: Int64, all: Bool) throws {
        if let forest {
            let lights = try RiskOfBiasLights.load(registry, at: revision)
            try FigureFiles.write(
                results.map { ($0.outcome, ForestFigure.document(ForestFigure.plot($0, riskOfBias: lights)).rendered()) },
                to: forest, perItem: all)
        }
        if let funnel {
            var documents: [(name: String, svg: String)] = []
            for result in results {
                guard let plot = FunnelFigure.plot(result) else {
                    Output.error("No funnel plot for '\(result.outcome)': nothing was pooled")
                    continue
                }
                if let reason = result.trimAndFill?.reason {
                    Output.error("No trim-and-fill in the funnel plot for '\(result.outcome)': \(reason)")
                }
                documents.append((result.outcome, plot.renderedSVG()))
            }
            try FigureFiles.write(documents, to: funnel, perItem: all)
        }
    }

    /// Writes the subgroup forest of each outcome (funnels are per outcome, not per subgroup).
    func write(
        _ analyses: [SubgroupResult], overall: [PooledOutcome], registry: Registry, at revision: Int64,
        all: Bool
    ) throws {
        if let forest {
            let lights = try RiskOfBiasLights.load(registry, at: revision)
            let documents = zip(analyses, overall).map { analysis, pooled in
                (
                    analysis.outcome,
                    ForestFigure.document(ForestFigure.plot(analysis, overall: pooled, riskOfBias: lights)).rendered()
                )
            }
            try FigureFiles.write(documents, to: forest, perItem: all)
        }
        if funnel != nil { try write(overall, registry: registry, at: revision, all: all) }
    }
}
