import Foundation

/// The words highlighted on a record card: include terms suggest a relevant record, exclude
/// terms an irrelevant one. The terminal screener and the served pages read the same lists.
package struct ScreeningTerms: Equatable, Sendable {
    package var include: [String]
    package var exclude: [String]

    package init(include: [String] = [], exclude: [String] = []) {
        self.include = include
        self.exclude = exclude
    }
}

/// Which list a screening term belongs to.
package enum ScreeningTermList: String, CaseIterable, Sendable {
    case include
    case exclude
}

extension Registry {
    // MARK: - Exclusion reasons

    /// Adds reasons to the review's list of full-text exclusion reasons (or, with `active` false,
    /// removes them). Reasons already in that state are left alone.
    ///
    /// - Returns: the reasons whose state changed.
    @discardableResult
    package func setExclusionReasons(_ reasons: [String], active: Bool, revision: Int64) throws -> [String] {
        var current = try exclusionReasons()
        var changed: [String] = []
        for reason in reasons.map({ $0.trimmingCharacters(in: .whitespaces) }) where !reason.isEmpty {
            let known = current.first { $0.lowercased() == reason.lowercased() }
            if active == (known != nil) { continue }
            if !active, known == nil { throw StoreError.noSuchReason(reason, known: current) }
            try connection.execute(
                "INSERT INTO exclusion_reason (revision, reason, active) VALUES (?, ?, ?)", revision, known ?? reason,
                active)
            changed.append(known ?? reason)
            if active { current.append(reason) } else { current.removeAll { $0 == known } }
        }
        return changed
    }

    /// The review's full-text exclusion reasons, in the order they were first added.
    package func exclusionReasons(at revision: Int64 = .max) throws -> [String] {
        var order: [String] = []
        var active: [String: Bool] = [:]
        try connection.prepare("SELECT reason, active FROM exclusion_reason WHERE revision <= ? ORDER BY id")
            .forEachRow([revision]) { row in
                let reason = try row.text("reason") ?? ""
                if active[reason] == nil { order.append(reason) }
                active[reason] = try row.bool("active")
            }
        return order.filter { active[$0] == true }
    }

    /// The reason as the review's list spells it: `text` may be the reason's number in the list
    /// (1, 2, …) or its words in any case. With no list, any reason is taken as written.
    ///
    /// - Throws: `StoreError.noSuchReason` when the review has a list and `text` is not on it.
    package func listedReason(_ text: String) throws -> String {
        let reasons = try exclusionReasons()
        guard !reasons.isEmpty else { return text }
        if let number = Int(text), number >= 1, number <= reasons.count { return reasons[number - 1] }
        let folded = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let reason = reasons.first(where: { $0.lowercased() == folded }) else {
            throw StoreError.noSuchReason(text, known: reasons)
        }
        return reason
    }

    // MARK: - Screening terms

    /// Adds terms to a list (or removes them, with `active` false); terms are kept in lower case.
    package func setScreeningTerms(_ terms: [String], list: ScreeningTermList, active: Bool, revision: Int64) throws {
        let current = try screeningTerms()
        let known = Set(list == .include ? current.include : current.exclude)
        for term in terms.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) where !term.isEmpty {
            guard known.contains(term) != active else { continue }
            try connection.execute(
                "INSERT INTO screening_term (revision, list, term, active) VALUES (?, ?, ?, ?)", revision, list.rawValue,
                term, active)
        }
    }

    /// The highlighted terms of both lists, each in the order first added.
    package func screeningTerms(at revision: Int64 = .max) throws -> ScreeningTerms {
        var order: [(ScreeningTermList, String)] = []
        var active: [String: Bool] = [:]
        try connection.prepare("SELECT list, term, active FROM screening_term WHERE revision <= ? ORDER BY id")
            .forEachRow([revision]) { row in
                let list = try row.value("list", as: ScreeningTermList.self)
                let term = try row.text("term") ?? ""
                let key = "\(list.rawValue)\u{0}\(term)"
                if active[key] == nil { order.append((list, term)) }
                active[key] = try row.bool("active")

            }
        var terms = ScreeningTerms()
        for (list, term) in order where active["\(list.rawValue)\u{0}\(term)"] == true {
            if list == .include { terms.include.append(term) } else { terms.exclude.append(term) }
        }
        return terms
    }
}
