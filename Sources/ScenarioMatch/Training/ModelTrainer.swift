/// Learns a `HybridModel` from the catalog, the training companies and their judgments:
/// the semantic projection by truncated SVD (LAPACK), then the block weights and the link
/// weight by coordinate ascent on mean nDCG@k of the training queries. Only what it is
/// given is seen: pass the train split, never the test split.
public struct ModelTrainer: Sendable {
    public let catalog: [Scenario]
    public let companies: [Company]
    public let judgments: TRECQrels
    public let lexicon: Lexicon?
    public let options: TrainingOptions

    public init(catalog: [Scenario], companies: [Company], judgments: TRECQrels, lexicon: Lexicon?, options: TrainingOptions) {
        self.catalog = catalog
        self.companies = companies
        self.judgments = judgments
        self.lexicon = lexicon
        self.options = options
    }

    public struct Result: Sendable {
        public var model: HybridModel
        /// Mean nDCG@k on the training queries with the fitted weights.
        public var trainNDCG: Double
    }

    public func train(log: (String) -> Void = { _ in }) throws -> Result {
        let judged = companies.filter { judgments.grades[$0.id] != nil }
        var best: Result?
        // Without concepts the link weight changes nothing: fit once.
        let links = lexicon == nil || !options.blocks.contains(.concept) && !options.blocks.contains(.semantic) ? [options.linkWeights[0]] : options.linkWeights
        // The texts do not depend on the link weight: analysed once for every candidate.
        let analyses = trainingAnalyses()
        for link in links {
            let base = try unsupervisedModel(linkWeight: link, analyses: analyses)
            let matcher = Matcher(catalog: catalog, model: base, lexicon: lexicon)
            let fitter = WeightFitter(matcher: matcher, companies: judged, judgments: judgments,
                                      constraints: Constraints(today: options.today), cutoff: options.cutoff)
            let (weights, score) = fitter.fit(grid: options.weightGrid, rounds: options.rounds, blocks: options.blocks)
            log("link weight \(link): train nDCG@\(options.cutoff) \(String(format: "%.4f", score)) with \(weights.description)")
            if best == nil || score > best!.trainNDCG {
                var model = base
                model.weights = weights
                best = Result(model: model, trainNDCG: score)
            }
        }
        return best!
    }

    /// Everything that needs no judgments: vocabularies and the LSA projection, learned on
    /// the catalog and the training companies' texts.
    public func unsupervisedModel(linkWeight: Float) throws -> HybridModel {
        try unsupervisedModel(linkWeight: linkWeight, analyses: trainingAnalyses())
    }

    /// The texts the unsupervised parts learn from: catalog, training companies and, when
    /// enabled, the lexicon as pseudo-documents.
    func trainingAnalyses() -> [RecordAnalysis] {
        let tokenizer = Tokenizer(lexicon: lexicon)
        return catalog.map { RecordAnalysis($0, tokenizer: tokenizer) } + companies.map { RecordAnalysis($0, tokenizer: tokenizer) }
            + (options.lexiconDocuments ? Self.lexiconDocuments(lexicon, tokenizer: tokenizer) : [])
    }

    func unsupervisedModel(linkWeight: Float, analyses: [RecordAnalysis]) throws -> HybridModel {
        let expansion = lexicon.map { ConceptExpansion(lexicon: $0, linkWeight: linkWeight) }
        let expanded = analyses.map { expansion?.expand($0.concepts) ?? [:] }

        let conceptIDs = (lexicon?.concepts ?? []).filter { $0.kind != .generic }.map(\.id)
        let seen = TFIDFVectorizer.fit(documents: expanded.map { Array($0.keys) })
        // Concepts no training text names still count, at the rarest IDF.
        let maxIDF = seen.idf.max() ?? 1
        let conceptVocabulary = TFIDFVectorizer(
            terms: conceptIDs.sorted(),
            idf: conceptIDs.sorted().map { id in seen.index(of: id).map { seen.idf[Int($0)] } ?? maxIDF })

        let semanticDocs = zip(analyses, expanded).map { a, c in Array(a.ngrams.keys) + c.keys.map { Lexicon.featurePrefix + $0 } }
        let semanticVocabulary = TFIDFVectorizer.fit(documents: semanticDocs, minDocuments: 2, maxTerms: options.semanticTerms)
        var documents = Matrix(rows: analyses.count, columns: semanticVocabulary.dimension)
        for (i, (a, c)) in zip(analyses, expanded).enumerated() {
            let x = HybridEncoder.semanticInput(a, concepts: c, vocabulary: semanticVocabulary)
            for (j, v) in zip(x.indices, x.values) { documents[i, Int(j)] = v }
        }
        let projection = try SemanticProjection.fit(documents: documents, rank: options.semanticRank)
        return HybridModel(
            weights: .untrained, linkWeight: linkWeight, semanticVocabulary: semanticVocabulary,
            projection: projection, conceptVocabulary: conceptVocabulary, lexiconChecksum: lexicon?.checksum ?? "")
    }

    /// The lexicon as pseudo-documents for the SVD: each product or technology with the
    /// applications it serves, each application with what serves it. Their co-occurrences
    /// teach the latent space the industry-chain links, beyond what the training texts say.
    static func lexiconDocuments(_ lexicon: Lexicon?, tokenizer: Tokenizer) -> [RecordAnalysis] {
        guard let lexicon else { return [] }
        var servedBy: [String: [Lexicon.Concept]] = [:]
        for c in lexicon.concepts { for t in c.serves { servedBy[t, default: []].append(c) } }
        return lexicon.concepts.filter { $0.kind != .generic }.map { c in
            let linked = c.serves.compactMap { lexicon.concept($0) } + (servedBy[c.id] ?? [])
            let text = ([c.label] + c.forms + linked.flatMap { [$0.label] + $0.forms }).joined(separator: "\n")
            return RecordAnalysis(parts: [(text, 1)], tokenizer: tokenizer, declaredDomains: c.domains, district: nil)
        }
    }
}
