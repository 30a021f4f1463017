import ArgumentParser
import Foundation

/// `--db PATH`: the registry file; default `$LIVREV_DB`, else `./review.livrev`.
struct RegistryOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "The registry file (default: $LIVREV_DB, else ./review.livrev).")
    var path: String?

    var resolvedPath: String {
        path ?? ProcessInfo.processInfo.environment["LIVREV_DB"] ?? "review.livrev"
    }
}

/// `--as NAME`: the acting reviewer; default `$LIVREV_REVIEWER`.
struct ReviewerOptions: ParsableArguments {
    @Option(name: .customLong("as"), help: "The acting reviewer (default: $LIVREV_REVIEWER).")
    var name: String?

    var resolvedName: String? {
        name ?? ProcessInfo.processInfo.environment["LIVREV_REVIEWER"]
    }

    /// For commands that record a judgement: there must be a reviewer.
    func requireReviewer() throws -> String {
        guard let name = resolvedName, !name.isEmpty else {
            throw ValidationError("this command records a judgement: say who you are with '--as NAME' or $LIVREV_REVIEWER")
        }
        return name
    }
}

/// The output formats; each command lists which it supports.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
    case csv
    case svg
}
