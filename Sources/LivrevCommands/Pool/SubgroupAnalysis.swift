import LivrevReports
import LivrevStore
import MetaAnalysis

/// `pool --subgroup CHARACTERISTIC`: pooled per level, and metafor's QM for the difference.
enum SubgroupAnalysis {
    static func run(
        _ registry: Registry, outcome name: String?, characteristic: String, options: PoolOptions,
        excluded: [String: String], at revision: Int64, snapshot: String?
    ) throws -> [SubgroupResult] {
        let table = try registry.characteristics(at: revision)
        guard table.names.contains(characteristic) else {
            throw PoolError.noSuchCharacteristic(characteristic, known: table.names)
        }
        let levelOf = Dictionary(uniqueKeysWithValues: table.studies.map { ($0.study, $0.values[characteristic]?.text ?? "") })
        return try Pool.rowsByOutcome(registry, outcome: name, at: revision).map { outcome, allRows in
            let rows = allRows.filter { excluded[$0.study] == nil }
            var order: [String] = []
            var groups: [String: [OutcomeRow]] = [:]
            for row in rows {
                let level = levelOf[row.study].flatMap { $0.isEmpty ? nil : $0 } ?? "(not recorded)"
                if groups[level] == nil { order.append(level) }
                groups[level, default: []].append(row)
            }
            let levels = try order.map { level in
                (level, try OutcomePooling.pool(outcome, rows: groups[level] ?? [], options: options, snapshot: snapshot))
            }
            // The moderator test uses the rows that have an effect, labelled by their level.
            var effects: [EffectSize] = []
            var labels: [String] = []
            for (level, pooled) in levels {
                for row in pooled.rows {
                    effects.append(EffectSize(yi: row.yi, vi: row.vi))
                    labels.append(level)
                }
            }
            var test: (Double, Int, Double)?
            if Set(labels).count >= 2, let method = options.method.tauSquared,
                let fit = try? MetaRegression.fit(
                    effects, groups: labels, method: method,
                    test: options.ci == .hksj ? .knappHartung : .z)
            {
                test = (fit.qm, fit.qmDF, fit.qmP)
            }
            return SubgroupResult(outcome: outcome.name, characteristic: characteristic, levels: levels, test: test)
        }
    }
}
