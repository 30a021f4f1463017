import Foundation

extension PrismaFlow {
    /// The flow diagram as boxes of plain text, main flow on the left, exclusions on the right,
    /// in PRISMA 2020's order and wording, so a person can copy it into a paper.
    public func renderedText() -> String {
        var rows: [(left: [String], right: [String])] = []
        var identified = ["Records identified from:", "  Databases (n = \(databaseTotal))"]
        identified += databases.map { "    \($0.0) (n = \($0.1))" }
        identified.append("  Registers (n = \(registerTotal))")
        identified += registers.map { "    \($0.0) (n = \($0.1))" }
        rows.append((identified, ["Records removed before screening:", "  Duplicate records (n = \(duplicatesRemoved))"]))
        rows.append((["Records screened", "(n = \(recordsScreened))"], ["Records excluded", "(n = \(recordsExcluded))"]))
        rows.append(
            (
                ["Reports sought for retrieval", "(n = \(reportsSought))"],
                ["Reports not retrieved", "(n = \(reportsNotRetrieved))"]
            ))
        var excluded = ["Reports excluded (n = \(reportsExcludedTotal)):"]
        excluded += reportsExcluded.map { "  \($0.0) (n = \($0.1))" }
        rows.append((["Reports assessed for eligibility", "(n = \(reportsAssessed))"], excluded))
        var included: [String]
        if previous != nil {
            included = [
                "New studies included in review (n = \(studiesIncluded))",
                "Reports of new included studies (n = \(reportsIncluded))",
            ]
        } else {
            included = [
                "Studies included in review (n = \(studiesIncluded))",
                "Reports of included studies (n = \(reportsIncluded))",
            ]
        }
        if previous != nil {
            included += [
                "", "Total studies included in review (n = \(totalStudies))",
                "Reports of total included studies (n = \(totalReports))",
            ]
        }
        rows.append((included, []))

        let previousLines =
            previous.map {
                [
                    "Studies included in previous version of review (n = \($0.studies))",
                    "Reports of studies included in previous version of review (n = \($0.reports))",
                ]
            } ?? []
        // Boxes of at most 52 + 35 characters of text: with borders and the arrow, 100 columns.
        let leftWidth = min(52, (rows.flatMap(\.left) + previousLines).map(\.count).max() ?? 0)
        let rightWidth = min(35, rows.flatMap(\.right).map(\.count).max() ?? 0)
        var out =
            TextTable.wrapped("PRISMA 2020 flow diagram — \(title)", width: TextTable.terminalWidth)
            .joined(separator: "\n") + "\n\n"
        if !previousLines.isEmpty {
            out += "PREVIOUS VERSION OF THE REVIEW\n"
            out += PrismaFlow.box(previousLines, width: leftWidth).joined(separator: "\n") + "\n\n"
        }
        let headings = ["Identification", "Screening", "", "", "Included"]
        for (index, row) in rows.enumerated() {
            if !headings[index].isEmpty { out += "\(headings[index].uppercased())\n" }
            let left = PrismaFlow.box(row.left, width: leftWidth)
            let right = row.right.isEmpty ? [] : PrismaFlow.box(row.right, width: rightWidth)
            for line in 0..<max(left.count, right.count) {
                let leftLine = line < left.count ? left[line] : String(repeating: " ", count: leftWidth + 4)
                var text = leftLine
                if line < right.count {
                    text += (line == 1 ? " ──▶ " : "     ") + right[line]
                }
                out += text.trimmingTrailingSpaces() + "\n"
            }
            if index < rows.count - 1 { out += PrismaFlow.arrowDown(leftWidth) }
        }
        let waiting = pending.filter { $0.count > 0 }
        if !waiting.isEmpty {
            out += "\nNot yet counted above (work under way):\n"
            out += waiting.map { "  \($0.label): \($0.count)\n" }.joined()
        }
        return out
    }

    /// Lines in a box `width` wide; a longer line wraps, its continuation indented two more spaces.
    private static func box(_ lines: [String], width: Int) -> [String] {
        let border = String(repeating: "─", count: width + 2)
        let wrapped = lines.flatMap { line -> [String] in
            let indent = line.prefix { $0 == " " }.count
            guard line.count > width else { return [line] }
            // "(n = 36)" stays on one line: no-break spaces while wrapping.
            let text = line.dropFirst(indent).replacingOccurrences(of: "(n = ", with: "(n\u{A0}=\u{A0}")
            return TextTable.wrapped(text, width: width - indent - 2).enumerated().map {
                String(repeating: " ", count: indent + ($0 == 0 ? 0 : 2)) + $1.replacingOccurrences(of: "\u{A0}", with: " ")
            }
        }
        return ["┌\(border)┐"] + wrapped.map { "│ \($0)\(String(repeating: " ", count: max(0, width - $0.count))) │" }
            + ["└\(border)┘"]
    }

    private static func arrowDown(_ width: Int) -> String {
        let middle = String(repeating: " ", count: (width + 4) / 2)
        return "\(middle)│\n\(middle)▼\n"
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
