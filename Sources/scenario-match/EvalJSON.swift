import Foundation
import ScenarioMatch

/// `eval --json`: the figures of the text output, unrounded.
enum EvalJSON {
    struct Report {
        var qrels: String
        var run: String
        var perQuery: Bool
        var evaluation: TRECEvaluation
        var compare: String?
        var evaluationB: TRECEvaluation?
        var comparisons: [PairedComparison]
        var permutations: Int
        var seed: UInt64
        var market: MarketMeasures?
    }

    struct Figures: Encodable {
        var run: String
        var num_q: Int
        var measures: [String]
        var all: [String: Double]
        var queries: [String: [String: Double]]?

        init(run: String, evaluation e: TRECEvaluation, perQuery: Bool) {
            self.run = run
            num_q = e.queries.count
            measures = e.measures.map(\.name)
            all = Dictionary(uniqueKeysWithValues: zip(measures, e.averages))
            if perQuery {
                queries = Dictionary(uniqueKeysWithValues: zip(e.queries, e.values.map { Dictionary(uniqueKeysWithValues: zip(measures, $0)) }))
            }
        }
    }

    struct Comparison: Encodable {
        var measure: String
        var queries: Int
        var mean_a: Double
        var mean_b: Double
        var difference: Double
        var p_randomization: Double
        var p_randomization_holm: Double
        var p_t: Double?
        var p_t_holm: Double?
        var wins: Int
        var ties: Int
        var losses: Int

        init(_ c: PairedComparison) {
            measure = c.measure; queries = c.queries; mean_a = c.meanA; mean_b = c.meanB
            difference = c.meanDifference; p_randomization = c.randomizationP
            p_randomization_holm = c.randomizationPHolm; p_t = c.tTestP; p_t_holm = c.tTestPHolm
            wins = c.wins; ties = c.ties; losses = c.losses
        }

        // An undefined t-test (fewer than two queries) is written as null rather than left out.
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(measure, forKey: .measure); try c.encode(queries, forKey: .queries)
            try c.encode(mean_a, forKey: .mean_a); try c.encode(mean_b, forKey: .mean_b)
            try c.encode(difference, forKey: .difference)
            try c.encode(p_randomization, forKey: .p_randomization)
            try c.encode(p_randomization_holm, forKey: .p_randomization_holm)
            try c.encode(p_t, forKey: .p_t); try c.encode(p_t_holm, forKey: .p_t_holm)
            try c.encode(wins, forKey: .wins); try c.encode(ties, forKey: .ties); try c.encode(losses, forKey: .losses)
        }

        enum CodingKeys: String, CodingKey {
            case measure, queries, mean_a, mean_b, difference, p_randomization, p_randomization_holm, p_t, p_t_holm, wins, ties, losses
        }
    }

    struct Compare: Encodable {
        var b: Figures
        var permutations: Int
        var seed: UInt64
        var comparisons: [Comparison]
    }

    struct Market: Encodable {
        var k: Int
        var min_companies: Int
        var companies: Int
        var open_scenarios: Int
        var covered_scenarios: Int
        var coverage: Double
        var gini: Double
        var recommendations: Int
        var unknown_scenarios: Int
        var district_shares: [String: Double]
        var domain_shares: [String: Double]

        init(_ m: MarketMeasures) {
            k = m.k; min_companies = m.minimumCompanies; companies = m.companies
            open_scenarios = m.openScenarios; covered_scenarios = m.coveredScenarios
            coverage = m.coverage; gini = m.gini; recommendations = m.recommendations
            unknown_scenarios = m.unknownScenarios
            district_shares = Dictionary(uniqueKeysWithValues: m.districtShares.map { ($0.key, $0.share) })
            domain_shares = Dictionary(uniqueKeysWithValues: m.domainShares.map { ($0.key, $0.share) })
        }
    }

    struct Output: Encodable {
        var qrels: String
        var a: Figures
        var compare: Compare?
        var market: Market?

        // The run's figures sit at the top level, so the plain answer reads
        // {"qrels": …, "run": …, "num_q": …, "measures": […], "all": {…}, "queries": {…}}.
        func encode(to encoder: any Encoder) throws {
            try a.encode(to: encoder)
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(qrels, forKey: .qrels)
            try c.encodeIfPresent(compare, forKey: .compare)
            try c.encodeIfPresent(market, forKey: .market)
        }

        enum Keys: String, CodingKey { case qrels, compare, market }
    }

    static func render(_ r: Report) throws -> String {
        let output = Output(
            qrels: r.qrels,
            a: Figures(run: r.run, evaluation: r.evaluation, perQuery: r.perQuery),
            compare: r.evaluationB.map { b in
                Compare(b: Figures(run: r.compare ?? "", evaluation: b, perQuery: r.perQuery),
                        permutations: r.permutations, seed: r.seed, comparisons: r.comparisons.map(Comparison.init))
            },
            market: r.market.map(Market.init))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(output), as: UTF8.self)
    }
}
