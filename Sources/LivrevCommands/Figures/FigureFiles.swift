import Foundation

/// Where figures go: one file, or — for several outcomes — one file per outcome named from a pattern.
enum FigureFiles {
    /// `forest.svg` with outcome "Infections and infestations" → `forest-infections-and-infestations.svg`.
    static func path(_ pattern: String, slug: String) -> String {
        let url = URL(fileURLWithPath: pattern)
        let ext = url.pathExtension
        let base = ext.isEmpty ? pattern : String(pattern.dropLast(ext.count + 1))
        return "\(base)-\(slug)" + (ext.isEmpty ? ".svg" : ".\(ext)")
    }

    /// Lower-case ASCII letters and digits, runs of anything else as one hyphen.
    static func slug(_ name: String) -> String {
        var out = ""
        var pendingHyphen = false
        for scalar in name.lowercased().unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                if pendingHyphen, !out.isEmpty { out += "-" }
                out.unicodeScalars.append(scalar)
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
        }
        return out.isEmpty ? "outcome" : out
    }

    /// Distinct slugs for `names`, in order: a repeated slug gets "-2", "-3", ….
    static func slugs(_ names: [String]) -> [String] {
        var seen: [String: Int] = [:]
        return names.map { name in
            let slug = slug(name)
            seen[slug, default: 0] += 1
            return seen[slug] == 1 ? slug : "\(slug)-\(seen[slug] ?? 0)"
        }
    }

    /// Writes one document per item: to `pattern` itself when `perItem` is false (a single outcome),
    /// else to `pattern` with each item's slug. Says on stderr which files were written.
    static func write(_ documents: [(name: String, svg: String)], to pattern: String, perItem: Bool) throws {
        if documents.isEmpty { Output.error("No figure written to \(pattern): nothing to plot") }
        guard perItem else {
            if let first = documents.first {
                try Output.writeFile(first.svg, to: pattern)
                Output.error("Wrote \(pattern)")
            }
            return
        }
        for (document, slug) in zip(documents, slugs(documents.map(\.name))) {
            let path = path(pattern, slug: slug)
            try Output.writeFile(document.svg, to: path)
            Output.error("Wrote \(path) (\(document.name))")
        }
    }
}
