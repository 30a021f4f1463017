import Foundation
import Testing

/// The figure options of `pool`, `prisma`, `rob summary` and `cumulative`, run on the demo review.
@Suite("Figures from the command line")
struct FiguresTests {
    static let infections = "Infections and infestations"

    private func path(_ livrev: CommandRunner, _ name: String) -> String {
        livrev.folder.appendingPathComponent("\(UUID().uuidString)-\(name)").path
    }

    @Test func theInfectionsForestHasOneRowPerEffectOnTheOddsRatioScale() throws {
        let livrev = try DemoRegistry.get()
        let file = path(livrev, "forest.svg")
        let result = try livrev.run(["pool", "--outcome", Self.infections, "--forest", file])
        try expectSuccess(result)
        #expect(result.stdout.contains("k = 44 rows"), "stdout still carries the pooled result")
        let svg = try ParsedXML(path: file)
        #expect(svg.root == "svg")
        #expect(svg.classes["study-row"] == 44)
        #expect(svg.classes["pooled-diamond"] == 1)
        #expect(svg.classes["prediction-interval"] == 1)
        // Natural scale: the pooled OR 0.73 [0.54, 0.98], not the log OR −0.32; Hare 2009 with its 11/34 vs 5/19.
        #expect(svg.texts.contains("0.73 [0.54, 0.98]"))
        #expect(svg.texts.contains("Hare 2009") && svg.texts.contains("34") && svg.texts.contains("19"))
        #expect(svg.texts.contains("Odds ratio"))
        #expect(svg.texts.contains { $0.hasPrefix("Heterogeneity: τ² = 0.00; Q = 24.07, df = 43") })
        #expect(svg.texts.contains("Test for overall effect: z = -2.10 (p = 0.036)"))
        // Adverse events: below 1 (fewer events with treatment) favours treatment, on the left.
        #expect(svg.texts.contains("Favours treatment") && svg.texts.contains("Favours control"))
        // The demo has RoB 1 judgements: seven domains and overall per row.
        #expect(svg.classes["rob-light"] == 44 * 8 + 4, "44 rows × (7 domains + overall), plus the legend's lights")
    }

    /// Under Knapp–Hartung the pooled test and Egger's are t tests: the forest and the text say t(df), not z.
    @Test func knappHartungTestsAreNamedTWithTheirDegreesOfFreedom() throws {
        let livrev = try DemoRegistry.get()
        let file = path(livrev, "forest-knha.svg")
        let result = try livrev.run(["pool", "--outcome", Self.infections, "--ci", "hksj", "--forest", file])
        try expectSuccess(result)
        #expect(result.stdout.contains("  Test: t(43) = "))
        #expect(result.stdout.contains("  Egger's regression test: t(42) = "))
        let svg = try ParsedXML(path: file)
        #expect(svg.texts.contains { $0.hasPrefix("Test for overall effect: t(43) = ") })
        #expect(!svg.texts.contains { $0.hasPrefix("Test for overall effect: z") })
    }

    /// A cohort's single-arm rows get one events/total pair and no arm names; its hazard ratio per
    /// year of age gets no "Favours treatment" caption, since it contrasts no arms.
    @Test func cohortForestsShowOnlyWhatTheirRowsContrast() throws {
        let livrev = try DemoRegistry.get()
        let proportions = path(livrev, "forest-macce.svg")
        try expectSuccess(livrev.run(["pool", "--outcome", "Cohort: MACCE", "--forest", proportions]))
        let single = try ParsedXML(path: proportions)
        #expect(single.texts.filter { $0 == "Events" }.count == 1 && single.texts.filter { $0 == "Total" }.count == 1)
        #expect(!single.texts.contains("Control") && !single.texts.contains("Treatment"))
        #expect(single.texts.contains("2504"))
        let hazard = path(livrev, "forest-age.svg")
        try expectSuccess(livrev.run(["pool", "--outcome", "Cohort: MACCE hazard per year of age", "--forest", hazard]))
        let generic = try ParsedXML(path: hazard)
        #expect(generic.texts.contains("Hazard ratio"))
        #expect(!generic.texts.contains { $0.hasPrefix("Favours") })
    }

    @Test func poolAllWritesOneForestAndFunnelPerOutcomeAndNamesThemOnStderr() throws {
        let livrev = try DemoRegistry.get()
        let folder = path(livrev, "all")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let result = try livrev.run(["pool", "--all", "--forest", folder + "/forest.svg", "--funnel", folder + "/funnel.svg"])
        try expectSuccess(result)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(files.filter { $0.hasPrefix("forest-") }.count == 21)
        #expect(files.filter { $0.hasPrefix("funnel-") }.count == 21)
        #expect(files.contains("forest-infections-and-infestations.svg"))
        #expect(files.contains("forest-renal-urinary-disorders.svg"), "'Renal & urinary disorders' slugged to letters and digits")
        #expect(result.stderr.contains("forest-infections-and-infestations.svg"))
        #expect(!result.stdout.contains(".svg"), "stdout carries results only")
        for file in files { _ = try ParsedXML(path: folder + "/" + file) }
        let forest = try ParsedXML(path: folder + "/forest-infections-and-infestations.svg")
        #expect(forest.classes["study-row"] == 44)
    }

    @Test func theFunnelShowsEveryStudyAndTrimAndFillAddsImputedOnes() throws {
        let livrev = try DemoRegistry.get()
        let plain = path(livrev, "funnel.svg"), filled = path(livrev, "funnel-tf.svg")
        try expectSuccess(livrev.run(["pool", "--outcome", Self.infections, "--funnel", plain]))
        try expectSuccess(livrev.run(["pool", "--outcome", Self.infections, "--funnel", filled, "--trimfill"]))
        let funnel = try ParsedXML(path: plain), trimmed = try ParsedXML(path: filled)
        #expect(funnel.classes["study-point"] == 44)
        #expect(funnel.classes["funnel-region"] == 1 && funnel.classes["pooled-line"] == 1)
        #expect(funnel.classes["imputed-point"] == nil)
        #expect((trimmed.classes["imputed-point"] ?? 0) > 0)
        #expect(trimmed.classes["adjusted-line"] == 1)
        // Without a funnel, --trimfill still reports the adjusted estimate the figure draws.
        let text = try livrev.run(["pool", "--outcome", Self.infections, "--trimfill"])
        try expectSuccess(text)
        #expect(text.stdout.contains("Trim-and-fill ("), "\(text.stdout)")
    }

    @Test func theSubgroupForestHasAHeadingAndSubtotalPerLevelAndWeightsOfTheWhole() throws {
        let livrev = try DemoRegistry.get()
        let file = path(livrev, "subgroup.svg")
        try expectSuccess(livrev.run(["pool", "--outcome", Self.infections, "--subgroup", "phase", "--forest", file]))
        let svg = try ParsedXML(path: file)
        #expect(svg.classes["study-row"] == 44)
        let headings = svg.classes["subgroup-heading"] ?? 0
        #expect(headings >= 2 && svg.classes["subtotal-diamond"] == headings)
        #expect(svg.classes["pooled-diamond"] == 1)
        #expect(svg.texts.contains { $0.hasPrefix("Test for subgroup differences:") })
        #expect(svg.texts.filter { $0 == "100.0%" }.count == 1, "row weights are shares of the whole analysis")
    }

    @Test func prismaSVGGoesToStdoutOrAFile() throws {
        let livrev = try DemoRegistry.get()
        let result = try livrev("prisma --format svg")
        try expectSuccess(result)
        let svg = try ParsedXML(data: Data(result.stdout.utf8))
        #expect((svg.classes["prisma-box"] ?? 0) >= 8)
        #expect(svg.texts.contains { $0.contains("Total studies included in review (n = 36)") })
        let file = path(livrev, "prisma.svg")
        try expectSuccess(livrev.run(["prisma", "--format", "svg", "--out", file]))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == result.stdout)
    }

    @Test func robSummarySVGHasEveryStudyAndABarPerDomain() throws {
        let livrev = try DemoRegistry.get()
        let result = try livrev("rob summary --format svg")
        try expectSuccess(result)
        let svg = try ParsedXML(data: Data(result.stdout.utf8))
        #expect(svg.classes["rob-row"] == 38, "every study of the registry, unassessed ones as 'no information'")
        #expect(svg.classes["summary-bar"] == 8, "seven RoB 1 domains and overall")
        #expect(svg.texts.contains("Share of studies, n = 38 (RoB 1)"))
        let weighted = try livrev("rob summary --format svg --weights n")
        #expect(weighted.stdout.contains("Share of weight"))
    }

    @Test func theCumulativeForestHasOneDiamondPerStep() throws {
        let livrev = try DemoRegistry.get()
        let file = path(livrev, "cumulative.svg")
        let result = try livrev.run(["cumulative", "--outcome", Self.infections, "--forest", file])
        try expectSuccess(result)
        let svg = try ParsedXML(path: file)
        #expect(svg.classes["cumulative-step"] == 44 && svg.classes["step-diamond"] == 44)
        #expect(svg.texts.contains("+ Ning 2008"), "the year already in the key is not repeated")
        #expect(svg.texts.contains("0.73 [0.54, 0.98]"), "the last step is the full analysis")
    }

    @Test func anUnwritableFigureExits74() throws {
        let livrev = try DemoRegistry.get()
        let result = try livrev.run(["pool", "--outcome", Self.infections, "--forest", "/nonexistent-dir/forest.svg"])
        #expect(result.status == 74, "SPEC: 74, an output could not be written")
        #expect(result.stderr.contains("/nonexistent-dir/forest.svg"))
    }
}
