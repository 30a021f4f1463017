import Foundation
import LivrevReports
import Testing

@Suite("PRISMA 2020 flow diagram SVG")
struct PrismaFlowSVGTests {
    static let reasons: [(String, Int)] = [
        ("Wrong population (adults with type 1 diabetes rather than type 2 diabetes as the protocol requires)", 14),
        ("Wrong intervention", 9), ("Wrong comparator (active control without placebo arm)", 6),
        ("Wrong outcome", 4), ("Not a randomised controlled trial (quasi-randomised by date of birth or record number)", 3),
        ("Duplicate report of an included study & <already counted>", 2),
    ]

    static var updated: PrismaFlow {
        PrismaFlow(
            title: "Stem cells for heart failure (update 2026)",
            databases: [("MEDLINE (Ovid)", 812), ("Embase (Elsevier)", 1044), ("CENTRAL (Cochrane Library)", 377)],
            registers: [("ClinicalTrials.gov", 96), ("WHO ICTRP", 41)], duplicatesRemoved: 702,
            recordsScreened: 1668, recordsExcluded: 1571, reportsSought: 97, reportsNotRetrieved: 4,
            reportsAssessed: 93, reportsExcluded: reasons, studiesIncluded: 41, reportsIncluded: 55,
            previous: (studies: 36, reports: 48),
            pending: [
                (key: "screening", label: "Awaiting title-abstract decisions", count: 12),
                (key: "conflicts", label: "Unresolved full-text conflicts", count: 2),
                (key: "extraction", label: "Awaiting extraction", count: 0),
            ])
    }

    static var new: PrismaFlow {
        PrismaFlow(
            title: "Exercise for chronic low back pain", databases: [("MEDLINE", 420), ("Embase", 515)],
            registers: [], duplicatesRemoved: 210, recordsScreened: 725, recordsExcluded: 690, reportsSought: 35,
            reportsNotRetrieved: 0, reportsAssessed: 35, reportsExcluded: [("Wrong design", 20), ("Wrong population", 3)],
            studiesIncluded: 12, reportsIncluded: 12, previous: nil, pending: [])
    }

    @Test func updatedReviewWithSixReasonsAndPreviousColumn() throws {
        let svg = Self.updated.renderedSVG()
        Snapshot.assertMatches(svg, named: "prisma-updated")
        let parsed = assertWellFormedSVG(svg)
        assertNoTextOverlaps(parsed)
        let texts = parsed.all("text").map(\.text)
        let joined = texts.joined(separator: " ")
        #expect(joined.contains("Studies included in previous version of review (n = 36)"))
        #expect(joined.contains("Reports of studies included in previous version of review (n = 48)"))
        #expect(joined.contains("Total studies included in review (n = 77)"))
        #expect(joined.contains("Reports of total included studies (n = 103)"))
        #expect(joined.contains("New studies included in review (n = 41)"))
        #expect(joined.contains("Reports of new included studies (n = 55)"))
        #expect(texts.contains("Previous studies"))
        #expect(joined.contains("Databases (n = 2233)") && joined.contains("Registers (n = 137)"))
        #expect(joined.contains("Reports excluded (n = 38):"))
        #expect(svg.contains("&amp;") && svg.contains("&lt;already"))
        for phase in ["Identification", "Screening", "Included"] { #expect(texts.contains(phase)) }
        #expect(joined.contains("Awaiting title-abstract decisions: 12"))
        #expect(!joined.contains("Awaiting extraction"), "zero pending counts are left out")
        // Every reason's count is shown, however the reason wraps.
        for (_, count) in Self.reasons { #expect(joined.contains("(n = \(count))")) }
        assertTextStaysInsideBoxes(parsed)
        assertPhaseLabelsFit(parsed)
    }

    @Test func newReviewUsesTheNewReviewWording() throws {
        let svg = Self.new.renderedSVG()
        Snapshot.assertMatches(svg, named: "prisma-new")
        let parsed = assertWellFormedSVG(svg)
        assertNoTextOverlaps(parsed)
        assertTextStaysInsideBoxes(parsed)
        assertPhaseLabelsFit(parsed)
        let joined = parsed.all("text").map(\.text).joined(separator: " ")
        #expect(joined.contains("Studies included in review (n = 12)"))
        #expect(!joined.contains("previous version") && !joined.contains("Total studies"))
        #expect(!joined.contains("Not yet counted"))
        #expect(parsed.all("g", class: "prisma-box").count == 9)
    }

    /// Each rotated phase label fits inside its blue bar.
    func assertPhaseLabelsFit(_ parsed: ParsedXML, sourceLocation: SourceLocation = #_sourceLocation) {
        let phases = parsed.all("g", class: "phase")
        #expect(phases.count == 3, sourceLocation: sourceLocation)
        for phase in phases {
            let members = parsed.members(of: phase)
            guard let bar = members.first(where: { $0.name == "rect" }), let label = members.first(where: { $0.name == "text" })
            else {
                Issue.record("phase \(phase) has no bar or no label", sourceLocation: sourceLocation)
                continue
            }
            let length = ParsedXML.extent(label).right - ParsedXML.extent(label).left
            #expect(length + 8 <= bar.number("height"), "'\(label.text)' is longer than its bar", sourceLocation: sourceLocation)
        }
    }

    /// Each box's text lies within its rectangle, left/right and top/bottom.
    func assertTextStaysInsideBoxes(_ parsed: ParsedXML, sourceLocation: SourceLocation = #_sourceLocation) {
        for box in parsed.all("g", class: "prisma-box") {
            let members = parsed.members(of: box)
            guard let rect = members.first(where: { $0.name == "rect" }) else {
                Issue.record("a PRISMA box without its rectangle", sourceLocation: sourceLocation)
                continue
            }
            let (x, y, w, h) = (rect.number("x"), rect.number("y"), rect.number("width"), rect.number("height"))
            for text in members where text.name == "text" {
                let extent = ParsedXML.extent(text)
                #expect(
                    extent.left >= x + 2 && extent.right <= x + w - 2, "'\(text.text)' runs out of its box",
                    sourceLocation: sourceLocation)
                #expect(text.number("y") <= y + h - 3 && text.number("y") - 11 >= y, sourceLocation: sourceLocation)
            }
        }
    }
}
