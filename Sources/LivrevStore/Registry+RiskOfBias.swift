import RiskOfBias

/// Where one domain of one study stands: reviewers' current judgements and the final one, if any.
package struct RiskOfBiasDomain: Equatable, Sendable {
    package let study: String
    package let tool: RiskOfBiasTool
    package let domain: String
    /// Reviewer name → current judgement, in team order.
    package let judgements: [String: RiskOfBiasLevel]
    /// The agreed or resolved judgement; nil while pending or in conflict.
    package let final: RiskOfBiasLevel?
    package var inConflict: Bool { final == nil && Set(judgements.values).count > 1 }
}

/// The derived risk of bias of one study: final per domain and overall.
package struct RiskOfBiasSummary: Equatable, Sendable {
    package let study: String
    package let tool: RiskOfBiasTool
    package let domains: [String: RiskOfBiasLevel]
    /// The overall judgement: a recorded override, else the tool's algorithm over the final domains.
    package let overall: RiskOfBiasLevel?
    package let overridden: Bool
}

extension Registry {
    /// Records `reviewer`'s judgement of one domain; a later one by the same reviewer supersedes it.
    /// With `final`, the judgement is recorded as the agreed one (a migrated, published assessment).
    ///
    /// - Throws: `StoreError.noSuchStudy`, `.invalidJudgement`.
    package func setRiskOfBias(
        study key: String, tool: RiskOfBiasTool, domain text: String, judgement level: String, support: String?,
        reviewer: Reviewer, final: Bool = false, revision: Int64
    ) throws {
        guard let study = try studyID(key) else { throw StoreError.noSuchStudy(key) }
        guard let domain = tool.domain(text) else {
            throw StoreError.invalidJudgement(
                "\(tool.rawValue) has no domain '\(text)' (domains: \(tool.domainKeys.joined(separator: ", ")))")
        }
        guard let judgement = tool.level(level) else {
            throw StoreError.invalidJudgement(
                "'\(level)' is not a \(tool.rawValue) judgement (\(tool.levels.map(\.rawValue).joined(separator: ", ")))")
        }
        let table = final ? "rob_resolution" : "rob_judgement"
        let extra = final ? ", consensus" : ""
        let extraValue = final ? ", 1" : ""
        try connection.execute(
            """
            INSERT INTO \(table) (revision, study_id, tool, domain, judgement, reviewer_id, support\(extra))
            VALUES (?, ?, ?, ?, ?, ?, ?\(extraValue))
            """, revision, study, tool.rawValue, domain, judgement.rawValue, reviewer.id, support)
    }

    /// Resolves a conflict on one domain: by an arbiter, or by one of the judging reviewers with `consensus`.
    ///
    /// - Throws: `StoreError.noRiskOfBiasConflict`, `.notAnArbiter`, `.notAJudge`, `.invalidJudgement`.
    package func resolveRiskOfBias(
        study key: String, tool: RiskOfBiasTool, domain text: String, judgement level: String, support: String?,
        reviewer: Reviewer, consensus partner: Reviewer?, revision: Int64
    ) throws {
        guard let domain = tool.domain(text) else {
            throw StoreError.invalidJudgement("\(tool.rawValue) has no domain '\(text)'")
        }
        let study = StudyKey.identity(key)
        let state = try riskOfBiasDomains(tool: tool).first { StudyKey.identity($0.study) == study && $0.domain == domain }
        guard let state, state.inConflict else {
            throw StoreError.noRiskOfBiasConflict(study: key, domain: domain)
        }
        if let partner {
            for party in [reviewer, partner] where state.judgements[party.name] == nil {
                throw StoreError.notAJudge(reviewer: party.name, study: key)
            }
            guard partner.id != reviewer.id else { throw StoreError.notAJudge(reviewer: partner.name, study: key) }
        } else if !reviewer.role.mayArbitrate {
            throw StoreError.notAnArbiter(reviewer: reviewer.name)
        }
        guard let judgement = tool.level(level) else {
            throw StoreError.invalidJudgement(
                "'\(level)' is not a \(tool.rawValue) judgement (\(tool.levels.map(\.rawValue).joined(separator: ", ")))")
        }
        try connection.execute(
            """
            INSERT INTO rob_resolution (revision, study_id, tool, domain, judgement, reviewer_id, consensus, support)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, revision, try studyID(key), tool.rawValue, domain, judgement.rawValue, reviewer.id, partner != nil, support)
        if let partner { try recordPartner(partner, of: "rob_resolution", revision: revision) }
    }

    /// Every judged (study, domain) of a tool as of `revision`, in study then domain order.
    package func riskOfBiasDomains(tool: RiskOfBiasTool, at revision: Int64 = .max) throws -> [RiskOfBiasDomain] {
        let team = try reviewers(at: revision)
        let names = Dictionary(uniqueKeysWithValues: team.map { ($0.id, $0.name) })
        var votes: [String: [String: RiskOfBiasLevel]] = [:]  // "study\u{0}domain" → reviewer → judgement
        var finals: [String: RiskOfBiasLevel] = [:]
        var keys: [(String, String)] = []
        for (table, isFinal) in [("rob_judgement", false), ("rob_resolution", true)] {
            try connection.prepare(
                """
                SELECT s.key, j.domain, j.judgement, j.reviewer_id FROM \(table) j JOIN study s ON s.id = j.study_id
                WHERE j.tool = ? AND j.revision <= ? ORDER BY j.id
                """
            ).forEachRow([tool.rawValue, revision]) { row in
                let study = try row.text("key") ?? ""
                let domain = try row.text("domain") ?? ""
                let key = study + "\u{0}" + domain
                if votes[key] == nil, finals[key] == nil { keys.append((study, domain)) }
                let level = try row.text("judgement").flatMap(RiskOfBiasLevel.init(rawValue:))
                if isFinal {
                    finals[key] = level
                } else {
                    votes[key, default: [:]][names[try row.int64("reviewer_id")] ?? "?"] = level
                }
            }
        }
        let studyOrder = Dictionary(uniqueKeysWithValues: try studies(at: revision).enumerated().map { ($1.key, $0) })
        let domainOrder = Dictionary(
            uniqueKeysWithValues: (tool.domainKeys + [RiskOfBiasTool.overall]).enumerated().map { ($1, $0) })
        return keys.sorted {
            (studyOrder[$0.0] ?? 0, domainOrder[$0.1] ?? 0) < (studyOrder[$1.0] ?? 0, domainOrder[$1.1] ?? 0)
        }.map { study, domain in
            let key = study + "\u{0}" + domain
            let judgements = votes[key] ?? [:]
            var final = finals[key]
            if final == nil, judgements.count >= Registry.reviewersPerRecord, Set(judgements.values).count == 1 {
                final = judgements.values.first
            }
            return RiskOfBiasDomain(study: study, tool: tool, domain: domain, judgements: judgements, final: final)
        }
    }

    /// The derived risk of bias of every judged study: final per domain, and overall.
    package func riskOfBiasSummaries(tool: RiskOfBiasTool, at revision: Int64 = .max) throws -> [RiskOfBiasSummary] {
        var order: [String] = []
        var finals: [String: [String: RiskOfBiasLevel]] = [:]
        for state in try riskOfBiasDomains(tool: tool, at: revision) {
            if finals[state.study] == nil {
                order.append(state.study)
                finals[state.study] = [:]
            }
            if let final = state.final { finals[state.study]?[state.domain] = final }
        }
        return order.map { study in
            var domains = finals[study] ?? [:]
            let override = domains.removeValue(forKey: RiskOfBiasTool.overall)
            let derived = tool.overall(tool.domainKeys.compactMap { domains[$0] })
            return RiskOfBiasSummary(
                study: study, tool: tool, domains: domains, overall: override ?? derived,
                overridden: override != nil && override != derived)
        }
    }
}
