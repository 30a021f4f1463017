import LivrevReports
import LivrevStore

extension ReportBuilder {
    /// Where extraction stands per study, and how often the extractors agreed the first time; nil for
    /// a single-extraction review that never had an extractor's entry.
    func extractionSection() throws -> HTMLSection? {
        let outcomes = try registry.outcomeExtraction(at: revision)
        let characteristics = try registry.characteristicExtraction(at: revision)
        let mode = try registry.extractionMode(at: revision)
        guard mode == .dual || !outcomes.states.isEmpty || !characteristics.states.isEmpty else { return nil }
        var counted: [String: Int] = [:]
        for row in outcomes.rows { counted[row.study, default: 0] += 1 }
        var conflicts: [String: Int] = [:]
        var once: [String: Int] = [:]
        var extractors: [String: Set<String>] = [:]
        for state in outcomes.states {
            if state.status == .conflict { conflicts[state.study, default: 0] += 1 }
            if state.status == .enteredOnce { once[state.study, default: 0] += 1 }
            extractors[state.study, default: []].formUnion(state.enteredBy)
        }
        var characteristicsCounted: [String: Int] = [:]
        for study in characteristics.table.studies { characteristicsCounted[study.study] = study.values.count }
        var characteristicsPending: [String: Int] = [:]
        for state in characteristics.states where state.status != .consolidated {
            characteristicsPending[state.study, default: 0] += 1
        }
        for state in characteristics.states { extractors[state.study, default: []].formUnion(state.enteredBy) }
        let rows = try registry.studies(at: revision).map { study -> [String] in
            let key = study.key
            return [
                key, String(counted[key] ?? 0), String(conflicts[key] ?? 0), String(once[key] ?? 0),
                String(characteristicsCounted[key] ?? 0), String(characteristicsPending[key] ?? 0),
                (extractors[key] ?? []).sorted().joined(separator: ", "),
            ]
        }
        let pending = outcomes.pending.count
        var blocks: [HTMLBlock] = [
            .paragraph(
                "Extraction is \(mode.rawValue): a value counts once two extractors entered it identically, an arbiter "
                    + "resolved it, or it was recorded as final. \(outcomes.rows.count) outcome rows count; "
                    + "\(outcomes.conflicts.count) are in conflict and \(outcomes.enteredOnce.count) entered by one "
                    + "extractor only, and are not pooled."),
            .table(
                caption: "Extraction status per study",
                header: [
                    "study", "rows counted", "rows in conflict", "rows entered once", "characteristics counted",
                    "characteristics pending", "extracted by",
                ], rows: rows),
        ]
        if pending > 0 {
            blocks.append(.callout(level: "warning", text: "\(pending) outcome rows are not consolidated yet and not pooled."))
        }
        let agreement = try registry.extractionAgreement(at: revision)
        if !agreement.isEmpty {
            blocks.append(
                .table(
                    caption: "Agreement the first time (each extractor's first entry of a row)",
                    header: ["data", "extractors", "rows", "identical", "per field"],
                    rows: agreement.map { pair in
                        [
                            pair.data, "\(pair.first) & \(pair.second)", String(pair.rows),
                            ReportBuilder.percent(pair.proportion),
                            pair.fields.map { "\($0.name) \(ReportBuilder.percent($0.proportion))" }.joined(separator: " · "),
                        ]
                    }))
        }
        return HTMLSection(heading: "Data extraction", blocks: blocks)
    }

    private static func percent(_ value: Double?) -> String {
        value.map { SVGFormat.percent($0 * 100) } ?? "—"
    }
}
