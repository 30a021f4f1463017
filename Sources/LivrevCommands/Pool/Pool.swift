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
        let results = try Pool.analyses(context.registry, outcome: outcome, options: options,
                                        at: snapshot.revision(in: context), snapshot: snapshot.name)
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
    static func analyses(_ registry: Registry, outcome name: String?, options: PoolOptions, at revision: Int64,
                         snapshot: String?) throws -> [PooledOutcome] {
        let outcomes = try name.map { [try registry.outcome(named: $0, at: revision)] } ?? registry.outcomes(at: revision)
        let rows = try registry.outcomeRows(outcome: name, at: revision)
        var byOutcome: [String: [OutcomeRow]] = [:]
        for row in rows { byOutcome[row.outcome, default: []].append(row) }
        return try outcomes.map { outcome in
            try OutcomePooling.pool(outcome, rows: byOutcome[outcome.name] ?? [], options: options, snapshot: snapshot)
        }
    }
}
