import LivrevAnalysis
import MetaAnalysis

extension PooledOutcome {
    /// SPEC.md's `pool --format json` object, with exactly its fields; `null` where there is no value.
    public var json: JSONValue { json(diagnostics: false) }

    /// The `pool` JSON object; with `diagnostics` (`pool --diagnostics`), each row also carries its
    /// `influence()` values and `leave_one_out` lists `leave1out()`.
    public func json(diagnostics: Bool) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("outcome", .string(outcome)), ("snapshot", .string(snapshot)), ("measure", .string(measure.code)),
            ("method", .string(method.rawValue)), ("ci_method", .string(ciMethod.rawValue)), ("k", .integer(k)),
            ("pending_rows", .integer(pendingRows)),
            ("estimate", .number(estimate)), ("se", .number(se)), ("ci_lower", .number(ciLower)),
            ("ci_upper", .number(ciUpper)), ("statistic", .number(statistic)), ("p", .number(p)),
            ("tau2", .number(tau2)), ("tau", .number(tau)), ("i2", .number(i2)), ("h2", .number(h2)),
            ("q", .number(q)), ("q_df", .integer(qDF)), ("q_p", .number(qP)),
            ("pi_lower", .number(piLower)), ("pi_upper", .number(piUpper)),
            (
                "tau2_ci",
                tau2Interval.value.map { .object([("lower", .number($0.lower)), ("upper", .number($0.upper))]) } ?? .null
            ),
            (
                "egger",
                egger.value.map {
                    .object([
                        ("z", .number($0.statistic)), ("p", .number($0.p)), ("limit_estimate", .number($0.limitEstimate)),
                    ])
                } ?? .null
            ),
            ("begg", begg.value.map { .object([("tau", .number($0.tau)), ("p", .number($0.p))]) } ?? .null),
            ("failsafe_n", .number(failSafeN.value)), ("outlier_threshold", .number(outlierThreshold)),
        ]
        if method == .MH {
            func test(_ t: Diagnostic<MantelHaenszel.ChiSquareTest>) -> JSONValue {
                t.value.map { .object([("statistic", .number($0.statistic)), ("p", .number($0.pValue))]) } ?? .null
            }
            members += [("cmh", test(cochranMantelHaenszel)), ("tarone", test(tarone))]
        }
        if let trimAndFill { members.append(("trimfill", Self.json(trimAndFill))) }
        let studies = diagnostics ? influence.value?.studies : nil
        members.append(
            (
                "rows",
                .array(
                    rows.enumerated().map { index, row in
                        var fields: [(String, JSONValue)] = [
                            ("study", .string(row.study)), ("label", .string(row.label)), ("yi", .number(row.yi)),
                            ("vi", .number(row.vi)), ("weight", .number(row.weight)), ("rstudent", .number(row.rstudent)),
                            ("cooks_distance", .number(row.cooksDistance)),
                        ]
                        if diagnostics {
                            let study = studies?[index]
                            fields += [
                                ("hat", .number(study?.hat)), ("dffits", .number(study?.dffits)),
                                ("cov_r", .number(study?.covarianceRatio)), ("dfbetas", .number(study?.dfbetas)),
                                ("tau2_del", .number(study?.leaveOneOut.tau2)), ("qe_del", .number(study?.leaveOneOut.q)),
                            ]
                        }
                        return .object(fields)
                    })
            ))
        if diagnostics {
            members.append(
                (
                    "leave_one_out",
                    .array(
                        zip(rows, studies ?? []).map { row, study in
                            let fit = study.leaveOneOut
                            return .object([
                                ("study", .string(row.study)), ("label", .string(row.label)),
                                ("estimate", .number(fit.estimate)), ("se", .number(fit.se)),
                                ("statistic", .number(fit.statistic)), ("p", .number(fit.p)),
                                ("ci_lower", .number(fit.ciLower)), ("ci_upper", .number(fit.ciUpper)),
                                ("q", .number(fit.q)), ("q_p", .number(fit.qP)), ("tau2", .number(fit.tau2)),
                                ("i2", .number(fit.i2)), ("h2", .number(fit.h2)),
                            ])
                        })
                ))
        }
        members.append(
            (
                "left_out",
                .array(leftOut.map { .object([("name", .string($0.name)), ("reason", .string($0.reason))]) })
            ))
        return .object(members)
    }

    /// `trimfill` as JSON: k0 and side with the filled analysis's estimate, SE, CI and τ²; when it
    /// cannot be run, every value null and a `reason`.
    private static func json(_ trimAndFill: Diagnostic<TrimAndFillResult>) -> JSONValue {
        let fill = trimAndFill.value
        var fields: [(String, JSONValue)] = [
            ("k0", .integer(fill?.k0)), ("side", .string(fill?.side.rawValue)),
            ("estimate", .number(fill?.pooled.estimate)), ("se", .number(fill?.pooled.se)),
            ("ci_lower", .number(fill?.pooled.ciLower)), ("ci_upper", .number(fill?.pooled.ciUpper)),
            ("tau2", .number(fill?.pooled.tau2)),
        ]
        if let reason = trimAndFill.reason { fields.append(("reason", .string(reason))) }
        return .object(fields)
    }

    /// The header of `pool --format csv`: one line per outcome with the scalar fields.
    public static let csvHeader = [
        "outcome", "snapshot", "measure", "method", "ci_method", "k", "estimate", "se", "ci_lower", "ci_upper",
        "statistic", "p", "tau2", "tau", "i2", "h2", "q", "q_df", "q_p", "pi_lower", "pi_upper", "egger_z", "egger_p",
        "begg_tau", "begg_p", "failsafe_n", "outlier_threshold", "pending_rows",
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
            text(begg.value?.tau), text(begg.value?.p), text(failSafeN.value), text(outlierThreshold), String(pendingRows),
        ]
    }
}
