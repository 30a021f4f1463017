import Testing

@testable import LivrevStore

@Suite("BLAKE2b")
struct BLAKE2bTests {
    // Python: hashlib.blake2b(data, digest_size=32).hexdigest()
    @Test(arguments: [
        ("", "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8"),
        ("abc", "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319"),
        (String(repeating: "livrev", count: 1000), "b7b72e97e8807a6b3ad4c76b2c6b7d7b9f5d262960e8dd50a4009ceace56ad86"),
    ])
    func digestsMatchPythonsHashlib(input: String, expected: String) {
        var hash = BLAKE2b()
        hash.update(input)
        #expect(hash.finalize() == expected)
    }

    /// Pieces that cut across block boundaries (and exactly at them) give the digest of the whole.
    @Test func feedingInPiecesGivesTheSameDigest() {
        let text = String(repeating: "livrev", count: 1000)
        for size in [1, 7, 127, 128, 129, 256, 1000] {
            var pieces = BLAKE2b()
            var rest = Substring(text)
            while !rest.isEmpty {
                pieces.update(String(rest.prefix(size)))
                rest = rest.dropFirst(size)
            }
            #expect(pieces.finalize() == "b7b72e97e8807a6b3ad4c76b2c6b7d7b9f5d262960e8dd50a4009ceace56ad86", "pieces of \(size)")
        }
        var bytes = BLAKE2b()
        for byte in text.utf8 { bytes.update(byte: byte) }
        #expect(bytes.finalize() == "b7b72e97e8807a6b3ad4c76b2c6b7d7b9f5d262960e8dd50a4009ceace56ad86", "byte by byte")
        var numbers = BLAKE2b()
        numbers.update(decimal: -1234567890)
        var text2 = BLAKE2b()
        text2.update("-1234567890")
        #expect(numbers.finalize() == text2.finalize())
    }
}
