/// Reciprocal rank of the first relevant document: `recip_rank = 1 / rank₁`, 0 when no relevant
/// document is retrieved. There is no cutoff: trec_eval looks down the whole ranking.
/// Source: trec_eval m_recip_rank.c (`te_calc_recip_rank`).
public struct ReciprocalRank: MetricFamily {
    public let name = "recip_rank"
    public let defaultCutoffs: [Int] = []

    public init() {}

    public func value(of list: JudgedList, cutoff: Int?) -> Double {
        guard let first = (0..<list.retrievedCount).first(where: list.isRelevant(at:)) else { return 0 }
        return 1.0 / Double(first + 1)
    }
}
