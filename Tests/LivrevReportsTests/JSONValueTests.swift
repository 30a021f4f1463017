import LivrevReports
import Testing

@Suite("JSONValue")
struct JSONValueTests {
    @Test func keepsKeyOrderAndWritesExplicitNull() {
        let value = JSONValue.object([("z", .integer(1)), ("a", .null), ("snapshot", .string(nil))])
        #expect(value.rendered() == #"{"z":1,"a":null,"snapshot":null}"#)
    }

    @Test func nonFiniteNumbersBecomeNull() {
        let value = JSONValue.array([.number(.nan), .number(.infinity), .number(0.3754), .number(36.0)])
        #expect(value.rendered() == "[null,null,0.3754,36]")
    }

    @Test func escapesControlCharactersAndQuotes() {
        #expect(JSONValue.string("a\"b\\c\n\u{1}").rendered() == #""a\"b\\c\n\u0001""#)
    }

    @Test func prettyPrintsOneMemberPerLine() {
        let value = JSONValue.object([("k", .integer(2)), ("rows", .array([.integer(1)]))])
        #expect(value.rendered(pretty: true) == "{\n  \"k\": 2,\n  \"rows\": [\n    1\n  ]\n}")
    }
}
