import ArgumentParser
import LivrevReports
import LivrevStore
import MetaAnalysis

/// `livrev pool`: meta-analysis of one outcome or all.
struct Pool: RegistryCommand {
    static let configuration = CommandConfiguration(
        abstract: "Pool an outcome's data (meta-analysis), as metafor's escalc + rma do.",
        discussion: """
            Defaults reproduce metafor 3.8 (jamovi's MAJOR): log odds ratio with the treatment arm as group 1, 1/2 \
            added to every cell of a table with a zero cell, DerSimonian–Laird, Wald z, one effect per row. Prints \
            the estimate, its test and direction in words, Q, τ², I², H², the prediction interval, Egger's and \
            Begg's tests, Rosenthal's fail-safe N, studentized residuals against the Bonferroni threshold and \
            Cook's distances.
            """)

    @OptionGroup var registryOptions: RegistryOptions
    @OptionGroup var snapshot: SnapshotOptions
    @OptionGroup var options: PoolOptions
    @OptionGroup var selection: RowSelection
    @OptionGroup var figures: PoolFigureOptions

    @Option(help: "Pool per level of this study characteristic, with the test for subgroup differences.")
    var subgroup: String?

    @Option(help: "The outcome to pool.")
    var outcome: String?

    @Flag(help: "Pool every outcome.")
    var all = false

    @Option(help: "Output format: text, json or csv.")
    var format: OutputFormat = .text

    func validate() throws {
        guard (outcome != nil) != all else { throw ValidationError("give exactly one of '--outcome NAME' and '--all'") }
        guard format != .svg else { throw ValidationError("'pool' prints text, json or csv") }
    }

    func run(_ context: CommandContext) throws {
        let revision = try snapshot.revision(in: context)
        let excluded = try selection.excludedStudies(context.registry, at: revision)
        if let subgroup {
            let analyses = try SubgroupAnalysis.run(context.registry, outcome: outcome, characteristic: subgroup,
                                                    options: options, excluded: excluded, at: revision, snapshot: snapshot.name)
            if figures.wantsFigures {
                let overall = try Pool.analyses(context.registry, outcome: outcome, options: options, excluded: excluded,
                                                at: revision, snapshot: snapshot.name)
                try figures.write(analyses, overall: overall, registry: context.registry, at: revision, all: all)
            }
            switch format {
            case .json: Output.print((all ? JSONValue.array(analyses.map(\.json)) : analyses[0].json).rendered(pretty: true))
            default: Output.print(analyses.map { $0.renderedText() }.joined(separator: "\n"), terminator: "")
            }
            return
        }
        let results = try Pool.analyses(context.registry, outcome: outcome, options: options, excluded: excluded,
                                        at: revision, snapshot: snapshot.name)
        if figures.wantsFigures {
            try figures.write(results, registry: context.registry, at: revision, all: all)
        }
        switch format {
        case .json:
            let value = all ? JSONValue.array(results.map(\.json)) : results[0].json
            Output.print(value.rendered(pretty: true))
        case .csv:
            Output.print(CSVWriter.rendered(header: PooledOutcome.csvHeader, rows: results.map(\.csvRow)), terminator: "")
        default:
            if all {
                Output.print(PooledOutcome.summaryTable(results), terminator: "")
            } else {
                Output.print(results[0].renderedText(), terminator: "")
            }
        }
    }

    /// Pools one outcome (or all, in the order they were added) as of `revision`.
    static func analyses(_ registry: Registry, outcome name: String?, options: PoolOptions,
                         excluded: [String: String] = [:], at revision: Int64, snapshot: String?) throws -> [PooledOutcome] {
        try rowsByOutcome(registry, outcome: name, at: revision).map { outcome, rows in
            var result = try OutcomePooling.pool(outcome, rows: rows.filter { excluded[$0.study] == nil }, options: options,
                                                 snapshot: snapshot)
            let left = Set(rows.map(\.study)).filter { excluded[$0] != nil }.sorted()
            result.dropped += left.map { "\($0): \(excluded[$0] ?? "")" }
            return result
        }
    }

    /// The outcome (or every outcome, in the order they were added) with its current rows.
    static func rowsByOutcome(_ registry: Registry, outcome name: String?, at revision: Int64) throws
        -> [(Outcome, [OutcomeRow])]
    {
        let outcomes = try name.map { [try registry.outcome(named: $0, at: revision)] } ?? registry.outcomes(at: revision)
        var byOutcome: [String: [OutcomeRow]] = [:]
        for row in try registry.outcomeRows(outcome: name, at: revision) { byOutcome[row.outcome, default: []].append(row) }
        return outcomes.map { ($0, byOutcome[$0.name] ?? []) }
    }
}
