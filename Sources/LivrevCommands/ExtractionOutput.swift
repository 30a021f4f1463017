import LivrevReports
import LivrevStore

/// How `data conflicts|pending` and `study conflicts|pending` print extraction states: text for
/// people, JSON (arrays, one object per row) for scripts. Values appear only where the store
/// gives them, for rows in conflict.
enum ExtractionOutput {
    // MARK: - Outcome rows

    static func conflictsJSON(_ states: [OutcomeRowExtraction]) -> JSONValue {
        .array(
            states.map { state in
                .object(
                    rowKey(state) + [
                        ("fields", .array(state.differing.map(JSONValue.string))),
                        ("values", .object(state.values.map { ($0.extractor, $0.value.map(json) ?? .null) })),
                        ("consolidated", state.consolidated.map(json) ?? .null),
                    ])
            })
    }

    static func pendingJSON(_ states: [OutcomeRowExtraction]) -> JSONValue {
        .array(states.map { .object(rowKey($0) + [("entered_by", .string($0.enteredBy.first ?? ""))]) })
    }

    static func conflictsText(_ states: [OutcomeRowExtraction]) -> String {
        guard !states.isEmpty else { return "No outcome rows in conflict.\n" }
        var out = "\(count(states.count, "outcome row")) in conflict:\n"
        for state in states {
            out += headline(name(state), differs: state.differing)
            let parties =
                state.values.map { ($0.extractor, $0.value.map(text) ?? "no such row") }
                + (state.consolidated.map { [("(counted until now)", text($0))] } ?? [])
            out += lines(parties)
        }
        return out
            + "Resolve each with 'livrev data resolve STUDY OUTCOME [--label L] --accept NAME --as ARBITER',\n"
            + "or give the right values instead of --accept (see 'livrev data resolve --help').\n"
    }

    static func pendingText(_ states: [OutcomeRowExtraction]) -> String {
        guard !states.isEmpty else { return "No outcome rows waiting for a second extractor.\n" }
        return "\(count(states.count, "outcome row")) entered by one extractor only:\n"
            + states.map { Text.truncated("  \(name($0)): \($0.enteredBy.joined(separator: ", "))", to: 100) + "\n" }
            .joined()
    }

    /// "Hare 2009 / Fever / label a".
    static func name(_ state: OutcomeRowExtraction) -> String {
        "\(state.study) / \(state.outcome)" + (state.label.map { " / label \($0)" } ?? "")
    }

    /// A row's values in one line: "9/34 vs 7/19, 2009, Fever".
    static func text(_ value: OutcomeRowValue) -> String {
        var parts: [String]
        switch value.data {
        case .dichotomous(let et, let nt, let ec, let nc): parts = ["\(et)/\(nt) vs \(ec)/\(nc)"]
        case .singleArm(let events, let n): parts = ["\(events)/\(n)"]
        case .ratio(let measure, let estimate, let lower, let upper): parts = ["\(measure) \(estimate) [\(lower), \(upper)]"]
        case .effect(let yi, let sei): parts = ["yi \(yi), sei \(sei)"]
        }
        if let year = value.year { parts.append(String(year)) }
        if let event = value.eventName { parts.append(event) }
        return parts.joined(separator: ", ")
    }

    private static func rowKey(_ state: OutcomeRowExtraction) -> [(String, JSONValue)] {
        [("study", .string(state.study)), ("outcome", .string(state.outcome)), ("label", .string(state.label))]
    }

    private static func json(_ value: OutcomeRowValue) -> JSONValue {
        .object(value.fields.map { ($0.name, json($0.value)) } + [("event_name", .string(value.eventName))])
    }

    // MARK: - Characteristics

    static func conflictsJSON(_ states: [CharacteristicExtraction]) -> JSONValue {
        .array(
            states.map { state in
                .object([
                    ("study", .string(state.study)), ("characteristic", .string(state.name)),
                    ("fields", .array([.string(state.values.contains { $0.value == nil } ? "row" : "value")])),
                    ("values", .object(state.values.map { ($0.extractor, .string($0.value?.text)) })),
                    ("consolidated", .string(state.consolidated?.text)),
                ])
            })
    }

    static func pendingJSON(_ states: [CharacteristicExtraction]) -> JSONValue {
        .array(
            states.map {
                .object([
                    ("study", .string($0.study)), ("characteristic", .string($0.name)),
                    ("entered_by", .string($0.enteredBy.first ?? "")),
                ])
            })
    }

    static func conflictsText(_ states: [CharacteristicExtraction]) -> String {
        guard !states.isEmpty else { return "No study characteristics in conflict.\n" }
        var out = "\(count(states.count, "characteristic")) in conflict:\n"
        for state in states {
            out += headline("\(state.study) / \(state.name)", differs: [])
            out += lines(
                state.values.map { ($0.extractor, $0.value?.text ?? "no value") }
                    + (state.consolidated.map { [("(counted until now)", $0.text)] } ?? []))
        }
        return out + "Resolve each with 'livrev study resolve STUDY NAME (--accept NAME | --value V) --as ARBITER'.\n"
    }

    static func pendingText(_ states: [CharacteristicExtraction]) -> String {
        guard !states.isEmpty else { return "No study characteristics waiting for a second extractor.\n" }
        return "\(count(states.count, "characteristic")) entered by one extractor only:\n"
            + states.map { Text.truncated("  \($0.study) / \($0.name): \($0.enteredBy.joined(separator: ", "))", to: 100) + "\n" }
            .joined()
    }

    // MARK: - Shared

    private static func json(_ value: FieldValue) -> JSONValue {
        switch value {
        case .integer(let number): .integer(number)
        case .number(let number): .number(number)
        case .text(let text): .string(text)
        }
    }

    private static func headline(_ name: String, differs: [String]) -> String {
        let suffix = differs.isEmpty ? "" : " — differs: \(differs.joined(separator: ", "))"
        return Text.truncated(name, to: 100 - suffix.count) + suffix + "\n"
    }

    private static func lines(_ parties: [(String, String)]) -> String {
        let width = min(24, parties.map(\.0.count).max() ?? 0)
        return parties.map { party, value in
            let label = Text.truncated(party, to: width)
            return Text.truncated("  " + label + String(repeating: " ", count: width - label.count) + "  " + value, to: 100)
                + "\n"
        }.joined()
    }

    private static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
