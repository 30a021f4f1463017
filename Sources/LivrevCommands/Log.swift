import ArgumentParser
import LivrevReports
import LivrevStore

/// `livrev log`: the audit trail, blinded like every other output.
struct Log: RegistryCommand, FormattedCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Print the audit trail: every revision, who, when, what.",
        discussion: """
            A revision that holds another reviewer's vote not yet disclosed (the other reviewer of the record, \
            or of the risk-of-bias domain, has not voted) shows who and when but not its command line. \
            --unblind shows everything; it is itself recorded in the log.
            """)
    static let formats: [OutputFormat] = [.text, .json]

    @OptionGroup var registryOptions: RegistryOptions
    @OptionGroup var reviewerOptions: ReviewerOptions
    @OptionGroup var snapshot: SnapshotOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(help: "Show every command line, including votes not yet disclosed (recorded in the log).")
    var unblind = false

    /// What a withheld command line shows instead.
    static let withheld = "(a vote, withheld until the other reviewer has voted)"

    func run(_ context: CommandContext) throws {
        let registry = context.registry
        if unblind {
            // The unblinding is written first: when it cannot be recorded, nothing is shown.
            try context.write(reviewer: reviewerOptions.resolvedName) { _ in }
        }
        let hidden = unblind ? [] : try registry.withheldRevisions(for: reviewerOptions.resolvedName)
        let entries = try registry.log(at: snapshot.revision(in: context))
        if format == .json {
            let items = entries.map { entry in
                let isHidden = hidden.contains(entry.id)
                return JSONValue.object([
                    ("revision", .integer(Int(entry.id))), ("time", .string(entry.createdAt)),
                    ("reviewer", .string(entry.reviewer)), ("command", .string(isHidden ? nil : entry.command)),
                    ("withheld", .bool(isHidden)),
                ])
            }
            Output.print(JSONValue.array(items).rendered(pretty: true))
            return
        }
        // Two lines a revision (who and when, then the command, indented), so a command line stays whole
        // within 100 columns and can be found with grep.
        let width = String(entries.last?.id ?? 0).count
        var text = ""
        for entry in entries {
            let number = String(entry.id)
            text +=
                String(repeating: " ", count: width - number.count) + number + "  \(entry.createdAt)  \(entry.reviewer ?? "—")\n"
            let command = hidden.contains(entry.id) ? Log.withheld : entry.command
            let indent = String(repeating: " ", count: width + 2)
            text += TextTable.wrapped(command, width: TextTable.terminalWidth - indent.count - 2).enumerated()
                .map { indent + ($0 == 0 ? "" : "  ") + $1 + "\n" }.joined()
        }
        Output.print(text, terminator: "")
    }
}
