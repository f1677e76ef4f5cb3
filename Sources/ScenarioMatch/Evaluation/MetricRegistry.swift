import Foundation

/// The measure families the evaluator knows, in the order trec_eval prints them (the order of
/// `te_trec_measures[]` in trec_eval's measures.c), and the parser for `--metrics` lists.
public struct MetricRegistry: Sendable {
    public let families: [any MetricFamily]

    public init(families: [any MetricFamily]) {
        self.families = families
    }

    public static let trecEval = MetricRegistry(families: [
        AveragePrecision(),
        ReciprocalRank(),
        Precision(),
        Recall(),
        NDCG(),
        NDCG.cut,
        AveragePrecision.cut,
        Success(),
    ])

    /// What `eval` prints when no `--metrics` are given: the contract's headline measures.
    public static let defaultList = "map,recip_rank,P_5,P_10,recall_10,recall_100,ndcg,ndcg_cut_10,success_1"

    /// Parses a comma-separated list of trec_eval names (`ndcg_cut_10,map,P`). Duplicates are
    /// dropped and the result follows trec_eval's print order: by family as listed above, then by
    /// cutoff ascending, whatever order the list gave.
    public func measures(parsing list: String) throws(MeasureNameError) -> [Measure] {
        var chosen: [(family: Int, measure: Measure)] = []
        var seen: Set<String> = []
        for token in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !token.isEmpty {
            guard let (index, measures) = try resolve(token) else {
                let known = families.map { $0.defaultCutoffs.isEmpty ? $0.name : "\($0.name)[_k]" }.joined(separator: ", ")
                throw MeasureNameError(name: token, reason: "known measures are \(known)")
            }
            for measure in measures where seen.insert(measure.name).inserted {
                chosen.append((index, measure))
            }
        }
        guard !chosen.isEmpty else { throw MeasureNameError(name: list, reason: "the list names no measure") }
        return chosen.sorted {
            ($0.family, $0.measure.cutoff ?? 0) < ($1.family, $1.measure.cutoff ?? 0)
        }.map(\.measure)
    }

    /// Every measure of the named families at their default cutoffs, e.g. for curves over k.
    public func allMeasures(of familyNames: [String]) -> [Measure] {
        families.filter { familyNames.contains($0.name) }.flatMap { family in
            family.defaultCutoffs.isEmpty
                ? [Measure(family: family, cutoff: nil)]
                : family.defaultCutoffs.map { Measure(family: family, cutoff: $0) }
        }
    }

    private func resolve(_ token: String) throws(MeasureNameError) -> (Int, [Measure])? {
        for (index, family) in families.enumerated() {
            if let measures = try family.measures(named: token) { return (index, measures) }
        }
        return nil
    }
}
