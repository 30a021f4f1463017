import ArgumentParser
import Foundation
import LivrevStore

/// `--db PATH`: the registry file; default `$LIVREV_DB`, else `./review.livrev`.
struct RegistryOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: "The registry file (default: $LIVREV_DB, else ./review.livrev).")
    var path: String?

    var resolvedPath: String {
        path ?? ProcessInfo.processInfo.environment["LIVREV_DB"] ?? "review.livrev"
    }
}

extension RegistrySettings {
    /// The standard settings, but for what the environment sets: `$LIVREV_NOW` stamps every revision
    /// with that one time (reproducible registries: two files that differ only in what was done are
    /// byte-comparable), `$LIVREV_BUSY_TIMEOUT_MS` bounds the wait for another writer.
    static var fromEnvironment: RegistrySettings {
        let environment = ProcessInfo.processInfo.environment
        var settings = RegistrySettings.standard
        if let fixed = environment["LIVREV_NOW"] { settings.now = { fixed } }
        if let timeout = environment["LIVREV_BUSY_TIMEOUT_MS"].flatMap(Int32.init) {
            settings.busyTimeoutMilliseconds = timeout
        }
        return settings
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

/// The output formats; each command lists which it supports (`FormattedCommand.formats`).
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
    case csv
    case svg

    /// Refuses a `--format` the command does not print (exit 64): a closed choice is closed.
    static func check(_ command: any ParsableCommand) throws {
        guard let command = command as? any FormattedCommand else { return }
        let formats = type(of: command).formats
        guard formats.contains(command.format) else {
            let choices = formats.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("--format \(command.format.rawValue) is not a format of this command (choose: \(choices))")
        }
    }
}

/// A command with `--format`: it names the formats it prints, and `RegistryCommand` refuses any other.
protocol FormattedCommand {
    static var formats: [OutputFormat] { get }
    var format: OutputFormat { get }
}
