import MetaAnalysis
import RealModule
import Testing

@Suite("Screening agreement")
struct AgreementTests {
    let fixture = LongFormatFixture("more_agreement")

    @Test func kappaPercentAgreementAndPabakMatchR() throws {
        #expect(fixture.caseNames.count == 5)
        for c in fixture.caseNames {
            let result = try Agreement(
                first: fixture.texts(c, "first"), second: fixture.texts(c, "second"),
                categories: fixture.texts(c, "categories"))
            expectClose(result.observedAgreement, fixture.scalar(c, "po"), "\(c) p_o")
            expectClose(result.percentAgreement, fixture.scalar(c, "po").map { 100 * $0 }, "\(c) percent agreement")
            expectClose(result.expectedAgreement, fixture.scalar(c, "pe"), "\(c) p_e")
            expectClose(result.kappa, fixture.scalar(c, "kappa"), "\(c) kappa")
            expectClose(result.kappaStandardError, fixture.scalar(c, "se"), "\(c) kappa SE")
            expectClose(result.pabak, fixture.scalar(c, "pabak"), "\(c) PABAK")
            #expect(result.categoryCount == fixture.texts(c, "categories").count)
        }
    }

    /// An unused category leaves κ alone but changes PABAK, which depends on q.
    @Test func unusedCategoryChangesOnlyPabak() throws {
        let first = fixture.texts("three_with_unused", "first"), second = fixture.texts("three_with_unused", "second")
        let two = try Agreement(first: first, second: second, categories: ["include", "exclude"])
        let three = try Agreement(first: first, second: second, categories: ["include", "exclude", "maybe"])
        #expect(two.kappa == three.kappa)
        #expect(two.pabak != three.pabak)
    }

    @Test func kappaIsUndefinedWhenEveryoneUsesOneCategory() throws {
        let result = try Agreement(first: ["no", "no", "no"], second: ["no", "no", "no"], categories: ["yes", "no"])
        #expect(result.kappa == nil)
        #expect(result.kappaStandardError == nil)
        #expect(result.observedAgreement == 1)
        #expect(result.pabak == 1)
    }

    @Test func refusesUndeclaredLabels() {
        #expect(throws: MetaAnalysisError.invalidInput(row: 1, reason: "label 'maybe' is not a declared category")) {
            try Agreement(first: ["yes", "maybe"], second: ["yes", "no"], categories: ["yes", "no"])
        }
        #expect(throws: MetaAnalysisError.self) {
            try Agreement(first: ["yes"], second: ["yes"], categories: ["yes"])
        }
    }
}
