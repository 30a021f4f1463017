import ArgumentParser
import LivrevAnalysis
import LivrevReports
import LivrevStore
import MetaAnalysis

/// `livrev sequential`: trial sequential analysis of one dichotomous outcome over its looks.
struct SequentialCommand: RegistryCommand, FormattedCommand {
    static let formats: [OutputFormat] = [.text, .json, .svg]
    static let configuration = CommandConfiguration(
        commandName: "sequential",
        abstract: "Trial sequential analysis: is the evidence firm yet, and how many more participants are needed?",
        discussion: """
            Each look (a publication year, or a snapshot) is monitored against Lan–DeMets O'Brien–Fleming-type \
            boundaries at its information fraction: participants accrued (Σ n_t + n_c over the rows) divided by the \
            required information size for the anticipated effect, adjusted for heterogeneity (D² or I² of the \
            latest DerSimonian–Laird fit). --rrr is the anticipated relative risk reduction; give a negative value \
            for an anticipated increase (harms), e.g. --rrr -0.3. z > 0 means more events with treatment, as in \
            'pool'. Estimates and intervals in JSON are on the analysis scale (log OR, log RR, RD). Options left out \
            come from the outcome's plan ('livrev outcome plan'), so every snapshot is monitored the same way.
            """)

    @OptionGroup var registryOptions: RegistryOptions
    @OptionGroup var snapshot: SnapshotOptions

    @Option(help: "The outcome (2×2 counts).")
    var outcome: String

    @OptionGroup var planOptions: SequentialPlanOptions

    @Option(help: "Effect measure: OR, RR or RD (default: the outcome's).")
    var measure: Measure?

    @Option(help: "Pooling method: DL, FE or MH.")
    var method: PoolingMethod = .DL

    @Option(help: "One look per publication year, or one per snapshot.")
    var by: CumulativeCommand.Ordering = .year

    @Flag(help: "Add non-binding β-spending futility boundaries.")
    var futility = false

    @Option(help: "Output format: text, json or svg (the TSA chart).")
    var format: OutputFormat = .text

    func validate() throws {
        if let measure, ![Measure.OR, .RR, .RD].contains(measure) {
            throw ValidationError("'--measure' must be OR, RR or RD for sequential monitoring, not \(measure.rawValue)")
        }
        guard [PoolingMethod.DL, .FE, .MH].contains(method) else {
            throw ValidationError("'--method' must be DL, FE or MH for sequential monitoring, not \(method.rawValue)")
        }
    }

    func run(_ context: CommandContext) throws {
        let registry = context.registry
        let revision = try snapshot.revision(in: context)
        let specification = AnalysisSpecification(measure: measure, method: method)
        let stored = try registry.analysisPlans(at: revision).first { $0.outcome == outcome }
        let plan = try planOptions.plan(for: outcome, over: stored, futility: futility)
        let result: SequentialResult
        switch by {
        case .year:
            guard let (outcomeValue, rows) = try Pool.analysisInput(registry, outcome: outcome, at: revision).first else {
                throw StoreError.noSuchOutcome(outcome)
            }
            result = try SequentialAnalysis.byYear(outcomeValue, rows: rows, specification: specification, plan: plan)
        case .snapshot:
            let outcomeValue = AnalysisOutcome(try registry.outcome(named: outcome, at: revision))
            let looks = try registry.snapshots(upTo: revision).compactMap {
                snapshot -> (label: String, rows: [AnalysisRow])? in
                let rows = try Pool.analysisInput(registry, outcome: outcome, at: snapshot.atRevision).first?.1 ?? []
                return rows.isEmpty ? nil : (snapshot.name, rows)
            }
            result = try SequentialAnalysis.monitor(outcomeValue, looks: looks, specification: specification, plan: plan)
        }
        switch format {
        case .json: Output.print(result.json.rendered(pretty: true))
        case .svg: Output.print(result.chart().rendered(), terminator: "")
        default: Output.print(result.renderedText(), terminator: "")
        }
    }
}
