import Foundation
import Testing

/// What is printed cannot attack the reader: control characters from imported data never reach
/// a terminal raw, and CSV cells a spreadsheet would run as formulas are neutralised.
@Suite("Printed text cannot attack the reader")
struct PrintedTextSafetyTests {
    static let hostile = [
        "\u{1B}]0;pwned\u{07}Title that sets the window title",
        "\u{1B}[2J\u{1B}[31mCleared and red",
        "C1 \u{9B}31m control",
        "Bidi \u{202E}txt.exe",
        "=HYPERLINK(\"http://evil.example\",\"click\")",
        "+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1:A2)",
    ]

    static func registry() throws -> CommandRunner {
        let livrev = try CommandRunner()
        let rows = hostile.enumerated().map { index, title in
            "\"\(title.replacingOccurrences(of: "\"", with: "\"\""))\",\(2000 + index),-1.5"
        }
        try livrev.write("records.csv", "title,year,journal\n" + rows.joined(separator: "\n") + "\n")
        for line in [
            "init --title Safety", "reviewer add ana", "search add --source PubMed --date 2026-01-01",
            "import records records.csv --search 1",
        ] {
            let result = try livrev(line)
            #expect(result.status == 0, "\(line): \(result.stderr)")
        }
        return livrev
    }

    /// No byte of C0 (but tab and newline), DEL, C1 or the bidi controls.
    static func isSafe(_ text: String) -> Bool {
        !text.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x09, 0x0A: false
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
            default: false
            }
        }
    }

    @Test func controlCharactersInRecordsArePrintedEscaped() throws {
        let livrev = try Self.registry()
        for line in [
            "records list", "records list --format csv", "records list --format json",
            "screen next --stage title-abstract --as ana",
            "screen next --stage title-abstract --as ana --format json", "log", "prisma",
        ] {
            let result = try livrev(line)
            #expect(result.status == 0, "\(line): \(result.stderr)")
            #expect(Self.isSafe(result.stdout), "'livrev \(line)' printed a raw control character")
            #expect(Self.isSafe(result.stderr))
        }
        let text = try livrev("records list").stdout
        #expect(text.contains("\\x1B]0;pwned\\x07Title"), "shown, escaped, not dropped")
        #expect(text.contains("C1 \\x9B31m control"))
        #expect(text.contains("Bidi \\u{202E}txt.exe"))
        let json = try livrev("records list --format json").stdout
        #expect(json.contains("\\u001b]0;pwned\\u0007Title") && json.contains("\\u009b31m") && json.contains("\\u202e"))
    }

    @Test func anErrorMessageNamingHostileInputIsEscapedToo() throws {
        let livrev = try Self.registry()
        let result = try livrev.run(["study", "link", "\u{1B}[2Jkey", "99"])
        #expect(result.status != 0)
        #expect(Self.isSafe(result.stderr), "\(result.stderr)")
        #expect(result.stderr.contains("\\x1B[2Jkey") || result.stderr.contains("99"), "\(result.stderr)")
    }

    @Test func csvCellsThatASpreadsheetWouldRunGetAQuoteAndNumbersStayNumbers() throws {
        let livrev = try Self.registry()
        let csv = try livrev("records list --format csv").stdout
        let lines = csv.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("5,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",2004,") })
        #expect(lines.contains { $0.hasPrefix("6,'+cmd|' /C calc'!A0,2005,") })
        #expect(lines.contains { $0.hasPrefix("7,'-2+3,2006,") })
        #expect(lines.contains { $0.hasPrefix("8,'@SUM(A1:A2),2007,") })
        #expect(lines.contains { $0.hasPrefix("1,\\x1B]0;pwned") }, "ESC is shown escaped")
        // A negative number is a number, not a formula.
        let pool = try CommandRunner()
        try pool.write(
            "data.csv", "study,outcome,yi,sei\n=cmd,AE,-0.5,0.2\nB 2010,AE,-0.25,0.3\n")
        for line in ["init --title P --extraction single", "data import data.csv"] { #expect(try pool(line).status == 0) }
        let pooled = try pool("pool --outcome AE --format csv").stdout
        #expect(pooled.contains(",-0."), "negative estimates stay numbers: \(pooled)")
        #expect(!pooled.contains("'-0"), "\(pooled)")
    }
}
