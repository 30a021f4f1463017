/// Text made safe to show on a terminal: every control character that could move the cursor,
/// change colours, set the window title or reorder what the reader sees is shown escaped.
///
/// Imported titles, abstracts, file names and CSV cells are untrusted: an ESC sequence in a
/// record's title must not recolour or clear the screener's terminal. Kept raw: tab and newline.
/// Escaped: C0 controls (U+0000–U+001F, carriage return included), DEL, C1 controls
/// (U+0080–U+009F, which some terminals obey as ESC sequences) and the bidirectional embedding,
/// override and isolate controls (U+202A–U+202E, U+2066–U+2069), which reorder a line's text.
///
/// For example:
///
///     TerminalText.escaped("Stem\u{1B}[2Jcells")   // "Stem\\x1B[2Jcells"
///
/// Source: ECMA-48 §5 (control functions), https://www.unicode.org/reports/tr9/ (bidi controls),
/// CVE-2021-42574 ("Trojan Source").
public enum TerminalText {
    /// `text` with every unsafe control character written as `\xHH` (below U+0100) or `\u{HHHH}`.
    public static func escaped(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isUnsafe(scalar) else {
                out.append(scalar)
                continue
            }
            let hex = String(scalar.value, radix: 16, uppercase: true)
            let escape = scalar.value < 0x100 ? "\\x" + (hex.count < 2 ? "0" : "") + hex : "\\u{\(hex)}"
            out.append(contentsOf: escape.unicodeScalars)
        }
        return String(out)
    }

    /// Whether `scalar` is a control character a terminal could act on (tab and newline are not).
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
