/// Success at k: `success_k = 1` if a relevant document is in ranks 1…k, else 0.
/// Source: trec_eval m_success.c (`te_calc_success`). Its default cutoffs are 1, 5 and 10, not
/// the long list the other cutoff measures use, and we keep trec_eval's.
public struct Success: MetricFamily {
    public let name = "success"
    public let defaultCutoffs = [1, 5, 10]

    public init() {}

    public func value(of list: JudgedList, cutoff: Int?) -> Double {
        let k = min(cutoff ?? .max, list.retrievedCount)
        return (0..<k).contains(where: list.isRelevant(at:)) ? 1 : 0
    }
}
