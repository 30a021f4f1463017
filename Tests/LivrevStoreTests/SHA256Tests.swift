import Testing

@testable import LivrevStore

@Suite("SHA-256")
struct SHA256Tests {
    // FIPS 180-4 examples and `printf … | sha256sum`.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func digestsMatchTheStandard(input: String, expected: String) {
        var hash = SHA256()
        hash.update(input)
        #expect(hash.finalize() == expected)
    }

    @Test func feedingInPiecesGivesTheSameDigest() {
        let text = String(repeating: "living review ", count: 100)
        var whole = SHA256()
        whole.update(text)
        var pieces = SHA256()
        for chunk in text.split(separator: " ", omittingEmptySubsequences: false) {
            pieces.update(String(chunk) + " ")
        }
        // The pieces add one trailing space; hash the same bytes both ways.
        var same = SHA256()
        same.update(text + " ")
        #expect(pieces.finalize() == same.finalize())
        #expect(whole.finalize() != same.finalize())
    }
}
