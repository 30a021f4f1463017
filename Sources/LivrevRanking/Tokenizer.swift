/// Splits text into the word tokens of scikit-learn's default `token_pattern`, `(?u)\b\w\w+\b`, after
/// lower-casing: runs of two or more word characters (letters, digits, underscore), each named by a
/// 64-bit hash of its lower-cased UTF-8 bytes.
///
/// Hashing instead of building strings keeps featurisation of 20,000 abstracts under a second;
/// with FNV-1a over 64 bits, two of a corpus's ~10⁶ distinct terms collide with probability ~10⁻⁷.
/// A word bigram is hashed as the text "first second", exactly as scikit-learn names it.
///
/// Source: scikit-learn `CountVectorizer` (`lowercase=True`, `token_pattern`, `ngram_range`);
/// FNV-1a: Fowler, Noll & Vo, IETF draft-eastlake-fnv.
struct Tokenizer {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The hashes of `text`'s unigrams, then of its bigrams (each pair of neighbouring tokens).
    static func terms(of text: String, bigrams: Bool) -> [UInt64] {
        var terms: [UInt64] = []
        appendTerms(of: text, bigrams: bigrams, to: &terms)
        return terms
    }

    /// Appends the hashes of `text`'s unigrams, then of its bigrams, to `terms`.
    static func appendTerms(of text: String, bigrams: Bool, to terms: inout [UInt64]) {
        var bytes: [UInt8] = []
        var tokens: [Range<Int>] = []
        tokenize(text, into: &bytes, tokens: &tokens)
        let first = terms.count
        terms.reserveCapacity(first + (bigrams ? tokens.count * 2 : tokens.count))
        for token in tokens { terms.append(hash(bytes[token], from: offsetBasis)) }
        if bigrams, tokens.count > 1 {
            for index in 1..<tokens.count {
                var joined = (terms[first + index - 1] ^ 0x20) &* prime  // the space between the words
                joined = hash(bytes[tokens[index]], from: joined)
                terms.append(joined)
            }
        }
    }

    static func hash(_ bytes: ArraySlice<UInt8>, from start: UInt64) -> UInt64 {
        var value = start
        for byte in bytes { value = (value ^ UInt64(byte)) &* prime }
        return value
    }

    /// Appends the lower-cased UTF-8 bytes of each token of two or more word characters to `bytes`
    /// and its range to `tokens`.
    private static func tokenize(_ text: String, into bytes: inout [UInt8], tokens: inout [Range<Int>]) {
        var start = 0
        var characters = 0
        func close() {
            if characters >= 2 { tokens.append(start..<bytes.count) } else { bytes.removeSubrange(start...) }
            characters = 0
            start = bytes.count
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                let byte = UInt8(value)
                switch byte {
                case 0x41...0x5A: bytes.append(byte + 0x20)
                case 0x61...0x7A, 0x30...0x39, 0x5F: bytes.append(byte)
                default:
                    close()
                    continue
                }
                characters += 1
            } else if isWordCharacter(scalar) {
                let lower = scalar.properties.changesWhenLowercased ? scalar.properties.lowercaseMapping : String(scalar)
                bytes.append(contentsOf: lower.utf8)
                characters += 1
            } else {
                close()
            }
        }
        close()
    }

    /// Python's `\w` outside ASCII: what `str.isalnum()` accepts, letters and numbers.
    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
