import LivrevAnalysis

extension CumulativeEntry {
    /// One step of `cumulative --format json`.
    public var json: JSONValue {
        .object([
            ("step", .string(label)), ("year", .integer(year)), ("k", .integer(step.k)), ("estimate", .number(step.estimate)),
            ("se", .number(step.se)), ("ci_lower", .number(step.ciLower)), ("ci_upper", .number(step.ciUpper)),
            ("p", .number(step.p)), ("q", .number(step.q)), ("tau2", .number(step.tau2)), ("i2", .number(step.i2)),
        ])
    }

    /// The steps as `cumulative` prints them.
    public static func table(_ entries: [CumulativeEntry]) -> String {
        let rows = entries.map { entry in
            let step = entry.step
            return [
                entry.label, entry.year.map(String.init) ?? "", String(step.k), SVGFormat.fixed(step.estimate, decimals: 4),
                "\(SVGFormat.fixed(step.ciLower, decimals: 3)) to \(SVGFormat.fixed(step.ciUpper, decimals: 3))",
                SVGFormat.fixed(step.p, decimals: 3), SVGFormat.fixed(step.tau2, decimals: 4),
                SVGFormat.fixed(step.i2, decimals: 1),
            ]
        }
        return TextTable(header: ["step", "year", "k", "estimate", "95% CI", "p", "τ²", "I² %"], rows: rows).rendered()
    }
}
