import ArgumentParser

/// `--at REVISION`: read the registry as it was at an earlier revision.
struct SnapshotOptions: ParsableArguments {
    @Option(name: .customLong("at"), help: "Read the registry as of this revision number.")
    var at: String?

    /// The revision bound for reads: the named revision, or the head.
    func revision(in context: CommandContext) throws -> Int64 {
        guard let at else { return .max }
        guard let revision = Int64(at), revision > 0 else {
            throw ValidationError("'--at' takes a revision number (see 'livrev log')")
        }
        return revision
    }
}
