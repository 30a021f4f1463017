import ArgumentParser
import LivrevReports
import LivrevStore

/// `livrev search add|list`: search runs.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Record the search runs that records come from.",
        subcommands: [Add.self, List.self])

    struct Add: RegistryCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Record a search run; prints its id (the last number printed).",
            discussion: """
                Use --register for a trial register (PRISMA counts registers apart). Use --previous for the \
                reports of studies included in the previous version of the review: they are not screened \
                again and fill PRISMA 2020's previous-version boxes.
                """)

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var reviewerOptions: ReviewerOptions

        @Option(help: "The database or register searched, e.g. PubMed.")
        var source: String

        @Option(help: "When it was searched (YYYY-MM-DD).")
        var date: String

        @Option(help: "The search string.")
        var query: String?

        @Flag(help: "The source is a trial register.")
        var register = false

        @Flag(help: "The records are the reports of studies included in the previous version of the review.")
        var previous = false

        func validate() throws {
            try InputRules.date(date, "--date")
            try InputRules.name(source, "the source (--source)")
            if register && previous {
                throw ValidationError("'--register' and '--previous' are mutually exclusive")
            }
        }

        func run(_ context: CommandContext) throws {
            let kind: SearchKind = previous ? .previous : register ? .register : .database
            let id = try context.write(reviewer: reviewerOptions.resolvedName) { revision in
                try context.registry.addSearch(source: source, date: date, query: query, kind: kind, revision: revision)
            }
            Output.print("Added \(kind.rawValue) search of \(source): \(id)")
        }
    }

    struct List: RegistryCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the search runs.")

        @OptionGroup var registryOptions: RegistryOptions
        @OptionGroup var snapshot: SnapshotOptions

        func run(_ context: CommandContext) throws {
            let rows = try context.registry.searches(at: snapshot.revision(in: context)).map {
                [String($0.id), $0.source, $0.date, $0.kind.rawValue, $0.query ?? ""]
            }
            Output.print(TextTable(header: ["id", "source", "date", "kind", "query"], rows: rows).rendered(), terminator: "")
        }
    }
}
