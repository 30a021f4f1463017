import MetaAnalysis
import RealModule
import Testing

/// A long-format fixture (`case,key,index,value`) written by `scripts/reference/*.R`.
struct LongFormatFixture {
    let caseNames: [String]
    private let values: [String: [String: [String]]]

    init(_ name: String) {
        var order: [String] = []
        var values: [String: [String: [String]]] = [:]
        for row in Fixture.csv(name) {
            let c = required(row["case"], "case in \(name)"), key = required(row["key"], "key in \(name)")
            if values[c] == nil { order.append(c) }
            values[c, default: [:]][key, default: []].append(required(row["value"], "value in \(name)"))
        }
        caseNames = order
        self.values = values
    }

    /// A scalar; nil for R's NA.
    func scalar(_ c: String, _ key: String) -> Double? {
        guard let text = values[c]?[key]?.first else { fatalError("fixture has no \(c)/\(key)") }
        return Self.number(text)
    }

    func vector(_ c: String, _ key: String) -> [Double] {
        (values[c]?[key] ?? []).map { required(Self.number($0), "\(c)/\(key) without NA") }
    }

    func texts(_ c: String, _ key: String) -> [String] { values[c]?[key] ?? [] }

    func has(_ c: String, _ key: String) -> Bool { values[c]?[key] != nil }

    static func number(_ text: String) -> Double? {
        switch text {
        case "NA": return nil
        case "NaN": return .nan
        case "Inf": return .infinity
        case "-Inf": return -.infinity
        default: return required(Double(text), "a number, not '\(text)'")
        }
    }
}

@Suite("Begg's rank correlation test and Kendall's tau")
struct RankCorrelationTests {
    let fixture = LongFormatFixture("more_ranktest")

    @Test func beggTestMatchesMetaforRanktest() throws {
        let cases = fixture.caseNames.filter { fixture.has($0, "vi") }
        #expect(cases.count >= 20)
        for c in cases {
            let test = try RankCorrelationTest(yi: fixture.vector(c, "yi"), vi: fixture.vector(c, "vi"))
            expectClose(test.tau, fixture.scalar(c, "tau"), "\(c) tau")
            expectClose(test.pValue, fixture.scalar(c, "pval"), "\(c) p-value")
            let exact = fixture.scalar(c, "exact") == 1
            #expect(test.method == (exact ? .exact : .normalApproximation), "\(c) p-value method")
        }
    }

    @Test func corTestKendallMatchesR() throws {
        for c in fixture.caseNames where fixture.has(c, "x") {
            let test = try KendallTest(x: fixture.vector(c, "x"), y: fixture.vector(c, "y"))
            expectClose(test.tau.tau, fixture.scalar(c, "tau"), "\(c) tau")
            expectClose(test.pValue, fixture.scalar(c, "pval"), "\(c) p-value")
            expectClose(test.statistic, fixture.scalar(c, "statistic"), "\(c) statistic")
        }
    }

    /// Knight's O(k log k) count agrees with the definition, pair by pair, on tied data.
    @Test func mergeSortCountMatchesQuadraticCount() throws {
        var generator = RankTestRandom(seed: 42)
        for (n, levels) in [(2, 2), (3, 2), (57, 5), (500, 12), (1500, 40), (800, 100_000)] {
            let x = (0..<n).map { _ in Double(generator.next() % UInt64(levels)) }
            let y = (0..<n).map { _ in Double(generator.next() % UInt64(levels)) / 3 }
            let fast = try KendallTau(x: x, y: y)
            var concordant = 0, discordant = 0, tiedX = 0, tiedY = 0
            for i in 0..<n {
                for j in (i + 1)..<max(n, i + 1) {
                    let dx = x[i] - x[j], dy = y[i] - y[j]
                    if dx == 0 { tiedX += 1 }
                    if dy == 0 { tiedY += 1 }
                    if dx * dy > 0 { concordant += 1 } else if dx * dy < 0 { discordant += 1 }
                }
            }
            #expect(fast.concordant == concordant, "n = \(n) concordant")
            #expect(fast.discordant == discordant, "n = \(n) discordant")
            let pairs = Double(n * (n - 1) / 2)
            let tauB = Double(concordant - discordant) / ((pairs - Double(tiedX)) * (pairs - Double(tiedY))).squareRoot()
            expectClose(fast.tau, tauB, "n = \(n) tau-b", tolerance: 1e-12)
        }
    }

    @Test func largeReviewUsesNormalApproximationQuickly() throws {
        var generator = RankTestRandom(seed: 7)
        let k = 20_000
        let vi = (0..<k).map { _ in 0.01 + Double(generator.next() % 1_000_000) / 1e6 }
        let yi = vi.map { 0.3 * $0.squareRoot() + Double(generator.next() % 1000) / 1000 - 0.5 }
        let test = try RankCorrelationTest(yi: yi, vi: vi)
        #expect(test.method == .normalApproximation)
        #expect(test.pValue! >= 0 && test.pValue! <= 1)
    }

    @Test func refusesFewerThanTwoStudies() {
        #expect(throws: MetaAnalysisError.tooFewStudies(k: 1, needed: 2)) {
            try RankCorrelationTest(yi: [0.1], vi: [0.2])
        }
        #expect(throws: MetaAnalysisError.nonPositiveVariance(row: 1)) {
            try RankCorrelationTest(yi: [0.1, 0.2], vi: [0.2, 0])
        }
    }
}

/// A small deterministic generator for test data (RankTestRandom).
struct RankTestRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
