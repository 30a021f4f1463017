import ArgumentParser
import LivrevReports
import LivrevStore

/// `livrev conflicts --stage S`: records whose reviewers disagree and that nobody has resolved.
struct Conflicts: RegistryCommand, FormattedCommand {
    static let formats: [OutputFormat] = [.text, .json]
    static let configuration = CommandConfiguration(
        commandName: "conflicts",
        abstract: "List records whose reviewers disagree and that are not yet resolved.")

    @OptionGroup var registryOptions: RegistryOptions
    @OptionGroup var stageOptions: StageOptions
    @OptionGroup var snapshot: SnapshotOptions

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run(_ context: CommandContext) throws {
        let conflicts = try context.registry.conflicts(stage: stageOptions.stage, at: snapshot.revision(in: context))
        if format == .json {
            Output.print(Conflicts.json(conflicts).rendered(pretty: true))
            return
        }
        Output.print(Conflicts.text(conflicts, stage: stageOptions.stage), terminator: "")
    }

    /// The text table of `conflicts`, or the line that says there are none.
    static func text(_ conflicts: [ScreeningConflict], stage: ScreeningStage) -> String {
        guard !conflicts.isEmpty else { return "No unresolved conflicts at \(stage.rawValue)\n" }
        let rows = conflicts.map { conflict in
            [
                String(conflict.record),
                conflict.decisions.map { "\($0.reviewer): \($0.decision.rawValue)" }.joined(separator: ", "),
            ]
        }
        return TextTable(header: ["record", "decisions"], rows: rows).rendered()
    }

    /// `--format json` (and `serve`'s `GET /api/conflicts`).
    static func json(_ conflicts: [ScreeningConflict]) -> JSONValue {
        .array(
            conflicts.map { conflict in
                JSONValue.object([
                    ("record", .integer(Int(conflict.record))), ("stage", .string(conflict.stage.rawValue)),
                    ("decisions", .object(conflict.decisions.map { ($0.reviewer, .string($0.decision.rawValue)) })),
                ])
            })
    }
}
