import Foundation
import Testing

/// `pool --diagnostics`, `--trimfill`, τ²'s CI, Egger's limit estimate, MH's CMH and Tarone tests,
/// Peto's and MH's per-table rows, and risk differences without correction, end to end against
/// metafor on dat.collins1985a (scripts/reference/pool_diagnostics_cli.R).
@Suite("Pool diagnostics match metafor through the CLI")
struct PoolDiagnosticsTests {
    static func reference(_ key: String) throws -> [String: Any] {
        let data = try Data(contentsOf: PoolSeedTests.fixtures.appendingPathComponent("pool_diagnostics.json"))
        let all = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(all[key] as? [String: Any], "no \(key) in pool_diagnostics.json")
    }

    static func pool(_ arguments: String) throws -> (CommandRunner, CommandRunner.Result) {
        let livrev = try PoolKindsTests.registry(importing: "collins1985a.csv")
        return (livrev, try livrev("pool --outcome Rebleeding " + arguments))
    }

    static func double(_ any: Any?) -> Double? { (any as? NSNumber)?.doubleValue }

    /// Expects two JSON numbers (or nulls) to agree to 1e-6.
    static func expectSame(_ ours: Any?, _ theirs: Any?, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        switch (double(ours), double(theirs)) {
        case (nil, nil): return
        case (let a?, let b?): #expect(PoolSeedTests.close(a, b), "\(what): \(a) vs metafor \(b)", sourceLocation: sourceLocation)
        case (let a, let b):
            Issue.record("\(what): \(String(describing: a)) vs metafor \(String(describing: b))", sourceLocation: sourceLocation)
        }
    }

    /// Compares per-row vectors of the reference (`columns` → R's values) with the JSON objects.
    static func expectColumns(_ objects: [[String: Any]], _ columns: [String: Any], keys: [String], _ what: String) {
        for key in keys {
            let expected = (columns[key] as? [Any]) ?? []
            #expect(expected.count == objects.count, "\(what) \(key): \(objects.count) rows vs \(expected.count)")
            for (i, object) in objects.enumerated() where i < expected.count {
                expectSame(object[key], expected[i] is NSNull ? nil : expected[i], "\(what) row \(i + 1) \(key)")
            }
        }
    }

    @Test(arguments: [("dl", ""), ("reml_knha", "--method REML --ci hksj")])
    func diagnosticsTau2IntervalEggerLimitAndTrimAndFill(case name: String, options: String) throws {
        let expected = try Self.reference(name)
        let (_, result) = try Self.pool("\(options) --diagnostics --trimfill --format json")
        try expectSuccess(result)
        let pooled = try json(result)
        for key in ["k", "estimate", "se", "tau2", "q", "i2"] { Self.expectSame(pooled[key], expected[key], "\(name) \(key)") }
        let interval = try #require(pooled["tau2_ci"] as? [String: Any]),
            theirs = try #require(expected["tau2_ci"] as? [String: Any])
        Self.expectSame(interval["lower"], theirs["lower"], "\(name) tau2_ci lower")
        Self.expectSame(interval["upper"], theirs["upper"], "\(name) tau2_ci upper")
        Self.expectSame((pooled["egger"] as? [String: Any])?["limit_estimate"], expected["egger_limit"], "\(name) Egger limit")
        let fill = try #require(pooled["trimfill"] as? [String: Any]),
            fillR = try #require(expected["trimfill"] as? [String: Any])
        #expect(fill["side"] as? String == fillR["side"] as? String)
        for key in ["k0", "estimate", "se", "ci_lower", "ci_upper", "tau2"] {
            Self.expectSame(fill[key], fillR[key], "\(name) trimfill \(key)")
        }
        let rows = try #require(pooled["rows"] as? [[String: Any]])
        Self.expectColumns(
            rows, try #require(expected["rows"] as? [String: Any]),
            keys: ["hat", "dffits", "cov_r", "dfbetas", "tau2_del", "qe_del", "yi", "vi"], "\(name) rows")
        let leaveOneOut = try #require(pooled["leave_one_out"] as? [[String: Any]])
        Self.expectColumns(
            leaveOneOut, try #require(expected["leave_one_out"] as? [String: Any]),
            keys: ["estimate", "se", "statistic", "p", "ci_lower", "ci_upper", "q", "q_p", "tau2", "i2", "h2"],
            "\(name) leave_one_out")
        #expect(leaveOneOut.first?["study"] as? String == "Hoare 1979")
    }

    @Test func withoutTheFlagsThereAreNoPerRowDiagnosticsNorTrimAndFill() throws {
        let pooled = try json(Self.pool("--format json").1)
        #expect(pooled["leave_one_out"] == nil && pooled["trimfill"] == nil && pooled["cmh"] == nil)
        #expect((pooled["rows"] as? [[String: Any]])?.first?["hat"] == nil)
        #expect(pooled["tau2_ci"] is [String: Any])
    }

    @Test func diagnosticTablesFitOneHundredColumns() throws {
        let (_, result) = try Self.pool("--diagnostics --trimfill")
        try expectSuccess(result)
        #expect(result.stdout.contains("Influence (metafor's influence()):"))
        #expect(result.stdout.contains("Leave one out (leave1out()), log OR:"))
        #expect(result.stdout.contains("τ² 95% CI (Q-profile): "))
        #expect(result.stdout.contains("Trim-and-fill (0 imputed, right): "))
        let long = result.stdout.split(separator: "\n").filter { $0.count > 100 }
        #expect(long.isEmpty, "\(long)")
    }

    @Test func eggerAtTwoRowsUnderFixedEffectIsTheSaturatedFit() throws {
        let expected = try Self.reference("egger_k2_fe")
        let livrev = try PoolKindsTests.registry(importing: "lee2004_k2.csv")
        let fixed = try json(livrev("pool --outcome Nausea --method FE --format json"))
        let egger = try #require(fixed["egger"] as? [String: Any])
        for key in ["z", "p", "limit_estimate"] { Self.expectSame(egger[key], expected[key], "Egger k = 2 \(key)") }
        // A random-effects model has τ² to estimate too: metafor has no Egger test at k = 2.
        #expect(try json(livrev("pool --outcome Nausea --format json"))["egger"] is NSNull)
    }

    @Test func mantelHaenszelTestsAndPerTableRows() throws {
        let expected = try Self.reference("mh")
        let pooled = try json(Self.pool("--method MH --format json").1)
        for key in ["estimate", "se", "q"] { Self.expectSame(pooled[key], expected[key], "MH \(key)") }
        for test in ["cmh", "tarone"] {
            let ours = try #require(pooled[test] as? [String: Any]), theirs = try #require(expected[test] as? [String: Any])
            Self.expectSame(ours["statistic"], theirs["statistic"], "\(test) statistic")
            Self.expectSame(ours["p"], theirs["p"], "\(test) p")
        }
        let rows = try #require(pooled["rows"] as? [[String: Any]])
        Self.expectColumns(rows, expected, keys: ["yi", "vi"], "MH")
        // Colecchia 1981 has no events in either arm: no per-table effect, as rma.mh has it.
        #expect(rows.count == 25 && rows[12]["yi"] is NSNull && rows[12]["study"] as? String == "Colecchia 1981")
        #expect(pooled["tau2_ci"] is NSNull)
    }

    @Test func petoRowsAreObservedMinusExpectedOverV() throws {
        let expected = try Self.reference("peto")
        let pooled = try json(Self.pool("--method PETO --format json").1)
        for key in ["estimate", "se", "q"] { Self.expectSame(pooled[key], expected[key], "Peto \(key)") }
        Self.expectColumns(try #require(pooled["rows"] as? [[String: Any]]), expected, keys: ["yi", "vi"], "Peto")
        #expect(pooled["cmh"] == nil)
    }

    @Test func riskDifferencesWithoutCorrectionKeepTheDoubleZeroUnderREML() throws {
        let expected = try Self.reference("rd_none_reml")
        let (_, result) = try Self.pool("--measure RD --correction none --method REML --diagnostics --format json")
        try expectSuccess(result)
        let pooled = try json(result)
        #expect(pooled["k"] as? Int == 25)
        for key in ["estimate", "se", "tau2"] { Self.expectSame(pooled[key], expected[key], "RD none \(key)") }
        // Q, I² and the τ² interval are undefined with a sampling variance of 0, as in metafor.
        #expect(pooled["q"] is NSNull && pooled["i2"] is NSNull && pooled["tau2_ci"] is NSNull)
        Self.expectColumns(
            try #require(pooled["rows"] as? [[String: Any]]), try #require(expected["rows"] as? [String: Any]),
            keys: ["vi", "hat", "dffits", "tau2_del", "qe_del"], "RD none")
        #expect((pooled["left_out"] as? [Any])?.isEmpty == true)
        let text = try Self.pool("--measure RD --correction none --method REML").1.stdout
        #expect(text.contains("Heterogeneity: Q, I² and H² undefined (a row has sampling variance 0); τ² = "), "\(text)")
    }

    @Test(arguments: ["DL", "PM", "FE"])
    func riskDifferencesWithoutCorrectionAreRefusedWhereMetaforRefuses(method: String) throws {
        let reason = try #require(try Self.reference("rd_none_refusals")[method] as? String)
        let (livrev, result) = try Self.pool("--measure RD --correction none --method \(method)")
        let before = try livrev.logicalDump()
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        let key = method == "FE" ? "division by zero" : "\(method) estimator cannot be used"
        #expect(reason.lowercased().contains(key.lowercased()))
        #expect(
            result.stderr.lowercased().contains(key.lowercased()) && result.stderr.contains("'Rebleeding'"), "\(result.stderr)")
        #expect(try livrev.logicalDump() == before)
    }

    @Test func oddsRatiosWithoutCorrectionListTheRowsLeftOutAndWhy() throws {
        let expected = try Self.reference("or_none")
        let (_, result) = try Self.pool("--correction none --format json")
        let pooled = try json(result)
        #expect(pooled["k"] as? Int == expected["k"] as? Int)
        Self.expectSame(pooled["estimate"], expected["estimate"], "OR none estimate")
        let leftOut = try #require(pooled["left_out"] as? [[String: Any]])
        #expect(leftOut.map { $0["name"] as? String } == (expected["left_out"] as? [String] ?? []).map { $0 })
        #expect(leftOut.allSatisfy { ($0["reason"] as? String)?.contains("--correction none") == true })
        let text = try Self.pool("--correction none").1.stdout
        #expect(text.contains("Not pooled: Gilsanz 1980: a zero cell without correction"), "\(text)")
    }
}

/// A Paule–Mandel model metafor refuses says why, as metafor does, and exits 65.
@Suite("Pool says why an estimator fails")
struct PoolEstimatorFailureTests {
    @Test func pauleMandelSaysItsSearchLimitIsTooLow() throws {
        let reason =
            try #require(
                try JSONSerialization.jsonObject(
                    with: Data(contentsOf: PoolSeedTests.fixtures.appendingPathComponent("pool_diagnostics.json")))
                    as? [String: Any])["pm_too_low"] as? String
        #expect(reason?.contains("'tau2.max' too low") == true)
        let livrev = try PoolKindsTests.registry(importing: "pm_too_low.csv")
        let result = try livrev("pool --outcome Outlier --method PM")
        #expect(result.status == 65)
        #expect(
            result.stderr
                == "Error: outcome 'Outlier' cannot be pooled with '--method PM': PM: value of tau2.max (100) too low: "
                + "Q(τ²) is still above k − 1 there; switch to another method\n")
        // Another estimator pools the same rows.
        try expectSuccess(livrev("pool --outcome Outlier --method REML"))
    }
}

/// Options that would relabel or do nothing are refused, with the registry unchanged.
@Suite("Pool refuses options that do not apply")
struct PoolRefusalTests {
    static func refused(_ fixture: String, _ arguments: String, _ message: String) throws {
        let livrev = try PoolKindsTests.registry(importing: fixture)
        let before = try livrev.logicalDump()
        let result = try livrev(arguments)
        #expect(result.status == 65, "\(arguments): exit \(result.status)")
        #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        #expect(try livrev.logicalDump() == before)
    }

    @Test(arguments: ["OR", "RD", "PLO", "PFT"])
    func aMeasureOnGenericRowsWouldOnlyRelabelThem(measure: String) throws {
        try Self.refused(
            "bcg_generic.csv", "pool --outcome TB --measure \(measure)", "would relabel them, not convert them")
    }

    @Test func aMeasureOnEffectRowsWouldOnlyRelabelThem() throws {
        try Self.refused("pm_too_low.csv", "pool --outcome Outlier --measure OR", "would relabel them, not convert them")
    }

    @Test func theRowsOwnScaleIsNotARelabelling() throws {
        let livrev = try PoolKindsTests.registry(importing: "bcg_generic.csv")
        try expectSuccess(livrev("pool --outcome TB --measure RR"))
    }

    @Test(arguments: ["none", "all", "drop00"])
    func aCorrectionOnGenericRowsChangesNothing(correction: String) throws {
        try Self.refused("bcg_generic.csv", "pool --outcome TB --correction \(correction)", "applies to counts")
    }

    @Test func dropDoubleZerosOnProportionsIsRefused() throws {
        try Self.refused("pritz1997.csv", "pool --outcome Remission --correction drop00", "single-arm proportions")
    }

    @Test func mantelHaenszelHasItsOwnZeroCellHandling() throws {
        try Self.refused("collins1985a.csv", "pool --outcome Rebleeding --method MH --correction all", "does not apply to")
    }
}
