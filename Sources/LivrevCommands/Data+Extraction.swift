import ArgumentParser
import LivrevReports
import LivrevStore

extension DataCommand {
    struct Conflicts: RegistryCommand, FormattedCommand {
        static let formats: [OutputFormat] = [.text, .json]
        static let configuration = CommandConfiguration(
            commandName: "conflicts",
            abstract: "List outcome rows whose extractors disagree, each extractor's values side by side.",
            discussion: """
                A row is in conflict when two extractors entered it with different values, when one extracted the \
                study's outcome without it, or when an extractor's entry disputes a value that counted. Rows only \
                one extractor has entered are not shown here (see 'data pending'): nobody sees another's values \
                before entering their own.
                """)

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var snapshot: SnapshotOptions

        @Option(help: "Only this outcome.")
        var outcome: String?

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        func run(_ context: CommandContext) throws {
            let revision = try snapshot.revision(in: context)
            if let outcome { _ = try context.registry.outcome(named: outcome, at: revision) }
            let conflicts = try context.registry.outcomeExtraction(outcome: outcome, at: revision).conflicts
            if format == .json {
                Output.print(ExtractionOutput.conflictsJSON(conflicts).rendered(pretty: true))
            } else {
                Output.print(ExtractionOutput.conflictsText(conflicts), terminator: "")
            }
        }
    }

    struct Pending: RegistryCommand, FormattedCommand {
        static let formats: [OutputFormat] = [.text, .json]
        static let configuration = CommandConfiguration(
            commandName: "pending",
            abstract: "List outcome rows only one extractor has entered: who entered each, never the values.")

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var snapshot: SnapshotOptions

        @Option(help: "Only this outcome.")
        var outcome: String?

        @Option(help: "Output format: text or json.")
        var format: OutputFormat = .text

        func run(_ context: CommandContext) throws {
            let revision = try snapshot.revision(in: context)
            if let outcome { _ = try context.registry.outcome(named: outcome, at: revision) }
            let pending = try context.registry.outcomeExtraction(outcome: outcome, at: revision).enteredOnce
            if format == .json {
                Output.print(ExtractionOutput.pendingJSON(pending).rendered(pretty: true))
            } else {
                Output.print(ExtractionOutput.pendingText(pending), terminator: "")
            }
        }
    }

    struct Resolve: RegistryCommand {
        static let configuration = CommandConfiguration(
            commandName: "resolve",
            abstract: "Settle an outcome row in conflict: accept one extractor's row, or give the right values.",
            discussion: """
                --accept NAME takes NAME's values (or, when NAME has no such row, rules that the row does not \
                exist). Otherwise give one complete set of values: --events-t --n-t --events-c --n-c; \
                --events --n; --measure --estimate --ci-lower --ci-upper; or --yi --sei. Only an arbiter may \
                resolve. If an extractor later enters different values, the row is pending again.
                """)

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var reviewerOptions: ReviewerOptions

        @Argument(help: "The study.")
        var study: String

        @Argument(help: "The outcome.")
        var outcome: String

        @Option(help: "The row's label, when the study has several rows for the outcome.")
        var label: String?

        @Option(help: "Take this extractor's row.")
        var accept: String?

        @Option(name: .customLong("events-t"), help: "Events in the treatment arm.") var eventsT: Int?
        @Option(name: .customLong("n-t"), help: "Total in the treatment arm.") var nT: Int?
        @Option(name: .customLong("events-c"), help: "Events in the control arm.") var eventsC: Int?
        @Option(name: .customLong("n-c"), help: "Total in the control arm.") var nC: Int?
        @Option(help: "Events (single arm).") var events: Int?
        @Option(help: "Total (single arm).") var n: Int?
        @Option(help: "The ratio's measure (HR, OR, RR).") var measure: String?
        @Option(help: "The ratio, on its natural scale.") var estimate: Double?
        @Option(name: .customLong("ci-lower"), help: "Its lower 95% limit.") var ciLower: Double?
        @Option(name: .customLong("ci-upper"), help: "Its upper 95% limit.") var ciUpper: Double?
        @Option(help: "The effect on the analysis scale.") var yi: Double?
        @Option(help: "Its standard error.") var sei: Double?

        func validate() throws {
            _ = try reviewerOptions.requireReviewer()
            let given = try typedValue()
            guard (accept != nil) != (given != nil) else {
                throw ValidationError("give either '--accept NAME' or one complete set of values")
            }
        }

        /// The values typed on the command line, nil when none were.
        func typedValue() throws -> OutcomeData? {
            let groups: [(names: String, values: [Any?])] = [
                ("--events-t --n-t --events-c --n-c", [eventsT, nT, eventsC, nC]),
                ("--events --n", [events, n]),
                ("--measure --estimate --ci-lower --ci-upper", [measure, estimate, ciLower, ciUpper]),
                ("--yi --sei", [yi, sei]),
            ]
            let started = groups.filter { $0.values.contains { $0 != nil } }
            guard let group = started.first else { return nil }
            guard started.count == 1 else { throw ValidationError("give one set of values, not several") }
            guard group.values.allSatisfy({ $0 != nil }) else {
                throw ValidationError("give all of \(group.names)")
            }
            func counts(_ e: Int, _ total: Int, _ name: String) throws {
                guard e >= 0, total >= 0, e <= total else {
                    throw ValidationError("\(name): counts must be 0 or more, with events at most the total")
                }
            }
            if let eventsT, let nT, let eventsC, let nC {
                try counts(eventsT, nT, "treatment arm")
                try counts(eventsC, nC, "control arm")
                return .dichotomous(eventsTreatment: eventsT, nTreatment: nT, eventsControl: eventsC, nControl: nC)
            }
            if let events, let n {
                try counts(events, n, "single arm")
                return .singleArm(events: events, n: n)
            }
            if let measure, let estimate, let ciLower, let ciUpper {
                guard estimate > 0, ciLower > 0, ciLower <= estimate, ciUpper >= estimate else {
                    throw ValidationError("a ratio and its limits must be above 0, with the estimate inside them")
                }
                return .ratio(measure: measure.uppercased(), estimate: estimate, lower: ciLower, upper: ciUpper)
            }
            if let yi, let sei {
                guard sei > 0, yi.isFinite else { throw ValidationError("--sei must be above 0") }
                return .effect(yi: yi, sei: sei)
            }
            return nil
        }

        func run(_ context: CommandContext) throws {
            let registry = context.registry
            let name = try reviewerOptions.requireReviewer()
            try context.write(reviewer: name) { revision in
                let choice: ResolutionChoice<OutcomeData>
                if let accept {
                    choice = .accept(try registry.reviewer(named: accept))
                } else if let value = try typedValue() {
                    choice = .value(value)
                } else {
                    preconditionFailure("validate() requires --accept or values")
                }
                try registry.resolveOutcomeRow(
                    study: study, outcome: outcome, label: label, choice: choice,
                    arbiter: try registry.reviewer(named: name), revision: revision)
            }
            Output.print(Self.summary(study: study, outcome: outcome, label: label, accepted: accept))
        }

        static func summary(study: String, outcome: String, label: String?, accepted: String?) -> String {
            let row = "\(study) / \(outcome)" + (label.map { " / label \($0)" } ?? "")
            let line = "Resolved \(row)" + (accepted.map { ": accepted \($0)'s row" } ?? ": values as given")
            return TextTable.wrapped(line, width: 100).joined(separator: "\n  ")
        }
    }
}
