import Foundation

/// Normalized discounted cumulative gain: `ndcg` over the whole ranking, `ndcg_cut_k` over its
/// first k documents.
///
///     DCG@k  = Σ_{i=1…k} gain(doc i) / log2(i + 1)
///     nDCG@k = DCG@k / IDCG@k,   0 when IDCG@k = 0
///
/// The gain is the judged grade itself (a grade-3 document gains 3, not 2³−1); unjudged documents
/// and negative grades gain nothing. The ideal ranking puts every judged document of grade ≥ 1,
/// retrieved or not, in grade order, so IDCG comes from the qrels alone. The relevance level
/// plays no part: a grade-1 document gains 1 even under `-l 2`.
/// Source: trec_eval m_ndcg.c (`te_calc_ndcg`, default gains) and m_ndcg_cut.c
/// (`te_calc_ndcg_cut`), in the versions that discount rank r by log2(r + 1) for every r
/// (trec_eval ≥ 9.0.5; older ones left rank 2 undiscounted as well).
public struct NDCG: MetricFamily {
    public let name: String
    public let defaultCutoffs: [Int]

    /// `ndcg`.
    public init() {
        name = "ndcg"
        defaultCutoffs = []
    }

    private init(cutName: String) {
        name = cutName
        defaultCutoffs = trecEvalLongCutoffs
    }

    /// `ndcg_cut_k`.
    public static let cut = NDCG(cutName: "ndcg_cut")

    public func value(of list: JudgedList, cutoff: Int?) -> Double {
        let k = cutoff ?? .max
        let ideal = NDCG.idealDCG(gradeCounts: list.gradeCounts, cutoff: k)
        guard ideal > 0 else { return 0 }
        return NDCG.dcg(relevance: list.relevance, cutoff: k) / ideal
    }

    /// Discounted gain of the ranking's first `cutoff` documents.
    public static func dcg(relevance: [Int], cutoff: Int) -> Double {
        var sum = 0.0
        for (i, grade) in relevance.prefix(cutoff).enumerated() where grade > 0 {
            // i + 2 because index i holds rank i + 1; trec_eval writes it the same way.
            sum += Double(grade) / log2(Double(i + 2))
        }
        return sum
    }

    /// Discounted gain of the best possible ranking of the judged documents.
    public static func idealDCG(gradeCounts: [Int], cutoff: Int) -> Double {
        var sum = 0.0
        var i = 0
        for grade in stride(from: gradeCounts.count - 1, through: 1, by: -1) {
            for _ in 0..<gradeCounts[grade] {
                guard i < cutoff else { return sum }
                sum += Double(grade) / log2(Double(i + 2))
                i += 1
            }
        }
        return sum
    }
}
