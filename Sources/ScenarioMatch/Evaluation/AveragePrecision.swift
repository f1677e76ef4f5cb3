/// Average precision: `map` over the whole ranking, `map_cut_k` over its first k documents.
///
///     AP@k = (1 / R) · Σ_{i ≤ k, doc i relevant} (relevant docs in ranks 1…i) / i
///
/// where R is the number of relevant judged documents of the query, retrieved or not (so a
/// cutoff never shrinks the denominator), and AP = 0 when R = 0.
/// Source: trec_eval m_map.c (`te_calc_map`) and m_map_cut.c (`te_calc_map_cut`).
public struct AveragePrecision: MetricFamily {
    public let name: String
    public let defaultCutoffs: [Int]

    /// `map`.
    public init() {
        name = "map"
        defaultCutoffs = []
    }

    private init(cutName: String) {
        name = cutName
        defaultCutoffs = trecEvalLongCutoffs
    }

    /// `map_cut_k`.
    public static let cut = AveragePrecision(cutName: "map_cut")

    public func value(of list: JudgedList, cutoff: Int?) -> Double {
        guard list.relevantCount > 0 else { return 0 }
        var relevantSoFar = 0
        var sum = 0.0
        for i in 0..<min(cutoff ?? .max, list.retrievedCount) where list.isRelevant(at: i) {
            relevantSoFar += 1
            // Same operations, in the same order, as trec_eval: figures agree to the last bit.
            sum += Double(relevantSoFar) / Double(i + 1)
        }
        return sum / Double(list.relevantCount)
    }
}
