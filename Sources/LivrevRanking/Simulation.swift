/// One reviewer screening a labelled data set with the model: start from random prior records,
/// then read the top-ranked record, learn its label, refit, and repeat.
///
/// Before the labels hold an include and an exclude, records are read in imported order. Once the
/// last include is read, the rest are excludes in any order, so the replay stops refitting there
/// (as ASReview's simulation does) and the curve is padded with excludes.
///
/// For example:
///
/// ```swift
/// let result = Simulation(features: TextFeatures(texts: texts), includes: labels, seed: 535).run()
/// print(result.curve.workSaved(atRecall: 0.95))
/// ```
package struct Simulation {
    package let features: TextFeatures
    package let includes: [Bool]
    package var settings = RankingSettings()
    package var seed: UInt64
    package var priorIncluded = 1
    package var priorExcluded = 1

    package init(features: TextFeatures, includes: [Bool], seed: UInt64, settings: RankingSettings = RankingSettings()) {
        precondition(features.count == includes.count)
        self.features = features
        self.includes = includes
        self.seed = seed
        self.settings = settings
    }

    /// The priors: `priorIncluded` includes and `priorExcluded` excludes drawn with the seed
    /// (from the first version's records, in a replay by version).
    package func priors(versions: [Int]? = nil) -> [Int] {
        var random = RandomSource(seed: seed)
        let first = versions?.min()
        let pool = includes.indices.filter { first == nil || versions?[$0] == first }
        let positives = pool.filter { includes[$0] }
        let negatives = pool.filter { !includes[$0] }
        return random.sample(positives, count: priorIncluded) + random.sample(negatives, count: priorExcluded)
    }

    /// Replays the whole data set; `later` records become available only after every earlier
    /// record is read (a review version by version: `versions[i]` is record i's version).
    package func run(versions: [Int]? = nil) -> SimulationResult {
        let priorRows = priors(versions: versions)
        var model = ScreeningModel(features: features, settings: settings, seed: seed &+ 1)
        var labels: [(row: Int, include: Bool)] = priorRows.map { ($0, includes[$0]) }
        var read = [Bool](repeating: false, count: includes.count)
        for row in priorRows { read[row] = true }
        var remaining = includes.count { $0 } - priorRows.count { includes[$0] }
        let versionOf = versions ?? Array(repeating: 0, count: includes.count)
        let order = versionOf.indices.sorted { (versionOf[$0], $0) < (versionOf[$1], $1) }
        var boundaries: [Int: Int] = [:]  // version → records read when it opened
        var refits = 0
        // The unread records of the version being screened, in record order: the ones to score.
        var pending: [Int] = []
        var pendingVersion: Int?
        while remaining > 0 {
            // The earliest version still holding unread records is the one being screened.
            guard let firstUnread = order.first(where: { !read[$0] }) else { break }
            let version = versionOf[firstUnread]
            if boundaries[version] == nil { boundaries[version] = labels.count }
            let next: Int
            if ScreeningModel.canRank(labels) {
                model.fit(labels: labels)
                refits += 1
                if pendingVersion != version {
                    pending = order.filter { !read[$0] && versionOf[$0] == version }
                    pendingVersion = version
                }
                let score = model.scores(of: pending)
                var best = 0
                for position in pending.indices where score[position] > score[best] { best = position }
                next = pending.remove(at: best)
            } else {
                next = firstUnread
                pending.removeAll { $0 == next }
            }
            read[next] = true
            labels.append((next, includes[next]))
            if includes[next] { remaining -= 1 }
        }
        for row in order where !read[row] { labels.append((row, includes[row])) }
        let sequence = labels.map(\.include)
        return SimulationResult(
            readingOrder: labels.map(\.row), labels: sequence, priors: priorRows.count, refits: refits,
            passes: model.passes,
            curve: ScreeningCurve(labels: Array(sequence.dropFirst(priorRows.count))),
            versionStarts: boundaries.sorted { $0.key < $1.key }.map { (version: $0.key, read: $0.value) })
    }

    /// Where `rule` first passes along the replay's reading order (priors included); the end of
    /// the list, everything read and recall 1, when it never does.
    package static func stop(_ result: SimulationResult, rule: StoppingRule = StoppingRule()) -> StopPoint {
        let sequence = result.labels
        let stopAt = rule.firstStop(labels: sequence, total: sequence.count) ?? sequence.count
        let found = sequence[0..<stopAt].count { $0 }
        return StopPoint(screened: stopAt, recall: Double(found) / Double(max(1, result.includes)))
    }
}

/// One later version of a review replayed two ways: continuing the review, ranked by a model that
/// knows every earlier version's decisions, and as a new review of its own records alone.
package struct VersionReplay: Equatable, Sendable {
    /// The version's rank (0 = the first).
    package let version: Int
    package let records: Int
    package let includes: Int
    /// The version's records read, in the continuing replay, up to and including its last include
    /// (0 when it has none).
    package let readToLastInclude: Int
    /// The same for a replay of the version alone from its own random priors (priors counted as
    /// read); nil when the version lacks the includes or excludes to draw them from.
    package let readToLastIncludeAlone: Int?
}

extension Simulation {
    /// What learning from earlier versions saved on each version after the first: `result` is
    /// `run(versions: versions)`, and `alone(rows)` replays the records `rows` (one version's, in
    /// record order) as a review of their own, returning records read to its last include (nil
    /// when it cannot be replayed).
    package static func versionReplays(
        _ result: SimulationResult, versions: [Int], includes: [Bool], alone: ([Int]) -> Int?
    ) -> [VersionReplay] {
        let later = Set(versions).sorted().dropFirst()
        return later.map { version in
            let rows = versions.indices.filter { versions[$0] == version }
            let read = result.readingOrder.filter { versions[$0] == version }
            let last = read.lastIndex { includes[$0] }.map { $0 + 1 } ?? 0
            return VersionReplay(
                version: version, records: rows.count, includes: rows.count { includes[$0] }, readToLastInclude: last,
                readToLastIncludeAlone: alone(rows))
        }
    }
}

/// Where the stopping rule would have stopped: records read (priors included) and the recall then.
package struct StopPoint: Equatable, Sendable {
    package let screened: Int
    package let recall: Double
}

/// A replay's outcome.
package struct SimulationResult: Sendable {
    /// Rows in the order read, priors first.
    package let readingOrder: [Int]
    /// Their labels (true = include), priors first.
    package let labels: [Bool]
    package let priors: Int
    /// How many times the model was refitted and the records re-ranked.
    package let refits: Int
    /// Passes the classifier made over its training rows, all refits together.
    package let passes: Int
    /// The labels in reading order without the priors (what WSS and recall are computed on).
    package let curve: ScreeningCurve
    /// For a replay by version: each version and how many records had been read when it opened.
    package let versionStarts: [(version: Int, read: Int)]

    /// Includes in the data set.
    package var includes: Int { labels.count { $0 } }

    /// Records read, priors included, up to and including the last include.
    package var screenedToLastInclude: Int {
        guard let last = curve.labels.lastIndex(of: true) else { return priors }
        return priors + last + 1
    }
}
