import Testing

@testable import LivrevRanking

@Suite("WSS and recall as asreview-insights computes them")
struct ScreeningCurveTests {
    @Test func metricsMatchASReviewInsights() throws {
        let reference = try ReferenceFixtures.json("ranking_reference.json")
        let curves = try #require(reference["curves"] as? [[String: Any]])
        #expect(curves.count == 4)
        for entry in curves {
            let labels = try #require(entry["labels"] as? [Int]).map { $0 == 1 }
            let curve = ScreeningCurve(labels: labels)
            let expect: [(Double, String)] = [
                (curve.workSaved(atRecall: 0.95), "wss95"), (curve.workSaved(atRecall: 1), "wss100"),
                (curve.recall(afterScreening: 0.10), "recall10"), (curve.recall(afterScreening: 0.25), "recall25"),
            ]
            for (value, key) in expect {
                let theirs = try #require(entry[key] as? Double)
                #expect(abs(value - theirs) < 1e-12, "\(key) of \(labels.count) labels: \(value) vs \(theirs)")
            }
        }
    }
}
