/// What two extractors of one outcome row must agree on: the numbers and the year. The event's
/// name is a description (one writes "Fever", the other "Pyrexia") and is not compared.
package struct OutcomeRowValue: ExtractedValue {
    package let data: OutcomeData
    package let year: Int?
    package let eventName: String?

    package init(data: OutcomeData, year: Int?, eventName: String?) {
        self.data = data
        self.year = year
        self.eventName = eventName
    }

    package static func == (lhs: OutcomeRowValue, rhs: OutcomeRowValue) -> Bool {
        lhs.data == rhs.data && lhs.year == rhs.year
    }

    /// The compared fields with the CSV column names of `data import`, in a fixed order.
    package var fields: [(name: String, value: FieldValue)] {
        var fields: [(name: String, value: FieldValue)]
        switch data {
        case .dichotomous(let et, let nt, let ec, let nc):
            fields = [("events_t", .integer(et)), ("n_t", .integer(nt)), ("events_c", .integer(ec)), ("n_c", .integer(nc))]
        case .singleArm(let events, let n):
            fields = [("events", .integer(events)), ("n", .integer(n))]
        case .ratio(let measure, let estimate, let lower, let upper):
            fields = [
                ("measure", .text(measure)), ("estimate", .number(estimate)), ("ci_lower", .number(lower)),
                ("ci_upper", .number(upper)),
            ]
        case .effect(let yi, let sei):
            fields = [("yi", .number(yi)), ("sei", .number(sei))]
        }
        if let year { fields.append(("year", .integer(year))) }
        return fields
    }
}

extension OutcomeData {
    /// The data columns shared by `outcome_row`, `outcome_entry` and `outcome_resolution`, in `bindings` order.
    static func columns(of table: String? = nil) -> String {
        ["kind", "events_t", "n_t", "events_c", "n_c", "events", "n", "measure", "estimate", "ci_lower", "ci_upper", "yi", "sei"]
            .map { name in table.map { "\($0).\(name)" } ?? name }.joined(separator: ", ")
    }

    /// The values of `columns` for this row.
    var bindings: [SQLBindable] {
        let none: [SQLBindable] = Array(repeating: Int?.none, count: 12)
        var values = none
        switch self {
        case .dichotomous(let et, let nt, let ec, let nc):
            values.replaceSubrange(0..<4, with: [et, nt, ec, nc] as [SQLBindable])
        case .singleArm(let events, let n):
            values.replaceSubrange(4..<6, with: [events, n] as [SQLBindable])
        case .ratio(let measure, let estimate, let lower, let upper):
            values.replaceSubrange(6..<10, with: [measure, estimate, lower, upper] as [SQLBindable])
        case .effect(let yi, let sei):
            values.replaceSubrange(10..<12, with: [yi, sei] as [SQLBindable])
        }
        return [kind] + values
    }

    /// Reads `columns` starting at column `start`; nil when `kind` is NULL.
    static func read(_ row: Statement, from start: Int32) -> OutcomeData? {
        let column = { (offset: Int32) in start + offset }
        switch row.text(start) {
        case "dichotomous":
            return .dichotomous(
                eventsTreatment: row.int(column(1)), nTreatment: row.int(column(2)), eventsControl: row.int(column(3)),
                nControl: row.int(column(4)))
        case "single-arm":
            return .singleArm(events: row.int(column(5)), n: row.int(column(6)))
        case "generic":
            if let measure = row.text(column(7)) {
                return .ratio(
                    measure: measure, estimate: row.double(column(8)), lower: row.double(column(9)),
                    upper: row.double(column(10)))
            }
            return .effect(yi: row.double(column(11)), sei: row.double(column(12)))
        default:
            return nil
        }
    }
}
