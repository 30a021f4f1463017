/// One step of a cumulative meta-analysis as reported: what was added, and the pooled result after it.
public struct CumulativeStepRow: Sendable {
    public var label: String
    public var year: Int?
    public var k: Int
    public var estimate: Double
    public var se: Double
    public var ciLower: Double
    public var ciUpper: Double
    public var p: Double
    public var q: Double
    public var tau2: Double
    public var i2: Double

    public init(
        label: String, year: Int?, k: Int, estimate: Double, se: Double, ciLower: Double, ciUpper: Double,
        p: Double, q: Double, tau2: Double, i2: Double
    ) {
        self.label = label
        self.year = year
        self.k = k
        self.estimate = estimate
        self.se = se
        self.ciLower = ciLower
        self.ciUpper = ciUpper
        self.p = p
        self.q = q
        self.tau2 = tau2
        self.i2 = i2
    }

    public var json: JSONValue {
        .object([
            ("step", .string(label)), ("year", .integer(year)), ("k", .integer(k)), ("estimate", .number(estimate)),
            ("se", .number(se)), ("ci_lower", .number(ciLower)), ("ci_upper", .number(ciUpper)), ("p", .number(p)),
            ("q", .number(q)), ("tau2", .number(tau2)), ("i2", .number(i2)),
        ])
    }

    public static func table(_ steps: [CumulativeStepRow]) -> String {
        let rows = steps.map { step in
            [
                step.label, step.year.map(String.init) ?? "", String(step.k), SVGFormat.fixed(step.estimate, decimals: 4),
                "\(SVGFormat.fixed(step.ciLower, decimals: 3)) to \(SVGFormat.fixed(step.ciUpper, decimals: 3))",
                SVGFormat.fixed(step.p, decimals: 3), SVGFormat.fixed(step.tau2, decimals: 4),
                SVGFormat.fixed(step.i2, decimals: 1),
            ]
        }
        return TextTable(header: ["step", "year", "k", "estimate", "95% CI", "p", "τ²", "I² %"], rows: rows).rendered()
    }
}
