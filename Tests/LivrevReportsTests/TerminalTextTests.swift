import LivrevReports
import Testing

@Suite("Terminal text and CSV cells")
struct TerminalTextTests {
    @Test func controlCharactersAreEscapedAndTabsAndNewlinesKept() {
        #expect(TerminalText.escaped("a\tb\nc") == "a\tb\nc")
        #expect(TerminalText.escaped("x\u{1B}[2Jy") == "x\\x1B[2Jy")
        #expect(TerminalText.escaped("\u{0}\r\u{7F}\u{85}\u{9B}") == "\\x00\\x0D\\x7F\\x85\\x9B")
        #expect(TerminalText.escaped("\u{202E}abc\u{2066}") == "\\u{202E}abc\\u{2066}")
        #expect(TerminalText.escaped("Müller — 2009 ✓") == "Müller — 2009 ✓", "ordinary non-ASCII text is untouched")
    }

    @Test func formulaCellsGetAQuoteNumbersDoNot() {
        #expect(CSVWriter.field("=1+1") == "'=1+1")
        #expect(CSVWriter.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVWriter.field("+cmd") == "'+cmd")
        #expect(CSVWriter.field("-x") == "'-x")
        #expect(CSVWriter.field("\tx") == "'\tx")
        #expect(CSVWriter.field("\rx") == "\"'\rx\"")
        #expect(CSVWriter.field("-0.25") == "-0.25")
        #expect(CSVWriter.field("+3") == "+3")
        #expect(CSVWriter.field("-1e-5") == "-1e-5")
        #expect(CSVWriter.field("=a,b") == "\"'=a,b\"")
        #expect(CSVWriter.field("Hare 2009") == "Hare 2009")
    }

    @Test func jsonEscapesEveryUnsafeCharacter() {
        #expect(JSONValue.string("a\u{1B}b\u{9B}c\u{202E}").rendered() == "\"a\\u001bb\\u009bc\\u202e\"")
    }
}
