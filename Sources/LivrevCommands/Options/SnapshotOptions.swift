import ArgumentParser
import LivrevStore

/// `--at SNAP`: read the registry as it was at a named snapshot (or at a revision number from `livrev log`).
struct SnapshotOptions: ParsableArguments {
    @Option(name: .customLong("at"), help: "Read the registry as of this snapshot (or revision number).")
    var at: String?

    /// The revision bound for reads: the snapshot's revision, or the head when no `--at` was given.
    ///
    /// - Throws: `StoreError.noSuchSnapshot` when the name is neither a snapshot nor a revision number.
    func revision(in context: CommandContext) throws -> Int64 {
        guard let at else { return .max }
        do {
            return try context.registry.snapshot(named: at).atRevision
        } catch StoreError.noSuchSnapshot(let name) {
            guard let revision = Int64(at), revision > 0, revision <= (try context.registry.headRevision()) else {
                throw StoreError.noSuchSnapshot(name)
            }
            return revision
        }
    }

    /// The snapshot's name for output, or nil at head.
    var name: String? { at }
}
