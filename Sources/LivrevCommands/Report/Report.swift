import ArgumentParser
import LivrevAnalysis
import LivrevReports
import LivrevStore

/// `livrev report`: one self-contained HTML file with the review's figures and numbers.
struct Report: RegistryCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write one self-contained HTML report: PRISMA flow, studies, risk of bias, every outcome's forest and funnel.",
        discussion: """
            The report holds the review's title and the version reported (snapshot and revision), the PRISMA 2020 \
            flow diagram, the study characteristics, the risk-of-bias traffic lights and summary, for each outcome its \
            forest and funnel plots with the statistics in words, the consistency check, and what changed since the \
            previous snapshot. Everything is inline (SVG and CSS): no scripts, no network, no timestamps, so the same \
            registry always gives the same bytes.
            """)

    @OptionGroup var registryOptions: RegistryOptions
    @OptionGroup var snapshot: SnapshotOptions
    @OptionGroup var options: PoolOptions

    @Option(help: ArgumentHelp("The HTML file to write.", valueName: "file.html"))
    var out: String

    func run(_ context: CommandContext) throws {
        let revision = try snapshot.revision(in: context)
        var builder = try ReportBuilder(registry: context.registry, revision: revision, snapshot: snapshot.name, options: options)
        let progress = ProgressReporter("Writing \(out)", unit: "steps")
        builder.progress = progress
        defer { progress.finish() }
        try Output.writeFile(try builder.html(), to: out)
        Output.error("Wrote \(out)")
    }
}
