import ArgumentParser
import LivrevCommands
import Testing

@Suite("Parsing")
struct ParsingTests {
    @Test func unknownOptionIsAUsageError() {
        #expect(throws: (any Error).self) { try LivrevCommand.parseAsRoot(["--no-such-option"]) }
    }
}
