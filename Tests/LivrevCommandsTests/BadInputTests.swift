import Foundation
import Testing

/// Bad input never hurts: a one-line error naming the file and line (or the object), the SPEC
/// exit code, and the registry exactly as it was.
@Suite("Bad input")
struct BadInputTests {
    /// A registry with a team, a search, two records, a study and an outcome.
    private func registry() throws -> CommandRunner {
        let livrev = try CommandRunner()
        for line in [
            "init --title T --extraction single", "reviewer add ana", "reviewer add ben", "reviewer add cy --role arbiter",
            "search add --source PubMed --date 2026-01-10",
        ] {
            try expectSuccess(livrev(line))
        }
        try livrev.write("ok.ris", "TY  - JOUR\nTI  - First\nER  - \n\nTY  - JOUR\nTI  - Second\nER  - \n")
        try expectSuccess(livrev("import records ok.ris"))
        try expectSuccess(livrev.run(["study", "add", "Hare 2009", "--record", "1"]))
        try livrev.write("ok.csv", "study,outcome,events_t,n_t,events_c,n_c\nHare 2009,Fever,9,34,7,19\n")
        try expectSuccess(livrev("data import ok.csv"))
        return livrev
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let file: (name: String, text: String)?
        var setup: [[String]] = []
        let arguments: [String]
        let status: Int32
        let stderr: String
        var testDescription: String { name }
    }

    static let supported =
        "RIS, MEDLINE/PubMed (incl. PMC), CSV/TSV, Web of Science plain text, Cochrane plain text and EndNote XML"

    static let cases: [Case] = [
        Case(
            name: "truncated RIS", file: ("cut.ris", "TY  - JOUR\nTI  - A\nER  - \n\nTY  - JOUR\nTI  - B\nAU  - X"),
            arguments: ["import", "records", "cut.ris"], status: 65,
            stderr: "Error: cut.ris:5:1: record ends without ER - (truncated file?)\n"),
        Case(
            name: "CSV with an unclosed quote", file: ("r.csv", "title,year\n\"Open quote,2020\nNext,2021\n"),
            arguments: ["import", "records", "r.csv"], status: 65,
            stderr: "Error: r.csv:2:1: quoted field is never closed (missing \")\n"),
        Case(
            name: "binary file", file: ("bin.ris", "TY  - JOUR\u{0}\u{1}\u{2}"), arguments: ["import", "records", "bin.ris"],
            status: 65,
            stderr: "Error: bin.ris: not a text export: a binary file (NUL byte at offset 10); livrev reads \(Self.supported)\n"),
        Case(
            name: "zero-record file", file: ("empty.csv", "Title,Authors,Year\n\n"),
            arguments: ["import", "records", "empty.csv"], status: 65,
            stderr: "Error: empty.csv: no record found (read as CSV); nothing imported\n"),
        Case(
            name: "unsupported format", file: ("refs.bib", "@article{a,\n  title={A}\n}\n"),
            arguments: ["import", "records", "refs.bib"], status: 65,
            stderr: "Error: refs.bib: BibTeX is not a format livrev reads; it reads \(Self.supported)\n"),
        Case(
            name: "--format that contradicts the content", file: ("refs.txt", "TY  - JOUR\nTI  - A\nER  - \n"),
            arguments: ["import", "records", "refs.txt", "--format", "medline"], status: 65,
            stderr: "Error: refs.txt: this file is RIS, not MEDLINE as --format says\n"),
        Case(
            name: "missing input file", file: nil, arguments: ["import", "records", "nope.ris"], status: 66,
            stderr: "Error: no such file: 'nope.ris'\n"),
        Case(
            name: "decision for an unknown record", file: nil,
            arguments: ["screen", "decide", "99", "include", "--stage", "title-abstract", "--as", "ana"], status: 69,
            stderr: "Error: no record 99\n"),
        Case(
            name: "decision by an unknown reviewer", file: nil,
            arguments: ["screen", "decide", "1", "include", "--stage", "title-abstract", "--as", "zoe"], status: 69,
            stderr: "Error: no reviewer named 'zoe' (add one with 'livrev reviewer add')\n"),
        Case(
            name: "full text before title-abstract agreement", file: nil,
            arguments: ["screen", "decide", "1", "include", "--stage", "full-text", "--as", "ana"], status: 77,
            stderr:
                "Error: record 1 cannot be screened at full text: title-abstract screening is not complete (0 of 2 decisions)\n"),
        Case(
            name: "resolution by a non-arbiter", file: nil,
            setup: [
                ["screen", "decide", "1", "include", "--stage", "title-abstract", "--as", "ana"],
                ["screen", "decide", "1", "exclude", "--stage", "title-abstract", "--as", "ben"],
            ],
            arguments: ["resolve", "1", "include", "--stage", "title-abstract", "--as", "ana"], status: 77,
            stderr: "Error: 'ana' is not an arbiter: only an arbiter may resolve, or one of the two reviewers with --consensus\n"),
        Case(
            name: "resolution of a record without a conflict", file: nil,
            arguments: ["resolve", "1", "include", "--stage", "title-abstract", "--as", "cy"], status: 77,
            stderr: "Error: record 1 has no conflict at title-abstract to resolve\n"),
        Case(
            name: "screen import with an unknown record", file: ("d.csv", "record,decision\n1,include\n42,exclude\n"),
            arguments: ["screen", "import", "d.csv", "--stage", "title-abstract", "--as", "ana"], status: 65,
            stderr: "Error: d.csv:3: no record 42\n"),
        // Outcome data (issue 3)
        Case(
            name: "data: missing column", file: ("m.csv", "study,outcome,events_t,n_t,events_c\nA,B,1,2,3\n"),
            arguments: ["data", "import", "m.csv"], status: 65, stderr: "Error: m.csv: header has no column 'n_c'\n"),
        Case(
            name: "data: not a number", file: ("n.csv", "study,outcome,events_t,n_t,events_c,n_c\nA,B,1,2O,0,3\n"),
            arguments: ["data", "import", "n.csv"], status: 65,
            stderr: "Error: n.csv:2: column 'n_t' (4): not a whole number: \"2O\"\n"),
        Case(
            name: "data: negative count", file: ("g.csv", "study,outcome,events_t,n_t,events_c,n_c\nA,B,-1,20,0,3\n"),
            arguments: ["data", "import", "g.csv"], status: 65,
            stderr: "Error: g.csv:2: column 'events_t' (3): not a count (a whole number, 0 or more): \"-1\"\n"),
        Case(
            name: "data: events above n", file: ("e.csv", "study,outcome,events_t,n_t,events_c,n_c\nA,B,1,20,5,3\n"),
            arguments: ["data", "import", "e.csv"], status: 65,
            stderr: "Error: e.csv:2: column 'events_c' (5): not at most n (3) events: \"5\"\n"),
        Case(
            name: "data: unclosed quote", file: ("q.csv", "study,outcome,events_t,n_t,events_c,n_c\n\"A,B,1,20,0,3\n"),
            arguments: ["data", "import", "q.csv"], status: 65,
            stderr: "Error: q.csv:2:1: quoted field is never closed (missing \")\n"),
        Case(
            name: "data: binary garbage", file: ("b.csv", "study,outcome,events_t,n_t,events_c,n_c\nA,B,1,2\u{0},0,3\n"),
            arguments: ["data", "import", "b.csv"], status: 65, stderr: "Error: b.csv:2:8: NUL byte in text (binary file?)\n"),
        // Extraction (issue 4)
        Case(
            name: "characteristics for an unknown study", file: ("c.csv", "study,country\nHare 2009,USA\nNobody 2000,UK\n"),
            arguments: ["study", "import", "c.csv"], status: 69,
            stderr: "Error: c.csv:3: no study 'Nobody 2000' (add it with 'livrev study add')\n"),
        Case(
            name: "RoB domain the tool does not have", file: ("r1.csv", "study,domain,judgement\nHare 2009,charm,low\n"),
            arguments: ["rob", "import", "r1.csv", "--tool", "rob1", "--as", "ana"], status: 65,
            stderr:
                "Error: r1.csv:2: column 'domain' (2): not a rob1 domain (random_sequence_generation, allocation_concealment, blinding_participants_personnel, blinding_outcome_assessment, incomplete_outcome_data, selective_reporting, other_bias): \"charm\"\n"
        ),
        Case(
            name: "RoB judgement outside the tool's levels", file: nil,
            arguments: ["rob", "set", "Hare 2009", "D1", "some concerns", "--tool", "rob1", "--as", "ana"], status: 65,
            stderr: "Error: 'some concerns' is not a rob1 judgement (low, unclear, high)\n"),
        Case(
            name: "generic row with ci_lower above the estimate",
            file: ("h.csv", "study,outcome,measure,estimate,ci_lower,ci_upper\nA,HR age,HR,1.1,1.2,1.3\n"),
            arguments: ["data", "import", "h.csv"], status: 65,
            stderr: "Error: h.csv:2: column 'ci_lower' (5): not a lower limit above 0 and at most the estimate: \"1.2\"\n"),
        Case(
            name: "proportion with events above n", file: ("p.csv", "study,outcome,events,n\nCohort,MACCE,9,5\n"),
            arguments: ["data", "import", "p.csv"], status: 65,
            stderr: "Error: p.csv:2: column 'events' (3): not at most n (5) events: \"9\"\n"),
    ]

    @Test(arguments: cases)
    func failsCleanlyAndChangesNothing(_ bad: Case) throws {
        let livrev = try registry()
        if let file = bad.file { try livrev.write(file.name, file.text) }
        for arguments in bad.setup { try expectSuccess(livrev.run(arguments)) }
        let before = try livrev.logicalDump()
        let result = try livrev.run(bad.arguments)
        #expect(result.status == bad.status)
        #expect(result.stderr == bad.stderr)
        #expect(result.stdout.isEmpty)
        #expect(try livrev.logicalDump() == before, "the registry changed")
    }
}
