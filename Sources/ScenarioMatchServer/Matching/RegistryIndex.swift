import ScenarioMatch

/// The reverse direction: a company registry encoded once per catalog generation, so that
/// one scenario can be scored against every company on request.
struct RegistryIndex: Sendable {
    let companies: [Company]
    let encodings: [HybridEncoder.Encoded]
    let weights: [Float]

    init(companies: [Company], encoder: HybridEncoder) {
        self.companies = companies
        encodings = companies.map { encoder.encode($0) }
        weights = FeatureBlock.allCases.map { encoder.model.weights[$0] }
    }

    struct Hit: Sendable {
        var company: Company
        var score: Float
        var reasons: [String]
    }

    /// The `k` best companies for catalog entry `j` of `matcher`: Σᵦ wᵦ·⟨c, s⟩, the same
    /// score the forward direction gets from the index, with the company-side constraints
    /// applied. The scenario's encoding and text are the matcher's own.
    func best(forScenario j: Int, k: Int, matcher: Matcher, constraints: Constraints) -> [Hit] {
        guard !companies.isEmpty else { return [] }
        let scenario = matcher.catalog[j], s = matcher.encoding(ofScenario: j)
        var heap = TopKHeap(capacity: min(k, companies.count))
        for (i, c) in encodings.enumerated() {
            var score: Float = 0
            for b in weights.indices where weights[b] != 0 { score += weights[b] * c.blocks[b].dot(s.blocks[b]) }
            guard score >= heap.threshold, constraints.verdict(company: companies[i], scenario: scenario) == .passed else { continue }
            heap.insert(id: Int32(i), score: score)
        }
        return heap.sorted().map { e in
            let i = Int(e.id)
            return Hit(company: companies[i], score: e.score, reasons: matcher.explain(companies[i], encoding: encodings[i], scenario: j))
        }
    }
}
