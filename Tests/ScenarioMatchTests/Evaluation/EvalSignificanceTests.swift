import Foundation
import ScenarioMatch
import Testing

@Suite("Evaluation: significance tests and market statistics")
struct EvalSignificanceTests {
    /// An evaluation with one measure and the given per-query values.
    func evaluation(_ values: [Double], name: String = "P") -> TRECEvaluation {
        let lists = values.indices.map { JudgedList(query: "q\($0)", relevance: [], gradeCounts: [0]) }
        // Build through the real initializer, then substitute values via a tiny family.
        struct Fixed: MetricFamily {
            let name: String
            let table: [String: Double]
            let defaultCutoffs: [Int] = []
            func value(of list: JudgedList, cutoff: Int?) -> Double { table[list.query] ?? .nan }
        }
        let table = Dictionary(uniqueKeysWithValues: values.indices.map { ("q\($0)", values[$0]) })
        return TRECEvaluation(lists: lists, measures: [Measure(family: Fixed(name: name, table: table), cutoff: nil)])
    }

    @Test("Identical runs: difference 0, both p-values 1, all ties")
    func identicalRuns() throws {
        let qrels = try TRECQrels.read(path: EvalSupport.trec("conformance.qrels"))
        let run = try TRECRun.read(path: EvalSupport.trec("conformance.run"))
        let measures = try MetricRegistry.trecEval.measures(parsing: "map,P_5,ndcg_cut_10,recip_rank")
        let a = TRECEvaluation(qrels: qrels, run: run, measures: measures)
        let comparisons = PairedComparison.compare(a, a, permutations: 2_000, seed: 3)
        #expect(comparisons.count == 4)
        for c in comparisons {
            #expect(c.meanDifference == 0 && c.randomizationP == 1 && c.tTestP == 1 && c.randomizationPHolm == 1)
            #expect(c.ties == a.queries.count && c.wins == 0 && c.losses == 0)
        }
    }

    @Test("A clearly better run: small p from both tests, every query a win")
    func clearlyBetter() {
        var rng = SplitMix64(seed: 5)
        let a = (0..<40).map { _ in Double.random(in: 0.2...0.6, using: &rng) }
        let b = a.map { $0 + 0.1 + Double.random(in: -0.02...0.02, using: &rng) }
        let c = PairedComparison.compare(evaluation(a), evaluation(b), permutations: 10_000, seed: 1)[0]
        #expect(abs(c.meanDifference - 0.1) < 0.01)
        #expect(c.randomizationP < 0.001, "\(c.randomizationP)")
        #expect(c.randomizationP >= 1.0 / 10_001, "a sampled p-value counts the observed assignment")
        #expect(c.tTestP! < 1e-10)
        #expect(c.wins == 40 && c.ties == 0 && c.losses == 0)
    }

    @Test("Randomization test: exact enumeration on a hand example, seeded sampling repeats")
    func randomization() {
        // d = (1, 1, 1): of the 8 sign assignments only +++ and −−− reach |Σ| = 3.
        #expect(RandomizationTest.pValue(differences: [1, 1, 1], permutations: 10_000) == 2.0 / 8)
        // d = (1, −1, 2, 0): |Σ| = 2; assignments reaching |Σ| ≥ 2: those with the 2 and the
        // two ±1 not both against it, times 2 for the zero: 2 · (8 − 2) / 16.
        #expect(RandomizationTest.pValue(differences: [1, -1, 2, 0], permutations: 10_000) == 12.0 / 16)
        let d = (0..<30).map { Double($0 % 7) / 10 - 0.25 }
        let p1 = RandomizationTest.pValue(differences: d, permutations: 5_000, seed: 11)
        #expect(p1 == RandomizationTest.pValue(differences: d, permutations: 5_000, seed: 11))
        #expect(abs(p1 - RandomizationTest.pValue(differences: d, permutations: 5_000, seed: 12)) < 0.05)
    }

    @Test("t-test against closed forms: ν = 1 (Cauchy) and ν = 2")
    func tTest() throws {
        // d = (1, 3): mean 2, s = √2, t = 2; ν = 1: p = 1 − (2/π)·atan|t|.
        #expect(abs(try #require(PairedTTest.pValue(differences: [1, 3])) - (1 - 2 / Double.pi * atan(2.0))) < 1e-12)
        // d = (1, 2, 3): mean 2, s = 1, t = 2√3; ν = 2: p = 1 − |t|/√(t² + 2).
        let t = 2 * 3.0.squareRoot()
        #expect(abs(try #require(PairedTTest.pValue(differences: [1, 2, 3])) - (1 - t / (t * t + 2).squareRoot())) < 1e-12)
        #expect(PairedTTest.pValue(differences: [0.5]) == nil)
        #expect(PairedTTest.pValue(differences: [0.2, 0.2, 0.2]) == 0)
        // Large ν approaches the normal: P(|Z| ≥ 1.959964) = 0.05.
        #expect(abs(StudentT.twoSidedPValue(1.959964, degreesOfFreedom: 1e7) - 0.05) < 1e-5)
        #expect(abs(StudentT.cdf(-1.5, degreesOfFreedom: 7) + StudentT.cdf(1.5, degreesOfFreedom: 7) - 1) < 1e-12)
    }

    @Test("Regularized incomplete beta: identities")
    func incompleteBeta() {
        for x in stride(from: 0.05, to: 1, by: 0.1) {
            #expect(abs(IncompleteBeta.regularized(x: x, a: 1, b: 1) - x) < 1e-12)
            #expect(abs(IncompleteBeta.regularized(x: x, a: 3, b: 1) - x * x * x) < 1e-12)
            #expect(abs(IncompleteBeta.regularized(x: x, a: 2.5, b: 4) + IncompleteBeta.regularized(x: 1 - x, a: 4, b: 2.5) - 1) < 1e-12)
        }
        #expect(abs(IncompleteBeta.regularized(x: 0.5, a: 7, b: 7) - 0.5) < 1e-12)
    }

    @Test("Holm on a hand example")
    func holm() {
        // sorted: 0.005·4 = 0.02, 0.01·3 = 0.03, 0.03·2 = 0.06, 0.04·1 → max(0.06, 0.04) = 0.06
        let adjusted = HolmCorrection.adjust([0.01, 0.04, 0.03, 0.005])
        for (value, expected) in zip(adjusted, [0.03, 0.06, 0.06, 0.02]) { #expect(abs(value - expected) < 1e-15) }
        #expect(HolmCorrection.adjust([0.5, 0.9]) == [1, 1])
        #expect(HolmCorrection.adjust([nil, 0.02, 0.03] as [Double?]) == [nil, 0.04, 0.04])
    }

    @Test("Gini: equal counts 0, a single winner (n−1)/n, a hand example")
    func gini() {
        #expect(MarketMeasures.gini([4, 4, 4, 4, 4]) == 0)
        #expect(MarketMeasures.gini([0, 0, 0]) == 0)
        for n in [2, 5, 17] {
            #expect(abs(MarketMeasures.gini([9] + Array(repeating: 0, count: n - 1)) - Double(n - 1) / Double(n)) < 1e-15)
        }
        // (0, 1, 2, 3): Σ|xᵢ − xⱼ| over ordered pairs = 20; mean 1.5; G = 20 / (2 · 16 · 1.5).
        #expect(abs(MarketMeasures.gini([3, 0, 2, 1]) - 20.0 / 48) < 1e-15)
    }

    @Test("Market measures on a hand example")
    func market() {
        let catalog = [
            Scenario(id: "s1", title: "t", description: "d", district: "余杭区", domains: ["低空经济"]),
            Scenario(id: "s2", title: "t", description: "d", district: "余杭区", domains: ["低空经济", "智慧城市"]),
            Scenario(id: "s3", title: "t", description: "d", district: "西湖区"),
            Scenario(id: "s4", title: "t", description: "d", district: "上城区", domains: ["智慧城市"]),
            Scenario(id: "s5", title: "t", description: "d", domains: ["生物医药"], status: .closed),
        ]
        let run = TRECRun(entries: [
            .init(query: "a", document: "s1", rank: 1, score: 0.9, tag: "t"),
            .init(query: "a", document: "s2", rank: 2, score: 0.8, tag: "t"),
            .init(query: "a", document: "s3", rank: 3, score: 0.1, tag: "t"),   // beyond k = 2
            .init(query: "b", document: "s1", rank: 1, score: 0.5, tag: "t"),
            .init(query: "b", document: "s5", rank: 2, score: 0.5, tag: "t"),   // tie: s5 > s1, so first
            .init(query: "c", document: "s1", rank: 1, score: 0.7, tag: "t"),
            .init(query: "c", document: "zz", rank: 2, score: 0.6, tag: "t"),   // not in the catalog
        ])
        let m = MarketMeasures(run: run, catalog: catalog, k: 2, minimumCompanies: 2)
        // Open scenarios s1…s4 appear 3, 1, 0, 0 times; only s1 reaches m = 2.
        #expect(m.openScenarios == 4 && m.coveredScenarios == 1 && m.coverage == 0.25)
        #expect(abs(m.gini - MarketMeasures.gini([3, 1, 0, 0])) < 1e-15)
        #expect(abs(m.gini - (-3 * 0 - 1 * 0 + 1 * 1 + 3 * 3) / (4.0 * 4)) < 1e-15)
        // Recommendations: s1, s2 (a), s5, s1 (b), s1 (c) = 5; zz is unknown.
        #expect(m.recommendations == 5 && m.unknownScenarios == 1 && m.companies == 3)
        #expect(m.districtShares.map(\.key) == ["余杭区", MarketMeasures.unspecifiedDistrict])
        let districtShares: [Double] = [4.0 / 5, 1.0 / 5]
        #expect(m.districtShares.map(\.share) == districtShares)
        // 低空经济: s1 ×3 + ½ (s2) = 3.5; 智慧城市: ½; 生物医药: 1.
        #expect(m.domainShares.map(\.key) == ["低空经济", "生物医药", "智慧城市"])
        let domainShares: [Double] = [3.5 / 5, 1.0 / 5, 0.5 / 5]
        #expect(m.domainShares.map(\.share) == domainShares)
        #expect(abs(m.domainShares.map(\.share).reduce(0, +) - 1) < 1e-12)
    }
}
