/// Splits an author cell into names the way each tool writes its list, keeping names as written.
///
/// Tools separate authors with `|` (OpenAlex), `;` (Scopus, Zotero, Covidence, Lens, Cochrane,
/// Web of Science), ` and ` (BibTeX-style: Rayyan, Mendeley) or, in PubMed's and Embase's CSV, with
/// commas between `Surname Initials` names ("Griffin DK, Larkin DM, O'Connor RE."; the full stop
/// ends PubMed's list). Scopus's older form pairs surnames and initials with commas
/// ("Wilson, L.N., Gardner, J.D."). A single inverted name ("Smith, John") stays one name.
enum AuthorList {
    static func split(_ cell: String) -> [String] {
        let names: [String]
        if cell.contains("|") {
            names = cell.split(separator: "|").map(String.init)
        } else if cell.contains(";") {
            names = cell.split(separator: ";").map(String.init)
        } else if cell.contains(" and ") {
            names = cell.split(separator: " and ").map(String.init)
        } else if cell.contains(",") {
            names = commaSeparated(cell)
        } else {
            names = [cell]
        }
        return names.map(\.trimmingSpaces).filter { !$0.isEmpty }
    }

    private static func commaSeparated(_ cell: String) -> [String] {
        var parts = cell.split(separator: ",").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
        if let last = parts.last, last.lowercased().hasPrefix("et al") { parts.removeLast() }
        guard parts.count >= 2 else { return parts.isEmpty ? [] : [cell] }
        if parts.allSatisfy(isSurnameInitials) {
            // PubMed ends its list with a full stop that belongs to no name.
            if let last = parts.last, last.hasSuffix("."), !parts.dropLast().contains(where: { $0.hasSuffix(".") }) {
                parts[parts.count - 1] = String(last.dropLast())
            }
            return parts
        }
        if parts.count % 2 == 0, stride(from: 1, to: parts.count, by: 2).allSatisfy({ isInitials(parts[$0]) }) {
            return stride(from: 0, to: parts.count, by: 2).map { parts[$0] + ", " + parts[$0 + 1] }
        }
        return [cell]
    }

    /// "Griffin DK", "Adler D.G.", "O'Connor RE.": a surname, then initials.
    private static func isSurnameInitials(_ name: String) -> Bool {
        let tokens = name.split(separator: " ")
        guard tokens.count >= 2, let last = tokens.last else { return false }
        return isInitials(String(last))
    }

    /// One to four capital letters with optional dots and hyphens ("J", "JM", "J.-M.").
    static func isInitials(_ token: String) -> Bool {
        let letters = token.filter { $0 != "." && $0 != "-" }
        return (1...4).contains(letters.count) && letters.allSatisfy { $0.isUppercase && $0.isLetter }
    }
}
