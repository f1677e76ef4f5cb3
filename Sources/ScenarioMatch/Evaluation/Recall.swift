/// Recall at k: `recall_k = (relevant docs in ranks 1…k) / R`, R the query's relevant judged
/// documents; 0 when R = 0.
/// Source: trec_eval m_recall.c (`te_calc_recall`); default cutoffs 5, 10, 15, 20, 30, 100, 200,
/// 500, 1000.
public struct Recall: MetricFamily {
    public let name = "recall"
    public let defaultCutoffs = trecEvalLongCutoffs

    public init() {}

    public func value(of list: JudgedList, cutoff: Int?) -> Double {
        guard list.relevantCount > 0 else { return 0 }
        let k = min(cutoff ?? .max, list.retrievedCount)
        let relevant = (0..<k).count(where: list.isRelevant(at:))
        return Double(relevant) / Double(list.relevantCount)
    }
}
