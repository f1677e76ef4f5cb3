/// Turns scenarios and companies into block vectors (see `FeatureBlock`). Built from a
/// trained `HybridModel` and the catalog being matched.
public struct HybridEncoder: Sendable {
    public let tokenizer: Tokenizer
    public let model: HybridModel
    public let expansion: ConceptExpansion?
    /// Fitted on the catalog at hand.
    public let lexical: TFIDFVectorizer
    public let domainVocabulary: [String: Int32]
    public let districtVocabulary: [String: Int32]

    /// A record's blocks, each L2-normalized, in `FeatureBlock.allCases` order.
    public struct Encoded: Sendable {
        public var blocks: [SparseVector]
        /// Concepts with their weights, the linked applications included.
        public var concepts: [String: Float]
        /// The concepts the text itself names.
        public var named: Set<String> = []
        public subscript(_ b: FeatureBlock) -> SparseVector { blocks[FeatureBlock.allCases.firstIndex(of: b)!] }
    }

    public init(model: HybridModel, lexicon: Lexicon?, catalog: [Scenario]) {
        let tokenizer = Tokenizer(lexicon: lexicon)
        self.init(model: model, lexicon: lexicon, tokenizer: tokenizer, catalog: catalog.map { RecordAnalysis($0, tokenizer: tokenizer) })
    }

    /// Fitted on a catalog already analysed with `tokenizer`, so that a caller that encodes
    /// the same scenarios (the matcher) analyses each of them once.
    init(model: HybridModel, lexicon: Lexicon?, tokenizer: Tokenizer, catalog analyses: [RecordAnalysis]) {
        self.model = model
        self.tokenizer = tokenizer
        self.expansion = lexicon.map { ConceptExpansion(lexicon: $0, linkWeight: model.linkWeight) }
        self.lexical = .fit(documents: analyses.map { Array($0.ngrams.keys) })
        var domains: [String: Int32] = [:]
        for d in DomainVocabulary.all { domains[d] = Int32(domains.count) }
        for a in analyses { for d in a.declaredDomains where domains[d] == nil { domains[d] = Int32(domains.count) } }
        self.domainVocabulary = domains
        var districts: [String: Int32] = [:]
        for d in DomainVocabulary.districts { districts[d] = Int32(districts.count) }
        for a in analyses { if let d = a.district, districts[d] == nil { districts[d] = Int32(districts.count) } }
        self.districtVocabulary = districts
    }

    /// Width of each block in the dense layout.
    public var blockDimensions: [Int] {
        FeatureBlock.allCases.map { b in
            switch b {
            case .lexical: return lexical.dimension
            case .concept: return model.conceptVocabulary.dimension
            case .semantic: return model.projection?.rank ?? 0
            case .domain: return domainVocabulary.count
            case .district: return districtVocabulary.count
            }
        }
    }

    public var dimension: Int { blockDimensions.reduce(0, +) }

    public func encode(_ s: Scenario) -> Encoded { encode(RecordAnalysis(s, tokenizer: tokenizer), side: .demand) }
    public func encode(_ c: Company) -> Encoded { encode(RecordAnalysis(c, tokenizer: tokenizer), side: .supply) }

    /// The concept block is asymmetric: it measures how much of what a scenario needs the
    /// company covers, not how alike the two lists of concepts are.
    public enum Side: Sendable { case demand, supply }

    public func encode(_ a: RecordAnalysis, side: Side) -> Encoded {
        let concepts = expansion?.expand(a.concepts) ?? [:]
        let conceptVector = side == .demand ? needs(concepts) : coverage(concepts)
        var blocks: [SparseVector] = []
        for b in FeatureBlock.allCases {
            switch b {
            case .lexical:
                blocks.append(lexical.vector(weighted: a.ngrams))
            case .concept:
                blocks.append(conceptVector)
            case .semantic:
                blocks.append(semanticVector(a, concepts: concepts))
            case .domain:
                var w: [Int32: Float] = [:]
                for d in a.declaredDomains { if let i = domainVocabulary[d] { w[i] = 1 } }
                for d in expansion?.domains(of: a.concepts) ?? [] {
                    if let i = domainVocabulary[d] { w[i] = max(w[i] ?? 0, 0.5) }
                }
                blocks.append(Self.sparse(w))
            case .district:
                var w: [Int32: Float] = [:]
                if let d = a.district, let i = districtVocabulary[d] { w[i] = 1 }
                blocks.append(Self.sparse(w))
            }
        }
        return Encoded(blocks: blocks, concepts: concepts, named: Set(a.concepts.keys))
    }

    /// A scenario's concepts as needs: IDF-weighted, summing to 1, so that the dot product
    /// with a company's coverage is the covered share of the needs.
    func needs(_ concepts: [String: Float]) -> SparseVector {
        let v = model.conceptVocabulary.vector(weighted: concepts.mapValues { min($0, 1) }, normalize: false)
        let total = v.values.reduce(0, +)
        return total > 0 ? v.scaled(by: 1 / total) : v
    }

    /// A company's concepts as coverage: 1 for what it names, the link weight for what its
    /// products serve.
    func coverage(_ concepts: [String: Float]) -> SparseVector {
        var pairs: [(Int32, Float)] = []
        for (id, w) in concepts { if let i = model.conceptVocabulary.index(of: id) { pairs.append((i, min(w, 1))) } }
        pairs.sort { $0.0 < $1.0 }
        return SparseVector(indices: pairs.map(\.0), values: pairs.map(\.1))
    }

    /// The semantic block reads n-grams and concepts through the model's own vocabulary.
    func semanticVector(_ a: RecordAnalysis, concepts: [String: Float]) -> SparseVector {
        guard let projection = model.projection else { return SparseVector() }
        return projection.project(Self.semanticInput(a, concepts: concepts, vocabulary: model.semanticVocabulary))
    }

    /// Concept features are prefixed in the semantic vocabulary so they never meet an n-gram.
    public static func semanticInput(_ a: RecordAnalysis, concepts: [String: Float], vocabulary: TFIDFVectorizer) -> SparseVector {
        var counts = a.ngrams
        for (c, w) in concepts { counts[Lexicon.featurePrefix + c] = w }
        return vocabulary.vector(weighted: counts)
    }

    static func sparse(_ w: [Int32: Float]) -> SparseVector {
        let keys = w.keys.sorted()
        return SparseVector(indices: keys, values: keys.map { w[$0]! }).normalized()
    }

    /// Each block's contribution wᵦ·⟨c, s⟩; they add up to the score.
    public func contributions(_ c: Encoded, _ s: Encoded) -> [FeatureBlock: Float] {
        var out: [FeatureBlock: Float] = [:]
        for (i, b) in FeatureBlock.allCases.enumerated() {
            out[b] = model.weights[b] * c.blocks[i].dot(s.blocks[i])
        }
        return out
    }
}
