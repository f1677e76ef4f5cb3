/// Ranks the catalog for company profiles: encodes the profile, scores it against the
/// scenario index, applies the hard constraints, and explains each match.
public struct Matcher: Sendable {
    public let catalog: [Scenario]
    public let encoder: LexicalEncoder
    public let index: FlatIndex
    let scenarioVectors: [SparseVector]

    public init(catalog: [Scenario], encoder: LexicalEncoder) {
        self.catalog = catalog
        self.encoder = encoder
        let vectors = catalog.map { encoder.encode($0) }
        self.scenarioVectors = vectors
        var m = Matrix(rows: 0, columns: encoder.dimension)
        var row = [Float](repeating: 0, count: encoder.dimension)
        for v in vectors {
            for i in row.indices { row[i] = 0 }
            v.scatter(into: &row)
            m.appendRow(row)
        }
        self.index = FlatIndex(vectors: m)
    }

    /// Fits the lexical vocabulary on the catalog itself.
    public init(catalog: [Scenario], tokenizer: Tokenizer = Tokenizer()) {
        self.init(catalog: catalog, encoder: .fit(scenarios: catalog, tokenizer: tokenizer))
    }

    func queryMatrix(_ companies: [Company]) -> (Matrix, [SparseVector]) {
        let vectors = companies.map { encoder.encode($0) }
        var m = Matrix(rows: companies.count, columns: encoder.dimension)
        for (i, v) in vectors.enumerated() {
            for (j, x) in zip(v.indices, v.values) { m[i, Int(j)] = x }
        }
        return (m, vectors)
    }

    public func match(_ company: Company, top: Int, constraints: Constraints) -> [Match] {
        match([company], top: top, constraints: constraints)[0]
    }

    public func match(_ companies: [Company], top: Int, constraints: Constraints) -> [[Match]] {
        let (queries, vectors) = queryMatrix(companies)
        let scenarioOK = catalog.map { constraints.scenarioVerdict($0) == .passed }
        let found = index.search(queries, k: top) { q, j in
            scenarioOK[j] && constraints.verdict(company: companies[q], scenario: catalog[j]) == .passed
        }
        return found.enumerated().map { q, entries in
            entries.enumerated().map { r, e in
                let s = catalog[Int(e.id)]
                return Match(rank: r + 1, scenario: s, score: e.score,
                             reasons: Reasons.explain(company: companies[q], scenario: s,
                                                      companyVector: vectors[q], scenarioVector: scenarioVectors[Int(e.id)],
                                                      vectorizer: encoder.vectorizer))
            }
        }
    }
}
