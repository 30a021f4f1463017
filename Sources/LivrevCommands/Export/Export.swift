import ArgumentParser
import Foundation
import LivrevAnalysis
import LivrevReports
import LivrevStore

/// `livrev export --metafor DIR`: the data and an R script that reproduces every pooled number.
struct Export: RegistryCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export each outcome's data and an R script that reproduces livrev's results with metafor.",
        discussion: """
            --metafor DIR writes, per outcome, NN-<outcome>.csv (study,label,ai,n1i,ci,n2i for 2×2 rows; \
            study,label,xi,ni for single arms; study,label,yi,vi otherwise), livrev-results.csv (every number livrev \
            reports, in long form) and reproduce.R, which runs escalc + rma (or rma.mh / rma.peto) with the same \
            measure, method, CI and zero-cell options, then regtest, ranktest, fsn and predict, prints livrev's and \
            metafor's numbers side by side and exits 1 when any differs by more than 1e-6 (relative or absolute, \
            whichever is looser). Run it with: Rscript DIR/reproduce.R
            """)

    @OptionGroup var registryOptions: RegistryOptions
    @OptionGroup var snapshot: SnapshotOptions
    @OptionGroup var options: PoolOptions
    @OptionGroup var selection: RowSelection

    @Option(help: ArgumentHelp("Write the metafor export to this folder (created if needed).", valueName: "dir"))
    var metafor: String

    @Option(help: "Export only this outcome (default: every outcome).")
    var outcome: String?

    func run(_ context: CommandContext) throws {
        let revision = try snapshot.revision(in: context)
        let export = try MetaforExport.build(
            context.registry, outcome: outcome, options: options,
            excluded: try selection.excludedStudies(context.registry, at: revision), at: revision,
            snapshot: snapshot.name)
        do {
            try FileManager.default.createDirectory(atPath: metafor, withIntermediateDirectories: true)
        } catch {
            throw CommandError.cannotWrite(path: metafor, reason: error.localizedDescription)
        }
        for file in export.files {
            let path = URL(fileURLWithPath: metafor).appendingPathComponent(file.name).path
            try Output.writeFile(file.text, to: path)
            Output.error("Wrote \(path)")
        }
    }
}
