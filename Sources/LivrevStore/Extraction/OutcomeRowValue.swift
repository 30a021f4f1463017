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
    /// The data columns shared by `outcome_row`, `outcome_entry` and `outcome_resolution`.
    private static let columnNames = [
        "kind", "events_t", "n_t", "events_c", "n_c", "events", "n", "measure", "estimate", "ci_lower", "ci_upper", "yi",
        "sei",
    ]

    /// The data columns, as a select or insert lists them (with `table`'s prefix when given).
    static func columns(of table: String? = nil) -> String {
        columnNames.map { name in table.map { "\($0).\(name)" } ?? name }.joined(separator: ", ")
    }

    /// The named parameters of the data columns (`:kind, :events_t, …`), in the order of ``columns(of:)``.
    static var parameters: String {
        columnNames.map { ":" + $0 }.joined(separator: ", ")
    }

    /// Every data column NULL: a row without data (an arbiter accepting that an extractor has no such row).
    static var nullArguments: [String: SQLBindable] {
        Dictionary(uniqueKeysWithValues: columnNames.map { ($0, SQLValue.null as SQLBindable) })
    }

    /// The value of each data column for this row, by column name (NULL in the columns of other kinds),
    /// for ``Statement/bind(named:)``.
    var arguments: [String: SQLBindable] {
        var values = OutcomeData.nullArguments
        values["kind"] = kind
        switch self {
        case .dichotomous(let et, let nt, let ec, let nc):
            values["events_t"] = et
            values["n_t"] = nt
            values["events_c"] = ec
            values["n_c"] = nc
        case .singleArm(let events, let n):
            values["events"] = events
            values["n"] = n
        case .ratio(let measure, let estimate, let lower, let upper):
            values["measure"] = measure
            values["estimate"] = estimate
            values["ci_lower"] = lower
            values["ci_upper"] = upper
        case .effect(let yi, let sei):
            values["yi"] = yi
            values["sei"] = sei
        }
        return values
    }

    /// Reads the data columns of `row` (selected by ``columns(of:)``); nil when `kind` is NULL.
    static func read(_ row: Row) throws -> OutcomeData? {
        switch try row.text("kind") {
        case "dichotomous":
            return try .dichotomous(
                eventsTreatment: row.int("events_t"), nTreatment: row.int("n_t"), eventsControl: row.int("events_c"),
                nControl: row.int("n_c"))
        case "single-arm":
            return try .singleArm(events: row.int("events"), n: row.int("n"))
        case "generic":
            if let measure = try row.text("measure") {
                return try .ratio(
                    measure: measure, estimate: row.double("estimate"), lower: row.double("ci_lower"),
                    upper: row.double("ci_upper"))
            }
            return try .effect(yi: row.double("yi"), sei: row.double("sei"))
        default:
            return nil
        }
    }
}
