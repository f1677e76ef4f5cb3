/// Market-level view of a run: does the matcher spread companies over the scenario catalog, or
/// send everyone to the same few scenarios, districts and domains?
///
/// Each company's top k is read in trec_eval's order (score descending, ties by scenario id
/// descending), the same order the relevance measures use.
///
/// - coverage: share of open scenarios that appear in the top k of at least m companies;
/// - exposure Gini: Gini coefficient of the appearance counts (companies whose top k holds the
///   scenario) over all open scenarios, zeros included: 0 when every open scenario is shown
///   equally often, (n − 1)/n when a single one takes every appearance;
/// - district and domain shares: share of the top-k recommendations (of catalog scenarios, open
///   or not) whose scenario lies in each district or belongs to each domain. A scenario with
///   several domains counts 1/|domains| towards each, so the domain shares add up to 1.
public struct MarketMeasures: Sendable, Equatable {
    public struct Share: Sendable, Equatable {
        public var key: String
        /// Recommendations attributed to the key (fractional for domains).
        public var count: Double
        public var share: Double
    }

    public static let unspecifiedDistrict = "(未注明 unspecified)"
    public static let unclassifiedDomain = "(未分类 unclassified)"

    public var k: Int
    public var minimumCompanies: Int
    public var companies: Int
    public var openScenarios: Int
    public var coveredScenarios: Int
    public var coverage: Double
    public var gini: Double
    /// Top-k slots naming a catalog scenario.
    public var recommendations: Int
    /// Top-k slots naming a scenario the catalog does not have; left out of the shares.
    public var unknownScenarios: Int
    /// Largest share first, ties by key.
    public var districtShares: [Share]
    public var domainShares: [Share]

    public init(run: TRECRun, catalog: [Scenario], k: Int = 10, minimumCompanies m: Int = 1) {
        precondition(k >= 1 && m >= 1)
        let byID = Dictionary(catalog.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var appearances: [String: Int] = [:]
        var districts: [String: Double] = [:]
        var domains: [String: Double] = [:]
        var recommendations = 0
        var unknown = 0
        let queries = run.queries
        for query in queries {
            for entry in run.ranking(of: query).prefix(k) {
                guard let scenario = byID[entry.document] else { unknown += 1; continue }
                recommendations += 1
                appearances[scenario.id, default: 0] += 1
                districts[scenario.district ?? MarketMeasures.unspecifiedDistrict, default: 0] += 1
                let tags = scenario.domains.isEmpty ? [MarketMeasures.unclassifiedDomain] : scenario.domains
                for tag in tags { domains[tag, default: 0] += 1 / Double(tags.count) }
            }
        }
        let open = catalog.filter { $0.status == .open }
        let counts = open.map { appearances[$0.id] ?? 0 }

        self.k = k
        self.minimumCompanies = m
        self.companies = queries.count
        self.openScenarios = open.count
        self.coveredScenarios = counts.count { $0 >= m }
        self.coverage = open.isEmpty ? 0 : Double(coveredScenarios) / Double(open.count)
        self.gini = MarketMeasures.gini(counts)
        self.recommendations = recommendations
        self.unknownScenarios = unknown
        self.districtShares = MarketMeasures.shares(districts, total: recommendations)
        self.domainShares = MarketMeasures.shares(domains, total: recommendations)
    }

    /// Gini coefficient of non-negative counts:
    ///
    ///     G = Σ_i (2i − n − 1)·x₍ᵢ₎ / (n · Σ x),   x₍₁₎ ≤ … ≤ x₍ₙ₎
    ///
    /// (the mean absolute difference over twice the mean), 0 for no counts or all zeros. The sum
    /// is kept in integers so equal counts give exactly 0.
    public static func gini(_ counts: [Int]) -> Double {
        precondition(counts.allSatisfy { $0 >= 0 }, "Gini of negative counts")
        let n = counts.count
        let total = counts.reduce(0, +)
        guard n > 0, total > 0 else { return 0 }
        let weighted = counts.sorted().enumerated().reduce(0) { $0 + (2 * ($1.offset + 1) - n - 1) * $1.element }
        return Double(weighted) / (Double(n) * Double(total))
    }

    private static func shares(_ counts: [String: Double], total: Int) -> [Share] {
        counts.map { Share(key: $0.key, count: $0.value, share: total == 0 ? 0 : $0.value / Double(total)) }
            .sorted { $0.share != $1.share ? $0.share > $1.share : TRECQrels.precedes($0.key, $1.key) }
    }
}
