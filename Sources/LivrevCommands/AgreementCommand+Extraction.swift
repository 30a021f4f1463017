import LivrevReports
import LivrevStore

extension AgreementCommand {
    /// `agreement --extraction`: identical first entries, per pair of extractors and per field.
    func runExtraction(_ context: CommandContext) throws {
        let pairs = try context.registry.extractionAgreement(at: snapshot.revision(in: context))
        if format == .json {
            Output.print(JSONValue.array(pairs.map(AgreementCommand.json)).rendered(pretty: true))
            return
        }
        Output.print(AgreementCommand.extractionText(pairs), terminator: "")
    }

    static func json(_ pair: ExtractionAgreement) -> JSONValue {
        .object([
            ("data", .string(pair.data)), ("extractors", .array([.string(pair.first), .string(pair.second)])),
            ("rows", .integer(pair.rows)), ("identical", .integer(pair.identical)), ("agreement", .number(pair.proportion)),
            (
                "fields",
                .object(
                    pair.fields.map { field in
                        (
                            field.name,
                            .object([
                                ("rows", .integer(field.compared)), ("identical", .integer(field.agreed)),
                                ("agreement", .number(field.proportion)),
                            ])
                        )
                    })
            ),
        ])
    }

    /// One table: per pair, the whole row, then each field.
    static func extractionText(_ pairs: [ExtractionAgreement]) -> String {
        guard !pairs.isEmpty else { return "No study was extracted by two extractors yet.\n" }
        var rows: [[String]] = []
        for pair in pairs {
            let who = Text.truncated("\(pair.first) & \(pair.second)", to: 30)
            rows.append([pair.data, who, "all fields", String(pair.rows), String(pair.identical), percent(pair.proportion)])
            for field in pair.fields {
                rows.append([
                    "", "", Text.truncated(field.name, to: 24), String(field.compared), String(field.agreed),
                    percent(field.proportion),
                ])
            }
        }
        return TextTable(header: ["data", "extractors", "field", "rows", "identical", "agreement"], rows: rows).rendered()
            + "Identical the first time: each extractor's first entry of a row, before any correction.\n"
    }

    private static func percent(_ value: Double?) -> String {
        value.map { SVGFormat.percent($0 * 100) } ?? "—"
    }
}
