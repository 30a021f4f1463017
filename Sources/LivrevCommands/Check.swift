import ArgumentParser
import LivrevReports
import LivrevStore

/// `livrev check`: the consistency report.
struct Check: RegistryCommand, FormattedCommand {
    static let formats: [OutputFormat] = [.text, .json]
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report inconsistencies: PRISMA arithmetic, denominators, duplicate rows, near-duplicate studies.",
        discussion: "With --strict, exits 1 when any error-level finding exists (for CI).")

    @OptionGroup var registryOptions: RegistryOptions
    @OptionGroup var snapshot: SnapshotOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(help: "Exit 1 when any finding is an error.")
    var strict = false

    func run(_ context: CommandContext) throws {
        let findings = try context.registry.check(at: snapshot.revision(in: context))
        if format == .json {
            Output.print(Check.json(findings).rendered(pretty: true))
        } else {
            Output.print(Check.text(findings), terminator: "")
        }
        if strict, findings.contains(where: { $0.severity == .error }) {
            throw ExitCode(ExitStatus.failure)
        }
    }

    static func json(_ findings: [ConsistencyFinding]) -> JSONValue {
        .array(
            findings.map { finding in
                .object([
                    ("severity", .string(finding.severity.rawValue)), ("code", .string(finding.code)),
                    ("message", .string(finding.message)), ("rows", .array(finding.rows.map(JSONValue.string))),
                ])
            })
    }

    /// "5 findings: 1 error, 3 warnings, 1 info".
    static func summary(_ findings: [ConsistencyFinding]) -> String {
        let counts = [ConsistencyFinding.Severity.error, .warning, .info].map { severity in
            "\(findings.filter { $0.severity == severity }.count) \(severity.rawValue)\(severity == .info ? "" : "s")"
        }
        return "\(findings.count) findings: \(counts.joined(separator: ", "))"
    }

    static func text(_ findings: [ConsistencyFinding]) -> String {
        guard !findings.isEmpty else { return "No inconsistencies found.\n" }
        var out = summary(findings) + "\n"
        let width = TextTable.terminalWidth
        for finding in findings {
            let heading = "\(finding.severity.rawValue.uppercased()) [\(finding.code)] \(finding.message)"
            out +=
                "\n"
                + TextTable.wrapped(heading, width: width).enumerated().map { ($0 == 0 ? "" : "  ") + $1 }
                .joined(separator: "\n") + "\n"
            for row in finding.rows {
                out +=
                    TextTable.wrapped(row, width: width - 4).enumerated().map { ($0 == 0 ? "    " : "      ") + $1 }
                    .joined(separator: "\n") + "\n"
            }
        }
        return out
    }
}
