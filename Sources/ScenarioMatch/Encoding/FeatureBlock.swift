/// The blocks a record's vector is made of. Each block gives a similarity in [0, 1] as a dot
/// product (cosine of unit vectors, or for concepts the covered share of a scenario's
/// needs), and the final vector scales block `b` by √wᵦ, so one dot product is the exact
/// weighted sum Σ wᵦ·sᵦ and each block's share can be shown in the reasons.
public enum FeatureBlock: String, CaseIterable, Codable, Sendable {
    /// Character n-gram TF-IDF: what both texts literally share.
    case lexical
    /// Lexicon concepts: the share of the scenario's needs (IDF-weighted) that the company
    /// names, or reaches through the applications its products and technologies serve.
    case concept
    /// A latent space learned by truncated SVD of the weighted term matrix.
    case semantic
    /// Declared domains and industries, and the domains of the concepts a text names.
    case domain
    /// The registered district against the scenario's district: local suppliers first.
    case district

    /// Shown in reasons.
    public var label: String {
        switch self {
        case .lexical: return "文本"
        case .concept: return "概念"
        case .semantic: return "语义"
        case .domain: return "领域"
        case .district: return "区县"
        }
    }
}

/// Non-negative block weights.
public struct BlockWeights: Codable, Sendable, Equatable {
    public var values: [FeatureBlock: Float]

    public init(_ values: [FeatureBlock: Float]) { self.values = values }

    public subscript(block: FeatureBlock) -> Float {
        get { values[block] ?? 0 }
        set { values[block] = max(0, newValue) }
    }

    /// Before any training: text and concepts carry the match, structure nudges it.
    public static let untrained = BlockWeights([.lexical: 1, .concept: 0.8, .semantic: 0.5, .domain: 0.3, .district: 0.05])

    public init(from decoder: Decoder) throws {
        let raw = try [String: Float](from: decoder)
        var v: [FeatureBlock: Float] = [:]
        for (k, x) in raw { if let b = FeatureBlock(rawValue: k) { v[b] = x } }
        values = v
    }

    public func encode(to encoder: Encoder) throws {
        var raw: [String: Float] = [:]
        for (k, x) in values { raw[k.rawValue] = x }
        try raw.encode(to: encoder)
    }
}
