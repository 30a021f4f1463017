import ArgumentParser
import LivrevAnalysis
import LivrevReports
import LivrevStore
import MetaAnalysis

/// `livrev pool`: meta-analysis of one outcome or all.
struct Pool: RegistryCommand, FormattedCommand {
    static let formats: [OutputFormat] = [.text, .json, .csv]
    static let configuration = CommandConfiguration(
        commandName: "pool",
        abstract: "Pool an outcome's data (meta-analysis), as metafor's escalc + rma do.",
        discussion: """
            Defaults reproduce metafor 3.8 (jamovi's MAJOR): log odds ratio with the treatment arm as group 1, 1/2 \
            added to every cell of a table with a zero cell, DerSimonian–Laird, Wald z, one effect per row. Prints \
            the estimate, its test and direction in words, Q, τ², I², H², the prediction interval, Egger's and \
            Begg's tests, Rosenthal's fail-safe N, studentized residuals against the Bonferroni threshold and \
            Cook's distances, τ²'s Q-profile CI, and under MH the Cochran–Mantel–Haenszel and Tarone tests. A \
            model metafor refuses exits 65 with metafor's reason.
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

    @Flag(help: "Print every column of the text tables at full width instead of fitting 100 columns.")
    var wide = false

    @Flag(help: "Store the result with its specification, the revision read and a hash of its inputs (a new revision).")
    var store = false

    @Flag(
        help: """
            Add metafor's influence() per row (hat, DFFITS, covariance ratio, DFBETAS, τ² and Q without the row) and \
            leave1out() (text: two more tables; JSON: rows[] fields and leave_one_out[]).
            """)
    var diagnostics = false

    func validate() throws {
        guard (outcome != nil) != all else { throw ValidationError("give exactly one of '--outcome NAME' and '--all'") }
        guard format != .svg else { throw ValidationError("'pool' prints text, json or csv") }
    }

    func run(_ context: CommandContext) throws {
        let registry = context.registry
        let revision = try snapshot.revision(in: context)
        let output = try rendered(registry, at: revision)
        Output.print(output, terminator: "")
        let atRevision = revision == .max ? try registry.headRevision() : revision
        let inputs = Registry.inputHash(try registry.outcomeRows(outcome: outcome, at: revision))
        if let stored = try registry.storedPoolResult(spec: specification, atRevision: atRevision) {
            let same = stored.output == output && stored.inputHash == inputs
            Output.error(
                "A stored result of this analysis at revision \(atRevision) exists (stored in revision "
                    + "\(stored.storedIn), \(stored.storedAt)): \(same ? "identical" : "DIFFERENT from this run")")
        }
        if store {
            try context.write(reviewer: nil) { writing in
                try registry.storePoolResult(
                    spec: specification, atRevision: atRevision, inputHash: inputs, output: output,
                    revision: writing)
            }
            Output.error("Stored this result for revision \(atRevision) (inputs \(inputs.prefix(12))…)")
        }
    }

    /// The analysis specification in a canonical form: every option that changes the result.
    var specification: String {
        let fields = [
            ("outcome", outcome ?? "*"), ("measure", options.measure?.rawValue ?? "default"),
            ("method", options.method.rawValue), ("ci", options.ci.rawValue), ("correction", options.correction.rawValue),
            ("exclude-rob", selection.excludeRob ?? ""), ("rob-domain", selection.robDomain ?? ""),
            ("subgroup", subgroup ?? ""), ("format", format.rawValue),
        ]
        return fields.map { "\($0)=\($1)" }.joined(separator: ";")
            // Named only when given, so results stored before these flags existed are still found.
            + (diagnostics ? ";diagnostics=yes" : "") + (figures.trimfill ? ";trimfill=yes" : "")
            + (wide && format == .text ? ";wide=yes" : "")
    }

    /// The width text tables fit, nil with `--wide`.
    private var width: Int? { wide ? nil : TextTable.terminalWidth }

    /// What the analysis prints, as of `revision`.
    private func rendered(_ registry: Registry, at revision: Int64) throws -> String {
        let excluded = try selection.excludedStudies(registry, at: revision)
        if let subgroup {
            let analyses = try Pool.subgroups(
                registry, outcome: outcome, characteristic: subgroup, options: options, excluded: excluded,
                at: revision, snapshot: snapshot.name)
            if figures.wantsFigures {
                let overall = try Pool.analyses(
                    registry, outcome: outcome, options: options, excluded: excluded,
                    at: revision, snapshot: snapshot.name)
                try figures.write(analyses, overall: overall, registry: registry, at: revision, all: all)
            }
            switch format {
            case .json: return (all ? JSONValue.array(analyses.map(\.json)) : analyses[0].json).rendered(pretty: true) + "\n"
            default: return analyses.map { $0.renderedText(width: width) }.joined(separator: "\n")
            }
        }
        let results = try Pool.analyses(
            registry, outcome: outcome, options: options, excluded: excluded,
            at: revision, snapshot: snapshot.name, trimFill: figures.trimfill)
        if figures.wantsFigures {
            try figures.write(results, registry: registry, at: revision, all: all)
        }
        switch format {
        case .json:
            let objects = results.map { $0.json(diagnostics: diagnostics) }
            return (all ? JSONValue.array(objects) : objects[0]).rendered(pretty: true) + "\n"
        case .csv: return CSVWriter.rendered(header: PooledOutcome.csvHeader, rows: results.map(\.csvRow))
        default:
            if all, !diagnostics { return PooledOutcome.summaryTable(results, width: width) }
            return results.map { $0.renderedText(diagnostics: diagnostics, width: width) }.joined(separator: "\n")
        }
    }

    /// Pools one outcome (or all, in the order they were added) as of `revision`.
    static func analyses(
        _ registry: Registry, outcome name: String?, options: PoolOptions,
        excluded: [String: String] = [:], at revision: Int64, snapshot: String?, trimFill: Bool = false
    ) throws -> [PooledOutcome] {
        var specification = options.specification
        specification.trimFill = trimFill
        let data = try outcomeData(registry, outcome: name, at: revision)
        let input = data.map { (AnalysisOutcome($0.outcome), $0.rows.map(AnalysisRow.init)) }
        try OutcomeAnalysis.refuseCorrection(specification.correction, for: input)
        return try zip(input, data).map { item, source in
            var pooled = try OutcomeAnalysis.pool(
                item.0, rows: item.1, specification: specification, excluded: excluded, snapshot: snapshot)
            pooled.pendingRows = source.pending
            return pooled
        }
    }

    /// Pools one outcome (or all) per level of a study characteristic, as of `revision`.
    static func subgroups(
        _ registry: Registry, outcome name: String?, characteristic: String, options: PoolOptions,
        excluded: [String: String], at revision: Int64, snapshot: String?
    ) throws -> [SubgroupResult] {
        let table = try registry.characteristics(at: revision)
        guard table.names.contains(characteristic) else {
            throw AnalysisError.noSuchCharacteristic(characteristic, known: table.names)
        }
        let levels = Dictionary(
            table.studies.map { ($0.study, $0.values[characteristic]?.text ?? "") }, uniquingKeysWith: { first, _ in first })
        let input = try analysisInput(registry, outcome: name, at: revision)
        try OutcomeAnalysis.refuseCorrection(options.correction, for: input)
        return try input.map { outcome, rows in
            try SubgroupAnalysis.pool(
                outcome, rows: rows, characteristic: characteristic, levels: levels,
                specification: options.specification, excluded: excluded, snapshot: snapshot)
        }
    }

    /// The outcome (or every outcome, in the order they were added) with its current rows.
    static func rowsByOutcome(_ registry: Registry, outcome name: String?, at revision: Int64) throws
        -> [(Outcome, [OutcomeRow])]
    {
        try outcomeData(registry, outcome: name, at: revision).map { ($0.outcome, $0.rows) }
    }

    /// The outcome (or every outcome) with its consolidated rows and the number of its rows that
    /// dual extraction has not consolidated yet (in conflict or entered once): they are not pooled.
    static func outcomeData(_ registry: Registry, outcome name: String?, at revision: Int64) throws
        -> [(outcome: Outcome, rows: [OutcomeRow], pending: Int)]
    {
        let outcomes = try name.map { [try registry.outcome(named: $0, at: revision)] } ?? registry.outcomes(at: revision)
        let extraction = try registry.outcomeExtraction(outcome: name, at: revision)
        var byOutcome: [String: [OutcomeRow]] = [:]
        for row in extraction.rows { byOutcome[row.outcome, default: []].append(row) }
        var pending: [String: Int] = [:]
        for state in extraction.pending { pending[state.outcome, default: 0] += 1 }
        return outcomes.map { ($0, byOutcome[$0.name] ?? [], pending[$0.name] ?? 0) }
    }
}
