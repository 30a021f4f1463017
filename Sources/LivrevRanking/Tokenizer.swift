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
    ///
    /// One scan: each word byte is folded into the token's own hash and into its bigram's, which
    /// starts from the previous kept token's hash and a space (FNV-1a is sequential).
    static func appendTerms(of text: String, bigrams: Bool, to terms: inout [UInt64]) {
        var text = text
        var scan = Scan()
        text.withUTF8 { utf8 in
            var position = 0
            while position < utf8.count {
                let byte = utf8[position]
                if byte < 0x80 {
                    position += 1
                    switch byte {
                    case 0x41...0x5A: scan.fold(byte + 0x20)
                    case 0x61...0x7A, 0x30...0x39, 0x5F: scan.fold(byte)
                    default:
                        if scan.characters > 0 { scan.close(into: &terms) }
                        continue
                    }
                    scan.characters += 1
                } else {
                    let (scalar, length) = decode(utf8, at: position)
                    if isWordCharacter(scalar) {
                        if scalar.properties.changesWhenLowercased {
                            for lower in scalar.properties.lowercaseMapping.utf8 { scan.fold(lower) }
                        } else {
                            for offset in 0..<length { scan.fold(utf8[position + offset]) }
                        }
                        scan.characters += 1
                    } else if scan.characters > 0 {
                        scan.close(into: &terms)
                    }
                    position += length
                }
            }
            if scan.characters > 0 { scan.close(into: &terms) }
        }
        if bigrams { terms.append(contentsOf: scan.pairs) }
    }

    /// The token being read: its word characters so far, its hash and its bigram's hash.
    private struct Scan {
        var characters = 0
        /// Whether a token has begun (its first byte folded in).
        var open = false
        var unigram = offsetBasis
        var bigram = offsetBasis
        /// The hash of the last token kept, once there is one.
        var previous: UInt64?
        var pairs: [UInt64] = []

        @inline(__always)
        mutating func fold(_ byte: UInt8) {
            if !open {
                open = true
                unigram = offsetBasis
                if let previous { bigram = (previous ^ 0x20) &* prime }  // the space between the words
            }
            unigram = (unigram ^ UInt64(byte)) &* prime
            bigram = (bigram ^ UInt64(byte)) &* prime
        }

        @inline(__always)
        mutating func close(into terms: inout [UInt64]) {
            if characters >= 2 {
                terms.append(unigram)
                if previous != nil { pairs.append(bigram) }
                previous = unigram
            }
            characters = 0
            open = false
        }
    }

    /// The scalar whose UTF-8 encoding starts at `position` (a lead byte of valid UTF-8, as a
    /// `String`'s always is) and its length in bytes.
    @inline(__always)
    private static func decode(_ utf8: UnsafeBufferPointer<UInt8>, at position: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(utf8[position])
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = lead & (0xFF >> (length + 1))
        for offset in 1..<length { value = value << 6 | UInt32(utf8[position + offset] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    static func hash(_ bytes: ArraySlice<UInt8>, from start: UInt64) -> UInt64 {
        var value = start
        for byte in bytes { value = (value ^ UInt64(byte)) &* prime }
        return value
    }

    /// Python's `\w` outside ASCII: what `str.isalnum()` accepts, letters and numbers.
    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
