/// BLAKE2b with a 256-bit digest, for the revision seals that make hand edits of a registry evident.
///
/// A cryptographic hash like SHA-256, but about three times faster in portable code, which matters
/// because every revision hashes every row it wrote (an import of 100,000 records hashes 160 MB).
/// Python's `hashlib.blake2b(data, digest_size=32)` gives the same digests, so anyone can check a seal.
///
/// For example:
///
///     var hash = BLAKE2b()
///     hash.update("abc")
///     hash.finalize()   // "bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319"
///
/// Source: Saarinen M-J, Aumasson J-P (2015). The BLAKE2 Cryptographic Hash and Message
/// Authentication Code (MAC). RFC 7693. doi:10.17487/RFC7693
package struct BLAKE2b {
    private var h: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)
    /// Bytes not yet compressed: the last block is held back until `finalize`, which flags it.
    private var pending: [UInt8] = []
    private var length: UInt64 = 0

    package init() {
        h = (iv.0 ^ 0x0101_0020, iv.1, iv.2, iv.3, iv.4, iv.5, iv.6, iv.7)  // 32-byte digest, no key
        pending.reserveCapacity(128)
    }

    package mutating func update(_ text: String) {
        var text = text
        text.withUTF8 { update($0) }
    }

    package mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { update($0) }
    }

    /// Feeds bytes: whole blocks straight from the input when more input follows them, the rest
    /// through the held-back buffer.
    package mutating func update(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            if pending.count == 128 { compressPending() }  // more input follows: not the last block
            if pending.isEmpty && bytes.count - offset > 128 {
                length &+= 128
                compress(base + offset, last: false)
                offset += 128
                continue
            }
            let take = min(128 - pending.count, bytes.count - offset)
            pending.append(contentsOf: UnsafeBufferPointer(start: base + offset, count: take))
            offset += take
        }
    }

    /// Feeds the decimal text of an integer without building a string.
    package mutating func update(decimal value: Int64) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 21) { digits in
            var magnitude = value.magnitude
            var index = 21
            repeat {
                index -= 1
                digits[index] = UInt8(truncatingIfNeeded: magnitude % 10) + 0x30
                magnitude /= 10
            } while magnitude > 0
            if value < 0 {
                index -= 1
                digits[index] = 0x2D
            }
            update(UnsafeBufferPointer(rebasing: digits[index..<21]))
        }
    }

    /// The digest as 64 lower-case hex digits.
    package mutating func finalize() -> String {
        length &+= UInt64(pending.count)
        let count = pending.count
        pending.append(contentsOf: repeatElement(0, count: 128 - count))
        pending.withUnsafeBufferPointer { if let base = $0.baseAddress { compress(base, last: true) } }
        pending.removeAll()
        let words = [h.0, h.1, h.2, h.3]
        return words.map { word in
            (0..<8).map { byte in
                let value = UInt8(truncatingIfNeeded: word >> (8 * UInt64(byte)))
                let hex = String(value, radix: 16)
                return value < 16 ? "0" + hex : hex
            }.joined()
        }.joined()
    }

    private mutating func compressPending() {
        length &+= 128
        pending.withUnsafeBufferPointer { if let base = $0.baseAddress { compress(base, last: false) } }
        pending.removeAll(keepingCapacity: true)
    }

    /// The compression function F of RFC 7693 §3.2 over one 128-byte block.
    private mutating func compress(_ block: UnsafePointer<UInt8>, last: Bool) {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 16) { m in
            let raw = UnsafeRawPointer(block)
            for i in 0..<16 {
                m[i] = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self))
            }
            var v0 = h.0, v1 = h.1, v2 = h.2, v3 = h.3, v4 = h.4, v5 = h.5, v6 = h.6, v7 = h.7
            var v8 = iv.0, v9 = iv.1, v10 = iv.2, v11 = iv.3
            var v12 = iv.4 ^ length, v13 = iv.5, v14 = last ? ~iv.6 : iv.6, v15 = iv.7
            @inline(__always) func g(
                _ a: inout UInt64, _ b: inout UInt64, _ c: inout UInt64, _ d: inout UInt64,
                _ x: UInt64, _ y: UInt64
            ) {
                a = a &+ b &+ x
                d = (d ^ a).rotatedRight(32)
                c = c &+ d
                b = (b ^ c).rotatedRight(24)
                a = a &+ b &+ y
                d = (d ^ a).rotatedRight(16)
                c = c &+ d
                b = (b ^ c).rotatedRight(63)
            }
            sigma.withUnsafeBufferPointer { s in
                for round in 0..<12 {
                    let r = 16 * (round % 10)
                    g(&v0, &v4, &v8, &v12, m[Int(s[r])], m[Int(s[r + 1])])
                    g(&v1, &v5, &v9, &v13, m[Int(s[r + 2])], m[Int(s[r + 3])])
                    g(&v2, &v6, &v10, &v14, m[Int(s[r + 4])], m[Int(s[r + 5])])
                    g(&v3, &v7, &v11, &v15, m[Int(s[r + 6])], m[Int(s[r + 7])])
                    g(&v0, &v5, &v10, &v15, m[Int(s[r + 8])], m[Int(s[r + 9])])
                    g(&v1, &v6, &v11, &v12, m[Int(s[r + 10])], m[Int(s[r + 11])])
                    g(&v2, &v7, &v8, &v13, m[Int(s[r + 12])], m[Int(s[r + 13])])
                    g(&v3, &v4, &v9, &v14, m[Int(s[r + 14])], m[Int(s[r + 15])])
                }
            }
            h = (
                h.0 ^ v0 ^ v8, h.1 ^ v1 ^ v9, h.2 ^ v2 ^ v10, h.3 ^ v3 ^ v11,
                h.4 ^ v4 ^ v12, h.5 ^ v5 ^ v13, h.6 ^ v6 ^ v14, h.7 ^ v7 ^ v15
            )
        }
    }
}

extension UInt64 {
    @inline(__always)
    fileprivate func rotatedRight(_ count: UInt64) -> UInt64 {
        (self >> count) | (self << (64 - count))
    }
}

/// The initialization vector (SHA-512's), RFC 7693 §2.6.
private let iv: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (
    0x6a09_e667_f3bc_c908, 0xbb67_ae85_84ca_a73b, 0x3c6e_f372_fe94_f82b, 0xa54f_f53a_5f1d_36f1,
    0x510e_527f_ade6_82d1, 0x9b05_688c_2b3e_6c1f, 0x1f83_d9ab_fb41_bd6b, 0x5be0_cd19_137e_2179
)

/// The message schedule permutations, RFC 7693 §2.7.
private let sigma: [UInt8] = [
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
    14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3,
    11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4,
    7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8,
    9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13,
    2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9,
    12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11,
    13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10,
    6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5,
    10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0,
]
