/// Reads and checks a `data import` CSV file: every row or, at the first bad cell, an error naming file, line and column.
package enum OutcomeRowsFile {
    package static func read(_ file: String) throws -> [NewOutcomeRow] {
        let csv = try CSVReader(path: file)
        let study = try csv.requiredColumn("study")
        let outcome = try csv.requiredColumn("outcome")
        let label = csv.column("label")
        let eventName = csv.column("event_name")
        let year = csv.column("year")
        let kind = try Kind(csv)
        var rows: [NewOutcomeRow] = []
        try csv.forEach { row in
            func text(_ column: CSVColumn) throws -> String {
                guard let value = csv.string(column, in: row), !value.isEmpty else {
                    throw csv.invalid(column, row, expected: "a value")
                }
                return value
            }
            func count(_ column: CSVColumn) throws -> Int {
                guard let value = try csv.int(column, in: row), value >= 0 else {
                    throw csv.invalid(column, row, expected: "a count (a whole number, 0 or more)")
                }
                return value
            }
            func number(_ column: CSVColumn) throws -> Double {
                guard let value = try csv.double(column, in: row), value.isFinite else {
                    throw csv.invalid(column, row, expected: "a number")
                }
                return value
            }
            func events(_ events: CSVColumn, among n: CSVColumn) throws -> (Int, Int) {
                let (e, total) = (try count(events), try count(n))
                guard e <= total else { throw csv.invalid(events, row, expected: "at most n (\(total)) events") }
                return (e, total)
            }
            let data: OutcomeData
            switch kind {
            case .dichotomous(let et, let nt, let ec, let nc):
                let (treatment, control) = (try events(et, among: nt), try events(ec, among: nc))
                data = .dichotomous(
                    eventsTreatment: treatment.0, nTreatment: treatment.1, eventsControl: control.0,
                    nControl: control.1)
            case .singleArm(let e, let n):
                let (events, total) = try events(e, among: n)
                data = .singleArm(events: events, n: total)
            case .ratio(let measure, let estimate, let lower, let upper):
                let (value, low, high) = (try number(estimate), try number(lower), try number(upper))
                guard value > 0 else { throw csv.invalid(estimate, row, expected: "a ratio above 0") }
                guard low > 0, low <= value else {
                    throw csv.invalid(lower, row, expected: "a lower limit above 0 and at most the estimate")
                }
                guard high >= value else { throw csv.invalid(upper, row, expected: "an upper limit at least the estimate") }
                data = .ratio(measure: try text(measure).uppercased(), estimate: value, lower: low, upper: high)
            case .effect(let yi, let sei):
                let (effect, se) = (try number(yi), try number(sei))
                guard se > 0 else { throw csv.invalid(sei, row, expected: "a standard error above 0") }
                data = .effect(yi: effect, sei: se)
            }
            let yearValue = try year.flatMap { try csv.int($0, in: row) }
            rows.append(
                NewOutcomeRow(
                    study: try text(study), outcome: try text(outcome),
                    label: label.flatMap { csv.string($0, in: row) }.flatMap { $0.isEmpty ? nil : $0 },
                    eventName: eventName.flatMap { csv.string($0, in: row) }.flatMap { $0.isEmpty ? nil : $0 },
                    year: yearValue, data: data, sourceFile: file, sourceLine: row.line))
        }
        return rows
    }

    /// The measure a new outcome gets from its first row.
    package static func defaultMeasure(_ row: NewOutcomeRow) -> String {
        switch row.data {
        case .dichotomous: "OR"
        case .singleArm: "PLO"
        case .ratio, .effect: "GEN"
        }
    }

    /// Which of the SPEC's CSV formats a header is.
    private enum Kind {
        case dichotomous(CSVColumn, CSVColumn, CSVColumn, CSVColumn)
        case singleArm(CSVColumn, CSVColumn)
        case ratio(CSVColumn, CSVColumn, CSVColumn, CSVColumn)
        case effect(CSVColumn, CSVColumn)

        init(_ csv: CSVReader) throws {
            if csv.column("events_t") != nil || csv.column("n_t") != nil {
                self = .dichotomous(
                    try csv.requiredColumn("events_t"), try csv.requiredColumn("n_t"),
                    try csv.requiredColumn("events_c"), try csv.requiredColumn("n_c"))
            } else if csv.column("events") != nil {
                self = .singleArm(try csv.requiredColumn("events"), try csv.requiredColumn("n"))
            } else if csv.column("estimate") != nil {
                self = .ratio(
                    try csv.requiredColumn("measure"), try csv.requiredColumn("estimate"),
                    try csv.requiredColumn("ci_lower"), try csv.requiredColumn("ci_upper"))
            } else if csv.column("yi") != nil {
                self = .effect(try csv.requiredColumn("yi"), try csv.requiredColumn("sei"))
            } else {
                // Name the dichotomous columns, the commonest format.
                _ = try csv.requiredColumn("events_t")
                throw ImportError.missingColumn(file: csv.file, name: "events_t")
            }
        }
    }
}
