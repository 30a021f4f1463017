/// An estimate of how wide a line of text is drawn, since a figure cannot measure fonts.
///
/// The widths are DejaVu Sans advance widths for ASCII (plus a few symbols the figures use),
/// 3% generous so the estimate errs on the wide side; bold adds 12%, other characters 0.75 em.
/// Layouts size columns from the longest label with this, and tests use it to check that no
/// label runs into the next column.
///
/// Source: DejaVu Sans glyph metrics (units per em 2048), e.g. digits 1303/2048 ≈ 0.64 em.
public enum TextMetrics {
    /// The estimated width in pixels of `text` at `size` pixels.
    public static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        var ems = 0.0
        for character in text { ems += advance(character) }
        return ems * size * (bold ? 1.12 : 1.0)
    }

    /// DejaVu Sans advance widths of the printable ASCII characters (U+0020–U+007E), in 1/2048 em.
    private static let ascii: [Int] = [
        651, 823, 942, 1716, 1303, 1946, 1597, 563, 799, 799, 1024, 1716, 651, 739, 651, 690,
        1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 690, 690, 1716, 1716, 1716, 1087,
        2048, 1401, 1405, 1430, 1577, 1294, 1178, 1587, 1540, 604, 604, 1343, 1141, 1767, 1532, 1612,
        1235, 1612, 1423, 1300, 1251, 1499, 1401, 2025, 1403, 1251, 1403, 799, 690, 799, 1716, 1024,
        1024, 1255, 1300, 1126, 1300, 1260, 721, 1300, 1298, 569, 569, 1186, 569, 1995, 1298, 1253,
        1300, 1300, 842, 1067, 803, 1298, 1212, 1675, 1212, 1212, 1075, 1303, 690, 1303, 1716,
    ]

    /// The width of one character in ems, 3% over the font's advance width to err on the wide side.
    static func advance(_ character: Character) -> Double {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        let value = scalar.value
        if value >= 0x20, value <= 0x7E { return Double(ascii[Int(value - 0x20)]) / 2048 * 1.03 }
        switch character {
        case "²", "³", "¹": return 0.43
        case "−", "±", "×", "≤", "≥": return 0.86
        case "—", "…": return 1.03
        case "–": return 0.52
        case "τ", "α", "β", "χ", "μ": return 0.66
        default: return value >= 0x2E80 ? 1.03 : 0.75
        }
    }

    /// Splits `text` into lines no wider than `maxWidth` at word boundaries; a single word
    /// wider than the limit stays on its own line.
    public static func wrap(_ text: String, maxWidth: Double, size: Double, bold: Bool = false) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if current.isEmpty || width(candidate, size: size, bold: bold) <= maxWidth {
                current = candidate
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }
}
