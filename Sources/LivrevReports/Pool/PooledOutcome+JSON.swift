import LivrevAnalysis

extension PooledOutcome {
    /// SPEC.md's `pool --format json` object, with exactly its fields; `null` where there is no value.
    public var json: JSONValue {
        .object([
            ("outcome", .string(outcome)), ("snapshot", .string(snapshot)), ("measure", .string(measure.code)),
            ("method", .string(method.rawValue)), ("ci_method", .string(ciMethod.rawValue)), ("k", .integer(k)),
            ("estimate", .number(estimate)), ("se", .number(se)), ("ci_lower", .number(ciLower)),
            ("ci_upper", .number(ciUpper)), ("statistic", .number(statistic)), ("p", .number(p)),
            ("tau2", .number(tau2)), ("tau", .number(tau)), ("i2", .number(i2)), ("h2", .number(h2)),
            ("q", .number(q)), ("q_df", .integer(qDF)), ("q_p", .number(qP)),
            ("pi_lower", .number(piLower)), ("pi_upper", .number(piUpper)),
            ("egger", egger.value.map { .object([("z", .number($0.statistic)), ("p", .number($0.p))]) } ?? .null),
            ("begg", begg.value.map { .object([("tau", .number($0.tau)), ("p", .number($0.p))]) } ?? .null),
            ("failsafe_n", .number(failSafeN.value)), ("outlier_threshold", .number(outlierThreshold)),
            (
                "rows",
                .array(
                    rows.map { row in
                        .object([
                            ("study", .string(row.study)), ("label", .string(row.label)), ("yi", .number(row.yi)),
                            ("vi", .number(row.vi)), ("weight", .number(row.weight)), ("rstudent", .number(row.rstudent)),
                            ("cooks_distance", .number(row.cooksDistance)),
                        ])
                    })
            ),
        ])
    }

    /// The header of `pool --format csv`: one line per outcome with the scalar fields.
    public static let csvHeader = [
        "outcome", "snapshot", "measure", "method", "ci_method", "k", "estimate", "se", "ci_lower", "ci_upper",
        "statistic", "p", "tau2", "tau", "i2", "h2", "q", "q_df", "q_p", "pi_lower", "pi_upper", "egger_z", "egger_p",
        "begg_tau", "begg_p", "failsafe_n", "outlier_threshold",
    ]

    /// This outcome's `pool --format csv` line (shortest round-trip numbers; empty where null).
    public var csvRow: [String] {
        func text(_ value: Double?) -> String { value.map(JSONValue.numberText) ?? "" }
        return [
            outcome, snapshot ?? "", measure.code, method.rawValue, ciMethod.rawValue, String(k), text(estimate), text(se),
            text(ciLower),
            text(ciUpper), text(statistic), text(p), text(tau2), text(tau), text(i2), text(h2), text(q),
            qDF.map(String.init) ?? "", text(qP), text(piLower), text(piUpper), text(egger.value?.statistic),
            text(egger.value?.p),
            text(begg.value?.tau), text(begg.value?.p), text(failSafeN.value), text(outlierThreshold),
        ]
    }
}
