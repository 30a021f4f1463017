import Testing

@testable import LivrevStore

@Suite("LineReader")
struct LineReaderTests {
    func lines(_ bytes: [UInt8], chunkSize: Int) throws -> [String] {
        let reader = LineReader(bytes: bytes, file: "x", chunkSize: chunkSize)
        var result: [String] = []
        while try reader.nextLine() {
            result.append(try reader.withLine { String(decoding: $0, as: UTF8.self) })
        }
        #expect(reader.atEnd)
        return result
    }

    @Test(arguments: [1, 2, 3, 4, 16, 65536])
    func splitsLinesAtAnyChunkSize(chunkSize: Int) throws {
        let text = Fixture.bom("one\r\ntwo\n\nthree\r\n\r\nlast without newline")
        #expect(try lines(text, chunkSize: chunkSize) == ["one", "two", "", "three", "", "last without newline"])
    }

    @Test func lineLongerThanAChunkGrowsTheBufferOnce() throws {
        let long = String(repeating: "x", count: 10_000)
        let reader = LineReader(bytes: Fixture.bytes("a\n\(long)\nb\n"), file: "x", chunkSize: 1024)
        var result: [Int] = []
        while try reader.nextLine() { result.append(reader.lineEnd - reader.lineStart) }
        #expect(result == [1, 10_000, 1])
        #expect(reader.bufferCapacity <= 10_000 + 2 * 1024)
    }

    @Test func emptyInputAndLoneBOM() throws {
        #expect(try lines([], chunkSize: 8) == [])
        #expect(try lines([0xEF, 0xBB, 0xBF], chunkSize: 8) == [])
    }

    @Test func validateLineReportsCharacterColumn() throws {
        let reader = LineReader(bytes: Fixture.bytes("ok\nÁé") + [0xFF] + Fixture.bytes("\n"), file: "x.txt")
        _ = try reader.nextLine()
        try reader.validateLine()
        _ = try reader.nextLine()
        let error = Fixture.importError { try reader.validateLine() }
        #expect(error?.description == "x.txt:2:3: invalid UTF-8 byte 0xFF")
    }

    @Test func rejectsSurrogatesAndTruncatedSequences() {
        let surrogate: [UInt8] = [0x61, 0xED, 0xA0, 0x80]
        #expect(surrogate.withUnsafeBufferPointer { firstInvalidText($0)?.0 } == 1)
        let cut: [UInt8] = Array("abcdefghij".utf8) + [0xE2, 0x82]
        #expect(cut.withUnsafeBufferPointer { firstInvalidText($0)?.0 } == 10)
        let fine: [UInt8] = Array("Şahin – β 😀 plain ascii text".utf8)
        #expect(fine.withUnsafeBufferPointer { firstInvalidText($0) } == nil)
    }
}
