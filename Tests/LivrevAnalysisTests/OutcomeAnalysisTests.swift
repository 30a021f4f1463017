import LivrevAnalysis
import MetaAnalysis
import RiskOfBias
import Testing

/// The pipeline's contract beyond the numbers (which the command and MetaAnalysis suites check
/// against metafor): what is left out and why, and why a diagnostic has no value.
struct OutcomeAnalysisTests {
    let outcome = AnalysisOutcome(name: "nausea", measure: .OR)

    func table(_ study: String, _ et: Int, _ nt: Int, _ ec: Int, _ nc: Int) -> AnalysisRow {
        AnalysisRow(
            study: study, data: .twoByTwo(treatment: ArmCounts(events: et, total: nt), control: ArmCounts(events: ec, total: nc)))
    }

    @Test func diagnosticsThatNeedMoreRowsSayHowMany() throws {
        let pooled = try OutcomeAnalysis.pool(
            outcome, rows: [table("A 2001", 3, 20, 5, 21), table("B 2002", 4, 30, 9, 28)],
            specification: AnalysisSpecification())
        #expect(pooled.estimate != nil)
        #expect(pooled.egger.value == nil)
        #expect(pooled.egger.reason == "needs at least 3 rows (k = 2)")
        #expect(pooled.begg.value != nil)
        #expect(pooled.influence.value?.studies.count == 2)
    }

    @Test func tableMethodsSayWhyTheyHaveNoBiasTests() throws {
        let rows = [table("A 2001", 3, 20, 5, 21), table("B 2002", 4, 30, 9, 28), table("C 2003", 1, 15, 6, 14)]
        let pooled = try OutcomeAnalysis.pool(outcome, rows: rows, specification: AnalysisSpecification(method: .MH))
        #expect(pooled.estimate != nil)
        for reason in [pooled.egger.reason, pooled.begg.reason, pooled.failSafeN.reason, pooled.influence.reason] {
            #expect(reason == "not computed for Mantel–Haenszel or Peto pooling")
        }
    }

    @Test func rowsWithoutAnEffectAndExcludedStudiesAreListedWithTheirReason() throws {
        var zero = table("Z 2004", 0, 10, 0, 12)
        zero.label = "low dose"
        let rows = [table("A 2001", 3, 20, 5, 21), zero, table("B 2002", 4, 30, 9, 28), table("C 2003", 1, 15, 6, 14)]
        let pooled = try OutcomeAnalysis.pool(
            outcome, rows: rows, specification: AnalysisSpecification(correction: .none),
            excluded: ["C 2003": "high overall risk of bias (rob2)"])
        #expect(pooled.k == 2)
        #expect(
            pooled.leftOut == [
                .init(
                    name: "Z 2004 (low dose)", reason: "a zero cell without correction (--correction none): its OR is undefined"),
                .init(name: "C 2003", reason: "high overall risk of bias (rob2)"),
            ])
    }

    @Test func genericRowsOnOneRatioKeepItsName() throws {
        let rows = [
            AnalysisRow(study: "A 2001", data: .ratio(scale: "HR", estimate: 0.8, lower: 0.6, upper: 1.1)),
            AnalysisRow(study: "B 2002", data: .ratio(scale: "HR", estimate: 0.7, lower: 0.5, upper: 0.95)),
        ]
        let generic = AnalysisOutcome(name: "death", measure: nil)
        #expect(try OutcomeAnalysis.pool(generic, rows: rows, specification: AnalysisSpecification()).measure == .ratio("HR"))
        let mixed = rows + [AnalysisRow(study: "C 2003", data: .effect(yi: -0.1, sei: 0.2))]
        #expect(try OutcomeAnalysis.pool(generic, rows: mixed, specification: AnalysisSpecification()).measure == .generic)
    }

    @Test func countsCannotBePooledOnAProportionScale() {
        #expect(throws: AnalysisError.self) {
            try OutcomeAnalysis.pool(
                outcome, rows: [table("A 2001", 3, 20, 5, 21)], specification: AnalysisSpecification(measure: .PLO))
        }
    }

    @Test func riskOfBiasExclusionJudgesOverallOrTheNamedDomain() {
        let assessments = [
            StudyRiskOfBias(study: "A", tool: .rob2, overall: .high, domain: ("missing_outcome_data", .low)),
            StudyRiskOfBias(study: "B", tool: .rob2, overall: .someConcerns, domain: ("missing_outcome_data", .high)),
            StudyRiskOfBias(study: "C", tool: .rob1, overall: .low, domain: nil),
        ]
        #expect(RiskOfBiasExclusion().excludedStudies(assessments) == ["A": "high overall risk of bias (rob2)"])
        #expect(
            RiskOfBiasExclusion(domain: "D3").excludedStudies(assessments) == [
                "B": "high risk of bias in missing_outcome_data"
            ])
    }
}
