/// The character encodings an export arrives in, and their conversion to UTF-8.
///
/// Reference managers write UTF-8 (with or without a byte order mark), UTF-16 with a byte order
/// mark (EndNote's "Unicode" output), or Windows-1252 (EndNote's "ANSI" output). Sources: the
/// Unicode Standard §3.10 and §23.8 (byte order marks), and the WHATWG Encoding Standard's
/// `windows-1252` index (bytes 0x80–0x9F; the five bytes it leaves undefined map to the C1
/// controls of the same value, as the standard says).
package enum TextEncoding: String, Sendable {
    case utf8 = "UTF-8"
    case utf16LittleEndian = "UTF-16LE"
    case utf16BigEndian = "UTF-16BE"
    case windows1252 = "Windows-1252"

    /// The encoding a file's first bytes announce with a byte order mark, or nil without one.
    static func byteOrderMark(_ bytes: [UInt8]) -> (TextEncoding, length: Int)? {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return (.utf8, 3) }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return (.utf16LittleEndian, 2) }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return (.utf16BigEndian, 2) }
        return nil
    }

    /// `bytes` (without the byte order mark) converted to UTF-8. Unpaired UTF-16 surrogates become
    /// U+FFFD; their number is returned so that the caller can say so.
    func utf8(from bytes: ArraySlice<UInt8>) -> (bytes: [UInt8], replaced: Int) {
        switch self {
        case .utf8:
            return (Array(bytes), 0)
        case .windows1252:
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 8)
            for byte in bytes {
                if byte < 0x80 {
                    out.append(byte)
                } else {
                    let scalar = byte < 0xA0 ? Self.windows1252High[Int(byte - 0x80)] : UInt32(byte)
                    Self.appendUTF8(scalar, to: &out)
                }
            }
            return (out, 0)
        case .utf16LittleEndian, .utf16BigEndian:
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var replaced = 0
            var pendingHigh: UInt32?
            var index = bytes.startIndex
            while index + 1 < bytes.endIndex {
                let unit =
                    self == .utf16LittleEndian
                    ? UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8
                    : UInt32(bytes[index]) << 8 | UInt32(bytes[index + 1])
                index += 2
                if let high = pendingHigh {
                    pendingHigh = nil
                    if (0xDC00...0xDFFF).contains(unit) {
                        Self.appendUTF8(0x10000 + ((high - 0xD800) << 10) + (unit - 0xDC00), to: &out)
                        continue
                    }
                    Self.appendUTF8(0xFFFD, to: &out)
                    replaced += 1
                }
                switch unit {
                case 0xD800...0xDBFF: pendingHigh = unit
                case 0xDC00...0xDFFF:
                    Self.appendUTF8(0xFFFD, to: &out)
                    replaced += 1
                default: Self.appendUTF8(unit, to: &out)
                }
            }
            if pendingHigh != nil || index < bytes.endIndex {
                Self.appendUTF8(0xFFFD, to: &out)
                replaced += 1
            }
            return (out, replaced)
        }
    }

    private static func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case 0..<0x80: out.append(UInt8(scalar))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | scalar >> 6))
            out.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | scalar >> 12))
            out.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        default:
            out.append(UInt8(0xF0 | scalar >> 18))
            out.append(UInt8(0x80 | (scalar >> 12) & 0x3F))
            out.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// Windows-1252 bytes 0x80–0x9F (WHATWG index-windows-1252).
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152,
        0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
        0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}
