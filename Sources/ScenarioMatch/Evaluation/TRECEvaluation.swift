/// The figures trec_eval prints for a qrels and a run: one value per (query, measure) and the
/// average of each measure.
///
/// Averages follow trec_eval without `-c`: the arithmetic mean over the queries that have both
/// judgments and run entries (`te_calc_avg_meas_s` / `_a_cut` divide the sum by `num_q`), summed
/// in trec_eval's query order so that even the last bit agrees. Queries with judgments but no
/// relevant document take part and count 0 for every measure here, as in trec_eval.
public struct TRECEvaluation: Sendable {
    public let measures: [Measure]
    /// Evaluated queries in trec_eval's `-q` order.
    public let queries: [String]
    /// `values[q][m]`: measure m of query q.
    public let values: [[Double]]
    /// Mean of each measure over `queries`; 0 when no query was evaluated.
    public let averages: [Double]

    public init(lists: [JudgedList], measures: [Measure]) {
        self.measures = measures
        self.queries = lists.map(\.query)
        self.values = lists.map { list in measures.map { $0.value(of: list) } }
        var sums = Array(repeating: 0.0, count: measures.count)
        for row in values {
            for m in row.indices { sums[m] += row[m] }
        }
        let n = Double(lists.count)
        self.averages = sums.map { lists.isEmpty ? 0 : $0 / n }
    }

    public init(qrels: TRECQrels, run: TRECRun, measures: [Measure], relevanceLevel: Int = 1) {
        self.init(lists: JudgedList.build(qrels: qrels, run: run, relevanceLevel: relevanceLevel), measures: measures)
    }

    public func measureIndex(named name: String) -> Int? {
        measures.firstIndex { $0.name == name }
    }

    public func average(of name: String) -> Double? {
        measureIndex(named: name).map { averages[$0] }
    }

    /// query → value of the named measure.
    public func perQuery(_ name: String) -> [String: Double] {
        guard let m = measureIndex(named: name) else { return [:] }
        return Dictionary(uniqueKeysWithValues: zip(queries, values.map { $0[m] }))
    }
}
