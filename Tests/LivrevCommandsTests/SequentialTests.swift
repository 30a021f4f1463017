import Foundation
import Testing

/// `livrev sequential` end to end: the seed review's outcomes monitored by year, against metafor's
/// cumulative fits and rpact's boundaries (`scripts/reference/sequential.R`).
@Suite("Trial sequential analysis", .serialized)
struct SequentialTests {
    private static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../..")

    private static func reference() throws -> [[String: Any]] {
        let url = repository.appendingPathComponent("Tests/MetaAnalysisTests/Fixtures/sequential.json")
        let fixture = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        return try #require(fixture["zcurves"] as? [[String: Any]])
    }

    /// A registry holding every row of the seed review's Table 3, snapshotted after each half.
    private func seedRegistry() throws -> CommandRunner {
        let livrev = try CommandRunner()
        try expectSuccess(livrev("init --title Seed --extraction single"))
        for (file, snapshot) in [("ae-counts-to-2020.csv", "v2020"), ("ae-counts-from-2021.csv", "v2024")] {
            try expectSuccess(livrev.run(["data", "import", Self.repository.appendingPathComponent("Seeds/" + file).path]))
            try expectSuccess(livrev("snapshot create \(snapshot)"))
        }
        return livrev
    }

    /// metafor's cumulative fits give the estimates; the boundaries come from R's uniform-grid recursion,
    /// itself checked against the exact multivariate normal (rpact fails at the seed's t < 0.05 looks).
    @Test func zCurveBoundariesAndAdjustedIntervalsMatchR() throws {
        let livrev = try seedRegistry()
        let cases = try Self.reference()
        #expect(cases.count >= 7)
        for reference in cases {
            let outcome = try #require(reference["outcome"] as? String)
            let measure = try #require(reference["measure"] as? String), method = try #require(reference["method"] as? String)
            let rrr = try #require(reference["rrr"] as? Double), power = try #require(reference["power"] as? Double)
            let adjust = try #require(reference["adjust"] as? String)
            let result = try livrev.run([
                "sequential", "--outcome", outcome, "--control-risk", "pooled", "--rrr", String(rrr), "--measure", measure,
                "--method", method, "--power", String(power), "--adjust", adjust, "--format", "json",
            ])
            try expectSuccess(result)
            let found = try json(result)
            let what = "\(outcome) \(measure) \(method)"
            for key in ["d2", "i2"] {
                expectNear(found[key], reference[key], "\(what) \(key)", tolerance: 1e-6)
            }
            #expect(found["ris"] as? Int == reference["ris"] as? Int, "\(what) RIS")
            #expect(found["adjusted_ris"] as? Int == reference["adjusted_ris"] as? Int, "\(what) adjusted RIS")
            expectNear(found["control_risk"], reference["control_risk"], "\(what) control risk", tolerance: 1e-12)
            let looks = try #require(found["looks"] as? [[String: Any]])
            let expected = try #require(reference["looks"] as? [[String: Any]])
            #expect(looks.count == expected.count, "\(what) looks")
            for (look, want) in zip(looks, expected) {
                let label = "\(what) look \(want["label"] ?? "")"
                #expect(look["label"] as? String == want["label"] as? String, "\(label)")
                #expect(look["n"] as? Int == want["n"] as? Int, "\(label) n")
                for key in ["information_fraction", "estimate", "se", "z", "ci_lower", "ci_upper"] {
                    expectNear(look[key], want[key], "\(label) \(key)", tolerance: 1e-6)
                }
                // Beyond z = 8 a look spends less than 1e-15 of α and the grids resolve its boundary to
                // 1e-5; a boundary a z-curve can reach agrees to 1e-6.
                let far = ((want["boundary"] as? NSNumber)?.doubleValue ?? 0) > 8
                for key in ["boundary", "tsa_ci_lower", "tsa_ci_upper"] {
                    expectNear(look[key], want[key], "\(label) \(key)", tolerance: far ? 2e-5 : 1e-6)
                }
            }
        }
    }

    @Test func theVerdictSaysHowFarTheInformationHasCome() throws {
        let livrev = try seedRegistry()
        let general = "General disorders and administration site conditions"
        let open = try json(
            livrev.run(["sequential", "--outcome", general, "--control-risk", "pooled", "--rrr", "-0.3", "--format", "json"]))
        // 1,575 of 5,349 participants (D² = 40.9%): 29.4%, 3,774 more.
        #expect(
            open["conclusion"] as? String
                == "not yet conclusive: 29.4% of the required 5,349 participants; about 3,774 more needed")
        let infections = try json(
            livrev.run([
                "sequential", "--outcome", "Infections and infestations", "--control-risk", "pooled", "--rrr", "0.3",
                "--format", "json",
            ]))
        let conclusion = try #require(infections["conclusion"] as? String)
        #expect(
            conclusion.hasPrefix("firm evidence of benefit (fewer events with treatment): the z-curve crossed"), "\(conclusion)")
        #expect(conclusion.contains("at 2022"), "\(conclusion)")
    }

    @Test func snapshotsAreTheLooksOfALivingReview() throws {
        let livrev = try seedRegistry()
        let general = "General disorders and administration site conditions"
        let arguments = ["sequential", "--outcome", general, "--control-risk", "pooled", "--rrr", "-0.3", "--format", "json"]
        let bySnapshot = try json(livrev.run(arguments + ["--by", "snapshot"]))
        let byYear = try json(livrev.run(arguments))
        let looks = try #require(bySnapshot["looks"] as? [[String: Any]])
        #expect(looks.map { $0["label"] as? String } == ["v2020", "v2024"])
        let lastYear = try #require((byYear["looks"] as? [[String: Any]])?.last)
        // The last snapshot holds every row: the same data as the last year (its boundary differs: it is
        // the second look, not the fourteenth).
        for key in ["n", "z"] {
            expectNear(looks.last?[key], lastYear[key], "last look \(key)", tolerance: 1e-12)
        }
        // --at reads the monitoring as it stood at the first snapshot.
        let then = try json(livrev.run(arguments + ["--by", "snapshot", "--at", "v2020"]))
        #expect((then["looks"] as? [[String: Any]])?.count == 1)
    }

    /// A snapshot taken at revision r holds everything up to r: read at a snapshot, `cumulative` and
    /// `sequential` by snapshot both end with that snapshot's own step.
    @Test func readAtASnapshotBothEndWithThatSnapshot() throws {
        let livrev = try seedRegistry()
        let general = "General disorders and administration site conditions"
        for (at, expected) in [("v2020", ["v2020"]), ("v2024", ["v2020", "v2024"])] {
            let cumulative = try livrev.run([
                "cumulative", "--outcome", general, "--by", "snapshot", "--at", at, "--format", "json",
            ])
            try expectSuccess(cumulative)
            let steps = try #require(try JSONSerialization.jsonObject(with: Data(cumulative.stdout.utf8)) as? [[String: Any]])
            #expect(steps.map { $0["step"] as? String } == expected, "cumulative --at \(at)")
            let sequential = try json(
                livrev.run([
                    "sequential", "--outcome", general, "--control-risk", "pooled", "--rrr", "-0.3", "--by", "snapshot",
                    "--at", at, "--format", "json",
                ]))
            let looks = try #require(sequential["looks"] as? [[String: Any]])
            #expect(looks.map { $0["label"] as? String } == expected, "sequential --at \(at)")
        }
    }

    @Test func anOutcomesPlanIsStoredAsHistoryAndMonitorsEverySnapshotAlike() throws {
        let livrev = try seedRegistry()
        let general = "General disorders and administration site conditions"
        let explicit = try livrev.run([
            "sequential", "--outcome", general, "--control-risk", "pooled", "--rrr", "-0.3", "--power", "0.9", "--format",
            "json",
        ])
        try expectSuccess(
            livrev.run(["outcome", "plan", general, "--control-risk", "pooled", "--rrr", "-0.3", "--power", "0.9"]))
        let planned = try livrev.run(["sequential", "--outcome", general, "--format", "json"])
        try expectSuccess(planned)
        #expect(planned.stdout == explicit.stdout)
        // An option given on the command line overrides the plan for that run only.
        let other = try json(livrev.run(["sequential", "--outcome", general, "--rrr", "-0.5", "--format", "json"]))
        #expect(other["rrr"] as? Double == -0.5 && other["power"] as? Double == 0.9)
        // The plan did not exist at v2024: reading then asks for one.
        let then = try livrev.run(["sequential", "--outcome", general, "--at", "v2024"])
        #expect(then.status == 64 && then.stderr.contains("has no monitoring plan"), "\(then.stderr)")
        // The report shows the TSA chart of the planned outcome, and only of it.
        try expectSuccess(livrev("report --out review.html"))
        let html = try String(contentsOf: livrev.folder.appendingPathComponent("review.html"), encoding: .utf8)
        #expect(html.components(separatedBy: "class=\"z-curve\"").count == 2)
        #expect(html.contains("Trial sequential analysis: not yet conclusive"))
    }

    @Test func theChartIsAnSVGWithTheCurveAndItsBoundaries() throws {
        let livrev = try seedRegistry()
        let result = try livrev.run([
            "sequential", "--outcome", "Infections and infestations", "--control-risk", "0.2", "--rrr", "0.3", "--futility",
            "--format", "svg",
        ])
        try expectSuccess(result)
        #expect(result.stdout.hasPrefix("<?xml"))
        for part in ["class=\"z-curve\"", "class=\"boundary\"", "class=\"futility\"", "class=\"naive\"", "class=\"ris\""] {
            #expect(result.stdout.contains(part), "\(part)")
        }
    }

    /// A plan that fails only through the data (every control participant had the event, so the pooled
    /// control risk is 1) is refused once, naming the studies it was pooled from, not a "row 0".
    @Test func aPooledControlRiskThatIsNoProportionNamesItsStudies() throws {
        let livrev = try seedRegistry()
        try livrev.write("all.csv", "study,outcome,events_t,n_t,events_c,n_c\nA 2020,Fever,3,40,41,41\nB 2021,Fever,5,61,60,60\n")
        try expectSuccess(livrev("data import all.csv"))
        let result = try livrev.run(["sequential", "--outcome", "Fever", "--control-risk", "pooled", "--rrr", "0.2"])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(!result.stderr.contains("row 0"), "\(result.stderr)")
        #expect(result.stderr.contains("A 2020") && result.stderr.contains("B 2021"), "\(result.stderr)")
        #expect(result.stderr.contains("the control risk must lie in (0, 1), not 1"), "\(result.stderr)")
    }

    @Test func impossiblePlansAndUnfitOutcomesAreRefused() throws {
        let livrev = try seedRegistry()
        try livrev.write("cohort.csv", "study,outcome,events,n\nA 2020,Mortality,3,40\nB 2021,Mortality,5,61\n")
        try livrev.write("one.csv", "study,outcome,events_t,n_t,events_c,n_c\nA 2020,Stroke,3,40,5,41\n")
        try expectSuccess(livrev("data import cohort.csv"))
        try expectSuccess(livrev("data import one.csv"))
        let before = try livrev.logicalDump()
        let infections = ["sequential", "--outcome", "Infections and infestations"]
        for (arguments, status, message) in [
            (infections + ["--control-risk", "0", "--rrr", "0.2"], Int32(64), "'--control-risk' must be a proportion in (0, 1)"),
            (infections + ["--control-risk", "1.2", "--rrr", "0.2"], 64, "'--control-risk' must be a proportion in (0, 1)"),
            (infections + ["--control-risk", "0.2", "--rrr", "0"], 64, "'--rrr' must lie in (-1, 1) and not be 0"),
            (infections + ["--control-risk", "0.2", "--rrr", "-1"], 64, "'--rrr' must lie in (-1, 1) and not be 0"),
            (infections + ["--control-risk", "0.6", "--rrr", "-0.9"], 65, "which is not a proportion"),
            (
                ["sequential", "--outcome", "Mortality", "--control-risk", "0.2", "--rrr", "0.2"], 65,
                "outcome 'Mortality' is not dichotomous"
            ),
            (
                ["sequential", "--outcome", "Stroke", "--control-risk", "0.2", "--rrr", "0.2"], 65,
                "outcome 'Stroke' has 1 study; sequential monitoring needs at least 2"
            ),
            (["sequential", "--outcome", "Nope", "--control-risk", "0.2", "--rrr", "0.2"], 69, "Nope"),
        ] {
            let result = try livrev.run(arguments)
            #expect(result.status == status, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(arguments)")
        }
        #expect(try livrev.logicalDump() == before)
    }
}

/// `found` within `tolerance` (absolute or relative) of `expected`; JSON null on both sides is equal.
private func expectNear(
    _ found: Any?, _ expected: Any?, _ what: String, tolerance: Double, sourceLocation: SourceLocation = #_sourceLocation
) {
    let a = (found as? NSNumber)?.doubleValue, b = (expected as? NSNumber)?.doubleValue
    switch (a, b) {
    case (nil, nil): return
    case let (a?, b?):
        #expect(abs(a - b) <= tolerance * max(1, abs(b)), "\(what): expected \(b), got \(a)", sourceLocation: sourceLocation)
    default:
        Issue.record("\(what): expected \(String(describing: b)), got \(String(describing: a))", sourceLocation: sourceLocation)
    }
}
