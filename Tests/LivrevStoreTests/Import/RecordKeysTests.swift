import Testing

@testable import LivrevStore

@Suite("RecordKeys")
struct RecordKeysTests {
    @Test(arguments: [
        ("10.1186/s13287-019-1447-y", "10.1186/s13287-019-1447-y"),
        ("  https://doi.org/10.1186/S13287-019-1447-Y. ", "10.1186/s13287-019-1447-y"),
        ("http://dx.doi.org/10.1097/00007890-197404000-00001", "10.1097/00007890-197404000-00001"),
        ("doi: 10.3171/2018.12.FOCUS18602;", "10.3171/2018.12.focus18602"),
        ("DOI:10.1016/j.ad.2019.05.009).", "10.1016/j.ad.2019.05.009"),
        ("doi: https://doi.org/10.1000/x", "10.1000/x"),
        ("https://dx.doi.org/10.1000/x", "10.1000/x"),
    ])
    func normalizedDOI(input: String, expected: String) {
        #expect(RecordKeys.normalizedDOI(input) == expected)
    }

    @Test(arguments: ["", "   ", "n/a", "doi:", "https://example.org/paper", "10.1000 x/y"])
    func notADOI(input: String) {
        #expect(RecordKeys.normalizedDOI(input) == nil)
    }

    @Test func normalizedTitleDropsCaseDiacriticsAndPunctuation() {
        #expect(
            RecordKeys.normalizedTitle(
                "MSC-secreted TGF-β regulates lipopolysaccharide-stimulated macrophage M2-like polarization via the Akt/FoxO1 pathway."
            )
                == "msc secreted tgf β regulates lipopolysaccharide stimulated macrophage m2 like polarization via the akt foxo1 pathway"
        )
        #expect(
            RecordKeys.normalizedTitle("  Álvaro-Gracia’s   trial:\tefficacy (phase Ib/IIa)… ")
                == "alvaro gracias trial efficacy phase ib iia")
        #expect(RecordKeys.normalizedTitle("Ｆｕｌｌｗｉｄｔｈ ﬁrst") == "fullwidth first")
        #expect(RecordKeys.normalizedTitle("Şahin") == RecordKeys.normalizedTitle("SAHIN"))
        #expect(RecordKeys.normalizedTitle("...") == "")
    }

    @Test(arguments: [
        ("Smith J", "smith"),
        ("Smith, John", "smith"),
        ("Smith JM Jr", "smith"),
        ("Smith J.M.", "smith"),
        ("van der Berg A", "vanderberg"),
        ("van der Berg, Anna", "vanderberg"),
        ("Álvaro-Gracia JM", "alvarogracia"),
        ("O'Brien P", "obrien"),
        ("Keiliss-Borok IV", "keilissborok"),
        ("Şahin M", "sahin"),
        ("Li", "li"),
        ("MSB-DM003 Investigators", "msbdm003investigators"),
    ])
    func surname(input: String, expected: String) {
        #expect(RecordKeys.surname(input) == expected)
    }

    @Test func firstAuthorSurname() {
        #expect(RecordKeys.firstAuthorSurname(["Fernández M", "Smith J"]) == "fernandez")
        #expect(RecordKeys.firstAuthorSurname([]) == nil)
        #expect(RecordKeys.firstAuthorSurname(["  "]) == nil)
    }

    @Test func registryNumbers() {
        #expect(RecordKeys.registryNumbers(in: "NCT00114452; nct01234567, NCT00114452") == ["NCT00114452", "NCT01234567"])
        #expect(RecordKeys.registryNumbers(in: "NCT0120492 NCT012345678 XNCT01234567 (NCT01234567)") == ["NCT01234567"])
        #expect(RecordKeys.registryNumbers(in: "ClinicalTrials.gov/NCT00114452") == ["NCT00114452"])
        #expect(RecordKeys.registryNumbers(in: "") == [])
    }
}
