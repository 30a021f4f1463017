import ArgumentParser
import LivrevAnalysis
import LivrevReports
import LivrevStore
import MetaAnalysis

/// `livrev outcome add|list`: the outcomes a review pools.
struct OutcomeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outcome", abstract: "Manage outcomes (e.g. adverse-event categories).",
        subcommands: [Add.self, List.self, Plan.self])

    struct Add: RegistryCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an outcome.")

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var reviewerOptions: ReviewerOptions

        @Argument(help: "The outcome's name.")
        var name: String

        @Option(help: "Its default effect measure.")
        var measure: Measure = .OR

        func validate() throws {
            try InputRules.name(name, "an outcome's name")
        }

        func run(_ context: CommandContext) throws {
            try context.write(reviewer: reviewerOptions.resolvedName) { revision in
                try context.registry.addOutcome(name, measure: measure.rawValue, revision: revision)
            }
            Output.print("Added outcome \(name) (\(measure.rawValue))")
        }
    }

    /// `outcome plan NAME --control-risk P --rrr R …`: the outcome's sequential-monitoring plan.
    struct Plan: RegistryCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan",
            abstract: "Set an outcome's sequential-monitoring plan (used by 'sequential' and the report).",
            discussion: """
                The plan is history like everything else: a later plan replaces it from that revision on, and \
                'sequential --at SNAP' monitors with the plan that stood at the snapshot.
                """)

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var reviewerOptions: ReviewerOptions

        @Argument(help: "The outcome's name.")
        var name: String

        @OptionGroup var planOptions: SequentialPlanOptions

        func validate() throws {
            guard planOptions.controlRisk != nil, planOptions.rrr != nil else {
                throw ValidationError("a plan needs '--control-risk' and '--rrr'")
            }
        }

        func run(_ context: CommandContext) throws {
            let plan = try planOptions.plan(for: name, over: nil)
            let risk: Double? = if case .fixed(let p) = plan.controlRisk { p } else { nil }
            try context.write(reviewer: reviewerOptions.resolvedName) { revision in
                try context.registry.setAnalysisPlan(
                    StoredAnalysisPlan(
                        outcome: name, controlRisk: risk, relativeRiskReduction: plan.relativeRiskReduction,
                        alpha: plan.alpha, power: plan.power, adjustment: plan.adjustment.rawValue),
                    revision: revision)
            }
            Output.print(
                "Planned monitoring of \(name): control risk \(risk.map { String($0) } ?? "pooled"), "
                    + "RRR \(plan.relativeRiskReduction), α \(plan.alpha), power \(plan.power), \(plan.adjustment.rawValue)")
        }
    }

    struct List: RegistryCommand, FormattedCommand {
        static let formats: [OutputFormat] = [.text, .json]
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the outcomes with their number of studies and rows.")

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var snapshot: SnapshotOptions

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        func run(_ context: CommandContext) throws {
            let revision = try snapshot.revision(in: context)
            let rows = try context.registry.outcomeRows(at: revision)
            let listed = try context.registry.outcomes(at: revision).map { outcome in
                let own = rows.filter { $0.outcome == outcome.name }
                return (outcome, Set(own.map(\.study)).count, own.count)
            }
            if format == .json {
                Output.print(
                    JSONValue.array(
                        listed.map { outcome, studies, count in
                            .object([
                                ("name", .string(outcome.name)), ("measure", .string(outcome.measure)),
                                ("studies", .integer(studies)), ("rows", .integer(count)),
                            ])
                        }
                    ).rendered(pretty: true))
                return
            }
            let table = listed.map { [$0.0.name, $0.0.measure, String($0.1), String($0.2)] }
            Output.print(TextTable(header: ["outcome", "measure", "studies", "rows"], rows: table).rendered(), terminator: "")
        }
    }
}
