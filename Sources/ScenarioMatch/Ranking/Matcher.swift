/// Ranks the catalog for company profiles: encodes each profile, scores it against the
/// scenario index, applies the hard constraints after the multiply, and explains each
/// match. The matcher is the one place that holds both the encoder and the index.
public struct Matcher: Sendable {
    public let catalog: [Scenario]
    public let encoder: HybridEncoder
    public let index: FlatIndex
    /// Which features the index scores densely and which sparsely.
    public let layout: IndexLayout
    let scenarioEncodings: [HybridEncoder.Encoded]
    let scenarioTexts: [SharedPhrases.Text]

    public init(catalog: [Scenario], model: HybridModel, lexicon: Lexicon?) {
        self.catalog = catalog
        // Each scenario is analysed once: for the encoder's vocabularies and for its vector.
        let tokenizer = Tokenizer(lexicon: lexicon)
        let analyses = parallelMap(catalog) { RecordAnalysis($0, tokenizer: tokenizer) }
        let encoder = HybridEncoder(model: model, lexicon: lexicon, tokenizer: tokenizer, catalog: analyses)
        self.encoder = encoder
        let encodings = parallelMap(analyses) { encoder.encode($0, side: .demand) }
        self.scenarioEncodings = encodings
        self.scenarioTexts = catalog.map { SharedPhrases.Text($0.text) }
        let layout = IndexLayout(encoder: encoder, catalog: encodings)
        self.layout = layout
        let (dense, sparse) = layout.matrices(encodings)
        self.index = FlatIndex(vectors: dense, sparse: sparse)
    }

    /// An untrained matcher over the catalog alone (tests, or before `train` has run).
    public init(catalog: [Scenario], lexicon: Lexicon? = nil) {
        self.init(catalog: catalog, model: .untrained(lexicon: lexicon), lexicon: lexicon)
    }

    /// The `top` scenarios for one company; `keep`, when given, narrows the catalog (the web
    /// page's district and domain filters) inside the search, after the multiply. It may be
    /// asked from several threads at once, so it must only read.
    public func match(_ company: Company, top: Int, constraints: Constraints, where keep: ((Scenario) -> Bool)? = nil) -> [Match] {
        matchBothWays([company], top: top, perScenario: 0, constraints: constraints, where: keep).perCompany[0]
    }

    /// Matches for many companies at once: one sgemm per block of companies.
    public func match(_ companies: [Company], top: Int, constraints: Constraints) -> [[Match]] {
        matchBothWays(companies, top: top, perScenario: 0, constraints: constraints).perCompany
    }

    /// Ranked scenarios per company and, from the same score blocks, the `perScenario` best
    /// of these companies per scenario (entry ids index `companies`).
    public func matchBothWays(_ companies: [Company], top: Int, perScenario: Int, constraints: Constraints,
                              where keep: ((Scenario) -> Bool)? = nil)
        -> (perCompany: [[Match]], perScenario: [[TopKHeap.Entry]]) {
        let encoder = self.encoder
        let encodings = parallelMap(companies) { encoder.encode($0) }
        let (queries, sparse) = layout.matrices(encodings)
        let scenarioOK = catalog.map { constraints.scenarioVerdict($0) == .passed }
        let (found, reverse) = index.searchBothWays(queries, sparse: sparse, k: top, reverseK: perScenario) { q, j in
            scenarioOK[j] && (keep?(catalog[j]) ?? true) && constraints.verdict(company: companies[q], scenario: catalog[j]) == .passed
        }
        // Reasons are the costly part of a large batch: built on all cores, each company's
        // text normalized once, the scenarios' once per matcher.
        let perCompany = parallelMap(Array(found.indices)) { [catalog, scenarioEncodings, scenarioTexts] q in
            let companyText = SharedPhrases.Text(companies[q].text)
            return found[q].enumerated().map { r, e in
                let j = Int(e.id)
                let reasons = Reasons.explain(
                    company: companies[q], scenario: catalog[j],
                    companyEncoding: encodings[q], scenarioEncoding: scenarioEncodings[j], encoder: encoder,
                    companyText: companyText, scenarioText: scenarioTexts[j])
                return Match(rank: r + 1, scenario: catalog[j], score: e.score, reasons: reasons)
            }
        }
        return (perCompany, reverse)
    }

    /// Catalog entry `j` as the matcher encoded it.
    public func encoding(ofScenario j: Int) -> HybridEncoder.Encoded { scenarioEncodings[j] }

    /// Reasons for `company` (already encoded) against catalog entry `j`, from the
    /// scenario's encoding and normalized text kept by the matcher.
    public func explain(_ company: Company, encoding: HybridEncoder.Encoded, scenario j: Int) -> [String] {
        Reasons.explain(company: company, scenario: catalog[j], companyEncoding: encoding,
                        scenarioEncoding: scenarioEncodings[j], encoder: encoder, scenarioText: scenarioTexts[j])
    }

    /// Block-by-block scores of every company against every scenario, unfiltered: what
    /// weight fitting needs (`[block][company][scenario]`).
    public func blockScores(_ companies: [Company]) -> [FeatureBlock: Matrix] {
        let encodings = companies.map { encoder.encode($0) }
        var out: [FeatureBlock: Matrix] = [:]
        for (bi, b) in FeatureBlock.allCases.enumerated() {
            var m = Matrix(rows: companies.count, columns: catalog.count)
            for (q, e) in encodings.enumerated() {
                for (j, s) in scenarioEncodings.enumerated() { m[q, j] = e.blocks[bi].dot(s.blocks[bi]) }
            }
            out[b] = m
        }
        return out
    }
}
