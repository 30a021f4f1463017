import ArgumentParser
import Foundation
import LivrevAnalysis
import LivrevReports
import LivrevStore

/// `livrev demo`: build the bundled example review from Seeds/ and show what it says.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build the bundled example review (Seeds/) and print its PRISMA counts, pooled results and checks.",
        discussion: """
            The example is a published meta-analysis of intravenous mesenchymal stem cells (36 RCTs, 16 adverse-event \
            categories), replayed as a living review: its trials up to 2020 as the previous version, then an update \
            search screened by two blinded reviewers and an arbiter, dual extraction, a snapshot and the re-pool. The \
            decisions are scripted (Seeds/). The registry is written to demo.livrev (replaced if it exists) unless \
            --db names a new file; explore it afterwards with --db.
            """)

    @Option(name: .customLong("db"), help: "Where to write the example registry (default: ./demo.livrev, replaced).")
    var path: String?

    func run() throws {
        try Output.runCommand {
            let path = try preparedPath()
            Self.say(
                """
                The published review of intravenous MSCs (Habiba et al. 2025), replayed as a living review. The \
                screening and extraction decisions are scripted (Seeds/), made as two blinded reviewers and an \
                arbiter would make them; every step is a livrev command in the registry's log.

                """)
            let registry = try SeedReview.build(at: path, narrate: Self.say)
            Output.print(
                "\nBuilt \(path) (\(try registry.headRevision()) revisions; see 'livrev log --db \(path)').\n")
            Output.print(try Prisma.flow(registry, at: .max).renderedText())
            let options = try PoolOptions.parse([])
            let pooled = try Pool.analyses(registry, outcome: nil, options: options, at: .max, snapshot: nil)
            Output.print("\nPooled adverse events, one line per category (livrev pool --all --db \(path)):\n")
            Output.print(PooledOutcome.summaryTable(pooled), terminator: "")
            let early = try registry.snapshot(named: SeedReview.early)
            let before = try Pool.analyses(registry, outcome: nil, options: options, at: early.atRevision, snapshot: early.name)
            Output.print(
                "\nWhat the update changed "
                    + "(livrev snapshot diff \(SeedReview.early) \(SeedReview.published) --db \(path)):\n")
            Output.print(OutcomeChange.table(OutcomeChange.pair(before: before, after: pooled)), terminator: "")
            let findings = try registry.check()
            Output.print("\nConsistency check (livrev check --db \(path)):")
            Output.print(Check.text(findings), terminator: "")
            Output.print("\n" + (try Self.openWork(registry)))
        }
    }

    /// Prints narration wrapped to 100 columns.
    private static func say(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        Output.print(lines.flatMap { TextTable.wrapped(String($0), width: 100) }.joined(separator: "\n"))
    }

    /// What is left for the team: the demo ends with no conflict or extraction discrepancy open.
    static func openWork(_ registry: Registry) throws -> String {
        let screening = try ScreeningStage.allCases.map { try registry.conflicts(stage: $0).count }.reduce(0, +)
        let outcomes = try registry.outcomeExtraction(outcome: nil).conflicts.count
        let characteristics = try registry.characteristicExtraction().conflicts.count
        return "Left open: \(screening) screening conflicts, \(outcomes + characteristics) extraction discrepancies."
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
