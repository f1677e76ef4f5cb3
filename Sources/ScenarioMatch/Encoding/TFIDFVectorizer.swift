import Foundation

/// Sublinear TF-IDF over a fixed vocabulary: weight = (1 + ln tf) · idf, with the smooth
/// idf = ln((1 + N) / (1 + df)) + 1, then L2-normalized.
public struct TFIDFVectorizer: Sendable, Equatable, Codable {
    public private(set) var terms: [String]
    public private(set) var idf: [Float]
    private var lookup: [String: Int32]

    public var dimension: Int { terms.count }

    public init(terms: [String], idf: [Float]) {
        precondition(terms.count == idf.count)
        self.terms = terms
        self.idf = idf
        var lookup: [String: Int32] = [:]
        lookup.reserveCapacity(terms.count)
        for (i, t) in terms.enumerated() { lookup[t] = Int32(i) }
        self.lookup = lookup
    }

    enum CodingKeys: String, CodingKey { case terms, idf }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(terms: try c.decode([String].self, forKey: .terms), idf: try c.decode([Float].self, forKey: .idf))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(terms, forKey: .terms)
        try c.encode(idf, forKey: .idf)
    }

    /// Learns the vocabulary and document frequencies from tokenized documents. Terms seen
    /// in fewer than `minDocuments` documents are dropped; at most `maxTerms` are kept,
    /// the most frequent first (ties by term, so the result is deterministic).
    public static func fit(documents: [[String]], minDocuments: Int = 1, maxTerms: Int = 1 << 16) -> TFIDFVectorizer {
        var df: [String: Int] = [:]
        for doc in documents {
            for t in Set(doc) { df[t, default: 0] += 1 }
        }
        let kept = df.filter { $0.value >= minDocuments }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(maxTerms)
            .sorted { $0.key < $1.key }
        let n = Float(documents.count)
        return TFIDFVectorizer(
            terms: kept.map(\.key),
            idf: kept.map { log((1 + n) / (1 + Float($0.value))) + 1 })
    }

    public func index(of term: String) -> Int32? { lookup[term] }

    /// TF-IDF of a token list, L2-normalized unless asked otherwise.
    public func vector(_ tokens: [String], normalize: Bool = true) -> SparseVector {
        var tf: [String: Float] = [:]
        for t in tokens { tf[t, default: 0] += 1 }
        return vector(weighted: tf, normalize: normalize)
    }

    /// TF-IDF of fractional counts: a count of at least one gets the sublinear 1 + ln tf,
    /// a smaller one (a feature inferred through a lexicon link) counts as itself.
    public func vector(weighted counts: [String: Float], normalize: Bool = true) -> SparseVector {
        var pairs: [(Int32, Float)] = []
        pairs.reserveCapacity(counts.count)
        for (term, tf) in counts where tf > 0 {
            guard let i = lookup[term] else { continue }
            pairs.append((i, (tf >= 1 ? 1 + log(tf) : tf) * idf[Int(i)]))
        }
        pairs.sort { $0.0 < $1.0 }
        let v = SparseVector(indices: pairs.map(\.0), values: pairs.map(\.1))
        return normalize ? v.normalized() : v
    }
}
