import Foundation

/// RIS text from records given as tag–value lines: `TY  - JOUR` first, `ER  - ` last.
///
/// Each value goes on one line (line breaks inside a value become spaces, as RIS readers join
/// continuation lines with a space anyway), so the file reads back field for field. Source: RIS
/// Format Specifications (Research Information Systems, 2011).
public enum RISWriter {
    /// One record's lines, then a blank line; `fields` are `(tag, value)` pairs in order, empty values left out.
    public static func record(type: String = "JOUR", _ fields: [(String, String)]) -> String {
        var text = "TY  - \(type)\n"
        for (tag, value) in fields {
            let line = SafeText.singleLine(value)
            if !line.isEmpty { text += "\(tag)  - \(line)\n" }
        }
        return text + "ER  - \n\n"
    }
}

/// Output sanitising of `records show`/`records export`: no raw control characters in text
/// (``TerminalText``), and no CSV cell that a spreadsheet would run as a formula.
public enum SafeText {
    /// `text` with every control character a terminal could act on escaped (``TerminalText``).
    public static func printable(_ text: String) -> String {
        TerminalText.escaped(text)
    }

    /// `text` on one line: line breaks and tabs become spaces, runs of them one space, other
    /// control characters escaped.
    public static func singleLine(_ text: String) -> String {
        printable(
            text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\t" })
                .map { $0.trimmingCharacters() }.filter { !$0.isEmpty }.joined(separator: " "))
    }

    /// A CSV cell that starts with `=`, `+`, `-`, `@`, a tab or a CR, prefixed with `'` (SPEC, second wave).
    public static func csvCell(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else {
            return printable(text)
        }
        return "'" + printable(text)
    }

    /// Text of an HTML fragment for reading: tags dropped, the common character references decoded.
    public static func htmlAsText(_ text: String) -> String {
        guard text.contains("<") || text.contains("&") else { return text }
        var out = ""
        var inTag = false
        for character in text {
            if character == "<" { inTag = true; continue }
            if character == ">" && inTag { inTag = false; continue }
            if !inTag { out.append(character) }
        }
        for (entity, character) in [
            ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&nbsp;", " "), ("&amp;", "&"),
        ] {
            out = out.replacingOccurrences(of: entity, with: character)
        }
        return out
    }
}

extension Substring {
    fileprivate func trimmingCharacters() -> Substring {
        var slice = self
        while slice.first == " " { slice = slice.dropFirst() }
        while slice.last == " " { slice = slice.dropLast() }
        return slice
    }
}
