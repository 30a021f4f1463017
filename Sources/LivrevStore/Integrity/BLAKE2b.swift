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

    /// Feeds one byte.
    package mutating func update(byte: UInt8) {
        if pending.count == 128 { compressPending() }
        pending.append(byte)
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

    /// The compression function F of RFC 7693 §3.2 over one 128-byte block, its twelve rounds
    /// written out (generated from the σ table of §2.7) so that every word stays in a register.
    private mutating func compress(_ block: UnsafePointer<UInt8>, last: Bool) {
        let raw = UnsafeRawPointer(block)
        func word(_ i: Int) -> UInt64 { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self)) }
        let m0 = word(0), m1 = word(1), m2 = word(2), m3 = word(3), m4 = word(4), m5 = word(5), m6 = word(6)
        let m7 = word(7), m8 = word(8), m9 = word(9), m10 = word(10), m11 = word(11), m12 = word(12), m13 = word(13)
        let m14 = word(14), m15 = word(15)
        var v0 = h.0, v1 = h.1, v2 = h.2, v3 = h.3, v4 = h.4, v5 = h.5, v6 = h.6, v7 = h.7
        var v8 = iv.0, v9 = iv.1, v10 = iv.2, v11 = iv.3
        var v12 = iv.4 ^ length, v13 = iv.5, v14 = last ? ~iv.6 : iv.6, v15 = iv.7
        // round 1
        g(&v0, &v4, &v8, &v12, m0, m1)
        g(&v1, &v5, &v9, &v13, m2, m3)
        g(&v2, &v6, &v10, &v14, m4, m5)
        g(&v3, &v7, &v11, &v15, m6, m7)
        g(&v0, &v5, &v10, &v15, m8, m9)
        g(&v1, &v6, &v11, &v12, m10, m11)
        g(&v2, &v7, &v8, &v13, m12, m13)
        g(&v3, &v4, &v9, &v14, m14, m15)
        // round 2
        g(&v0, &v4, &v8, &v12, m14, m10)
        g(&v1, &v5, &v9, &v13, m4, m8)
        g(&v2, &v6, &v10, &v14, m9, m15)
        g(&v3, &v7, &v11, &v15, m13, m6)
        g(&v0, &v5, &v10, &v15, m1, m12)
        g(&v1, &v6, &v11, &v12, m0, m2)
        g(&v2, &v7, &v8, &v13, m11, m7)
        g(&v3, &v4, &v9, &v14, m5, m3)
        // round 3
        g(&v0, &v4, &v8, &v12, m11, m8)
        g(&v1, &v5, &v9, &v13, m12, m0)
        g(&v2, &v6, &v10, &v14, m5, m2)
        g(&v3, &v7, &v11, &v15, m15, m13)
        g(&v0, &v5, &v10, &v15, m10, m14)
        g(&v1, &v6, &v11, &v12, m3, m6)
        g(&v2, &v7, &v8, &v13, m7, m1)
        g(&v3, &v4, &v9, &v14, m9, m4)
        // round 4
        g(&v0, &v4, &v8, &v12, m7, m9)
        g(&v1, &v5, &v9, &v13, m3, m1)
        g(&v2, &v6, &v10, &v14, m13, m12)
        g(&v3, &v7, &v11, &v15, m11, m14)
        g(&v0, &v5, &v10, &v15, m2, m6)
        g(&v1, &v6, &v11, &v12, m5, m10)
        g(&v2, &v7, &v8, &v13, m4, m0)
        g(&v3, &v4, &v9, &v14, m15, m8)
        // round 5
        g(&v0, &v4, &v8, &v12, m9, m0)
        g(&v1, &v5, &v9, &v13, m5, m7)
        g(&v2, &v6, &v10, &v14, m2, m4)
        g(&v3, &v7, &v11, &v15, m10, m15)
        g(&v0, &v5, &v10, &v15, m14, m1)
        g(&v1, &v6, &v11, &v12, m11, m12)
        g(&v2, &v7, &v8, &v13, m6, m8)
        g(&v3, &v4, &v9, &v14, m3, m13)
        // round 6
        g(&v0, &v4, &v8, &v12, m2, m12)
        g(&v1, &v5, &v9, &v13, m6, m10)
        g(&v2, &v6, &v10, &v14, m0, m11)
        g(&v3, &v7, &v11, &v15, m8, m3)
        g(&v0, &v5, &v10, &v15, m4, m13)
        g(&v1, &v6, &v11, &v12, m7, m5)
        g(&v2, &v7, &v8, &v13, m15, m14)
        g(&v3, &v4, &v9, &v14, m1, m9)
        // round 7
        g(&v0, &v4, &v8, &v12, m12, m5)
        g(&v1, &v5, &v9, &v13, m1, m15)
        g(&v2, &v6, &v10, &v14, m14, m13)
        g(&v3, &v7, &v11, &v15, m4, m10)
        g(&v0, &v5, &v10, &v15, m0, m7)
        g(&v1, &v6, &v11, &v12, m6, m3)
        g(&v2, &v7, &v8, &v13, m9, m2)
        g(&v3, &v4, &v9, &v14, m8, m11)
        // round 8
        g(&v0, &v4, &v8, &v12, m13, m11)
        g(&v1, &v5, &v9, &v13, m7, m14)
        g(&v2, &v6, &v10, &v14, m12, m1)
        g(&v3, &v7, &v11, &v15, m3, m9)
        g(&v0, &v5, &v10, &v15, m5, m0)
        g(&v1, &v6, &v11, &v12, m15, m4)
        g(&v2, &v7, &v8, &v13, m8, m6)
        g(&v3, &v4, &v9, &v14, m2, m10)
        // round 9
        g(&v0, &v4, &v8, &v12, m6, m15)
        g(&v1, &v5, &v9, &v13, m14, m9)
        g(&v2, &v6, &v10, &v14, m11, m3)
        g(&v3, &v7, &v11, &v15, m0, m8)
        g(&v0, &v5, &v10, &v15, m12, m2)
        g(&v1, &v6, &v11, &v12, m13, m7)
        g(&v2, &v7, &v8, &v13, m1, m4)
        g(&v3, &v4, &v9, &v14, m10, m5)
        // round 10
        g(&v0, &v4, &v8, &v12, m10, m2)
        g(&v1, &v5, &v9, &v13, m8, m4)
        g(&v2, &v6, &v10, &v14, m7, m6)
        g(&v3, &v7, &v11, &v15, m1, m5)
        g(&v0, &v5, &v10, &v15, m15, m11)
        g(&v1, &v6, &v11, &v12, m9, m14)
        g(&v2, &v7, &v8, &v13, m3, m12)
        g(&v3, &v4, &v9, &v14, m13, m0)
        // round 11
        g(&v0, &v4, &v8, &v12, m0, m1)
        g(&v1, &v5, &v9, &v13, m2, m3)
        g(&v2, &v6, &v10, &v14, m4, m5)
        g(&v3, &v7, &v11, &v15, m6, m7)
        g(&v0, &v5, &v10, &v15, m8, m9)
        g(&v1, &v6, &v11, &v12, m10, m11)
        g(&v2, &v7, &v8, &v13, m12, m13)
        g(&v3, &v4, &v9, &v14, m14, m15)
        // round 12
        g(&v0, &v4, &v8, &v12, m14, m10)
        g(&v1, &v5, &v9, &v13, m4, m8)
        g(&v2, &v6, &v10, &v14, m9, m15)
        g(&v3, &v7, &v11, &v15, m13, m6)
        g(&v0, &v5, &v10, &v15, m1, m12)
        g(&v1, &v6, &v11, &v12, m0, m2)
        g(&v2, &v7, &v8, &v13, m11, m7)
        g(&v3, &v4, &v9, &v14, m5, m3)
        h = (
            h.0 ^ v0 ^ v8, h.1 ^ v1 ^ v9, h.2 ^ v2 ^ v10, h.3 ^ v3 ^ v11,
            h.4 ^ v4 ^ v12, h.5 ^ v5 ^ v13, h.6 ^ v6 ^ v14, h.7 ^ v7 ^ v15
        )
    }
}

/// The mixing function G of RFC 7693 §3.1.
@inline(__always)
private func g(_ a: inout UInt64, _ b: inout UInt64, _ c: inout UInt64, _ d: inout UInt64, _ x: UInt64, _ y: UInt64) {
    a = a &+ b &+ x
    d = (d ^ a).rotatedRight(32)
    c = c &+ d
    b = (b ^ c).rotatedRight(24)
    a = a &+ b &+ y
    d = (d ^ a).rotatedRight(16)
    c = c &+ d
    b = (b ^ c).rotatedRight(63)
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
