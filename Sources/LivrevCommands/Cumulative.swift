import ArgumentParser
import LivrevAnalysis
import LivrevReports
import LivrevStore
import MetaAnalysis

/// `livrev cumulative`: the pooled estimate after each step, by publication year or by snapshot.
struct CumulativeCommand: RegistryCommand, FormattedCommand {
    static let formats: [OutputFormat] = [.text, .json]
    static let configuration = CommandConfiguration(
        commandName: "cumulative",
        abstract: "Cumulative meta-analysis: the pooled estimate after each study (by year) or each version (by snapshot).",
        discussion: """
            --by year adds one row at a time in order of publication year (the row's year, else the study key's \
            trailing year; ties keep import order), as metafor's cumul() does. --by snapshot pools the outcome as it \
            stood at each snapshot, oldest first.
            """)

    enum Ordering: String, ExpressibleByArgument, CaseIterable {
        case year, snapshot
    }

    @OptionGroup var registryOptions: RegistryOptions
    @OptionGroup var snapshot: SnapshotOptions
    @OptionGroup var options: PoolOptions

    @Option(help: "The outcome.")
    var outcome: String

    @Option(help: "The order of the steps.")
    var by: Ordering = .year

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(
        help: ArgumentHelp("Also write a cumulative forest plot (SVG, one diamond per step) to this file.", valueName: "file.svg")
    )
    var forest: String?

    func run(_ context: CommandContext) throws {
        let registry = context.registry
        let revision = try snapshot.revision(in: context)
        let steps = by == .year ? try byYear(registry, at: revision) : try bySnapshot(registry, upTo: revision)
        if let forest {
            let measure =
                try Pool.analyses(registry, outcome: outcome, options: options, at: revision, snapshot: nil)
                .first?.measure ?? .measure(.OR)
            let plot = ForestFigure.cumulative(
                outcome: outcome, measure: measure, method: options.method,
                steps: steps, bySnapshot: by == .snapshot)
            try Output.writeFile(plot.renderedSVG(), to: forest)
            Output.error("Wrote \(forest)")
        }
        if format == .json {
            Output.print(JSONValue.array(steps.map(\.json)).rendered(pretty: true))
        } else {
            Output.print("Cumulative meta-analysis of \(outcome) by \(by.rawValue)\n")
            Output.print(CumulativeEntry.table(steps), terminator: "")
        }
    }

    private func byYear(_ registry: Registry, at revision: Int64) throws -> [CumulativeEntry] {
        guard let (outcomeValue, rows) = try Pool.analysisInput(registry, outcome: outcome, at: revision).first else {
            return []
        }
        return try CumulativeAnalysis.byYear(outcomeValue, rows: rows, specification: options.specification)
    }

    private func bySnapshot(_ registry: Registry, upTo revision: Int64) throws -> [CumulativeEntry] {
        try registry.snapshots(upTo: revision).compactMap { snapshot in
            try Pool.analyses(
                registry, outcome: outcome, options: options, at: snapshot.atRevision, snapshot: snapshot.name
            ).first.flatMap { CumulativeAnalysis.step($0, snapshot: snapshot.name) }
        }
    }
}
