/// Byte-level helpers the import readers share: trimming, years, DOIs and registry numbers.
///
/// They work on UTF-8 bytes so the readers build `String`s only for the values they keep.
/// Registry numbers follow ClinicalTrials.gov's `NCT` + 8 digits form; DOIs follow the DOI
/// Handbook's `10.<registrant>/<suffix>` syntax.
enum ByteText {
    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    @inline(__always)
    static func isUpperAlnum(_ byte: UInt8) -> Bool { isDigit(byte) || (byte &- 0x41 < 26) }

    @inline(__always)
    static func isAlnum(_ byte: UInt8) -> Bool { isDigit(byte) || ((byte | 0x20) &- 0x61 < 26) }

    /// The bytes without leading and trailing spaces, tabs and CRs.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var end = bytes.count
        while start < end && isSpace(bytes[start]) { start += 1 }
        while end > start && isSpace(bytes[end - 1]) { end -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// A string from bytes the caller has checked are valid UTF-8.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// A string from accumulated bytes, or nil when there are none.
    static func string(_ bytes: [UInt8]) -> String? {
        bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self)
    }

    /// The first run of exactly four digits, as a year ("2019///" → 2019, "2019 Mar 5" → 2019).
    static func year<C: Collection<UInt8>>(in bytes: C) -> Int? {
        var value = 0
        var run = 0
        for byte in bytes {
            if isDigit(byte) {
                value = value &* 10 &+ Int(byte - 0x30)
                run += 1
            } else {
                if run == 4 { return value }
                value = 0
                run = 0
            }
        }
        return run == 4 ? value : nil
    }

    /// True when every byte is an ASCII digit (and there is at least one).
    static func allDigits<C: Collection<UInt8>>(_ bytes: C) -> Bool {
        !bytes.isEmpty && bytes.allSatisfy(isDigit)
    }

    /// Appends each `NCT` + 8 digits in `bytes` (any case, not inside a longer word or number) to
    /// `found`, upper case, unless it is already there.
    static func collectRegistryNumbers(in bytes: UnsafeBufferPointer<UInt8>, into found: inout [String]) {
        let count = bytes.count
        guard count >= 11, let base = bytes.baseAddress else { return }
        // A match is `nct` then a first digit at `digit`; words of eight bytes with no digit are
        // skipped at once (SWAR range test, Hacker's Delight §6-1), so prose costs little.
        let ones: UInt64 = 0x0101_0101_0101_0101
        var digit = 3
        while digit <= count - 8 {
            if digit + 8 <= count {
                let word = UnsafeRawPointer(base + digit).loadUnaligned(as: UInt64.self)
                let low = word & (ones &* 127)
                let hasDigit = ((ones &* (127 + 0x3A)) &- low) & ~word & (low &+ ones &* (127 - 0x2F)) & (ones &* 128)
                if hasDigit == 0 { digit += 8; continue }
            }
            if isDigit(base[digit]), base[digit - 3] | 0x20 == 0x6E, base[digit - 2] | 0x20 == 0x63,
                base[digit - 1] | 0x20 == 0x74,
                digit == 3 || !isAlnum(base[digit - 4]),
                digit + 8 == count || !isAlnum(base[digit + 8]),
                (1..<8).allSatisfy({ isDigit(base[digit + $0]) })
            {
                let number = "NCT" + String(decoding: UnsafeBufferPointer(start: base + digit, count: 8), as: UTF8.self)
                if !found.contains(number) { found.append(number) }
                digit += 8
            } else {
                digit += 1
            }
        }
    }

    /// The DOI inside a URL or note (`https://doi.org/10.1234/abc` → `10.1234/abc`), if any:
    /// `10.`, four or more digits, `/`, then everything up to whitespace.
    static func embeddedDOI(in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let count = bytes.count
        var index = 0
        while index + 7 < count {
            if bytes[index] == 0x31, bytes[index + 1] == 0x30, bytes[index + 2] == 0x2E,
                index == 0 || !isAlnum(bytes[index - 1])
            {
                var cursor = index + 3
                while cursor < count && isDigit(bytes[cursor]) { cursor += 1 }
                if cursor - (index + 3) >= 4, cursor < count - 1, bytes[cursor] == 0x2F {
                    var end = cursor + 1
                    while end < count && !isSpace(bytes[end]) { end += 1 }
                    return String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
                }
            }
            index += 1
        }
        return nil
    }
}
