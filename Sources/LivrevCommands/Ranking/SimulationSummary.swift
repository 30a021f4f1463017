import LivrevRanking
import LivrevReports

/// What `simulate` prints about one replay: SPEC's JSON fields, or the same as a short table.
struct SimulationSummary {
    let file: String
    let seed: UInt64
    let result: SimulationResult
    let stop: StopPoint
    /// With `--by`: each version's name (by rank), and each later version replayed both ways.
    var versionNames: [String] = []
    var versions: [VersionReplay] = []

    var records: Int { result.labels.count }

    /// Recall after 10% and 25% of the records, as asreview-insights reports it.
    private var recallAt: [(String, Double)] {
        [("10", result.curve.recall(afterScreening: 0.10)), ("25", result.curve.recall(afterScreening: 0.25))]
    }

    var json: JSONValue {
        .object(
            [
                ("file", .string(file)), ("seed", .integer(Int(seed))), ("records", .integer(records)),
                ("includes", .integer(result.includes)),
                ("priors", .array(result.readingOrder.prefix(result.priors).map { .integer($0 + 1) })),
                ("wss95", .number(result.curve.workSaved(atRecall: 0.95))),
                ("wss100", .number(result.curve.workSaved(atRecall: 1.0))),
                ("recall_at", .object(recallAt.map { ($0.0, .number($0.1)) })),
                ("screened_to_last_include", .integer(result.screenedToLastInclude)),
                ("stop", .object([("screened", .integer(stop.screened)), ("recall", .number(stop.recall))])),
            ] + (versionNames.isEmpty ? [] : [("versions", .array(versions.map(versionJSON)))]))
    }

    private func versionJSON(_ replay: VersionReplay) -> JSONValue {
        .object([
            ("version", .string(versionNames[replay.version])), ("records", .integer(replay.records)),
            ("includes", .integer(replay.includes)), ("read_to_last_include", .integer(replay.readToLastInclude)),
            ("read_to_last_include_alone", replay.readToLastIncludeAlone.map { .integer($0) } ?? .null),
        ])
    }

    /// The file's name without its folder.
    private var name: String { String(file.split(separator: "/").last ?? Substring(file)) }

    var text: String {
        func fixed(_ value: Double) -> String { SVGFormat.fixed(value, decimals: 3) }
        var lines = [
            "Simulated screening of \(name) (seed \(seed), \(result.priors) prior records)",
            "  records                     \(records)",
            "  includes                    \(result.includes)",
            "  WSS@95                      \(fixed(result.curve.workSaved(atRecall: 0.95)))",
            "  WSS@100                     \(fixed(result.curve.workSaved(atRecall: 1.0)))",
        ]
        for (percent, recall) in recallAt {
            lines.append("  recall after \(percent)% screened" + String(repeating: " ", count: 5 - percent.count) + fixed(recall))
        }
        lines.append("  read to find the last       \(result.screenedToLastInclude) of \(records)")
        lines.append("  stopping rule passes after  \(stop.screened) records, recall \(fixed(stop.recall))")
        lines.append("    (Callaghan & Müller-Hansen 2020: recall ≥ 95% with 95% confidence)")
        if !versions.isEmpty {
            lines.append("  later versions: records read to find their last include, with the earlier")
            lines.append("  versions' decisions vs as a review of their own (its priors counted)")
        }
        for replay in versions {
            let alone = replay.readToLastIncludeAlone.map(String.init) ?? "—"
            lines.append(
                "    \(versionNames[replay.version]): \(replay.readToLastInclude) vs \(alone) "
                    + "(\(replay.records) records, \(replay.includes) includes)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The recall curve of the replay, priors included, with where each version opened.
    var plot: RecallCurve {
        var found: [Int] = []
        var count = 0
        for label in result.labels {
            if label { count += 1 }
            found.append(count)
        }
        var curve = RecallCurve(
            title: "Simulated screening: \(name) (seed \(seed))", total: records, includes: result.includes, found: found,
            stop: (stop.screened, stop.recall))
        if result.versionStarts.count > 1 {
            curve.marks = result.versionStarts.map { ($0.read, "version \($0.version + 1)") }
        }
        return curve
    }
}
