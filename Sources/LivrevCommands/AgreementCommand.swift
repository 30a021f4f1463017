import ArgumentParser
import LivrevReports
import LivrevStore
import MetaAnalysis

/// `livrev agreement --stage S`: inter-rater agreement over records decided by two reviewers.
struct AgreementCommand: RegistryCommand, FormattedCommand {
    static let formats: [OutputFormat] = [.text, .json]
    static let configuration = CommandConfiguration(
        commandName: "agreement",
        abstract: "Inter-rater agreement: Cohen's κ, percent agreement and PABAK over records both reviewers decided.",
        discussion: """
            Uses each reviewer's first decision on a record (as Covidence's inter-rater export does), so a vote \
            changed once the conflict showed changes the outcome, not the agreement; changed_after_conflict counts \
            those records. Categories as recorded (include, exclude, maybe at \
            title-abstract; include, exclude at full text). PABAK = (q·p_o − 1)/(q − 1) with q the stage's number of \
            categories. With more than two reviewers, one line per pair.

            With --extraction instead of --stage: how often each pair of extractors entered identical values the \
            first time, per field (outcome data) and per characteristic, over the rows of the studies both \
            extracted; `row` is the share of rows both entered at all.
            """)

    @OptionGroup var registryOptions: RegistryOptions
    @Option(help: "The screening stage.")
    var stage: ScreeningStage?

    @Flag(help: "Agreement of data extraction instead of screening.")
    var extraction = false

    @OptionGroup var snapshot: SnapshotOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        guard (stage != nil) != extraction else { throw ValidationError("give exactly one of '--stage S' and '--extraction'") }
    }

    func run(_ context: CommandContext) throws {
        guard let stage else {
            try runExtraction(context)
            return
        }
        let results = try AgreementCommand.results(context.registry, stage: stage, at: snapshot.revision(in: context))
        if format == .json {
            Output.print(AgreementCommand.json(stage: stage, results).rendered(pretty: true))
            return
        }
        Output.print(AgreementCommand.text(stage: stage, results), terminator: "")
    }

    /// The text table of each pair's agreement at `stage`, or the line that says there is none yet.
    static func text(stage: ScreeningStage, _ results: [(DecisionPairs, Agreement)]) -> String {
        let categories = stage.decisions.map(\.rawValue)
        let pairs = results.map(\.0)
        guard !results.isEmpty else { return "No record was decided by two reviewers at \(stage.rawValue) yet.\n" }
        let rows = results.map { pair, agreement in
            [
                "\(pair.first.name) & \(pair.second.name)", String(agreement.n),
                SVGFormat.percent(agreement.percentAgreement), agreement.kappa.map { SVGFormat.fixed($0, decimals: 3) } ?? "—",
                SVGFormat.fixed(agreement.pabak, decimals: 3),
            ]
        }
        var text = TextTable(header: ["reviewers", "records", "agreement", "kappa", "PABAK"], rows: rows).rendered()
        text += "\(stage.rawValue); first decisions; categories as recorded: \(categories.joined(separator: ", ")).\n"
        let changed = pairs.map(\.changedAfterConflict).reduce(0, +)
        if changed > 0 {
            text += "\(changed) record(s) had a vote changed after the conflict showed (their first votes are counted above).\n"
        }
        return text
    }

    /// `--format json` (and `serve`'s `GET /api/agreement`): the SPEC object for one pair of
    /// reviewers, an array of them for several.
    static func json(stage: ScreeningStage, _ results: [(DecisionPairs, Agreement)]) -> JSONValue {
        func object(_ pair: DecisionPairs, _ agreement: Agreement) -> JSONValue {
            .object([
                ("stage", .string(stage.rawValue)),
                ("reviewers", .array([.string(pair.first.name), .string(pair.second.name)])),
                ("records", .integer(agreement.n)), ("agreement", .number(agreement.observedAgreement)),
                ("kappa", .number(agreement.kappa)), ("kappa_se", .number(agreement.kappaStandardError)),
                ("pabak", .number(agreement.pabak)), ("changed_after_conflict", .integer(pair.changedAfterConflict)),
            ])
        }
        if results.count == 1, let (pair, agreement) = results.first { return object(pair, agreement) }
        guard !results.isEmpty else {
            return .object([
                ("stage", .string(stage.rawValue)), ("records", .integer(0)),
                ("agreement", .null), ("kappa", .null), ("changed_after_conflict", .integer(0)),
            ])
        }
        return .array(results.map(object))
    }

    /// Agreement over every pair of reviewers at `stage` as of `revision`.
    static func results(_ registry: Registry, stage: ScreeningStage, at revision: Int64) throws -> [(DecisionPairs, Agreement)] {
        let categories = stage.decisions.map(\.rawValue)
        return try registry.decisionPairs(stage: stage, at: revision).map { pair in
            (
                pair,
                try Agreement(
                    first: pair.decisions.map(\.0.rawValue), second: pair.decisions.map(\.1.rawValue),
                    categories: categories)
            )
        }
    }
}
