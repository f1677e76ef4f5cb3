/// Precision at k: `P_k = (relevant docs in ranks 1…k) / k`.
///
/// The denominator is k even when fewer than k documents were retrieved: trec_eval assumes the
/// missing ranks are filled with non-relevant documents.
/// Source: trec_eval m_P.c (`te_calc_P`); default cutoffs 5, 10, 15, 20, 30, 100, 200, 500, 1000.
public struct Precision: MetricFamily {
    public let name = "P"
    public let defaultCutoffs = trecEvalLongCutoffs

    public init() {}

    public func value(of list: JudgedList, cutoff: Int?) -> Double {
        let k = cutoff ?? list.retrievedCount
        guard k > 0 else { return 0 }
        let relevant = (0..<min(k, list.retrievedCount)).count(where: list.isRelevant(at:))
        return Double(relevant) / Double(k)
    }
}
