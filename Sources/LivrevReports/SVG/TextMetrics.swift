/// An estimate of how wide a line of text is drawn, since a figure cannot measure fonts.
///
/// The widths are DejaVu Sans advance widths rounded up per character class (narrow letters,
/// digits, capitals, wide letters), so the estimate errs on the wide side; bold adds 10%.
/// Layouts size columns from the longest label with this, and tests use it to check that no
/// label runs into the next column.
///
/// Source: DejaVu Sans glyph metrics (units per em 2048), e.g. digits 1303/2048 ≈ 0.64 em.
public enum TextMetrics {
    /// The estimated width in pixels of `text` at `size` pixels.
    public static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        var ems = 0.0
        for character in text { ems += advance(character) }
        return ems * size * (bold ? 1.1 : 1.0)
    }

    /// The width of one character in ems.
    static func advance(_ character: Character) -> Double {
        switch character {
        case " ", "i", "l", "j", ".", ",", ":", ";", "'", "|", "!", "(", ")", "[", "]", "I": return 0.34
        case "f", "r", "t", "-": return 0.44
        case "0"..."9", "+", "=", "<", ">", "−", "±", "²", "#", "$", "?": return 0.66
        case "m", "w", "—", "%": return 0.98
        case "M", "W": return 1.0
        case "A"..."Z": return 0.74
        default: return character.isASCII ? 0.62 : 0.7
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
