/// Fits block weights by coordinate ascent: score = Σ wᵦ·sᵦ, so the block scores are
/// computed once and every candidate weighting is a cheap re-ranking. The lexical weight
/// stays at 1 to fix the scale.
public struct WeightFitter: Sendable {
    let blockScores: [FeatureBlock: Matrix]
    let allowed: [[Bool]]
    let companies: [Company]
    let catalogIDs: [String]
    let judgments: TRECQrels
    let cutoff: Int

    public init(matcher: Matcher, companies: [Company], judgments: TRECQrels, constraints: Constraints, cutoff: Int) {
        self.blockScores = matcher.blockScores(companies)
        self.allowed = companies.map { c in matcher.catalog.map { constraints.verdict(company: c, scenario: $0) == .passed } }
        self.companies = companies
        self.catalogIDs = matcher.catalog.map(\.id)
        self.judgments = judgments
        self.cutoff = cutoff
    }

    /// Mean nDCG@cutoff over the companies, trec_eval's way.
    public func meanNDCG(_ weights: BlockWeights) -> Double {
        guard !companies.isEmpty else { return 0 }
        var total = 0.0
        let blocks = FeatureBlock.allCases.compactMap { b in blockScores[b].map { (weights[b], $0) } }
        for (q, company) in companies.enumerated() {
            var heap = TopKHeap(capacity: cutoff)
            for j in catalogIDs.indices where allowed[q][j] {
                var s: Float = 0
                for (w, m) in blocks { s += w * m[q, j] }
                heap.insert(id: Int32(j), score: s)
            }
            let ranking = heap.sorted().enumerated().map { r, e in
                TRECRun.Entry(query: company.id, document: catalogIDs[Int(e.id)], rank: r + 1, score: Double(e.score), tag: "fit")
            }
            let list = JudgedList(query: company.id, judgments: judgments.grades[company.id] ?? [:], ranking: TRECRun(entries: ranking).ranking(of: company.id))
            total += NDCG.cut.value(of: list, cutoff: cutoff)
        }
        return total / Double(companies.count)
    }

    public func fit(grid: [Float], rounds: Int, blocks: Set<FeatureBlock> = Set(FeatureBlock.allCases)) -> (BlockWeights, Double) {
        var weights = BlockWeights.untrained
        weights[.lexical] = 1
        for b in FeatureBlock.allCases where !blocks.contains(b) { weights[b] = 0 }
        var best = meanNDCG(weights)
        for _ in 0..<rounds {
            var improved = false
            for b in FeatureBlock.allCases where b != .lexical && blocks.contains(b) {
                for candidate in grid where candidate != weights[b] {
                    var trial = weights
                    trial[b] = candidate
                    let score = meanNDCG(trial)
                    // Strictly better only, so ties keep the earlier (smaller-change) weights.
                    if score > best + 1e-9 { best = score; weights = trial; improved = true }
                }
            }
            if !improved { break }
        }
        return (weights, best)
    }
}

extension BlockWeights: CustomStringConvertible {
    public var description: String {
        FeatureBlock.allCases.map { "\($0.rawValue)=\(self[$0])" }.joined(separator: " ")
    }
}
