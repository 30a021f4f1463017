import ArgumentParser
import LivrevReports
import LivrevStore

/// `livrev prisma`: PRISMA 2020 flow counts derived from the decisions.
struct Prisma: RegistryCommand, FormattedCommand {
    static let formats: [OutputFormat] = [.text, .json, .svg]
    static let configuration = CommandConfiguration(
        commandName: "prisma",
        abstract: "Print the PRISMA 2020 flow counts, derived from the screening decisions.")

    @OptionGroup var registryOptions: RegistryOptions
    @OptionGroup var snapshot: SnapshotOptions

    @Option(help: "Output format: text, json, or svg (the PRISMA 2020 flow diagram).")
    var format: OutputFormat = .text

    @Option(
        help:
            "The snapshot that was the previous version: its included studies and reports fill the previous-version boxes, and the new column counts what came since."
    )
    var previous: String?

    @Option(help: ArgumentHelp("Write the output to this file instead of stdout.", valueName: "file"))
    var out: String?

    func validate() throws {
        guard format != .csv else { throw ValidationError("'prisma' prints text, json or svg") }
    }

    func run(_ context: CommandContext) throws {
        let revision = try snapshot.revision(in: context)
        let previousRevision = try previous.map { try SnapshotOptions.resolve($0, in: context) }
        let flow = try Prisma.flow(context.registry, at: revision, previous: previousRevision)
        let text: String
        switch format {
        case .json: text = flow.json.rendered(pretty: true) + "\n"
        case .svg: text = flow.renderedSVG()
        default: text = flow.renderedText()
        }
        if let out {
            try Output.writeFile(text, to: out)
        } else {
            Output.print(text, terminator: "")
        }
    }

    /// The registry's counts as a report's flow.
    static func flow(_ registry: Registry, at revision: Int64, previous: Int64? = nil) throws -> PrismaFlow {
        let counts = try registry.prismaCounts(at: revision, previous: previous)
        let pending = counts.pending
        return PrismaFlow(
            title: try registry.title(at: revision),
            databases: counts.databases.map { ($0.source, $0.records) },
            registers: counts.registers.map { ($0.source, $0.records) },
            duplicatesRemoved: counts.duplicatesRemoved, recordsScreened: counts.recordsScreened,
            recordsExcluded: counts.recordsExcluded, reportsSought: counts.reportsSought,
            reportsNotRetrieved: counts.reportsNotRetrieved, reportsAssessed: counts.reportsAssessed,
            reportsExcluded: counts.reportsExcluded.map { ($0.reason, $0.reports) },
            studiesIncluded: counts.studiesIncluded, reportsIncluded: counts.reportsIncluded,
            previous: counts.previous,
            pending: [
                ("title_abstract", "Records awaiting title-abstract decisions", pending.awaitingTitleAbstract),
                ("title_abstract_conflicts", "Unresolved title-abstract conflicts", pending.titleAbstractConflicts),
                ("full_text", "Reports awaiting full-text decisions", pending.awaitingFullText),
                ("full_text_conflicts", "Unresolved full-text conflicts", pending.fullTextConflicts),
                (
                    "included_without_study", "Included reports not yet linked to a study (each counted as one study)",
                    pending.includedWithoutStudy
                ),
            ])
    }
}
