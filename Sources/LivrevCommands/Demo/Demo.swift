import ArgumentParser
import Foundation
import LivrevAnalysis
import LivrevReports
import LivrevStore

/// `livrev demo`: build the bundled example review from Seeds/ and show what it says.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the bundled example review (Seeds/) and print its PRISMA counts, pooled results and checks.",
        discussion: """
            The example is a published meta-analysis of intravenous mesenchymal stem cells (36 RCTs, 16 adverse-event \
            categories), entered as a living review starts: from its published version. The registry is written to \
            demo.livrev (replaced if it exists) unless --db names a new file; explore it afterwards with --db.
            """)

    @Option(name: .customLong("db"), help: "Where to write the example registry (default: ./demo.livrev, replaced).")
    var path: String?

    func run() throws {
        try Output.runCommand {
            let path = try preparedPath()
            let registry = try SeedReview.build(at: path)
            Output.print(
                "Built \(path) from the bundled seed review (\(try registry.headRevision()) revisions; see 'livrev log --db \(path)').\n"
            )
            Output.print(try Prisma.flow(registry, at: .max).renderedText())
            let options = try PoolOptions.parse([])
            let pooled = try Pool.analyses(registry, outcome: nil, options: options, at: .max, snapshot: nil)
            Output.print("\nPooled adverse events, one line per category (livrev pool --all --db \(path)):\n")
            Output.print(PooledOutcome.summaryTable(pooled), terminator: "")
            let early = try registry.snapshot(named: SeedReview.early)
            let before = try Pool.analyses(registry, outcome: nil, options: options, at: early.atRevision, snapshot: early.name)
            Output.print(
                "\nWhat the trials published after 2020 changed "
                    + "(livrev snapshot diff \(SeedReview.early) \(SeedReview.published) --db \(path)):\n")
            Output.print(OutcomeChange.table(OutcomeChange.pair(before: before, after: pooled)), terminator: "")
            let findings = try registry.check()
            Output.print("\nConsistency check (livrev check --db \(path)):")
            Output.print(Check.text(findings), terminator: "")
        }
    }

    /// The registry path: a named one must not exist; the default one is replaced.
    private func preparedPath() throws -> String {
        if let path {
            guard !FileManager.default.fileExists(atPath: path) else { throw StoreError.registryExists(path: path) }
            return path
        }
        let path = "demo.livrev"
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            try FileManager.default.removeItem(atPath: path + suffix)
        }
        return path
    }
}
