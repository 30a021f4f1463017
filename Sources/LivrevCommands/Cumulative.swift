import ArgumentParser
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
                .first?.measure ?? "OR"
            let plot = ForestFigure.cumulative(
                outcome: outcome, measure: measure, method: options.method.rawValue,
                steps: steps, bySnapshot: by == .snapshot)
            try Output.writeFile(plot.renderedSVG(), to: forest)
            Output.error("Wrote \(forest)")
        }
        if format == .json {
            Output.print(JSONValue.array(steps.map(\.json)).rendered(pretty: true))
        } else {
            Output.print("Cumulative meta-analysis of \(outcome) by \(by.rawValue)\n")
            Output.print(CumulativeStepRow.table(steps), terminator: "")
        }
    }

    private func byYear(_ registry: Registry, at revision: Int64) throws -> [CumulativeStepRow] {
        guard let (outcomeValue, rows) = try Pool.rowsByOutcome(registry, outcome: outcome, at: revision).first else { return [] }
        let pooled = try OutcomePooling.pool(outcomeValue, rows: rows, options: options, snapshot: nil)
        let years = rows.map { $0.year ?? CumulativeCommand.year(ofKey: $0.study) ?? Int.max }
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
        guard let method = options.method.tauSquared else { throw PoolError.needsInverseVariance("cumulative") }
        let steps = try Cumulative.analyze(
            ordered.map { EffectSize(yi: $0.row.yi, vi: $0.row.vi) }, method: method,
            test: options.ci == .hksj ? .knappHartung : .z)
        return zip(ordered, steps).map { item, step in
            CumulativeStepRow(
                label: "+ \(item.row.study)\(item.row.label.map { " (\($0))" } ?? "")",
                year: item.year == Int.max ? nil : item.year, k: step.k, estimate: step.estimate,
                se: step.se, ciLower: step.ciLower, ciUpper: step.ciUpper, p: step.p, q: step.q,
                tau2: step.tau2, i2: step.i2)
        }
    }

    private func bySnapshot(_ registry: Registry, upTo revision: Int64) throws -> [CumulativeStepRow] {
        try registry.snapshots(at: revision).compactMap { snapshot in
            guard
                let pooled = try Pool.analyses(
                    registry, outcome: outcome, options: options, at: snapshot.atRevision,
                    snapshot: snapshot.name
                ).first, let estimate = pooled.estimate
            else { return nil }
            return CumulativeStepRow(
                label: snapshot.name, year: nil, k: pooled.k, estimate: estimate, se: pooled.se ?? .nan,
                ciLower: pooled.ciLower ?? .nan, ciUpper: pooled.ciUpper ?? .nan, p: pooled.p ?? .nan,
                q: pooled.q ?? .nan, tau2: pooled.tau2 ?? 0, i2: pooled.i2 ?? .nan)
        }
    }

    /// The trailing four-digit year of a study key such as "Hare 2009".
    static func year(ofKey key: String) -> Int? {
        key.split(separator: " ").last.flatMap { $0.count == 4 ? Int($0) : nil }
    }
}
